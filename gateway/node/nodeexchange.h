#pragma once

#include "server/clientexchange.h"
#include "server/sseparser.h"

// The answer to one CALL from a Co-Link server, as the relay writes it: an OpenAI answer in, Co-Link
// messages out. A stream becomes one STREAM per event then FINISH; a whole answer one STREAM then FINISH;
// any failure one ERROR and nothing after it (the reference node's trailing FINISH confuses retries).
class NodeExchange final : public ClientExchange
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeExchange)

public:
    NodeExchange(QString requestId, bool stream, QObject *parent = nullptr);

    QString requestId() const { return m_requestId; }

    bool isOpen() const override { return !m_done; }
    bool headersSent() const override { return m_begun; }
    void respond(int status, const HeaderList &headers, const QByteArray &body) override;
    void beginChunked(int status, const HeaderList &headers) override;
    void writeChunk(const QByteArray &data) override;
    void endChunked() override;
    void abortConnection() override;
    // A WebSocket queues without bound, and the server reads each node's socket continuously.
    qint64 pendingBytes() const override { return 0; }

    // The server cancelled the call or the connection to it is gone: the relay stops its upstream.
    void cancel();
    bool failed() const { return m_failed; }
    bool cancelled() const { return m_cancelled; }

    static constexpr qint64 maxWholeAnswerBytes = 32 * 1024 * 1024;

Q_SIGNALS:
    void outgoing(const QByteArray &frame); // a Co-Link message to send to the server
    void ended();

private:
    void sendChunk(const QByteArray &json);
    // StillRunning: the error was found here, not reported by the relay, which must be stopped too.
    enum class Relay { Finished, StillRunning };
    void sendError(int code, const QString &message, Relay relay = Relay::Finished);
    void end(Relay relay = Relay::Finished);

    QString m_requestId;
    bool m_stream;
    bool m_begun = false;
    bool m_done = false;
    bool m_failed = false;
    bool m_cancelled = false;
    SseParser m_events;
    QByteArray m_whole;
};
