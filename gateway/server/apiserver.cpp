#include "apiserver.h"

#include "core/clock.h"
#include "gateway.h"
#include "hub/hub.h"
#include "metrics/metrics.h"
#include "routing/router.h"
#include "server/accesscontrol.h"
#include "server/apicall.h"
#include "server/bodyvalidation.h"
#include "server/docspage.h"
#include "server/errorresponse.h"
#include "server/httpcompat.h"
#include "storage/requestlog.h"
#include "tokens/tokenlimiter.h"
#include "translate/translate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString isoTime(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC).toString(Qt::ISODateWithMs);
}


// Tools that insist on a provider-looking base URL get the same API under /openai and /anthropic.
QString withoutFormatPrefix(const QString &path, WireFormat *format)
{
    for (const auto &[prefix, f] : {std::pair{QLatin1String("/openai/"), WireFormat::OpenAi},
                                    std::pair{QLatin1String("/anthropic/"), WireFormat::Anthropic}}) {
        if (path.startsWith(prefix)) {
            *format = f;
            return path.mid(prefix.size() - 1);
        }
    }
    return path;
}

} // namespace

ApiServer::ApiServer(Gateway *gateway, const AccessControl *access, TokenLimiter *limiter, const RelayContext &relay)
    : m_gateway(gateway), m_access(access), m_limiter(limiter), m_relay(relay)
{
    addOwnRoutes();
}

void ApiServer::addOwnRoutes()
{
    using Access = RouteTable::Access;
    // Load balancers and the desktop app probe /health without a token; it holds no secret.
    m_routes.add("GET", QStringLiteral("/health"), Access::Open, [this](ApiCall &call) { call.sendJson(200, health()); });
    m_routes.add("GET", QStringLiteral("/metrics"), Access::Token, [this](ApiCall &call) { answerMetrics(call); });
    // The API's description and its reference page hold no secret either, and a browser opening /docs cannot
    // send a bearer token.
    m_routes.add("GET", QStringLiteral("/openapi.json"), Access::Open,
                 [](ApiCall &call) { call.sendRaw(200, "application/json", DocsPage::specBytes()); });
    m_routes.add("GET", QStringLiteral("/docs"), Access::Open,
                 [](ApiCall &call) { call.sendRaw(200, "text/html; charset=utf-8", DocsPage::render(DocsPage::spec())); });
    m_routes.add("GET", QStringLiteral("/v1/models"), Access::Token,
                 [this](ApiCall &call) { call.sendJson(200, modelsList(call)); });
    m_routes.add("GET", QStringLiteral("/v1/models/{id...}"), Access::Token, [this](ApiCall &call) { answerModel(call); });
    m_routes.add("POST", QStringLiteral("/v1/chat/completions"), Access::Token,
                 [this](ApiCall &call) { handleModelCall(call, ApiKind::ChatCompletions); });
    m_routes.add("POST", QStringLiteral("/v1/embeddings"), Access::Token,
                 [this](ApiCall &call) { handleModelCall(call, ApiKind::Embeddings); });
    m_routes.add("POST", QStringLiteral("/v1/messages"), Access::Token,
                 [this](ApiCall &call) { handleModelCall(call, ApiKind::ChatCompletions); });
    m_routes.add("POST", QStringLiteral("/v1/messages/count_tokens"), Access::Token,
                 [this](ApiCall &call) { handleModelCall(call, ApiKind::CountTokens); });
    m_routes.add("GET", QStringLiteral("/hub/nodes"), Access::Token, [this](ApiCall &call) {
        call.sendJson(200, QJsonObject{{QStringLiteral("nodes"), m_gateway->hub()->nodesJson()}});
    });
    m_routes.add("GET", QStringLiteral("/node"), Access::Token,
                 [this](ApiCall &call) { call.sendJson(200, m_gateway->node()->statusJson()); });
    m_routes.add("GET", QStringLiteral("/ws"), Access::Token, [](ApiCall &call) {
        // An upgrade never reaches here (HttpServerCompat takes it); a plain GET does.
        call.sendError(GatewayError::make(ErrorKind::InvalidRequest, QStringLiteral("websocket_required"),
                                          QStringLiteral("/ws is where Co-Link nodes connect, with a WebSocket upgrade "
                                                         "and a Client-Token header.")));
    });
}

void ApiServer::handle(const HttpRequest &request, HttpExchange *exchange)
{
    ApiCall call(request, exchange, m_relay.log, m_relay.metrics);
    call.cors = m_access->corsHeaders(request);
    call.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    call.path = withoutFormatPrefix(request.path, &call.format);
    // "/v1/models/" and "/v1/models" are the same resource.
    while (call.path.size() > 1 && call.path.endsWith(QLatin1Char('/')))
        call.path.chop(1);
    // Anthropic's SDKs always send anthropic-version; the OpenAI ones never do.
    if (call.path.startsWith(QLatin1String("/v1/messages"))
        || (call.path.startsWith(QLatin1String("/v1/models")) && !request.header("anthropic-version").isEmpty()))
        call.format = WireFormat::Anthropic;

    if (request.method == "OPTIONS") {
        answerPreflight(call);
        return;
    }
    const RouteTable::Lookup found = m_routes.find(request.method, call.path);
    call.allowedMethods = found.allowedMethods;
    if (found.allowedMethods.isEmpty()) {
        call.sendError(GatewayError::make(ErrorKind::NotFound, QStringLiteral("unknown_url"),
                                          QStringLiteral("Unknown request URL: %1 %2. See /openapi.json for the endpoints.")
                                              .arg(QString::fromLatin1(request.method), call.path)));
        return;
    }
    if (!found.route) {
        call.sendError(GatewayError::make(ErrorKind::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                                          QStringLiteral("%1 is not supported on %2.")
                                              .arg(QString::fromLatin1(request.method), call.path)));
        return;
    }
    if (found.route->access == RouteTable::Access::Token) {
        if (const auto denied = m_access->authenticate(request, m_limiter->wallNowMs(), &call.caller)) {
            call.sendError(*denied);
            return;
        }
        // Every authenticated request takes a place in its token's minute, whatever the endpoint.
        if (const TokenRecord *token = call.limitedToken()) {
            if (const auto limited = m_limiter->admitRate(*token)) {
                call.sendError(*limited);
                return;
            }
        }
    }
    call.params = found.params;
    found.route->handler(call);
}

void ApiServer::answerPreflight(ApiCall &call)
{
    const QByteArray origin = call.request.header("Origin");
    if (!origin.isEmpty() && !m_access->originAllowed(origin)) {
        call.sendError(GatewayError::make(ErrorKind::PermissionDenied, QStringLiteral("cors_origin_not_allowed"),
                                          QStringLiteral("Origin '%1' is not allowed.").arg(QString::fromUtf8(origin))));
        return;
    }
    HeaderList headers = call.cors;
    headers.append({QByteArrayLiteral("Access-Control-Allow-Methods"), QByteArrayLiteral("GET, POST, OPTIONS")});
    headers.append({QByteArrayLiteral("Access-Control-Allow-Headers"),
                    QByteArrayLiteral("Authorization, Content-Type, x-api-key, anthropic-version, "
                                      "anthropic-beta, OpenAI-Organization, OpenAI-Project, Prefer")});
    headers.append({QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("600")});
    call.exchange->respond(204, headers, {});
}

void ApiServer::answerMetrics(ApiCall &call)
{
    Metrics::Gauges gauges;
    gauges.activeBans = m_gateway->router()->activeBanCount();
    for (const BackendPtr &b : m_gateway->router()->backends())
        gauges.providersKeyInvalid += b->keyInvalid ? 1 : 0;
    gauges.hubNodes = m_gateway->hub()->nodeCount();
    for (const BackendPtr &b : m_gateway->router()->nodeBackends())
        gauges.hubNodesInFlight += b->inFlight;
    const NodeClient::Status node = m_gateway->node()->status();
    gauges.nodeConnected = node.state == NodeClient::State::Connected ? 1 : 0;
    gauges.nodeInFlight = node.inFlight;
    call.sendRaw(200, "text/plain; version=0.0.4; charset=utf-8", m_relay.metrics->render(gauges));
}

void ApiServer::answerModel(ApiCall &call)
{
    const QString &id = call.params.value(0);
    call.publicModel = id.left(200);
    if (const auto denied = admitModelCall(call, id, false)) {
        call.sendError(*denied);
        return;
    }
    if (m_gateway->router()->publicModels().contains(id)) {
        call.sendJson(200, modelObject(id, call.format));
        return;
    }
    GatewayError whyNot;
    m_gateway->router()->pick(id, ApiKind::ChatCompletions, {}, &whyNot);
    call.sendError(whyNot);
}

void ApiServer::handleModelCall(ApiCall &call, ApiKind kind)
{
    QJsonObject body;
    if (const auto problem = BodyValidation::jsonObject(call.request.body, m_gateway->config().gateway.maxBodyBytes, &body)) {
        call.sendError(*problem);
        return;
    }
    const QJsonValue model = body.value(QLatin1String("model"));
    call.publicModel = model.isString() ? model.toString().left(200) : QString();
    const bool anthropic = call.format == WireFormat::Anthropic;
    if (const auto problem = anthropic ? BodyValidation::anthropicBody(body, kind) : BodyValidation::openAiBody(body, kind)) {
        call.sendError(*problem);
        return;
    }

    // Counting tokens generates nothing, so the quota does not count it.
    if (const auto denied = admitModelCall(call, call.publicModel, kind != ApiKind::CountTokens)) {
        call.sendError(*denied);
        return;
    }

    InboundCall inbound;
    inbound.request.format = call.format;
    inbound.request.kind = kind;
    inbound.request.body = body;
    inbound.request.json = call.request.body;
    inbound.request.stream = kind == ApiKind::ChatCompletions && body.value(QLatin1String("stream")).toBool();
    if (anthropic && kind == ApiKind::ChatCompletions) {
        // Translated once here: a request no provider format can carry is the client's error, told at once.
        QString error;
        const std::optional<QJsonObject> pivot = Translate::anthropicRequestToOpenAi(body, &error);
        if (!pivot) {
            call.sendError(BodyValidation::invalid(QStringLiteral("invalid_request"), error));
            return;
        }
        inbound.request.pivot = *pivot;
    } else {
        inbound.request.pivot = body;
    }
    if (kind == ApiKind::CountTokens) {
        // Only Anthropic providers count tokens; for the others an estimate is the honest best.
        GatewayError whyNot;
        if (!m_gateway->router()->pick(call.publicModel, kind, {}, &whyNot)) {
            answerTokenEstimate(call, body);
            return;
        }
    }
    inbound.endpoint = call.path;
    inbound.publicModel = body.value(QLatin1String("model")).toString();
    inbound.client = call.request.peer.toString();
    inbound.receivedAtMs = call.receivedAtMs;
    inbound.responseHeaders = call.cors;
    if (call.caller) {
        inbound.token = call.caller->name;
        inbound.tokenId = call.caller->id;
        inbound.quotaCounted = call.quotaCounted;
    }
    auto *relay = new RelayCall(m_relay, std::move(inbound), call.exchange);
    relay->setParent(m_gateway);
    relay->start();
}

std::optional<GatewayError> ApiServer::admitModelCall(ApiCall &call, const QString &publicModel,
                                                      bool countsAgainstQuota)
{
    const TokenRecord *token = call.limitedToken();
    if (!token)
        return std::nullopt;
    return m_limiter->admitModelCall(*token, publicModel, countsAgainstQuota, &call.quotaCounted);
}

void ApiServer::answerTokenEstimate(ApiCall &call, const QJsonObject &body)
{
    if (!m_gateway->router()->publicModels().contains(call.publicModel)) {
        GatewayError whyNot;
        m_gateway->router()->pick(call.publicModel, ApiKind::ChatCompletions, {}, &whyNot);
        call.sendError(whyNot);
        return;
    }
    call.sendJson(200, QJsonObject{{QStringLiteral("input_tokens"), Translate::estimateInputTokens(body)}});
    call.logAnsweredHere(200, {});
}

QJsonObject ApiServer::modelObject(const QString &id, WireFormat format)
{
    if (format == WireFormat::Anthropic)
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("model")},
                           {QStringLiteral("id"), id},
                           {QStringLiteral("display_name"), id},
                           {QStringLiteral("created_at"), QStringLiteral("1970-01-01T00:00:00Z")}};
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("object"), QStringLiteral("model")},
                       {QStringLiteral("created"), 0},
                       {QStringLiteral("owned_by"), QStringLiteral("switchyard")}};
}

QJsonObject ApiServer::modelsList(const ApiCall &call) const
{
    const WireFormat format = call.format;
    QJsonArray data;
    QStringList ids = m_gateway->router()->publicModels();
    // A token limited to some models lists those only, as One API lists a token's models.
    if (const TokenRecord *token = call.limitedToken())
        ids.removeIf([token](const QString &id) { return !AccessControl::modelAllowed(*token, id); });
    for (const QString &id : ids)
        data.append(modelObject(id, format));
    if (format == WireFormat::Anthropic) // one page, as Anthropic pages its list
        return QJsonObject{{QStringLiteral("data"), data},
                           {QStringLiteral("has_more"), false},
                           {QStringLiteral("first_id"), ids.isEmpty() ? QJsonValue() : QJsonValue(ids.first())},
                           {QStringLiteral("last_id"), ids.isEmpty() ? QJsonValue() : QJsonValue(ids.last())}};
    return QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}};
}

QJsonObject ApiServer::health() const
{
    const Router *router = m_gateway->router();
    const qint64 nowWall = QDateTime::currentMSecsSinceEpoch();
    const qint64 nowMono = router->clock()->nowMs();
    QJsonArray providers;
    int usable = 0;
    for (const BackendPtr &b : router->backends()) {
        const qint64 bannedUntil = router->backendBannedUntilMs(*b);
        QString state = QStringLiteral("ok");
        if (!b->config.enabled)
            state = QStringLiteral("disabled");
        else if (b->keyInvalid)
            state = QStringLiteral("key_invalid");
        else if (bannedUntil > 0)
            state = QStringLiteral("banned");
        usable += state == QLatin1String("ok") ? 1 : 0;
        QJsonArray models;
        QJsonArray bannedModels;
        for (const ModelMapping &m : b->config.models) {
            models.append(m.publicName);
            const qint64 until = b->modelBannedUntilMs.value(m.localName);
            if (until > nowMono)
                bannedModels.append(QJsonObject{{QStringLiteral("model"), m.localName},
                                                {QStringLiteral("banned_until"), isoTime(nowWall + until - nowMono)}});
        }
        providers.append(QJsonObject{
            {QStringLiteral("name"), b->config.name},
            {QStringLiteral("type"), b->config.type},
            {QStringLiteral("state"), state},
            {QStringLiteral("banned_until"),
             bannedUntil > 0 ? QJsonValue(isoTime(nowWall + bannedUntil - nowMono)) : QJsonValue()},
            {QStringLiteral("banned_models"), bannedModels},
            {QStringLiteral("has_key"), !b->apiKey.isEmpty()},
            {QStringLiteral("in_flight"), b->inFlight},
            {QStringLiteral("served"), b->served},
            {QStringLiteral("failures"), b->failures},
            {QStringLiteral("last_error"), b->lastError.isEmpty() ? QJsonValue() : QJsonValue(b->lastError)},
            {QStringLiteral("models"), models},
        });
    }
    const bool degraded = !router->backends().isEmpty() && usable < router->backends().size();
    return QJsonObject{
        {QStringLiteral("status"), usable == 0 && !router->backends().isEmpty() ? QStringLiteral("down")
                                   : degraded                                   ? QStringLiteral("degraded")
                                                                                : QStringLiteral("ok")},
        {QStringLiteral("version"), QStringLiteral(SWITCHYARD_VERSION)},
        {QStringLiteral("uptime_seconds"), m_gateway->uptimeSeconds()},
        {QStringLiteral("listen"), m_gateway->baseUrl()},
        {QStringLiteral("in_flight"), m_relay.metrics->inFlight()},
        {QStringLiteral("providers"), providers},
        // Counts and states only: /health needs no token, and the lists name machines (see /hub/nodes, /node).
        {QStringLiteral("hub"), QJsonObject{{QStringLiteral("nodes"), m_gateway->hub()->nodeCount()}}},
        {QStringLiteral("node"),
         QJsonObject{{QStringLiteral("enabled"), m_gateway->node()->isEnabled()},
                     {QStringLiteral("state"), NodeClient::stateName(m_gateway->node()->status().state)}}},
    };
}
