#include "anthropicadapter.h"

#include <QJsonDocument>

namespace {

HeaderList anthropicHeaders(const QString &apiKey)
{
    return {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
            {QByteArrayLiteral("x-api-key"), apiKey.toUtf8()},
            {QByteArrayLiteral("anthropic-version"), QByteArrayLiteral("2023-06-01")}};
}

} // namespace

UpstreamRequest AnthropicAdapter::buildRequest(ApiKind, const QString &baseUrl, const QString &apiKey,
                                               const QByteArray &body) const
{
    const QString base = baseUrl.isEmpty() ? defaultBaseUrl() : baseUrl;
    return UpstreamRequest{QUrl(base + QStringLiteral("/messages")), anthropicHeaders(apiKey), body};
}

UpstreamRequest AnthropicAdapter::buildModelsRequest(const QString &baseUrl, const QString &apiKey) const
{
    const QString base = baseUrl.isEmpty() ? defaultBaseUrl() : baseUrl;
    HeaderList headers = anthropicHeaders(apiKey);
    headers.removeFirst();
    return UpstreamRequest{QUrl(base + QStringLiteral("/models")), headers, {}};
}

TokenUsage AnthropicAdapter::usageOf(const QJsonObject &responseOrChunk) const
{
    TokenUsage usage;
    const QJsonObject u = responseOrChunk.value(QLatin1String("usage")).toObject();
    usage.promptTokens = u.value(QLatin1String("input_tokens")).toInteger(-1);
    usage.completionTokens = u.value(QLatin1String("output_tokens")).toInteger(-1);
    usage.cachedTokens = u.value(QLatin1String("cache_read_input_tokens")).toInteger(-1);
    return usage;
}

QString AnthropicAdapter::errorMessageOf(const QByteArray &body) const
{
    return QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject()
        .value(QLatin1String("message")).toString();
}
