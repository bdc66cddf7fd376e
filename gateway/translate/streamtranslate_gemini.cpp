#include "streamtranslate.h"

#include "translate/geminiparts.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

// Gemini's SSE stream → OpenAI chunks, and a whole OpenAI answer → the chunks a stream would have sent.

namespace {

QString str(const char *s)
{
    return QString::fromLatin1(s);
}

QJsonObject chunk(const QString &id, qint64 created, const QString &model, const QJsonObject &delta,
                  const QJsonValue &finish = QJsonValue())
{
    return QJsonObject{{str("id"), id},
                       {str("object"), str("chat.completion.chunk")},
                       {str("created"), QJsonValue(created)},
                       {str("model"), model},
                       {str("choices"), QJsonArray{QJsonObject{{str("index"), 0},
                                                               {str("delta"), delta},
                                                               {str("finish_reason"), finish}}}}};
}

} // namespace

GeminiChunkSource::GeminiChunkSource(const QString &model)
    : m_model(model), m_id(QStringLiteral("chatcmpl-gemini-%1").arg(QDateTime::currentMSecsSinceEpoch())),
      m_created(QDateTime::currentSecsSinceEpoch())
{
}

QList<QJsonObject> GeminiChunkSource::onEvent(const SseParser::Event &event)
{
    const QJsonDocument doc = QJsonDocument::fromJson(event.data);
    const QJsonObject response = doc.isArray() ? doc.array().first().toObject() : doc.object();
    if (response.isEmpty())
        return {};
    if (response.contains(QLatin1String("error"))) {
        const QJsonObject e = response.value(QLatin1String("error")).toObject();
        return {QJsonObject{{str("error"), QJsonObject{{str("message"), e.value(QLatin1String("message"))},
                                                       {str("type"), str("api_error")},
                                                       {str("code"), e.value(QLatin1String("status"))}}}}};
    }
    QList<QJsonObject> out;
    if (!m_sentRole) {
        m_sentRole = true;
        out << chunk(m_id, m_created, m_model, QJsonObject{{str("role"), str("assistant")}, {str("content"), QString()}});
    }
    const QJsonObject candidate = response.value(QLatin1String("candidates")).toArray().first().toObject();
    GeminiParts::Answer answer = GeminiParts::answerOf(candidate, m_toolCalls);
    const QString &text = answer.text;
    // Gemini sends a call whole, so its arguments go out in one piece.
    QJsonArray toolCalls;
    for (const QJsonValue &v : std::as_const(answer.toolCalls)) {
        QJsonObject call = v.toObject();
        call.insert(str("index"), m_toolCalls++);
        toolCalls.append(call);
    }
    if (!text.isEmpty())
        out << chunk(m_id, m_created, m_model, QJsonObject{{str("content"), text}});
    if (!toolCalls.isEmpty())
        out << chunk(m_id, m_created, m_model, QJsonObject{{str("tool_calls"), toolCalls}});

    const QString reason = candidate.value(QLatin1String("finishReason")).toString();
    const bool blocked = response.value(QLatin1String("promptFeedback")).toObject().contains(QLatin1String("blockReason"));
    if (!reason.isEmpty() || blocked) {
        m_complete = true;
        const QString finish = GeminiParts::finishReason(reason, m_toolCalls > 0, blocked);
        QJsonObject last = chunk(m_id, m_created, m_model, QJsonObject(), finish);
        if (response.contains(QLatin1String("usageMetadata")))
            last.insert(str("usage"), GeminiParts::usage(response.value(QLatin1String("usageMetadata")).toObject()));
        out << last;
    }
    return out;
}

QList<QJsonObject> GeminiChunkSource::onEnd()
{
    return {}; // Gemini has no end marker beyond the finishReason; a close without it is a cut (complete() says)
}

QList<QJsonObject> Translate::responseToChunks(const QJsonObject &openAiResponse)
{
    const QString id = openAiResponse.value(QLatin1String("id")).toString();
    const qint64 created = openAiResponse.value(QLatin1String("created")).toInteger();
    const QString model = openAiResponse.value(QLatin1String("model")).toString();
    const QJsonObject choice = openAiResponse.value(QLatin1String("choices")).toArray().first().toObject();
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();

    QList<QJsonObject> out;
    out << chunk(id, created, model, QJsonObject{{str("role"), str("assistant")}, {str("content"), QString()}});
    const QString content = message.value(QLatin1String("content")).toString();
    if (!content.isEmpty())
        out << chunk(id, created, model, QJsonObject{{str("content"), content}});
    const QJsonArray calls = message.value(QLatin1String("tool_calls")).toArray();
    for (int i = 0; i < calls.size(); ++i) {
        QJsonObject call = calls.at(i).toObject();
        call.insert(str("index"), i);
        out << chunk(id, created, model, QJsonObject{{str("tool_calls"), QJsonArray{call}}});
    }
    QJsonObject last = chunk(id, created, model, QJsonObject(), choice.value(QLatin1String("finish_reason")));
    if (openAiResponse.contains(QLatin1String("usage")))
        last.insert(str("usage"), openAiResponse.value(QLatin1String("usage")));
    out << last;
    return out;
}
