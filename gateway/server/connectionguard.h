#pragma once

#include "core/gatewayerror.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

// What one accepted connection may do before QHttpServer gets to read it.
struct ConnectionLimits final {
    int headerTimeoutMs = 30'000;
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    int maxConnectionsPerClient = 256;
};

// Watches one accepted connection ahead of QHttpServer (its readyRead slot is connected first, so it sees new
// bytes before Qt reads them) and refuses what would harm other clients:
// - a request head (request line and headers) not complete within the header timeout of connecting or of the
//   end of the previous answer: slowloris, or an idle keep-alive connection holding a socket. Once a head is in
//   the timer stops, so a slow upload or a long streamed answer is never cut;
// - a body over the limit: a Content-Length over it is answered 413 as soon as the head is in, before Qt
//   buffers the body; a chunked body is cut once its raw bytes pass twice the limit (framing included), which
//   bounds the memory one request can take. ApiServer checks the exact decoded size again.
// A refused connection gets a complete answer in the client's error format with "Connection: close"; what the
// client still sends is then read and dropped (so the kernel does not reset the connection before the answer
// is read), the sending side is shut, and the connection closed within a few seconds. A child of its socket.
class ConnectionGuard final : public QObject
{
    Q_OBJECT

public:
    ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits);

    // Waits for the next request head (after each answer on a kept-alive connection).
    static void nextRequestOn(QTcpSocket *socket);
    // Answers a connection that is not let through at all (too many from one client), then closes it.
    static void refuseConnection(QTcpSocket *socket, const GatewayError &error);

private:
    enum class State { WaitingForHead, ReadingBody, PassedOn, Refused };

    void armForHead();
    void onReadyRead();
    void headComplete(QByteArrayView head);
    void refuse(const GatewayError &error, bool anthropicClient);
    void drainAndClose();

    QTcpSocket *m_socket;
    ConnectionLimits m_limits;
    State m_state = State::WaitingForHead;
    QTimer m_timer;
    QByteArray m_head;          // the head so far, while it is incomplete (Qt 6.4's server reads everything each readyRead)
    bool m_chunked = false;
    qint64 m_bodyBytesSeen = 0; // raw, for a chunked body
};
