#pragma once

#include "adapter.h"

// Google's Generative Language API (Gemini). Chat reaches it through translation; the model and whether to
// stream are part of the URL, and the key goes in x-goog-api-key.
class GeminiAdapter final : public ProviderAdapter
{
public:
    QString type() const override { return QStringLiteral("gemini"); }
    WireFormat format() const override { return WireFormat::Gemini; }
    QString defaultBaseUrl() const override
    {
        return QStringLiteral("https://generativelanguage.googleapis.com/v1beta");
    }
    bool serves(ApiKind kind) const override { return kind == ApiKind::ChatCompletions; }
    UpstreamRequest buildRequest(ApiKind kind, const UpstreamTarget &target, const QByteArray &body) const override;
    UpstreamRequest buildModelsRequest(const QString &baseUrl, const QString &apiKey) const override;
    TokenUsage usageOf(const QJsonObject &responseOrChunk) const override;
    QString errorMessageOf(const QByteArray &body) const override;
};
