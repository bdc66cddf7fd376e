#include "gateway.h"

#include "core/clock.h"
#include "core/logging.h"
#include "hub/hub.h"
#include "metrics/metrics.h"
#include "providers/registry.h"
#include "rest/clinvkapi.h"
#include "routing/router.h"
#include "server/accesscontrol.h"
#include "server/apiserver.h"
#include "server/httpcompat.h"
#include "server/usageendpoint.h"
#include "storage/requestlog.h"
#include "tasks/taskapi.h"
#include "tasks/taskservice.h"
#include "tokens/tokenrules.h"
#include "tokens/tokenwatcher.h"
#include "upstream/upstreampool.h"

#include <QDir>
#include <QHostAddress>
#include <QHostInfo>

static void initResources()
{
    // Resources of a static library must be registered by name.
    Q_INIT_RESOURCE(gateway);
}

Gateway::Gateway(const GatewayOptions &options, QObject *parent)
    : QObject(parent), m_options(options)
{
    initResources();
    m_uptime.start();
    if (!m_options.clock) {
        m_ownClock = std::make_unique<SteadyClock>();
        m_options.clock = m_ownClock.get();
    }
    m_router = new Router(m_options.clock, this);
    m_log = new RequestLog(this);
    m_upstreams = new UpstreamPool(this);
    m_metrics = std::make_unique<Metrics>();
    m_access = std::make_unique<AccessControl>();
    m_limiter = std::make_unique<TokenLimiter>(m_options.clock);
    m_tokens = new TokenWatcher(this);
    connect(m_tokens, &TokenWatcher::tokensChanged, this, &Gateway::applyStoredTokens);
    // Token quotas count what a call used once its log record says so.
    connect(m_log, &RequestLog::recorded, this, [this](const RequestRecord &r) {
        if (r.tokenId > 0)
            m_limiter->addTokens(r.tokenId, std::max<qint64>(r.promptTokens, 0) + std::max<qint64>(r.completionTokens, 0));
    });
    RelayContext relay;
    relay.router = m_router;
    relay.upstreams = m_upstreams;
    relay.log = m_log;
    relay.metrics = m_metrics.get();
    relay.settings = &m_config.gateway;
    m_api = std::make_unique<ApiServer>(this, m_access.get(), m_limiter.get(), relay);
    m_usageApi = std::make_unique<UsageEndpoint>(m_log, &m_config, m_limiter.get());
    m_usageApi->addRoutes(m_api->routes());
    m_clinvk = std::make_unique<ClinvkApi>(this, relay, m_api->routes());
    m_tasks = new TaskService(relay, m_upstreams, this);
    m_taskApi = std::make_unique<TaskApi>(this, m_tasks);
    m_taskApi->addRoutes(m_api->routes());
    m_hub = new Hub(m_router, m_options.hubTimings, this);
    m_node = new NodeClient(relay, m_options.nodeTimings, this);
    connect(m_log, &RequestLog::recorded, this, &Gateway::requestFinished);
}

Gateway::~Gateway()
{
    // Relays are children of this object, of the node client and of running tasks; let them go before the
    // parts they use. Running tasks stay as they are in the task store, for the next start to take up.
    delete std::exchange(m_tasks, nullptr);
    delete std::exchange(m_node, nullptr);
    const auto children = findChildren<RelayCall *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(children);
    delete std::exchange(m_hub, nullptr);
    delete m_http.data();
}

bool Gateway::open(QString *error)
{
    QDir().mkpath(m_options.dataDir);
    return m_log->open(QDir(m_options.dataDir).filePath(QStringLiteral("requests.sqlite")), error)
        && m_tokens->open(TokenStore::pathIn(m_options.dataDir), error)
        && m_tasks->open(QDir(m_options.dataDir).filePath(QStringLiteral("tasks.sqlite")), error);
}

void Gateway::applyStoredTokens(const QList<TokenRecord> &tokens)
{
    m_access->setStoredTokens(tokens);
    m_limiter->retain(tokens);
    // Counters of tokens not seen in their current period start from what the request log holds for it
    // (a restart, a new token, a new day): one query per period kind, not one per token.
    QMap<QuotaPeriod, QHash<qint64, TokenTotals>> totals;
    for (const TokenRecord &t : tokens) {
        if (m_limiter->isSeeded(t))
            continue;
        if (!totals.contains(t.quotaPeriod))
            totals.insert(t.quotaPeriod, m_log->tokenTotalsSince(
                                             TokenRules::periodStartMs(t.quotaPeriod, m_limiter->wallNowMs())));
        const TokenTotals used = totals.value(t.quotaPeriod).value(t.id);
        m_limiter->seed(t, used.requests, used.tokens);
    }
    Q_EMIT tokensChanged();
}

QList<TokenRecord> Gateway::storedTokens() const
{
    return m_tokens->tokens();
}

TokenStore *Gateway::tokenStore() const
{
    return m_tokens->store();
}

void Gateway::reloadTokens()
{
    m_tokens->reload();
}

TokenLimiter::PeriodUsage Gateway::tokenUsage(const TokenRecord &token) const
{
    return m_limiter->usage(token);
}

bool Gateway::hasAccessTokens() const
{
    return m_access->hasTokens();
}

void Gateway::applyConfig(const Config &config, const ResolvedKeys &keys)
{
    m_config = config;
    m_access->configure(config.gateway.accessTokens, config.gateway.corsOrigins);
    m_router->setBanSeconds(config.gateway.banSeconds);
    m_log->setRetention(config.gateway.logRetentionDays, config.gateway.logMaxRows);
    if (m_http)
        m_http->setConnectionLimits(connectionLimits());

    QList<BackendPtr> backends;
    for (const ProviderConfig &p : config.providers) {
        auto backend = std::make_shared<Backend>();
        backend->config = p;
        backend->timeouts = p.timeouts.value_or(config.gateway.timeouts);
        backend->adapter = ProviderRegistry::adapter(p.type);
        backend->apiKey = keys.keys.value(p.name);
        // Keep health across a reload for providers that did not change in a way that matters.
        for (const BackendPtr &old : m_router->backends()) {
            if (old->config.name == p.name && old->config.baseUrl == p.baseUrl && old->apiKey == backend->apiKey) {
                backend->bannedUntilMs = old->bannedUntilMs;
                backend->modelBannedUntilMs = old->modelBannedUntilMs;
                backend->keyInvalid = old->keyInvalid;
                backend->served = old->served;
                backend->failures = old->failures;
                backend->lastError = old->lastError;
            }
        }
        if (backend->adapter)
            backends.append(backend);
    }
    m_router->setBackends(backends);
    // After the providers: the first call resumes the tasks a restart interrupted, on those providers.
    m_tasks->configure(config.gateway.tasks);
    for (const QString &problem : keys.problems)
        qCWarning(lcSecrets).noquote() << problem;

    m_hub->configure(config.hub.nodeTokens, config.gateway.timeouts);
    ColinkSettings colink = config.colink;
    if (colink.clientToken.isEmpty())
        colink.clientToken = keys.colinkClientToken;
    m_node->configure(colink);
    const bool nodeWanted = config.colink.nodeWanted();
    if (m_nodeWantedByConfig != nodeWanted) {
        m_nodeWantedByConfig = nodeWanted;
        m_node->setEnabled(nodeWanted);
    }
    m_node->refreshModels();
}

void Gateway::setNodeEnabled(bool enabled)
{
    m_node->setEnabled(enabled);
}

bool Gateway::isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool Gateway::listen(const QString &host, quint16 port, QString *error)
{
    if (!isLoopback(host) && !m_access->hasTokens()) {
        *error = QStringLiteral("Refusing to listen on %1 without access tokens: anyone who can reach this machine "
                                "could use your provider keys. Create one with 'switchyard token create --name NAME' "
                                "(or add gateway.access_tokens to the config) or listen on 127.0.0.1.")
                     .arg(host);
        return false;
    }
    QHostAddress address(host);
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        address = QHostAddress(QHostAddress::LocalHost);
    auto *server = new HttpServerCompat([this](const HttpRequest &r, HttpExchange *e) { m_api->handle(r, e); }, this);
    server->setWebSocketGate(
        QLatin1String(Hub::path), [this](const HttpRequest &r) { return m_hub->verifyUpgrade(r); },
        [this](QWebSocket *socket) { m_hub->accept(socket); });
    server->setConnectionLimits(connectionLimits());
    QString why;
    if (!server->startListening(address, port, &why)) {
        delete server;
        *error = QStringLiteral("Cannot listen on %1:%2: %3").arg(host).arg(port).arg(why);
        return false;
    }
    delete m_http.data();
    m_http = server;
    m_host = host;
    m_access->setTokensAlwaysRequired(!isLoopback(host));
    m_paused = false;
    qCInfo(lcServer).noquote() << "listening on" << baseUrl();
    Q_EMIT listeningChanged();
    return true;
}

ConnectionLimits Gateway::connectionLimits() const
{
    return ConnectionLimits{.headerTimeoutMs = m_config.gateway.headerTimeoutMs,
                            .maxBodyBytes = m_config.gateway.maxBodyBytes,
                            .maxConnectionsPerClient = m_config.gateway.maxConnectionsPerClient};
}

void Gateway::stopListening()
{
    delete m_http.data();
    Q_EMIT listeningChanged();
}

void Gateway::pause()
{
    if (m_paused || !isListening())
        return;
    m_pausedHost = m_host;
    m_pausedPort = port();
    m_paused = true;
    stopListening();
}

bool Gateway::resume(QString *error)
{
    if (!m_paused)
        return true;
    return listen(m_pausedHost, m_pausedPort, error);
}

void Gateway::setPausedAddress(const QString &host, quint16 port)
{
    m_pausedHost = host;
    m_pausedPort = port;
}

quint16 Gateway::port() const
{
    return m_http ? m_http->port() : 0;
}

bool Gateway::isListening() const
{
    return m_http && m_http->port() != 0;
}

QString Gateway::baseUrl() const
{
    const QString host = m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    return QStringLiteral("http://%1:%2/v1").arg(host).arg(port());
}
