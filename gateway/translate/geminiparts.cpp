#include "geminiparts.h"

#include <QJsonDocument>
#include <QStringList>

QJsonObject GeminiParts::usage(const QJsonObject &meta)
{
    const qint64 prompt = meta.value(QLatin1String("promptTokenCount")).toInteger();
    const qint64 completion = meta.value(QLatin1String("candidatesTokenCount")).toInteger()
        + meta.value(QLatin1String("thoughtsTokenCount")).toInteger();
    QJsonObject usage{{QStringLiteral("prompt_tokens"), prompt},
                      {QStringLiteral("completion_tokens"), completion},
                      {QStringLiteral("total_tokens"), prompt + completion}};
    if (meta.contains(QLatin1String("cachedContentTokenCount")))
        usage.insert(QStringLiteral("prompt_tokens_details"),
                     QJsonObject{{QStringLiteral("cached_tokens"), meta.value(QLatin1String("cachedContentTokenCount"))}});
    return usage;
}

QJsonObject GeminiParts::toolCall(const QJsonObject &functionCall, int index)
{
    const QByteArray arguments =
        QJsonDocument(functionCall.value(QLatin1String("args")).toObject()).toJson(QJsonDocument::Compact);
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("call_%1").arg(index + 1)},
                       {QStringLiteral("type"), QStringLiteral("function")},
                       {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), functionCall.value(QLatin1String("name"))},
                                                               {QStringLiteral("arguments"), QString::fromUtf8(arguments)}}}};
}

GeminiParts::Answer GeminiParts::answerOf(const QJsonObject &candidate, int firstToolIndex)
{
    Answer answer;
    const QJsonArray parts = candidate.value(QLatin1String("content")).toObject().value(QLatin1String("parts")).toArray();
    for (const QJsonValue &v : parts) {
        const QJsonObject part = v.toObject();
        if (part.value(QLatin1String("thought")).toBool())
            continue;
        answer.text += part.value(QLatin1String("text")).toString();
        if (part.contains(QLatin1String("functionCall")))
            answer.toolCalls.append(toolCall(part.value(QLatin1String("functionCall")).toObject(),
                                             firstToolIndex + int(answer.toolCalls.size())));
    }
    return answer;
}

QString GeminiParts::finishReason(const QString &gemini, bool calledTools, bool promptBlocked)
{
    static const QStringList filtered{QStringLiteral("SAFETY"), QStringLiteral("RECITATION"), QStringLiteral("BLOCKLIST"),
                                      QStringLiteral("PROHIBITED_CONTENT"), QStringLiteral("SPII"),
                                      QStringLiteral("IMAGE_SAFETY")};
    if (promptBlocked || filtered.contains(gemini))
        return QStringLiteral("content_filter");
    if (gemini == QLatin1String("MAX_TOKENS"))
        return QStringLiteral("length");
    return calledTools ? QStringLiteral("tool_calls") : QStringLiteral("stop");
}
