#pragma once

#include "translate/streamtranslate.h"

// OpenAI's own stream as a ChunkSource and a ChunkSink, for the legs of a translation where one side is
// OpenAI: a Claude client on an OpenAI provider reads OpenAI chunks; an OpenAI client of Claude writes them.
class OpenAiChunkSource final : public ChunkSource
{
public:
    QList<QJsonObject> onEvent(const SseParser::Event &event) override;
    QList<QJsonObject> onEnd() override { return {}; }
    // [DONE], or a finish_reason for servers that end without [DONE] (some local ones do).
    bool complete() const override { return m_done || m_finished; }

private:
    bool m_done = false;
    bool m_finished = false;
};

// Usage goes out as OpenAI sends it: in a last chunk of its own with empty choices, and only to a client
// that asked for it with stream_options.include_usage (others may index choices[0] of every chunk).
class OpenAiChunkSink final : public ChunkSink
{
public:
    explicit OpenAiChunkSink(bool includeUsage) : m_includeUsage(includeUsage) {}
    QByteArray onChunk(const QJsonObject &chunk) override;
    QByteArray onEnd() override;

private:
    bool m_includeUsage;
};
