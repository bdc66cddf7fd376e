#pragma once

// The only place that touches QHttpServer. Qt 6.4 hands handlers the raw socket and has no chunked
// writer; Qt 6.8 hands them a responder and has one. Everything above this file sees HttpRequest and
// HttpExchange, which behave the same on both.

#include "server/clientexchange.h"
#include "server/connectionguard.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>
#include <QUrlQuery>
#include <functional>
#include <optional>

#define SWITCHYARD_HTTPSERVER_SOCKET_API (QT_VERSION < QT_VERSION_CHECK(6, 5, 0))

#if !SWITCHYARD_HTTPSERVER_SOCKET_API
#include <QHttpServerResponder>
#endif

class QTcpSocket;
class QWebSocket;

struct HttpRequest final {
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded path, no query
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;
    QHostAddress peer;

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const;
};

// One HTTP response in progress.
class HttpExchange final : public ClientExchange
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExchange)

public:
    ~HttpExchange() override;

    bool isOpen() const override;
    bool headersSent() const override { return m_headersSent; }

    void respond(int status, const HeaderList &headers, const QByteArray &body) override;
    void beginChunked(int status, const HeaderList &headers) override;
    void writeChunk(const QByteArray &data) override;
    void endChunked() override;
    void flush() override;
    // Drops the connection without completing the response, so the client cannot mistake it for success.
    void abortConnection() override;
    qint64 pendingBytes() const override;

private:
    friend class HttpServerCompat;
    HttpExchange(QTcpSocket *socket, bool closeAfter);
    void finishLater();
    void onBytesWritten();
    void onSocketGone();

    QPointer<QTcpSocket> m_socket; // QHttpServer 6.4 deletes it when the client disconnects
    bool m_closeAfter = false;     // the client sent "Connection: close"
    bool m_hadSocket = false;      // false on Qt 6.8 if the socket could not be matched
    bool m_headersSent = false;
    bool m_finished = false;
#if !SWITCHYARD_HTTPSERVER_SOCKET_API
    std::optional<QHttpServerResponder> m_responder;
#endif
};

// Accepts connections, puts a ConnectionGuard on each, refuses a client's connections beyond the limit, and
// remembers each socket by its peer, so a request can be matched to its socket on Qt versions whose responder
// hides it.
class TrackingTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    using QTcpServer::QTcpServer;
    QTcpSocket *socketFor(const QHostAddress &peer, quint16 peerPort) const;
    void setLimits(const ConnectionLimits &limits) { m_limits = limits; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QHash<QPair<QString, quint16>, QPointer<QTcpSocket>> m_sockets;
    QHash<QString, int> m_connectionsPerClient; // by peer address, accepted connections still open
    ConnectionLimits m_limits;
};

class HttpServerCompat final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<void(const HttpRequest &, HttpExchange *)>;
    // For a WebSocket upgrade on the gate's path: 0 to accept it, else the HTTP status to refuse it with.
    using UpgradeVerifier = std::function<int(const HttpRequest &)>;
    // Receives each accepted WebSocket and owns it from then on.
    using WebSocketHandler = std::function<void(QWebSocket *)>;

    explicit HttpServerCompat(Handler handler, QObject *parent = nullptr);

    // Accepts WebSocket upgrades on path alone, and only those the verifier accepts; others get an answer
    // with a status and no upgrade, so a refused client sees e.g. 401 as it would from any other server.
    void setWebSocketGate(const QString &path, UpgradeVerifier verifier, WebSocketHandler handler);

    // Listens on address:port (0 picks a free port). On failure returns false and says why.
    bool startListening(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    void stopListening();
    // What each connection may do before a request reaches the handler (ConnectionGuard); applies to new connections.
    void setConnectionLimits(const ConnectionLimits &limits);

protected:
#if SWITCHYARD_HTTPSERVER_SOCKET_API
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#elif QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#endif

private:
    HttpRequest convert(const QHttpServerRequest &request) const;
    static bool isWebSocketUpgrade(const QHttpServerRequest &request);
    // 0 to accept; else the status to refuse with (404 off the gate's path).
    int upgradeVerdict(const HttpRequest &request) const;
    void takeWebSockets();
    void refuseUpgrade(const QHttpServerRequest &request, HttpExchange *exchange);

    Handler m_handler;
    QString m_webSocketPath;
    UpgradeVerifier m_upgradeVerifier;
    WebSocketHandler m_webSocketHandler;
    QPointer<TrackingTcpServer> m_tcpServer;
    ConnectionLimits m_limits;
};
