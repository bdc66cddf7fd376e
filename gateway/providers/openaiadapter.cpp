#include "openaiadapter.h"

#include <QJsonDocument>

namespace {

HeaderList baseHeaders(const QString &apiKey)
{
    HeaderList headers{{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    // Local servers (Ollama, LM Studio) take no key; sending an empty Bearer would confuse some of them.
    if (!apiKey.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), "Bearer " + apiKey.toUtf8()});
    return headers;
}

} // namespace

UpstreamRequest OpenAiAdapter::buildRequest(ApiKind kind, const UpstreamTarget &target, const QByteArray &body) const
{
    const QString base = target.baseUrl.isEmpty() ? defaultBaseUrl() : target.baseUrl;
    QString path = QStringLiteral("/chat/completions");
    switch (kind) {
    case ApiKind::Embeddings: path = QStringLiteral("/embeddings"); break;
    // EvoLink and the OpenAI-compatible image servers: the same path; EvoLink answers it with a task to poll.
    case ApiKind::ImageGenerations: path = QStringLiteral("/images/generations"); break;
    case ApiKind::VideoGenerations: path = QStringLiteral("/videos/generations"); break;
    case ApiKind::ChatCompletions:
    case ApiKind::CountTokens: break;
    }
    return UpstreamRequest{QUrl(base + path), baseHeaders(target.apiKey), body};
}

UpstreamRequest OpenAiAdapter::buildModelsRequest(const QString &baseUrl, const QString &apiKey) const
{
    const QString base = baseUrl.isEmpty() ? defaultBaseUrl() : baseUrl;
    HeaderList headers = baseHeaders(apiKey);
    headers.removeFirst(); // a GET has no body, so no Content-Type
    return UpstreamRequest{QUrl(base + QStringLiteral("/models")), headers, {}};
}

TokenUsage OpenAiAdapter::usageOf(const QJsonObject &responseOrChunk) const
{
    TokenUsage usage;
    const QJsonValue value = responseOrChunk.value(QLatin1String("usage"));
    if (!value.isObject())
        return usage;
    const QJsonObject u = value.toObject();
    usage.promptTokens = u.value(QLatin1String("prompt_tokens")).toInteger(-1);
    usage.completionTokens = u.value(QLatin1String("completion_tokens")).toInteger(-1);
    usage.cachedTokens = u.value(QLatin1String("prompt_tokens_details"))
                             .toObject()
                             .value(QLatin1String("cached_tokens"))
                             .toInteger(-1);
    return usage;
}

QString OpenAiAdapter::errorMessageOf(const QByteArray &body) const
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonValue error = root.value(QLatin1String("error"));
    if (error.isObject())
        return error.toObject().value(QLatin1String("message")).toString();
    if (error.isString())
        return error.toString();
    return root.value(QLatin1String("message")).toString();
}
