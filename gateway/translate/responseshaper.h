#pragma once

#include "core/gatewayerror.h"
#include "providers/adapter.h"
#include "server/sseparser.h"
#include "translate/requestplan.h"

#include <QByteArray>
#include <memory>
#include <optional>

class ChunkSink;
class ChunkSource;

// Turns a provider's successful answer into what the client expects, as the bytes arrive:
// - same format both sides: the bytes pass through untouched (usage is read on the side);
// - a stream in another format: event by event, through OpenAI chunks;
// - a whole answer in another format: at the end, through an OpenAI response;
// - a whole answer for a client that asked to stream: at the end, as the stream it would have been.
class ResponseShaper final
{
public:
    ResponseShaper(const ClientRequest &client, const ProviderAdapter *provider, bool upstreamStream,
                   const QString &model);
    ~ResponseShaper();

    bool passthrough() const { return m_mode == Mode::Passthrough; }
    // What the client's Content-Type is, given the provider's.
    QByteArray contentType(const QByteArray &upstreamType) const;
    // Bytes for the client now (often empty while a whole answer is gathered).
    QByteArray feed(const QByteArray &bytes);
    // The provider ended its answer cleanly: the rest for the client, or nullopt with *error set when the
    // answer cannot be turned into one (not JSON, a stream that never finished).
    std::optional<QByteArray> finish(GatewayError *error);
    TokenUsage usage() const { return m_usage; }

    static constexpr qsizetype maxWholeAnswerBytes = 32 * 1024 * 1024;
    // A passthrough answer is copied only to read its usage block; beyond this the usage goes unknown.
    static constexpr qsizetype maxUsageCopyBytes = 8 * 1024 * 1024;

private:
    enum class Mode { Passthrough, TranslateStream, TranslateWhole, WholeAsStream };

    void noteUsage(const TokenUsage &usage);
    void noteChunkUsage(const QJsonObject &chunk);
    QByteArray sinkChunks(const QList<QJsonObject> &chunks);
    std::optional<QJsonObject> wholeAsOpenAi(GatewayError *error) const;

    Mode m_mode;
    WireFormat m_client;
    bool m_clientStream;
    const ProviderAdapter *m_provider;
    QString m_model;
    SseParser m_sse;
    std::unique_ptr<ChunkSource> m_source;
    std::unique_ptr<ChunkSink> m_sink;
    QByteArray m_whole; // non-stream answers: for usage (passthrough) or translation
    bool m_usageCopyTruncated = false;
    TokenUsage m_usage;
};
