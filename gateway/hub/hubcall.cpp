#include "hubcall.h"

#include "colink/colinkmessage.h"
#include "hub/hubnode.h"

#include <QJsonDocument>

HubCall::HubCall(HubNode *node, QString requestId, QString model, QJsonObject payload, bool stream, QObject *parent)
    : UpstreamExchange(parent), m_node(node), m_requestId(std::move(requestId)), m_model(std::move(model)),
      m_payload(std::move(payload)), m_stream(stream)
{
}

HubCall::~HubCall()
{
    abort();
}

void HubCall::start()
{
    m_running = true;
    if (!m_node || !m_node->send(Colink::call(m_requestId, m_model, m_payload))) {
        // The reference server bans a node whose socket write fails; so does the relay, on this failure.
        fail(Failure::Connect, QStringLiteral("the node's connection is gone"));
        return;
    }
    m_payload = {}; // sent; no need to keep a possibly large body
    Q_EMIT connected();
}

QByteArray HubCall::header(QByteArrayView name) const
{
    if (name.compare("Content-Type", Qt::CaseInsensitive) == 0)
        return m_contentType;
    return {};
}

void HubCall::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (paused || !m_running)
        return;
    // Resumed: hand over what arrived meanwhile, then the end if it came too.
    const QByteArray held = std::exchange(m_held, {});
    if (!held.isEmpty())
        Q_EMIT bodyData(held);
    if (m_running && m_finishHeld)
        complete();
}

void HubCall::abort()
{
    if (!m_running)
        return;
    m_running = false;
    cancelOnNode();
}

void HubCall::cancelOnNode()
{
    // The node stops generating for nobody (the reference node ignores this and runs to the end).
    if (m_node)
        m_node->send(Colink::cancel(m_requestId));
    detach();
}

void HubCall::begin(int status, const QByteArray &contentType)
{
    m_status = status;
    m_contentType = contentType;
    Q_EMIT responseStarted();
}

void HubCall::deliver(const QByteArray &bytes)
{
    if (!m_running)
        return;
    if (!m_paused) {
        Q_EMIT bodyData(bytes);
        return;
    }
    m_held += bytes;
    if (m_held.size() > maxHeldBytes) {
        cancelOnNode(); // nobody would read the rest in time
        fail(Failure::CallerTooSlow, QStringLiteral("the caller reads too slowly; the call was cancelled"));
    }
}

void HubCall::onStream(const QJsonObject &chunk)
{
    if (!m_running)
        return;
    const QByteArray json = QJsonDocument(chunk).toJson(QJsonDocument::Compact);
    if (!m_stream) {
        // Exactly one STREAM holds the whole answer; the reference server also keeps only the first.
        if (m_status != 0)
            return;
        begin(200, QByteArrayLiteral("application/json"));
        deliver(json);
        return;
    }
    if (m_status == 0)
        begin(200, QByteArrayLiteral("text/event-stream"));
    if (m_running)
        deliver(QByteArrayLiteral("data: ") + json + QByteArrayLiteral("\n\n"));
}

void HubCall::onFinish()
{
    if (!m_running)
        return;
    if (m_status == 0) {
        fail(Failure::Protocol, QStringLiteral("the node finished the call without an answer"));
        return;
    }
    if (m_stream)
        deliver(QByteArrayLiteral("data: [DONE]\n\n"));
    if (!m_running)
        return;
    if (m_paused) {
        // The node is done: nothing it does from now on (leaving, say) may spoil this answer.
        m_finishHeld = true;
        detach();
        m_node = nullptr;
        return;
    }
    complete();
}

void HubCall::onError(int code, const QString &message)
{
    if (!m_running)
        return;
    if (m_status != 0) {
        // Part of the answer has gone out: the call is cut, not refused.
        detach();
        fail(Failure::Interrupted, message.isEmpty() ? QStringLiteral("the node reported an error") : message);
        return;
    }
    detach();
    // BUSY: full (it may serve other servers too). Unsupported model: it re-registered meanwhile.
    m_refused = (code == 503 && message.startsWith(QLatin1String("BUSY")))
        || (code == 400 && message == QLatin1String(Colink::unsupportedModelMessage));
    const int status = code >= 400 && code <= 599 ? code : 502;
    begin(status, QByteArrayLiteral("application/json"));
    const QJsonObject error{{QStringLiteral("message"), message},
                            {QStringLiteral("type"), QStringLiteral("colink_node_error")},
                            {QStringLiteral("code"), code}};
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
    // An error answer is short and must not wait for a paused caller.
    if (m_running)
        Q_EMIT bodyData(body);
    if (m_running)
        complete();
}

void HubCall::onNodeGone(const QString &why)
{
    if (!m_running)
        return;
    m_node = nullptr;
    fail(m_status == 0 ? Failure::Connect : Failure::Interrupted, why);
}

void HubCall::complete()
{
    m_running = false;
    detach();
    Q_EMIT finished();
}

void HubCall::fail(Failure failure, const QString &why)
{
    m_failure = failure;
    m_error = why;
    m_held.clear();
    complete();
}

void HubCall::detach()
{
    if (m_node)
        m_node->forget(m_requestId);
}
