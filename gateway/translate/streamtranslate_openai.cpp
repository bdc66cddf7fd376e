#include "openaichunks.h"

#include <QJsonArray>
#include <QJsonDocument>

QList<QJsonObject> OpenAiChunkSource::onEvent(const SseParser::Event &event)
{
    if (event.data == "[DONE]") {
        m_done = true;
        return {};
    }
    const QJsonDocument doc = QJsonDocument::fromJson(event.data);
    if (!doc.isObject())
        return {}; // keep-alives and comments from some servers
    const QJsonObject chunk = doc.object();
    for (const QJsonValue &choice : chunk.value(QLatin1String("choices")).toArray()) {
        if (choice.toObject().value(QLatin1String("finish_reason")).isString())
            m_finished = true;
    }
    return {chunk};
}

namespace {

QByteArray event(const QJsonObject &chunk)
{
    return "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

QByteArray OpenAiChunkSink::onChunk(const QJsonObject &chunk)
{
    const QString usageKey = QStringLiteral("usage");
    if (!chunk.contains(usageKey))
        return event(chunk);
    QJsonObject content = chunk;
    content.remove(usageKey);
    QByteArray out;
    if (!content.value(QLatin1String("choices")).toArray().isEmpty())
        out += event(content);
    if (m_includeUsage) {
        QJsonObject usage = content;
        usage.insert(QStringLiteral("choices"), QJsonArray());
        usage.insert(usageKey, chunk.value(usageKey));
        out += event(usage);
    }
    return out;
}

QByteArray OpenAiChunkSink::onEnd()
{
    return QByteArrayLiteral("data: [DONE]\n\n");
}
