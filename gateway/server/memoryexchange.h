#pragma once

#include "server/clientexchange.h"

// The receiving side of a relay that the gateway runs for itself (an image task in the background): the
// answer is gathered in memory and completed() tells its owner. cancel() plays a client hanging up, so the
// relay aborts its upstream call. Owned by whoever created it; it does not delete itself.
class MemoryExchange final : public ClientExchange
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryExchange)

public:
    using ClientExchange::ClientExchange;

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
    QByteArray body() const { return m_body; }
    // The answer was cut off after it started (or grew past maxBytes): the body is not a complete answer.
    bool aborted() const { return m_aborted; }

    // Base64 images are large, but an answer past this is not one the gateway should hold.
    static constexpr qint64 maxBytes = 64 * 1024 * 1024;

Q_SIGNALS:
    void completed();

private:
    void finish();

    int m_status = 0;
    QByteArray m_body;
    bool m_done = false;
    bool m_aborted = false;
};
