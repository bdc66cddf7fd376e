#pragma once

#include "server/sseparser.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Streaming translation, event by event, through OpenAI chat.completion.chunk objects as the pivot:
// provider SSE events → ChunkSource → OpenAI chunks → ChunkSink → bytes in the client's SSE format.
// Each object holds the state of one stream (open content blocks, tool-call indexes) and is used once.

// Turns one provider's SSE events into OpenAI chunks. The last chunk with a finish_reason carries "usage"
// when the provider reported it.
class ChunkSource
{
public:
    virtual ~ChunkSource() = default;
    virtual QList<QJsonObject> onEvent(const SseParser::Event &event) = 0;
    // The upstream closed the stream cleanly; whatever is still owed (a final chunk) comes out here.
    virtual QList<QJsonObject> onEnd() = 0;
    // True once the provider has said the answer is complete (e.g. message_stop), so a close after it is
    // not a cut.
    virtual bool complete() const = 0;
};

// Turns OpenAI chunks into the bytes a client of one format expects.
class ChunkSink
{
public:
    virtual ~ChunkSink() = default;
    virtual QByteArray onChunk(const QJsonObject &chunk) = 0;
    // The stream ended cleanly: closing events (message_stop, [DONE]).
    virtual QByteArray onEnd() = 0;
};

// Anthropic Messages SSE (message_start, content_block_*, message_delta, message_stop, ping, error) → OpenAI.
// An Anthropic "error" event has no chunk form: it comes out as {"error":{"message","type"}} (OpenAI's
// error body), which callers tell from a chunk by its "error" key. Thinking blocks have no OpenAI form and
// are dropped.
class AnthropicChunkSource final : public ChunkSource
{
public:
    explicit AnthropicChunkSource(const QString &model);
    QList<QJsonObject> onEvent(const SseParser::Event &event) override;
    QList<QJsonObject> onEnd() override;
    bool complete() const override { return m_complete; }

private:
    QString m_model;
    QString m_id;
    qint64 m_created = 0;
    qint64 m_inputTokens = -1;
    qint64 m_cachedTokens = -1;
    int m_toolIndex = -1;       // OpenAI tool_calls index of the last tool_use block opened
    QList<int> m_blockToTool;   // Anthropic content block index → OpenAI tool index, -1 for text
    bool m_complete = false;
};

// Gemini streamGenerateContent?alt=sse (one GenerateContentResponse per event) → OpenAI.
class GeminiChunkSource final : public ChunkSource
{
public:
    explicit GeminiChunkSource(const QString &model);
    QList<QJsonObject> onEvent(const SseParser::Event &event) override;
    QList<QJsonObject> onEnd() override;
    bool complete() const override { return m_complete; }

private:
    QString m_model;
    QString m_id;
    qint64 m_created = 0;
    int m_toolCalls = 0;
    bool m_sentRole = false;
    bool m_complete = false;
};

// OpenAI chunks → Anthropic Messages SSE, with every event a real Anthropic stream has, in order.
class AnthropicChunkSink final : public ChunkSink
{
public:
    explicit AnthropicChunkSink(const QString &model);
    QByteArray onChunk(const QJsonObject &chunk) override;
    QByteArray onEnd() override;

private:
    QByteArray event(const char *name, const QJsonObject &data) const;
    QByteArray start(const QJsonObject &firstChunk);
    QByteArray openBlock(const QJsonObject &contentBlock);
    QByteArray closeBlock();
    QByteArray finish();

    QString m_model;
    bool m_started = false;
    int m_blockIndex = -1;       // index of the open content block, -1 when none is open
    bool m_blockIsText = false;
    int m_openToolIndex = -1;    // OpenAI tool_calls index the open tool_use block belongs to
    QString m_openToolId;        // and its id: some servers give every tool call index 0
    int m_blockCount = 0;        // content blocks opened so far, i.e. the index of the next one
    QString m_stopReason;        // set by the finish_reason chunk; message_delta waits for usage
    bool m_sawUsage = false;
    qint64 m_inputTokens = 0;    // Anthropic's: cache reads excluded
    qint64 m_cachedTokens = 0;
    qint64 m_outputTokens = 0;
    bool m_ended = false;
};

namespace Translate {
// For a provider that cannot stream: a complete OpenAI response as the chunks a stream would have sent
// (role, content, each tool call whole, then finish_reason with usage).
QList<QJsonObject> responseToChunks(const QJsonObject &openAiResponse);
} // namespace Translate
