#pragma once

#include "adapter.h"

// Anthropic's Messages API (Co-Link's "claude" type). It speaks a different format from OpenAI's, so it
// serves no OpenAI-format request until the translation layer exists; configs that name it still load.
class AnthropicAdapter final : public ProviderAdapter
{
public:
    QString type() const override { return QStringLiteral("claude"); }
    QString defaultBaseUrl() const override { return QStringLiteral("https://api.anthropic.com/v1"); }
    bool serves(ApiKind) const override { return false; }
    UpstreamRequest buildRequest(ApiKind kind, const QString &baseUrl, const QString &apiKey,
                                 const QByteArray &body) const override;
    UpstreamRequest buildModelsRequest(const QString &baseUrl, const QString &apiKey) const override;
    TokenUsage usageOf(const QJsonObject &responseOrChunk) const override;
    QString errorMessageOf(const QByteArray &body) const override;
};
