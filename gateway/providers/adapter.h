#pragma once

#include "core/gatewayerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// What a client asked for, in OpenAI terms.
enum class ApiKind { ChatCompletions, Embeddings };

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct UpstreamRequest final {
    QUrl url;
    HeaderList headers;
    QByteArray body;
};

struct TokenUsage final {
    qint64 promptTokens = -1;     // -1: the upstream did not say
    qint64 completionTokens = -1;
    qint64 cachedTokens = -1;
    bool known() const { return promptTokens >= 0 || completionTokens >= 0; }
};

// One provider type. Pure functions only: no I/O, no keychain; the key is passed in.
class ProviderAdapter
{
public:
    virtual ~ProviderAdapter() = default;

    virtual QString type() const = 0;
    virtual QString defaultBaseUrl() const = 0;
    // Whether an OpenAI-format request of this kind can be served by this provider.
    virtual bool serves(ApiKind kind) const = 0;
    // body is the client's JSON with "model" already set to the provider's local name.
    virtual UpstreamRequest buildRequest(ApiKind kind, const QString &baseUrl, const QString &apiKey,
                                         const QByteArray &body) const = 0;
    virtual UpstreamRequest buildModelsRequest(const QString &baseUrl, const QString &apiKey) const = 0;
    // The usage block of a complete response, or of one stream chunk (usually the last).
    virtual TokenUsage usageOf(const QJsonObject &responseOrChunk) const = 0;
    // The human-readable message inside an upstream error body, or empty.
    virtual QString errorMessageOf(const QByteArray &body) const = 0;
};
