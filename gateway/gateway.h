#pragma once

#include "config/config.h"
#include "hub/hubnode.h"
#include "node/nodeclient.h"
#include "secrets/keyresolver.h"
#include "storage/requestrecord.h"
#include "tokens/tokenlimiter.h"
#include "tokens/tokenrecord.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <memory>

class AccessControl;
class ApiServer;
class ClinvkApi;
struct ConnectionLimits;
class Clock;
class HttpServerCompat;
class Hub;
class Metrics;
class RequestLog;
class TaskApi;
class TaskService;
class Router;
class TokenStore;
class TokenWatcher;
class UsageEndpoint;
class UpstreamPool;

struct GatewayOptions final {
    QString dataDir;               // where requests.sqlite, tokens.sqlite and tasks.sqlite live
    const Clock *clock = nullptr;  // nullptr: the steady clock
    HubTimings hubTimings;         // tests shorten these
    NodeTimings nodeTimings;
};

// The in-process gateway: configuration in, a listening OpenAI-compatible API out. No Widgets.
class Gateway final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Gateway)

public:
    explicit Gateway(const GatewayOptions &options, QObject *parent = nullptr);
    ~Gateway() override;

    // Opens the request log, the token store and the task store. Call once before listen().
    bool open(QString *error);
    // Replaces providers and settings. Calls in flight finish on the providers they started with.
    // Node mode follows the config's node.enabled when that changes, and is otherwise left as switched.
    void applyConfig(const Config &config, const ResolvedKeys &keys);
    // Binds host:port (port 0 picks one). Refuses a non-loopback address unless access tokens exist (in the
    // config or the token store).
    // On success the previous listener, if any, is closed.
    bool listen(const QString &host, quint16 port, QString *error);
    void stopListening();
    // "Pause gateway": stops listening until resume(), which binds the address in effect when paused, or the one
    // a settings change chose meanwhile (setPausedAddress).
    void pause();
    bool resume(QString *error);
    bool isPaused() const { return m_paused; }
    void setPausedAddress(const QString &host, quint16 port);

    QString host() const { return m_host; }
    quint16 port() const;
    QString baseUrl() const;
    bool isListening() const;
    qint64 uptimeSeconds() const { return m_uptime.elapsed() / 1000; }

    const Config &config() const { return m_config; }
    Router *router() const { return m_router; }
    RequestLog *requestLog() const { return m_log; }
    TaskService *tasks() const { return m_tasks; }
    Metrics *metrics() const { return m_metrics.get(); }
    Hub *hub() const { return m_hub; }
    // The HTTP API, for its route table (the /openapi.json completeness test reads it).
    const ApiServer *api() const { return m_api.get(); }
    // Node mode ("share this machine"), switchable at run time.
    NodeClient *node() const { return m_node; }
    void setNodeEnabled(bool enabled);

    static bool isLoopback(const QString &host);

    // Access tokens of the token store (not those of the YAML config), as the gateway enforces them.
    QList<TokenRecord> storedTokens() const;
    // Where the UI creates, revokes and disables them; call reloadTokens() after a change, so it applies now
    // rather than at the next poll.
    TokenStore *tokenStore() const;
    void reloadTokens();
    // What a stored token used in its current quota period.
    TokenLimiter::PeriodUsage tokenUsage(const TokenRecord &token) const;
    TokenLimiter *tokenLimiter() const { return m_limiter.get(); }
    // Whether any access token exists, in the config or the token store.
    bool hasAccessTokens() const;

Q_SIGNALS:
    void requestFinished(const RequestRecord &record);
    void listeningChanged();
    void tokensChanged();

private:
    void applyStoredTokens(const QList<TokenRecord> &tokens);
    ConnectionLimits connectionLimits() const;

    GatewayOptions m_options;
    std::unique_ptr<Clock> m_ownClock;
    Config m_config;
    QString m_host;
    QElapsedTimer m_uptime;
    bool m_paused = false;
    QString m_pausedHost;
    quint16 m_pausedPort = 0;

    Router *m_router = nullptr;
    RequestLog *m_log = nullptr;
    UpstreamPool *m_upstreams = nullptr;
    Hub *m_hub = nullptr;
    NodeClient *m_node = nullptr;
    std::optional<bool> m_nodeWantedByConfig;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<AccessControl> m_access;
    std::unique_ptr<TokenLimiter> m_limiter;
    TokenWatcher *m_tokens = nullptr;
    std::unique_ptr<UsageEndpoint> m_usageApi;
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<ClinvkApi> m_clinvk; // adds clinvk's /api/v1 endpoints to m_api's routes
    TaskService *m_tasks = nullptr;
    std::unique_ptr<TaskApi> m_taskApi;
    QPointer<HttpServerCompat> m_http;
};
