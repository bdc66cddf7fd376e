#pragma once

#include "core/gatewayerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// What a client asked for. Chat comes in OpenAI's or Anthropic's format; the kind is the same.
// Image and video generations use OpenAI's (and EvoLink's) shape only; see gateway/tasks/.
enum class ApiKind { ChatCompletions, Embeddings, CountTokens, ImageGenerations, VideoGenerations };

// The JSON dialect spoken on a wire: by a client to us, or by us to a provider.
enum class WireFormat { OpenAi, Anthropic, Gemini };

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct UpstreamRequest final {
    QUrl url;
    HeaderList headers;
    QByteArray body;
};

// What one attempt asks of a provider, besides the body.
struct UpstreamTarget final {
    QString baseUrl;  // empty: the adapter's default
    QString apiKey;
    QString model;    // the provider's own name for the model
    bool stream = false;
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
    virtual WireFormat format() const = 0;
    virtual QString defaultBaseUrl() const = 0;
    // Whether a request of this kind can be served by this provider (through translation if need be).
    virtual bool serves(ApiKind kind) const = 0;
    // body is already in this provider's format, with the model set where the format carries it.
    virtual UpstreamRequest buildRequest(ApiKind kind, const UpstreamTarget &target, const QByteArray &body) const = 0;
    virtual UpstreamRequest buildModelsRequest(const QString &baseUrl, const QString &apiKey) const = 0;
    // The usage block of a complete response, or of one stream chunk (usually the last).
    virtual TokenUsage usageOf(const QJsonObject &responseOrChunk) const = 0;
    // The human-readable message inside an upstream error body, or empty.
    virtual QString errorMessageOf(const QByteArray &body) const = 0;
};
