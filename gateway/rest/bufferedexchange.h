#pragma once

#include "server/clientexchange.h"

// A relayed call's answer kept in memory instead of sent to a socket: how the /api/v1 endpoints run each
// prompt through the same RelayCall (routing, failover, bans, timeouts, request log) as /v1/chat/completions.
// Owned by whoever reads it (PromptRunner), not self-deleting: the answer is read after the relay is done.
class BufferedExchange final : public ClientExchange
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BufferedExchange)

public:
    using ClientExchange::ClientExchange;

    bool isOpen() const override { return !m_done; }
    bool headersSent() const override { return m_begun; }
    void respond(int status, const HeaderList &headers, const QByteArray &body) override;
    void beginChunked(int status, const HeaderList &headers) override;
    void writeChunk(const QByteArray &data) override;
    void endChunked() override;
    void abortConnection() override;
    qint64 pendingBytes() const override { return 0; } // memory takes everything at once

    int status() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    // The relay cut the answer off (a provider failed after it began), or it grew past maxBodyBytes.
    bool aborted() const { return m_aborted; }
    bool isDone() const { return m_done; }

    // The caller no longer wants the answer (its own HTTP client left): the relay stops its upstream.
    void cancel();

    // A prompt's answer is text; anything larger than this is not worth holding for a JSON reply.
    static constexpr qint64 maxBodyBytes = 16 * 1024 * 1024;

private:
    void finish();

    int m_status = 0;
    QByteArray m_body;
    bool m_begun = false;
    bool m_done = false;
    bool m_aborted = false;
};
