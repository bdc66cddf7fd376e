#pragma once

#include "adapter.h"

// Any OpenAI-compatible API: OpenAI, DeepSeek, Qwen (compatible mode), Moonshot, Zhipu, OpenRouter,
// Ollama, LM Studio, vLLM, llama.cpp server.
class OpenAiAdapter final : public ProviderAdapter
{
public:
    QString type() const override { return QStringLiteral("openai"); }
    WireFormat format() const override { return WireFormat::OpenAi; }
    QString defaultBaseUrl() const override { return QStringLiteral("https://api.openai.com/v1"); }
    // No token counter: count_tokens is estimated by the gateway.
    bool serves(ApiKind kind) const override { return kind != ApiKind::CountTokens; }
    UpstreamRequest buildRequest(ApiKind kind, const UpstreamTarget &target, const QByteArray &body) const override;
    UpstreamRequest buildModelsRequest(const QString &baseUrl, const QString &apiKey) const override;
    TokenUsage usageOf(const QJsonObject &responseOrChunk) const override;
    QString errorMessageOf(const QByteArray &body) const override;
};
