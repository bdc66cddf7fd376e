#include "httpcompat.h"

#include "core/logging.h"

#include <QHttpServerRequest>
#include <QTcpSocket>
#include <QWebSocket>
#if !SWITCHYARD_HTTPSERVER_SOCKET_API
#include <QHttpServerWebSocketUpgradeResponse>
#endif

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return status < 400 ? "OK" : "Error";
    }
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "OTHER";
    }
}

#if SWITCHYARD_HTTPSERVER_SOCKET_API
QByteArray statusAndHeaders(int status, const HeaderList &headers, const QByteArray &framing, bool close)
{
    QByteArray head;
    head.reserve(256);
    head += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += framing;
    if (close)
        head += "Connection: close\r\n";
    head += "\r\n";
    return head;
}
#else
QHttpHeaders toQHttpHeaders(const HeaderList &headers)
{
    QHttpHeaders out;
    for (const auto &[name, value] : headers)
        out.append(name, value);
    return out;
}
#endif

} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// ---- HttpExchange ----

HttpExchange::HttpExchange(QTcpSocket *socket, bool closeAfter)
    : m_socket(socket), m_closeAfter(closeAfter), m_hadSocket(socket != nullptr)
{
    if (!socket)
        return;
    connect(socket, &QTcpSocket::disconnected, this, &HttpExchange::onSocketGone);
    // The socket may also be destroyed without a disconnected signal (server shutdown).
    connect(socket, &QObject::destroyed, this, &HttpExchange::onSocketGone);
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpExchange::onBytesWritten);
}

HttpExchange::~HttpExchange() = default;

bool HttpExchange::isOpen() const
{
    if (m_finished)
        return false;
    if (!m_hadSocket) // only possible on Qt 6.8+, where the responder still works without it
        return true;
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 HttpExchange::pendingBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void HttpExchange::onSocketGone()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT clientGone();
    deleteLater();
}

void HttpExchange::onBytesWritten()
{
    if (!m_finished && m_socket && m_socket->bytesToWrite() < highWaterBytes / 4)
        Q_EMIT drained();
}

void HttpExchange::flush()
{
#if SWITCHYARD_HTTPSERVER_SOCKET_API
    // QTcpSocket would write at the next turn of the event loop, after one more poll() of every socket; the
    // answer is ready now.
    if (m_socket)
        m_socket->flush();
#endif
}

void HttpExchange::finishLater()
{
    m_finished = true;
    flush();
    if (m_socket && !m_closeAfter)
        ConnectionGuard::nextRequestOn(m_socket); // the connection now waits for its next request
#if SWITCHYARD_HTTPSERVER_SOCKET_API
    // Qt 6.4 ignores "Connection: close"; honour it once the answer is flushed.
    if (m_closeAfter && m_socket)
        m_socket->disconnectFromHost();
#else
    m_responder.reset(); // lets QHttpServer read the next request on this connection
#endif
    deleteLater();
}

void HttpExchange::respond(int status, const HeaderList &headers, const QByteArray &body)
{
    if (!isOpen() || m_headersSent)
        return;
    m_headersSent = true;
#if SWITCHYARD_HTTPSERVER_SOCKET_API
    QByteArray out = statusAndHeaders(status, headers, "Content-Length: " + QByteArray::number(body.size()) + "\r\n",
                                      m_closeAfter);
    out += body;
    m_socket->write(out);
#else
    m_responder->write(body, toQHttpHeaders(headers), QHttpServerResponder::StatusCode(status));
#endif
    finishLater();
}

void HttpExchange::beginChunked(int status, const HeaderList &headers)
{
    if (!isOpen() || m_headersSent)
        return;
    m_headersSent = true;
#if SWITCHYARD_HTTPSERVER_SOCKET_API
    m_socket->write(statusAndHeaders(status, headers, "Transfer-Encoding: chunked\r\n", m_closeAfter));
#else
    m_responder->writeBeginChunked(toQHttpHeaders(headers), QHttpServerResponder::StatusCode(status));
#endif
}

void HttpExchange::writeChunk(const QByteArray &data)
{
    if (!isOpen() || !m_headersSent || data.isEmpty())
        return;
#if SWITCHYARD_HTTPSERVER_SOCKET_API
    QByteArray framed;
    framed.reserve(data.size() + 16);
    framed += QByteArray::number(data.size(), 16) + "\r\n";
    framed += data;
    framed += "\r\n";
    m_socket->write(framed);
#else
    m_responder->writeChunk(data);
#endif
}

void HttpExchange::endChunked()
{
    if (!isOpen() || !m_headersSent)
        return;
#if SWITCHYARD_HTTPSERVER_SOCKET_API
    m_socket->write("0\r\n\r\n", 5);
#else
    m_responder->writeEndChunked(QByteArray());
#endif
    finishLater();
}

void HttpExchange::abortConnection()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_socket)
        m_socket->abort();
    deleteLater();
}

// ---- TrackingTcpServer ----

void TrackingTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // A relayed answer leaves in several writes (headers, pieces, end); with Nagle each one after the first
    // waits for the client's delayed ACK, adding up to 40 ms.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QString client = socket->peerAddress().toString();
    int &open = m_connectionsPerClient[client];
    if (open >= m_limits.maxConnectionsPerClient) {
        qCInfo(lcServer).noquote() << "refusing a connection from" << client << "beyond its" << open << "open ones";
        GatewayError error = GatewayError::make(
            ErrorKind::RateLimited, QStringLiteral("too_many_connections"),
            QStringLiteral("This client has %1 connections open to the gateway, its limit "
                           "(gateway.max_connections_per_client). Reuse connections or close some.")
                .arg(open));
        error.retryAfter = "1";
        ConnectionGuard::refuseConnection(socket, error); // never reaches QHttpServer
        return;
    }
    ++open;
    new ConnectionGuard(socket, m_limits);
    const auto key = qMakePair(client, socket->peerPort());
    m_sockets.insert(key, socket);
    connect(socket, &QObject::destroyed, this, [this, key] {
        m_sockets.remove(key);
        if (--m_connectionsPerClient[key.first] <= 0)
            m_connectionsPerClient.remove(key.first);
    });
    addPendingConnection(socket);
}

QTcpSocket *TrackingTcpServer::socketFor(const QHostAddress &peer, quint16 peerPort) const
{
    return m_sockets.value(qMakePair(peer.toString(), peerPort)).data();
}

// ---- HttpServerCompat ----

HttpServerCompat::HttpServerCompat(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler))
{
}

void HttpServerCompat::setWebSocketGate(const QString &path, UpgradeVerifier verifier, WebSocketHandler handler)
{
    m_webSocketPath = path;
    m_upgradeVerifier = std::move(verifier);
    m_webSocketHandler = std::move(handler);
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &HttpServerCompat::takeWebSockets);
#if !SWITCHYARD_HTTPSERVER_SOCKET_API
    // Refusals go on to missingHandler, which answers with a length and lets Qt close the connection; Qt's
    // own deny() leaves both open, and a client reading to the end of the body would hang.
    addWebSocketUpgradeVerifier(this, [this](const QHttpServerRequest &request) {
        return upgradeVerdict(convert(request)) == 0 ? QHttpServerWebSocketUpgradeResponse::accept()
                                                     : QHttpServerWebSocketUpgradeResponse::passToNext();
    });
#endif
}

bool HttpServerCompat::isWebSocketUpgrade(const QHttpServerRequest &request)
{
    return request.value(QByteArrayLiteral("upgrade")).compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive) == 0;
}

int HttpServerCompat::upgradeVerdict(const HttpRequest &request) const
{
    if (!m_upgradeVerifier || request.path != m_webSocketPath)
        return 404;
    return m_upgradeVerifier(request);
}

void HttpServerCompat::takeWebSockets()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
        if (!socket || !m_webSocketHandler)
            continue;
        // The TCP socket under an upgraded connection belongs to the listener, not to the QWebSocket: it
        // would outlive the node until the listener closes. It goes with its WebSocket instead.
        if (QTcpSocket *tcp = m_tcpServer ? m_tcpServer->socketFor(socket->peerAddress(), socket->peerPort()) : nullptr)
            connect(socket.get(), &QObject::destroyed, tcp, &QObject::deleteLater);
        m_webSocketHandler(socket.release());
    }
}

void HttpServerCompat::refuseUpgrade(const QHttpServerRequest &request, HttpExchange *exchange)
{
    const int status = upgradeVerdict(convert(request));
    exchange->respond(status == 0 ? 500 : status, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")}},
                      reasonPhrase(status) + '\n');
}

void HttpServerCompat::setConnectionLimits(const ConnectionLimits &limits)
{
    m_limits = limits;
    if (m_tcpServer)
        m_tcpServer->setLimits(limits);
}

bool HttpServerCompat::startListening(const QHostAddress &address, quint16 port, QString *error)
{
    auto *server = new TrackingTcpServer(this);
    server->setLimits(m_limits);
    if (!server->listen(address, port)) {
        *error = server->errorString();
        delete server;
        return false;
    }
    // Qt 6.8's bind() refuses a server that is not listening and says so; 6.4's returns nothing.
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    if (!bind(server)) {
        *error = QStringLiteral("QHttpServer refused the listening socket");
        delete server;
        return false;
    }
#else
    bind(server);
#endif
    m_tcpServer = server;
    return true;
}

quint16 HttpServerCompat::port() const
{
    return m_tcpServer ? m_tcpServer->serverPort() : 0;
}

void HttpServerCompat::stopListening()
{
    if (m_tcpServer)
        m_tcpServer->close();
}

HttpRequest HttpServerCompat::convert(const QHttpServerRequest &request) const
{
    HttpRequest out;
    out.method = methodName(request.method());
    out.path = request.url().path();
    out.query = request.query();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // Qt 6.8 gives a QHttpHeaders, which is not a range of pairs but converts to one.
    out.headers = request.headers().toListOfPairs();
#else
    for (const auto &header : request.headers())
        out.headers.append(header);
#endif
    out.body = request.body();
    out.peer = request.remoteAddress();
    return out;
}

#if SWITCHYARD_HTTPSERVER_SOCKET_API

bool HttpServerCompat::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpRequest converted = convert(request);
    // Qt 6.4 asks before upgrading: true upgrades, false sends the request on to missingHandler.
    if (isWebSocketUpgrade(request))
        return upgradeVerdict(converted) == 0;
    const bool close = converted.header("Connection").compare("close", Qt::CaseInsensitive) == 0;
    auto *exchange = new HttpExchange(socket, close);
    m_handler(converted, exchange);
    return true;
}

void HttpServerCompat::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Reached only for refused WebSocket upgrades (handleRequest accepts everything else); Qt closes the
    // connection after this.
    refuseUpgrade(request, new HttpExchange(socket, true));
}

#else

bool HttpServerCompat::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QTcpSocket *socket = m_tcpServer ? m_tcpServer->socketFor(request.remoteAddress(), request.remotePort()) : nullptr;
    auto *exchange = new HttpExchange(socket, false);
    exchange->m_responder.emplace(std::move(responder));
    m_handler(convert(request), exchange);
    return true;
}

void HttpServerCompat::missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    if (!isWebSocketUpgrade(request)) {
        handleRequest(request, responder);
        return;
    }
    // A WebSocket upgrade the verifier passed on: refused. Qt closes the connection after this.
    QTcpSocket *socket = m_tcpServer ? m_tcpServer->socketFor(request.remoteAddress(), request.remotePort()) : nullptr;
    auto *exchange = new HttpExchange(socket, true);
    exchange->m_responder.emplace(std::move(responder));
    refuseUpgrade(request, exchange);
}

#endif
