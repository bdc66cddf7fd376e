#pragma once

#include "adapter.h"

// Anthropic's Messages API (Co-Link's "claude" type). OpenAI-format chat reaches it through translation;
// Anthropic-format chat passes through. It has no embeddings.
class AnthropicAdapter final : public ProviderAdapter
{
public:
    QString type() const override { return QStringLiteral("claude"); }
    WireFormat format() const override { return WireFormat::Anthropic; }
    QString defaultBaseUrl() const override { return QStringLiteral("https://api.anthropic.com/v1"); }
    bool serves(ApiKind kind) const override
    {
        return kind == ApiKind::ChatCompletions || kind == ApiKind::CountTokens;
    }
    UpstreamRequest buildRequest(ApiKind kind, const UpstreamTarget &target, const QByteArray &body) const override;
    UpstreamRequest buildModelsRequest(const QString &baseUrl, const QString &apiKey) const override;
    TokenUsage usageOf(const QJsonObject &responseOrChunk) const override;
    QString errorMessageOf(const QByteArray &body) const override;
};
