#include "upstreamcall.h"

#include "core/logging.h"

#include <QSslSocket>
#include <QTcpSocket>

UpstreamCall::UpstreamCall(UpstreamPool *pool, QByteArray method, UpstreamRequest request, QObject *parent)
    : UpstreamExchange(parent), m_pool(pool), m_method(std::move(method)), m_request(std::move(request)),
      m_route(pool->route(m_request.url))
{
    if (m_method == "HEAD")
        m_parser.expectNoBody();
}

UpstreamCall::~UpstreamCall()
{
    abort();
}

void UpstreamCall::start()
{
    m_running = true;
    const QString scheme = m_route.scheme;
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        fail(Failure::Connect, QStringLiteral("unsupported URL scheme '%1'").arg(scheme));
        return;
    }
    if (QTcpSocket *idle = m_pool->take(m_route)) {
        m_reusedSocket = true;
        attach(idle);
        Q_EMIT connected();
        if (m_running)
            sendRequest();
        return;
    }
    connectSocket();
}

void UpstreamCall::connectSocket()
{
    m_reusedSocket = false;
    QTcpSocket *socket = m_route.tls() ? new QSslSocket : new QTcpSocket;
    attach(socket);
    socket->setProxy(m_route.absoluteForm ? QNetworkProxy(QNetworkProxy::NoProxy) : m_route.proxy);
    const auto onUp = [this] {
        // Small requests and SSE events must not wait for Nagle's algorithm.
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        Q_EMIT connected();
        if (m_running)
            sendRequest();
    };
    if (m_route.tls()) {
        auto *ssl = static_cast<QSslSocket *>(socket);
        connect(ssl, &QSslSocket::encrypted, this, onUp);
        ssl->connectToHostEncrypted(m_route.host, m_route.port);
    } else {
        connect(socket, &QTcpSocket::connected, this, onUp);
        if (m_route.absoluteForm)
            socket->connectToHost(m_route.proxyHost, m_route.proxyPort);
        else
            socket->connectToHost(m_route.host, m_route.port);
    }
}

void UpstreamCall::attach(QTcpSocket *socket)
{
    m_socket = socket;
    socket->setParent(this);
    socket->setReadBufferSize(readBufferBytes);
    connect(socket, &QTcpSocket::readyRead, this, &UpstreamCall::onReadable);
    connect(socket, &QTcpSocket::disconnected, this, &UpstreamCall::onSocketClosed);
    connect(socket, &QTcpSocket::errorOccurred, this, &UpstreamCall::onSocketError);
}

QByteArray UpstreamCall::requestBytes() const
{
    const QUrl &url = m_request.url;
    QByteArray target = m_route.absoluteForm ? url.toEncoded(QUrl::RemoveFragment | QUrl::RemoveUserInfo)
                                             : url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority
                                                             | QUrl::RemoveFragment);
    if (target.isEmpty())
        target = "/";
    const bool defaultPort = url.port() < 0 || url.port() == (m_route.tls() ? 443 : 80);
    QByteArray out;
    out.reserve(256 + m_request.body.size());
    out += m_method + ' ' + target + " HTTP/1.1\r\nHost: " + url.host(QUrl::FullyEncoded).toLatin1();
    if (!defaultPort)
        out += ':' + QByteArray::number(url.port());
    out += "\r\nUser-Agent: Switchyard/" SWITCHYARD_VERSION "\r\n";
    bool hasAccept = false;
    for (const auto &[name, value] : m_request.headers) {
        out += name + ": " + value + "\r\n";
        hasAccept |= name.compare("Accept", Qt::CaseInsensitive) == 0;
    }
    if (!hasAccept)
        out += "Accept: */*\r\n";
    if (m_route.absoluteForm && !m_route.proxy.user().isEmpty()) {
        const QByteArray credentials = (m_route.proxy.user() + QLatin1Char(':') + m_route.proxy.password()).toUtf8();
        out += "Proxy-Authorization: Basic " + credentials.toBase64() + "\r\n";
    }
    if (!m_request.body.isEmpty() || m_method == "POST" || m_method == "PUT")
        out += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
    out += "\r\n";
    out += m_request.body;
    return out;
}

void UpstreamCall::sendRequest()
{
    m_socket->write(requestBytes());
    m_socket->flush(); // now, not after another poll() of every socket on the event loop's next turn
}

void UpstreamCall::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused && m_running) {
        // What arrived while paused is waiting in the socket; a close seen meanwhile is handled after it.
        onReadable();
        if (m_running && m_socketClosed && !m_paused)
            onSocketClosed();
    }
}

void UpstreamCall::onReadable()
{
    if (!m_running || m_paused || !m_socket)
        return;
    m_in += m_socket->readAll();
    if (m_in.isEmpty())
        return;
    const bool hadHead = m_parser.headComplete();
    QByteArray body;
    m_parser.feed(m_in, &body);
    if (m_parser.failed()) {
        fail(Failure::Protocol, QStringLiteral("invalid HTTP response: %1").arg(m_parser.error()));
        return;
    }
    QPointer<UpstreamCall> self(this);
    if (!hadHead && m_parser.headComplete())
        Q_EMIT responseStarted();
    if (self && m_running && !body.isEmpty())
        Q_EMIT bodyData(body);
    if (self && m_running && m_parser.done())
        finishOk();
}

void UpstreamCall::onSocketClosed()
{
    if (!m_running)
        return;
    m_socketClosed = true;
    if (m_paused)
        return; // the bytes before the close still have to go out, once the client takes them
    if (m_socket && m_socket->bytesAvailable() > 0) {
        onReadable();
        if (!m_running || m_paused)
            return;
    }
    if (retryIfStale())
        return;
    const bool hadHead = m_parser.headComplete();
    m_parser.closed();
    if (m_parser.done()) {
        finishOk();
        return;
    }
    fail(hadHead ? Failure::Interrupted : m_parser.started() ? Failure::Protocol : Failure::Connect,
         m_socket && m_socket->error() != QAbstractSocket::RemoteHostClosedError
                 && m_socket->error() != QAbstractSocket::UnknownSocketError
             ? m_socket->errorString()
             : m_parser.error());
}

void UpstreamCall::onSocketError()
{
    if (!m_socket)
        return;
    // A clean close is followed by disconnected(), which handles it in order with the bytes before it.
    if (!m_running || m_socket->error() == QAbstractSocket::RemoteHostClosedError)
        return;
    if (retryIfStale())
        return;
    if (m_parser.headComplete()) {
        m_socketClosed = true;
        if (!m_paused)
            fail(Failure::Interrupted, m_socket->errorString());
        return;
    }
    fail(m_parser.started() ? Failure::Protocol : Failure::Connect, m_socket->errorString());
}

bool UpstreamCall::retryIfStale()
{
    if (m_parser.started() || !m_reusedSocket || m_retriedStale)
        return false;
    // The server closed an idle keep-alive connection just as we reused it, so it never saw the request.
    m_retriedStale = true;
    qCDebug(lcUpstream) << "stale pooled connection to" << m_route.poolKey << "- reconnecting";
    releaseSocket(false);
    m_socketClosed = false;
    connectSocket();
    return true;
}

void UpstreamCall::fail(Failure failure, const QString &why)
{
    if (!m_running)
        return;
    m_running = false;
    m_failure = failure;
    m_error = why;
    releaseSocket(false);
    Q_EMIT finished();
}

void UpstreamCall::finishOk()
{
    m_running = false;
    // Leftover bytes after a complete response mean the peer is confused; never reuse that connection.
    releaseSocket(m_parser.keepAlive() && m_in.isEmpty() && !m_socketClosed);
    Q_EMIT finished();
}

void UpstreamCall::releaseSocket(bool reusable)
{
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    if (!socket)
        return;
    socket->disconnect(this);
    if (reusable) {
        m_pool->giveBack(m_route, socket);
        return;
    }
    socket->abort();
    socket->deleteLater();
}

void UpstreamCall::abort()
{
    m_running = false;
    releaseSocket(false);
}
