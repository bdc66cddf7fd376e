#pragma once

#include "server/clientexchange.h"

// The receiving side of a relay that the gateway runs for itself (an image task in the background, a prompt of
// an /api/v1 batch): the answer is gathered in memory, through the same RelayCall (routing, failover, bans,
// timeouts, request log) as a client's call, and completed() tells its owner. cancel() plays a client hanging
// up, so the relay aborts its upstream call. Owned by whoever created it; it does not delete itself.
class MemoryExchange final : public ClientExchange
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryExchange)

public:
    // maxBytes: the largest answer worth holding; past it the answer counts as aborted and the relay is told to
    // stop, as a vanished client would tell it.
    explicit MemoryExchange(qint64 maxBytes, QObject *parent = nullptr);

    bool isOpen() const override { return !m_done; }
    bool headersSent() const override { return m_status != 0; }
    void respond(int status, const HeaderList &headers, const QByteArray &body) override;
    void beginChunked(int status, const HeaderList &headers) override;
    void writeChunk(const QByteArray &data) override;
    void endChunked() override;
    void abortConnection() override;
    qint64 pendingBytes() const override { return 0; }

    void cancel();

    bool isDone() const { return m_done; }
    int status() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    // The answer was cut off after it started (or grew past maxBytes): the body is not a complete answer.
    bool aborted() const { return m_aborted; }

Q_SIGNALS:
    void completed();

private:
    void finish();

    qint64 m_maxBytes;
    int m_status = 0;
    QByteArray m_body;
    bool m_done = false;
    bool m_aborted = false;
};
