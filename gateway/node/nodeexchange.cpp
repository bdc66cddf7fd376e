#include "nodeexchange.h"

#include "colink/colinkmessage.h"
#include "providers/registry.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

// The message of an OpenAI error body (the relay speaks OpenAI to a node), or the start of whatever else came.
QString errorMessageOf(const QByteArray &body)
{
    const QString message = ProviderRegistry::adapter(QStringLiteral("openai"))->errorMessageOf(body);
    return message.isEmpty() ? QString::fromUtf8(body.left(300)).simplified() : message;
}

} // namespace

NodeExchange::NodeExchange(QString requestId, bool stream, QObject *parent)
    : ClientExchange(parent), m_requestId(std::move(requestId)), m_stream(stream)
{
}

void NodeExchange::respond(int status, const HeaderList &, const QByteArray &body)
{
    if (m_done)
        return;
    m_begun = true;
    if (status >= 200 && status < 300) {
        sendChunk(body);
        if (!m_done) {
            Q_EMIT outgoing(Colink::finish(m_requestId));
            end();
        }
        return;
    }
    sendError(status, errorMessageOf(body));
}

void NodeExchange::beginChunked(int, const HeaderList &)
{
    m_begun = true;
}

void NodeExchange::writeChunk(const QByteArray &data)
{
    if (m_done)
        return;
    if (!m_stream) {
        if (m_whole.size() + data.size() > maxWholeAnswerBytes) {
            sendError(502, QStringLiteral("The provider's answer is larger than %1 bytes.").arg(maxWholeAnswerBytes),
                      Relay::StillRunning);
            return;
        }
        m_whole += data;
        return;
    }
    const QList<SseParser::Event> events = m_events.feed(data);
    for (const SseParser::Event &event : events) {
        if (m_done)
            return;
        if (event.data.isEmpty() || event.data == "[DONE]")
            continue; // FINISH says it
        const QJsonObject chunk = QJsonDocument::fromJson(event.data).object();
        if (chunk.contains(QLatin1String("error")) && !chunk.contains(QLatin1String("choices"))) {
            // The relay's way of saying the provider failed after the answer began; it ends the answer itself.
            sendError(502, errorMessageOf(event.data));
            return;
        }
        sendChunk(event.data);
    }
}

void NodeExchange::endChunked()
{
    if (m_done)
        return;
    if (!m_stream)
        sendChunk(m_whole);
    if (m_done)
        return;
    Q_EMIT outgoing(Colink::finish(m_requestId));
    end();
}

void NodeExchange::abortConnection()
{
    sendError(502, QStringLiteral("The provider broke off its answer."));
}

void NodeExchange::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    end();
    Q_EMIT clientGone();
}

void NodeExchange::sendChunk(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject()) {
        sendError(502, QStringLiteral("The provider's answer is not a JSON object."), Relay::StillRunning);
        return;
    }
    Q_EMIT outgoing(Colink::stream(m_requestId, doc.object()));
}

void NodeExchange::sendError(int code, const QString &message, Relay relay)
{
    if (m_done)
        return;
    m_failed = true;
    Q_EMIT outgoing(Colink::error(m_requestId, code, message));
    end(relay);
}

void NodeExchange::end(Relay relay)
{
    m_done = true;
    Q_EMIT ended();
    if (relay == Relay::Finished) {
        deleteLater();
        return;
    }
    // The relay is still reading its provider and counts as running: tell it, once out of its call stack.
    QMetaObject::invokeMethod(this, [this] {
        Q_EMIT clientGone();
        deleteLater();
    }, Qt::QueuedConnection);
}
