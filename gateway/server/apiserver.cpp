#include "apiserver.h"

#include "core/clock.h"
#include "gateway.h"
#include "hub/hub.h"
#include "metrics/metrics.h"
#include "routing/router.h"
#include "server/accesscontrol.h"
#include "server/errorresponse.h"
#include "server/httpcompat.h"
#include "storage/requestlog.h"
#include "translate/translate.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

struct ApiServer::Context {
    const HttpRequest &request;
    HttpExchange *exchange;
    HeaderList cors;
    qint64 receivedAtMs;
    QString path = {};   // without an /openai or /anthropic prefix
    WireFormat format = WireFormat::OpenAi; // the client's, for errors
    QString publicModel = {}; // set once the body has been parsed, for the log
};

namespace {

QString isoTime(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

GatewayError invalid(const QString &code, const QString &message, const QString &param = {})
{
    return GatewayError::make(ErrorKind::InvalidRequest, code, message, param);
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: return QStringLiteral("missing");
    }
    return QStringLiteral("unknown");
}

std::optional<GatewayError> validateModelAndStream(const QJsonObject &body)
{
    const QJsonValue model = body.value(QLatin1String("model"));
    if (model.isUndefined())
        return invalid(QStringLiteral("missing_required_parameter"), QStringLiteral("'model' is required."),
                       QStringLiteral("model"));
    if (!model.isString() || model.toString().trimmed().isEmpty())
        return invalid(QStringLiteral("invalid_type"),
                       QStringLiteral("'model' must be a non-empty string, not %1.").arg(jsonTypeName(model)),
                       QStringLiteral("model"));
    const QJsonValue stream = body.value(QLatin1String("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool())
        return invalid(QStringLiteral("invalid_type"),
                       QStringLiteral("'stream' must be true or false, not %1.").arg(jsonTypeName(stream)),
                       QStringLiteral("stream"));
    return std::nullopt;
}

// Checks the fields the gateway itself relies on; the provider checks the rest.
std::optional<GatewayError> validateBody(const QJsonObject &body, ApiKind kind)
{
    if (const auto problem = validateModelAndStream(body))
        return problem;
    if (kind == ApiKind::ChatCompletions) {
        const QJsonValue messages = body.value(QLatin1String("messages"));
        if (messages.isUndefined())
            return invalid(QStringLiteral("missing_required_parameter"), QStringLiteral("'messages' is required."),
                           QStringLiteral("messages"));
        if (!messages.isArray())
            return invalid(QStringLiteral("invalid_type"),
                           QStringLiteral("'messages' must be an array, not %1.").arg(jsonTypeName(messages)),
                           QStringLiteral("messages"));
        if (messages.toArray().isEmpty())
            return invalid(QStringLiteral("invalid_value"), QStringLiteral("'messages' must not be empty."),
                           QStringLiteral("messages"));
        const QJsonArray list = messages.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isObject() || !list.at(i).toObject().value(QLatin1String("role")).isString())
                return invalid(QStringLiteral("invalid_type"),
                               QStringLiteral("'messages[%1]' must be an object with a string 'role'.").arg(i),
                               QStringLiteral("messages"));
        }
    } else {
        const QJsonValue input = body.value(QLatin1String("input"));
        if (!input.isString() && !input.isArray())
            return invalid(QStringLiteral("invalid_type"),
                           QStringLiteral("'input' must be a string or an array, not %1.").arg(jsonTypeName(input)),
                           QStringLiteral("input"));
    }
    return std::nullopt;
}

// The Messages API's own rules, so a Claude client hears about its mistakes as Anthropic would tell it.
std::optional<GatewayError> validateAnthropicBody(const QJsonObject &body, ApiKind kind)
{
    if (const auto problem = validateModelAndStream(body))
        return problem;
    const QJsonValue messages = body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty())
        return invalid(QStringLiteral("invalid_value"), QStringLiteral("messages: must be a non-empty array."),
                       QStringLiteral("messages"));
    const QJsonArray list = messages.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString role = list.at(i).toObject().value(QLatin1String("role")).toString();
        if (role != QLatin1String("user") && role != QLatin1String("assistant"))
            return invalid(QStringLiteral("invalid_value"),
                           QStringLiteral("messages.%1.role: must be 'user' or 'assistant'.").arg(i),
                           QStringLiteral("messages"));
    }
    if (kind == ApiKind::ChatCompletions) {
        const QJsonValue maxTokens = body.value(QLatin1String("max_tokens"));
        if (maxTokens.isUndefined())
            return invalid(QStringLiteral("missing_required_parameter"), QStringLiteral("max_tokens: Field required"),
                           QStringLiteral("max_tokens"));
        if (!maxTokens.isDouble() || maxTokens.toDouble() < 1 || maxTokens.toDouble() != double(maxTokens.toInteger()))
            return invalid(QStringLiteral("invalid_type"),
                           QStringLiteral("max_tokens: must be a positive integer, not %1.").arg(jsonTypeName(maxTokens)),
                           QStringLiteral("max_tokens"));
    }
    return std::nullopt;
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

ApiServer::ApiServer(Gateway *gateway, const AccessControl *access, const RelayContext &relay)
    : m_gateway(gateway), m_access(access), m_relay(relay)
{
}

void ApiServer::handle(const HttpRequest &request, HttpExchange *exchange)
{
    Context ctx{.request = request,
                .exchange = exchange,
                .cors = m_access->corsHeaders(request),
                .receivedAtMs = QDateTime::currentMSecsSinceEpoch()};
    ctx.path = withoutFormatPrefix(request.path, &ctx.format);
    // "/v1/models/" and "/v1/models" are the same resource.
    while (ctx.path.size() > 1 && ctx.path.endsWith(QLatin1Char('/')))
        ctx.path.chop(1);
    // Anthropic's SDKs always send anthropic-version; the OpenAI ones never do.
    if (ctx.path.startsWith(QLatin1String("/v1/messages"))
        || (ctx.path.startsWith(QLatin1String("/v1/models")) && !request.header("anthropic-version").isEmpty()))
        ctx.format = WireFormat::Anthropic;
    dispatch(ctx);
}

void ApiServer::dispatch(Context &ctx)
{
    const QByteArray &method = ctx.request.method;
    const QString &path = ctx.path;

    if (method == "OPTIONS") {
        const QByteArray origin = ctx.request.header("Origin");
        if (!origin.isEmpty() && !m_access->originAllowed(origin)) {
            sendError(ctx, GatewayError::make(ErrorKind::PermissionDenied, QStringLiteral("cors_origin_not_allowed"),
                                              QStringLiteral("Origin '%1' is not allowed.").arg(QString::fromUtf8(origin))));
            return;
        }
        HeaderList headers = ctx.cors;
        headers.append({QByteArrayLiteral("Access-Control-Allow-Methods"), QByteArrayLiteral("GET, POST, OPTIONS")});
        headers.append({QByteArrayLiteral("Access-Control-Allow-Headers"),
                        QByteArrayLiteral("Authorization, Content-Type, x-api-key, anthropic-version, "
                                          "anthropic-beta, OpenAI-Organization, OpenAI-Project")});
        headers.append({QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("600")});
        ctx.exchange->respond(204, headers, {});
        return;
    }

    struct Route {
        const char *method;
        const char *path;
    };
    static const Route routes[] = {{"GET", "/health"},         {"GET", "/metrics"},
                                   {"GET", "/openapi.json"},   {"GET", "/v1/models"},
                                   {"POST", "/v1/chat/completions"}, {"POST", "/v1/embeddings"},
                                   {"POST", "/v1/messages"},   {"POST", "/v1/messages/count_tokens"},
                                   {"GET", "/hub/nodes"},      {"GET", "/node"},
                                   {"GET", "/ws"}};
    const bool isModelItem = path.startsWith(QLatin1String("/v1/models/"));
    bool knownPath = isModelItem;
    bool matched = isModelItem && method == "GET";
    for (const Route &r : routes) {
        if (path == QLatin1String(r.path)) {
            knownPath = true;
            matched |= method == r.method;
        }
    }
    if (!knownPath) {
        sendError(ctx, GatewayError::make(ErrorKind::NotFound, QStringLiteral("unknown_url"),
                                          QStringLiteral("Unknown request URL: %1 %2. See /openapi.json for the endpoints.")
                                              .arg(QString::fromLatin1(method), path)));
        return;
    }
    if (!matched) {
        sendError(ctx, GatewayError::make(ErrorKind::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                                          QStringLiteral("%1 is not supported on %2.").arg(QString::fromLatin1(method), path)));
        return;
    }

    // Load balancers and the desktop app probe /health without a token; it holds no secret.
    if (path == QLatin1String("/health")) {
        sendJson(ctx, 200, health());
        return;
    }
    if (const auto denied = m_access->authenticate(ctx.request)) {
        sendError(ctx, *denied);
        return;
    }
    if (path == QLatin1String("/ws")) {
        // An upgrade never reaches here; a plain GET does.
        sendError(ctx, GatewayError::make(ErrorKind::InvalidRequest, QStringLiteral("websocket_required"),
                                          QStringLiteral("/ws is where Co-Link nodes connect, with a WebSocket upgrade "
                                                         "and a Client-Token header.")));
        return;
    }
    if (path == QLatin1String("/hub/nodes")) {
        sendJson(ctx, 200, QJsonObject{{QStringLiteral("nodes"), m_gateway->hub()->nodesJson()}});
        return;
    }
    if (path == QLatin1String("/node")) {
        sendJson(ctx, 200, m_gateway->node()->statusJson());
        return;
    }
    if (path == QLatin1String("/metrics")) {
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
        sendRaw(ctx, 200, "text/plain; version=0.0.4; charset=utf-8", m_relay.metrics->render(gauges));
    } else if (path == QLatin1String("/openapi.json")) {
        QFile spec(QStringLiteral(":/switchyard/openapi.json"));
        spec.open(QIODevice::ReadOnly);
        sendRaw(ctx, 200, "application/json", spec.readAll());
    } else if (path == QLatin1String("/v1/models")) {
        sendJson(ctx, 200, modelsList(ctx.format));
    } else if (isModelItem) {
        const QString id = path.mid(int(qstrlen("/v1/models/")));
        ctx.publicModel = id.left(200);
        if (m_gateway->router()->publicModels().contains(id)) {
            sendJson(ctx, 200, modelObject(id, ctx.format));
        } else {
            GatewayError whyNot;
            m_gateway->router()->pick(id, ApiKind::ChatCompletions, {}, &whyNot);
            sendError(ctx, whyNot);
        }
    } else if (path == QLatin1String("/v1/chat/completions")) {
        handleModelCall(ctx, ApiKind::ChatCompletions);
    } else if (path == QLatin1String("/v1/embeddings")) {
        handleModelCall(ctx, ApiKind::Embeddings);
    } else if (path == QLatin1String("/v1/messages")) {
        handleModelCall(ctx, ApiKind::ChatCompletions);
    } else if (path == QLatin1String("/v1/messages/count_tokens")) {
        handleModelCall(ctx, ApiKind::CountTokens);
    }
}

void ApiServer::handleModelCall(Context &ctx, ApiKind kind)
{
    const QByteArray &raw = ctx.request.body;
    const qint64 limit = m_gateway->config().gateway.maxBodyBytes;
    if (raw.size() > limit) {
        sendError(ctx, GatewayError::make(ErrorKind::PayloadTooLarge, QStringLiteral("request_too_large"),
                                          QStringLiteral("The request body is %1 bytes; this gateway accepts at most %2.")
                                              .arg(raw.size())
                                              .arg(limit)));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        sendError(ctx, invalid(QStringLiteral("invalid_json"),
                               QStringLiteral("The request body is not valid JSON (%1 at byte %2).")
                                   .arg(parseError.errorString())
                                   .arg(parseError.offset)));
        return;
    }
    if (!doc.isObject()) {
        sendError(ctx, invalid(QStringLiteral("invalid_json"), QStringLiteral("The request body must be a JSON object.")));
        return;
    }
    const QJsonObject body = doc.object();
    const QJsonValue model = body.value(QLatin1String("model"));
    ctx.publicModel = model.isString() ? model.toString().left(200) : QString();
    const bool anthropic = ctx.format == WireFormat::Anthropic;
    if (const auto problem = anthropic ? validateAnthropicBody(body, kind) : validateBody(body, kind)) {
        sendError(ctx, *problem);
        return;
    }

    InboundCall call;
    call.request.format = ctx.format;
    call.request.kind = kind;
    call.request.body = body;
    call.request.stream = kind == ApiKind::ChatCompletions && body.value(QLatin1String("stream")).toBool();
    if (anthropic && kind == ApiKind::ChatCompletions) {
        // Translated once here: a request no provider format can carry is the client's error, told at once.
        QString error;
        const std::optional<QJsonObject> pivot = Translate::anthropicRequestToOpenAi(body, &error);
        if (!pivot) {
            sendError(ctx, invalid(QStringLiteral("invalid_request"), error));
            return;
        }
        call.request.pivot = *pivot;
    } else {
        call.request.pivot = body;
    }
    if (kind == ApiKind::CountTokens) {
        // Only Anthropic providers count tokens; for the others an estimate is the honest best.
        GatewayError whyNot;
        if (!m_gateway->router()->pick(ctx.publicModel, kind, {}, &whyNot)) {
            answerTokenEstimate(ctx, body);
            return;
        }
    }
    call.endpoint = ctx.path;
    call.publicModel = body.value(QLatin1String("model")).toString();
    call.client = ctx.request.peer.toString();
    call.receivedAtMs = ctx.receivedAtMs;
    call.responseHeaders = ctx.cors;
    auto *relay = new RelayCall(m_relay, std::move(call), ctx.exchange);
    relay->setParent(m_gateway);
    relay->start();
}

void ApiServer::answerTokenEstimate(Context &ctx, const QJsonObject &body)
{
    if (!m_gateway->router()->publicModels().contains(ctx.publicModel)) {
        GatewayError whyNot;
        m_gateway->router()->pick(ctx.publicModel, ApiKind::ChatCompletions, {}, &whyNot);
        sendError(ctx, whyNot);
        return;
    }
    sendJson(ctx, 200, QJsonObject{{QStringLiteral("input_tokens"), Translate::estimateInputTokens(body)}});
    logAnsweredHere(ctx, 200, {});
}

void ApiServer::sendRaw(Context &ctx, int status, const QByteArray &type, const QByteArray &body)
{
    HeaderList headers = ctx.cors;
    headers.append({QByteArrayLiteral("Content-Type"), type});
    ctx.exchange->respond(status, headers, body);
}

void ApiServer::sendJson(Context &ctx, int status, const QJsonObject &body)
{
    sendRaw(ctx, status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void ApiServer::sendError(Context &ctx, const GatewayError &error)
{
    HeaderList headers = ctx.cors;
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    if (!error.retryAfter.isEmpty())
        headers.append({QByteArrayLiteral("Retry-After"), error.retryAfter});
    if (error.kind == ErrorKind::MethodNotAllowed)
        headers.append({QByteArrayLiteral("Allow"), ctx.path.startsWith(QLatin1String("/v1/chat/"))
                                                            || ctx.path == QLatin1String("/v1/embeddings")
                                                            || ctx.path.startsWith(QLatin1String("/v1/messages"))
                                                        ? QByteArrayLiteral("POST, OPTIONS")
                                                        : QByteArrayLiteral("GET, OPTIONS")});
    if (error.kind == ErrorKind::Authentication)
        headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
    ctx.exchange->respond(error.httpStatus, headers, ErrorResponse::body(ctx.format, error));
    logAnsweredHere(ctx, error.httpStatus, error.message);
}

void ApiServer::logAnsweredHere(const Context &ctx, int status, const QString &error)
{
    // Every request is in the log, including those refused or answered before reaching a provider.
    RequestRecord record;
    record.timeMs = ctx.receivedAtMs;
    record.client = ctx.request.peer.toString();
    record.endpoint = ctx.path;
    record.publicModel = ctx.publicModel;
    record.status = status;
    record.latencyMs = QDateTime::currentMSecsSinceEpoch() - ctx.receivedAtMs;
    record.error = error;
    m_relay.metrics->requestFinished(record.publicModel, QString(), status, record.latencyMs / 1000.0, -1);
    m_relay.log->record(record);
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

QJsonObject ApiServer::modelsList(WireFormat format) const
{
    QJsonArray data;
    const QStringList ids = m_gateway->router()->publicModels();
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
