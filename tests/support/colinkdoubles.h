#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>
#include <QWebSocket>
#include <QWebSocketServer>

// Test doubles of the reference Co-Link peers (../shared/colink-protocol.md), on 127.0.0.1.

// The reference server as a node sees it: accepts nodes on /ws, records every frame they send, and sends
// CALL and CANCEL when a test says so.
class FakeColinkServer final : public QObject
{
    Q_OBJECT

public:
    struct Frame {
        QString type;
        QJsonObject data;
        QByteArray raw;
    };

    explicit FakeColinkServer(QObject *parent = nullptr);
    // port 0 picks one; a fixed port lets a test restart the server where a node expects it.
    bool start(quint16 port = 0);
    void stop(); // closes the listener and every connection
    quint16 port() const { return m_port; }
    QString url() const;

    int connectionCount() const { return m_connections; } // upgrades accepted so far
    bool hasNode() const { return !m_sockets.isEmpty() && m_sockets.last(); }
    QByteArray lastTokenHeader() const { return m_lastToken; }
    // Frames from all connections, in arrival order.
    const QList<Frame> &frames() const { return m_frames; }
    QList<Frame> framesFor(const QString &requestId) const;
    QList<Frame> framesOfType(const QString &type) const;

    void sendCall(const QString &requestId, const QString &model, const QJsonObject &payload);
    void sendCancel(const QString &requestId);
    void sendRaw(const QByteArray &text);
    void dropNodes(); // closes connections, listener stays

private:
    QWebSocketServer m_server;
    QList<QPointer<QWebSocket>> m_sockets;
    QList<Frame> m_frames;
    QByteArray m_lastToken;
    quint16 m_port = 0;
    int m_connections = 0;
};

// The reference node as a hub sees it, scripted: it registers, then answers each CALL as told.
class FakeColinkNode final : public QObject
{
    Q_OBJECT

public:
    enum class Answer {
        Stream,        // STREAM per chunk (chunks of them), then FINISH
        Whole,         // one STREAM with a chat.completion, then FINISH
        ErrorThenFinish, // the reference node's habit: ERROR 500 followed by FINISH
        Busy,          // ERROR 503 "BUSY: ..." (then FINISH, as the reference node does)
        Unsupported,   // ERROR 400 "Model not supported natively by this client" (then FINISH)
        Silent,        // never answers
        DieMidStream,  // one STREAM, then the socket is closed
        Hold,          // one STREAM, then waits for release()
    };

    FakeColinkNode(QString name, QObject *parent = nullptr);
    void setAnswer(Answer answer) { m_answer = answer; }
    void setChunks(int chunks) { m_chunks = chunks; }

    // Dials url with the token, then registers models.
    bool connectTo(const QString &url, const QByteArray &token, const QStringList &models, int maxParallel);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void close() { m_socket.abort(); }
    QString errorString() const { return m_socket.errorString(); }

    QList<QJsonObject> calls() const { return m_calls; }   // CALL data received
    QStringList cancels() const { return m_cancels; }       // request ids of CANCEL received
    void send(const QByteArray &text);
    void streamChunk(const QString &requestId, const QString &text);
    void finish(const QString &requestId);
    // Ends every held call with FINISH.
    void release();

private:
    void onMessage(const QString &text);
    void answer(const QJsonObject &call);

    QString m_name;
    QWebSocket m_socket;
    Answer m_answer = Answer::Stream;
    int m_chunks = 3;
    QList<QJsonObject> m_calls;
    QStringList m_cancels;
    QStringList m_held;
};

// A WebSocket peer that completes the handshake by hand and then never reads again: no pong, no close.
// As a server it is a dead Co-Link server; as a client, a node that hangs after registering.
class SilentWebSocketServer final : public QObject
{
    Q_OBJECT

public:
    explicit SilentWebSocketServer(QObject *parent = nullptr);
    bool start();
    quint16 port() const { return m_server.serverPort(); }
    int handshakes() const { return m_handshakes; }

private:
    QTcpServer m_server;
    int m_handshakes = 0;
};

namespace RawWebSocket {
// Opens a WebSocket by hand (so the test owns every byte), sends one text frame, and then reads nothing.
// Returns the socket, or nullptr when the upgrade was refused; status gets the HTTP status of the answer.
QTcpSocket *openAndSend(quint16 port, const QByteArray &token, const QByteArray &text, int *status,
                        QObject *parent);
// Sends an upgrade request and returns the HTTP status of the answer (101 when accepted).
int upgradeStatus(quint16 port, const QByteArray &path, const QList<QPair<QByteArray, QByteArray>> &headers);
} // namespace RawWebSocket
