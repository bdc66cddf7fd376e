#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QNetworkProxy>
#include <QObject>
#include <QTimer>
#include <QUrl>

class QTcpSocket;

// Where a connection goes: the origin, or a proxy in front of it.
struct UpstreamRoute final {
    QString scheme;        // "http" or "https" of the origin
    QString host;
    quint16 port = 0;
    QNetworkProxy proxy;   // NoProxy, or the proxy the socket tunnels through (CONNECT, SOCKS)
    bool absoluteForm = false; // plain HTTP through an HTTP proxy: we talk to the proxy with absolute URLs
    QString proxyHost;     // set with absoluteForm
    quint16 proxyPort = 0;

    QString poolKey;       // origin and proxy: connections with the same key are interchangeable

    // Honours http_proxy / https_proxy / no_proxy (and the platform's settings), never for loopback.
    static UpstreamRoute forUrl(const QUrl &url);
    bool tls() const { return scheme == QLatin1String("https"); }
};

// Keeps idle keep-alive connections to upstreams, so a request does not pay for TCP and TLS set-up again.
// Sockets are lent to one UpstreamCall at a time and come back only after a complete, reusable response.
class UpstreamPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamPool)

public:
    explicit UpstreamPool(QObject *parent = nullptr);
    ~UpstreamPool() override;

    // The route to a URL's origin, worked out once per origin: the proxy settings are read at first use.
    const UpstreamRoute &route(const QUrl &url);
    // An idle connected socket for this route, or nullptr. The caller owns it until it gives it back.
    QTcpSocket *take(const UpstreamRoute &route);
    // A socket whose last response ended cleanly and that may carry another request.
    void giveBack(const UpstreamRoute &route, QTcpSocket *socket);
    int idleCount() const;

    static constexpr int maxIdlePerRoute = 64;
    static constexpr int idleTimeoutMs = 30'000; // providers close idle connections after about a minute
    static constexpr int sweepIntervalMs = 5'000;

private:
    struct Idle {
        QTcpSocket *socket;
        qint64 idleSinceMs; // on m_clock
    };
    void forget(const QString &key, QTcpSocket *socket);
    void closeExpired();

    // One sweep for every idle connection instead of a timer each: lending and taking back a connection
    // happens once per request, and a timer each meant an allocation and a deferred delete every time.
    QElapsedTimer m_clock;
    QTimer m_sweep;
    QHash<QString, QList<Idle>> m_idle;
    QHash<QString, UpstreamRoute> m_routes; // by scheme://host:port
};
