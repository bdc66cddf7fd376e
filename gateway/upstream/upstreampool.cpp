#include "upstreampool.h"

#include "core/logging.h"

#include <QHostAddress>
#include <QNetworkProxyFactory>
#include <QTcpSocket>

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

UpstreamRoute UpstreamRoute::forUrl(const QUrl &url)
{
    UpstreamRoute route;
    route.scheme = url.scheme().toLower();
    route.host = url.host();
    route.port = quint16(url.port(route.tls() ? 443 : 80));
    route.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    route.poolKey = route.scheme + QLatin1String("://") + route.host + QLatin1Char(':') + QString::number(route.port);
    // A local model server must never be sent through a corporate proxy that cannot reach it.
    if (isLoopbackHost(route.host))
        return route;
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
    const QNetworkProxy proxy = proxies.value(0, QNetworkProxy(QNetworkProxy::NoProxy));
    if (proxy.type() == QNetworkProxy::HttpProxy && !route.tls()) {
        // Many proxies refuse CONNECT to port 80; plain HTTP goes to them as absolute-form requests instead.
        route.absoluteForm = true;
        route.proxyHost = proxy.hostName();
        route.proxyPort = proxy.port();
        route.proxy = proxy;
    } else if (proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::Socks5Proxy) {
        route.proxy = proxy;
    }
    if (route.proxy.type() != QNetworkProxy::NoProxy)
        route.poolKey += QLatin1String(" via ") + route.proxy.hostName() + QLatin1Char(':')
            + QString::number(route.proxy.port());
    return route;
}

UpstreamPool::UpstreamPool(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_sweep.setInterval(sweepIntervalMs);
    connect(&m_sweep, &QTimer::timeout, this, &UpstreamPool::closeExpired);
}

const UpstreamRoute &UpstreamPool::route(const QUrl &url)
{
    const QString origin = url.scheme() + QLatin1String("://") + url.authority();
    auto it = m_routes.find(origin);
    if (it == m_routes.end())
        it = m_routes.insert(origin, UpstreamRoute::forUrl(url));
    return *it;
}

UpstreamPool::~UpstreamPool()
{
    for (const QList<Idle> &list : std::as_const(m_idle)) {
        for (const Idle &idle : list) {
            idle.socket->disconnect(this);
            idle.socket->abort();
        }
    }
}

QTcpSocket *UpstreamPool::take(const UpstreamRoute &route)
{
    auto it = m_idle.find(route.poolKey);
    while (it != m_idle.end() && !it->isEmpty()) {
        // Most recently used first: it is the least likely to have been closed by the server.
        const Idle idle = it->takeLast();
        idle.socket->disconnect(this);
        // Bytes on an idle connection can only be garbage or the start of a close; either way it is done.
        if (idle.socket->state() == QAbstractSocket::ConnectedState && idle.socket->bytesAvailable() == 0)
            return idle.socket;
        idle.socket->deleteLater();
    }
    return nullptr;
}

void UpstreamPool::giveBack(const UpstreamRoute &route, QTcpSocket *socket)
{
    const QString &key = route.poolKey;
    QList<Idle> &list = m_idle[key];
    if (list.size() >= maxIdlePerRoute || socket->state() != QAbstractSocket::ConnectedState) {
        socket->disconnect();
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->disconnect();
    socket->setParent(this);
    // The server closing or sending anything unasked means the connection is no longer usable.
    connect(socket, &QTcpSocket::disconnected, this, [this, key, socket] { forget(key, socket); });
    connect(socket, &QTcpSocket::readyRead, this, [this, key, socket] { forget(key, socket); });
    list.append(Idle{socket, m_clock.elapsed()});
    if (!m_sweep.isActive())
        m_sweep.start();
}

void UpstreamPool::closeExpired()
{
    const qint64 now = m_clock.elapsed();
    QList<std::pair<QString, QTcpSocket *>> expired;
    for (auto it = m_idle.cbegin(); it != m_idle.cend(); ++it) {
        for (const Idle &idle : it.value()) {
            if (now - idle.idleSinceMs >= idleTimeoutMs)
                expired.append({it.key(), idle.socket});
        }
    }
    for (const auto &[key, socket] : std::as_const(expired))
        forget(key, socket);
    if (idleCount() == 0)
        m_sweep.stop(); // take() leaves empty lists behind, so the map itself is not the test

}

void UpstreamPool::forget(const QString &key, QTcpSocket *socket)
{
    QList<Idle> &list = m_idle[key];
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).socket == socket) {
            list.removeAt(i);
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
            break;
        }
    }
    if (list.isEmpty())
        m_idle.remove(key);
}

int UpstreamPool::idleCount() const
{
    int n = 0;
    for (const QList<Idle> &list : m_idle)
        n += int(list.size());
    return n;
}
