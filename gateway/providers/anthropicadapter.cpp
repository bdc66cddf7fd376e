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

UpstreamRequest AnthropicAdapter::buildRequest(ApiKind kind, const UpstreamTarget &target, const QByteArray &body) const
{
    const QString base = target.baseUrl.isEmpty() ? defaultBaseUrl() : target.baseUrl;
    const QString path = kind == ApiKind::CountTokens ? QStringLiteral("/messages/count_tokens")
                                                      : QStringLiteral("/messages");
    return UpstreamRequest{QUrl(base + path), anthropicHeaders(target.apiKey), body};
}

UpstreamRequest AnthropicAdapter::buildModelsRequest(const QString &baseUrl, const QString &apiKey) const
{
    const QString base = baseUrl.isEmpty() ? defaultBaseUrl() : baseUrl;
    HeaderList headers = anthropicHeaders(apiKey);
    headers.removeFirst();
    // Anthropic pages its list 20 at a time unless asked for more (1000 at most).
    return UpstreamRequest{QUrl(base + QStringLiteral("/models?limit=1000")), headers, {}};
}

TokenUsage AnthropicAdapter::usageOf(const QJsonObject &responseOrChunk) const
{
    TokenUsage usage;
    // A stream's message_start carries the usage inside its message; message_delta and whole answers at the top.
    QJsonObject u = responseOrChunk.value(QLatin1String("usage")).toObject();
    if (u.isEmpty())
        u = responseOrChunk.value(QLatin1String("message")).toObject().value(QLatin1String("usage")).toObject();
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
