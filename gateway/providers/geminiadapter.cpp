#include "geminiadapter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

HeaderList geminiHeaders(const QString &apiKey)
{
    return {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
            {QByteArrayLiteral("x-goog-api-key"), apiKey.toUtf8()}};
}

} // namespace

UpstreamRequest GeminiAdapter::buildRequest(ApiKind, const UpstreamTarget &target, const QByteArray &body) const
{
    const QString base = target.baseUrl.isEmpty() ? defaultBaseUrl() : target.baseUrl;
    // Model names may come as "models/gemini-x" (as Google lists them) or bare.
    QString model = target.model;
    if (model.startsWith(QLatin1String("models/")))
        model = model.mid(7);
    const QString method = target.stream ? QStringLiteral(":streamGenerateContent?alt=sse")
                                         : QStringLiteral(":generateContent");
    return UpstreamRequest{QUrl(base + QStringLiteral("/models/") + model + method), geminiHeaders(target.apiKey), body};
}

UpstreamRequest GeminiAdapter::buildModelsRequest(const QString &baseUrl, const QString &apiKey) const
{
    const QString base = baseUrl.isEmpty() ? defaultBaseUrl() : baseUrl;
    HeaderList headers = geminiHeaders(apiKey);
    headers.removeFirst();
    // Google pages its list 50 at a time unless asked for more (1000 at most).
    return UpstreamRequest{QUrl(base + QStringLiteral("/models?pageSize=1000")), headers, {}};
}

TokenUsage GeminiAdapter::usageOf(const QJsonObject &responseOrChunk) const
{
    TokenUsage usage;
    const QJsonObject u = responseOrChunk.value(QLatin1String("usageMetadata")).toObject();
    usage.promptTokens = u.value(QLatin1String("promptTokenCount")).toInteger(-1);
    usage.completionTokens = u.value(QLatin1String("candidatesTokenCount")).toInteger(-1);
    usage.cachedTokens = u.value(QLatin1String("cachedContentTokenCount")).toInteger(-1);
    return usage;
}

QString GeminiAdapter::errorMessageOf(const QByteArray &body) const
{
    // Google answers {"error":{"code":..,"message":..,"status":..}}, sometimes wrapped in an array.
    QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject root = doc.isArray() ? doc.array().first().toObject() : doc.object();
    return root.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
}
