#include "nodeclient.h"

#include "colink/colinkmessage.h"
#include "core/logging.h"
#include "node/nodeexchange.h"
#include "routing/router.h"
#include "upstream/upstreampool.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QWebSocket>

namespace {

constexpr qint64 maxFrameBytes = 64 * 1024 * 1024;

QString isoTime(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

NodeClient::NodeClient(const RelayContext &relay, const NodeTimings &timings, QObject *parent)
    : QObject(parent), m_relay(relay), m_timings(timings)
{
    m_redialTimer.setSingleShot(true);
    m_dialTimer.setSingleShot(true);
    connect(&m_redialTimer, &QTimer::timeout, this, &NodeClient::dial);
    connect(&m_dialTimer, &QTimer::timeout, this, [this] {
        m_dropReason = QStringLiteral("The server did not complete the WebSocket handshake within %1 s.")
                           .arg(m_timings.dialTimeoutMs / 1000);
        if (m_socket)
            m_socket->abort();
    });
    connect(&m_pingTimer, &QTimer::timeout, this, &NodeClient::checkAlive);
}

NodeClient::~NodeClient()
{
    m_enabled = false;
    hangUp();
}

void NodeClient::configure(const ColinkSettings &settings)
{
    const bool redial = settings.serverUrl != m_settings.serverUrl || settings.clientToken != m_settings.clientToken;
    const bool reregister = settings.maxParallel != m_settings.maxParallel;
    m_settings = settings;
    if (!m_enabled)
        return;
    if (redial) {
        hangUp();
        m_failedDials = 0;
        m_backoffStep = 0;
        dial();
    } else if (reregister && m_state == State::Connected) {
        sendRegister();
    }
}

void NodeClient::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    qCInfo(lcNode) << "node mode" << (enabled ? "on" : "off");
    hangUp();
    m_failedDials = 0;
    m_backoffStep = 0;
    if (enabled)
        dial();
}

void NodeClient::refreshModels()
{
    if (m_state == State::Connected && offeredModels() != m_registeredModels)
        sendRegister();
}

QStringList NodeClient::offeredModels() const
{
    return m_relay.router->publicModels(RouteScope::ProvidersOnly, ApiKind::ChatCompletions);
}

void NodeClient::dial()
{
    if (!m_enabled)
        return;
    if (m_settings.serverUrl.isEmpty() || m_settings.clientToken.isEmpty()) {
        m_lastError = m_settings.serverUrl.isEmpty() ? QStringLiteral("No Co-Link server_url is configured.")
                                                     : QStringLiteral("No Co-Link client_token is configured.");
        setState(State::Off);
        return;
    }
    const QUrl url(m_settings.serverUrl);
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(maxFrameBytes);
    m_socket->setMaxAllowedIncomingFrameSize(maxFrameBytes);
    // The system proxy applies as for providers: ws:// is looked up as http://, wss:// as https://.
    QUrl httpUrl = url;
    httpUrl.setScheme(url.scheme() == QLatin1String("wss") ? QStringLiteral("https") : QStringLiteral("http"));
    m_socket->setProxy(UpstreamRoute::forUrl(httpUrl).proxy);
    connect(m_socket, &QWebSocket::connected, this, &NodeClient::onConnected);
    connect(m_socket, &QWebSocket::stateChanged, this, [this, socket = m_socket](QAbstractSocket::SocketState state) {
        if (socket == m_socket && state == QAbstractSocket::UnconnectedState)
            onUnconnected();
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &NodeClient::onMessage);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_sinceHeard.restart(); });

    QNetworkRequest request(url);
    request.setRawHeader(Colink::tokenHeader, m_settings.clientToken.toUtf8());
    qCInfo(lcNode).noquote() << "dialing" << url.toString(QUrl::RemoveUserInfo);
    setState(State::Connecting);
    m_dialTimer.start(m_timings.dialTimeoutMs);
    m_socket->open(request);
}

void NodeClient::hangUp()
{
    m_redialTimer.stop();
    m_dialTimer.stop();
    m_pingTimer.stop();
    const auto calls = std::exchange(m_calls, {});
    for (const QPointer<NodeExchange> &call : calls) {
        if (call)
            call->cancel(); // the answers have nowhere to go
    }
    if (m_socket) {
        QWebSocket *socket = std::exchange(m_socket, nullptr);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    m_registeredModels.clear();
    setState(State::Off);
}

void NodeClient::onConnected()
{
    m_dialTimer.stop();
    m_connectedFor.start();
    m_sinceHeard.start();
    m_connectedSinceMs = QDateTime::currentMSecsSinceEpoch();
    m_lastError.clear();
    m_failedDials = 0;
    qCInfo(lcNode).noquote() << "connected to" << QUrl(m_settings.serverUrl).toString(QUrl::RemoveUserInfo);
    setState(State::Connected);
    sendRegister();
    m_pingTimer.start(m_timings.pingIntervalMs);
}

void NodeClient::onUnconnected()
{
    const bool wasConnected = m_state == State::Connected;
    const bool healthy = wasConnected && m_connectedFor.elapsed() >= m_timings.minHealthyMs;
    QString reason = std::exchange(m_dropReason, {});
    if (reason.isEmpty())
        reason = !m_socket->closeReason().isEmpty() ? m_socket->closeReason() : m_socket->errorString();
    m_lastError = reason.isEmpty() ? QStringLiteral("The server closed the connection.") : reason;
    qCInfo(lcNode).noquote() << (wasConnected ? "connection lost:" : "dial failed:") << m_lastError;
    hangUp();
    if (!m_enabled)
        return;
    if (healthy) {
        // A live connection that dropped is redialled at once, as the reference client does.
        m_backoffStep = 0;
        dial();
        return;
    }
    ++m_failedDials;
    scheduleRedial();
}

void NodeClient::scheduleRedial()
{
    const int doublings = qMin(m_backoffStep++, 16);
    const qint64 nominal = qMin<qint64>(qint64(m_timings.backoffFirstMs) << doublings, m_timings.backoffMaxMs);
    // Jitter downwards (up to a fifth) so that many nodes of one server do not redial in step.
    const qint64 delay = nominal - qint64(QRandomGenerator::global()->bounded(nominal / 5 + 1));
    m_nextRetryAtMs = QDateTime::currentMSecsSinceEpoch() + delay;
    qCInfo(lcNode) << "redialing in" << delay << "ms";
    m_redialTimer.start(int(delay));
    setState(State::Backoff);
}

void NodeClient::checkAlive()
{
    if (!m_socket)
        return;
    if (m_sinceHeard.elapsed() > m_timings.deadAfterMs) {
        m_dropReason = QStringLiteral("The server has been silent for %1 s.").arg(m_sinceHeard.elapsed() / 1000);
        m_socket->abort(); // → onUnconnected → redial
        return;
    }
    m_socket->ping();
}

void NodeClient::onMessage(const QString &text)
{
    m_sinceHeard.restart();
    const std::optional<Colink::Message> message = Colink::parse(text.toUtf8());
    if (!message)
        return;
    if (message->type == QLatin1String("CALL"))
        onCall(message->data);
    else if (message->type == QLatin1String("CANCEL"))
        onCancel(message->requestId());
    // Anything else is a newer server's addition: ignored, as the protocol says.
}

void NodeClient::onCall(const QJsonObject &data)
{
    const QString requestId = data.value(QLatin1String("request_id")).toString();
    if (requestId.isEmpty() || m_calls.contains(requestId))
        return; // nothing could be answered to it
    if (m_calls.size() >= m_settings.maxParallel) {
        // Refused before it reaches a provider: max_parallel is this machine's promise to its owner.
        sendFrame(Colink::error(requestId, 503, QLatin1String(Colink::busyMessage)));
        return;
    }
    const QJsonValue payloadValue = data.value(QLatin1String("payload"));
    if (!payloadValue.isObject()) {
        failCall(requestId, 400, QStringLiteral("The CALL has no JSON object payload."));
        return;
    }
    QJsonObject payload = payloadValue.toObject();
    QString model = data.value(QLatin1String("model")).toString();
    if (model.isEmpty())
        model = payload.value(QLatin1String("model")).toString();
    if (!offeredModels().contains(model)) {
        failCall(requestId, 400, QLatin1String(Colink::unsupportedModelMessage));
        return;
    }
    const QJsonValue messages = payload.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty()) {
        failCall(requestId, 400, QStringLiteral("'messages' must be a non-empty array."));
        return;
    }
    payload.insert(QStringLiteral("model"), model);

    InboundCall call;
    call.request.format = WireFormat::OpenAi;
    call.request.kind = ApiKind::ChatCompletions;
    call.request.body = payload;
    call.request.pivot = payload;
    call.request.stream = payload.value(QLatin1String("stream")).toBool();
    call.endpoint = QStringLiteral("colink:CALL");
    call.publicModel = model;
    call.client = QStringLiteral("colink:") + QUrl(m_settings.serverUrl).host();
    call.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    call.localProvidersOnly = true;

    auto *exchange = new NodeExchange(requestId, call.request.stream, this);
    m_calls.insert(requestId, exchange);
    connect(exchange, &NodeExchange::outgoing, this, &NodeClient::sendFrame);
    connect(exchange, &NodeExchange::ended, this, [this, exchange, requestId] {
        m_calls.remove(requestId);
        if (exchange->failed())
            ++m_errors;
        else if (!exchange->cancelled())
            ++m_served;
        Q_EMIT statusChanged();
    });
    auto *relay = new RelayCall(m_relay, std::move(call), exchange);
    relay->setParent(this);
    Q_EMIT statusChanged();
    relay->start();
}

void NodeClient::failCall(const QString &requestId, int code, const QString &message)
{
    ++m_errors;
    sendFrame(Colink::error(requestId, code, message));
    Q_EMIT statusChanged();
}

void NodeClient::onCancel(const QString &requestId)
{
    if (const QPointer<NodeExchange> call = m_calls.value(requestId)) {
        qCDebug(lcNode) << "server cancelled" << requestId;
        call->cancel();
    }
}

void NodeClient::sendFrame(const QByteArray &frame)
{
    if (m_socket && m_state == State::Connected) {
        m_socket->sendTextMessage(QString::fromUtf8(frame));
        m_socket->flush(); // now, not on the event loop's next turn: each frame may be a streamed event
    }
}

void NodeClient::sendRegister()
{
    m_registeredModels = offeredModels();
    sendFrame(Colink::registerNode(m_settings.maxParallel, m_registeredModels, QSysInfo::machineHostName()));
    qCInfo(lcNode) << "registered" << m_registeredModels.size() << "models, max_parallel" << m_settings.maxParallel;
    Q_EMIT statusChanged();
}

void NodeClient::setState(State state)
{
    if (state != State::Backoff)
        m_nextRetryAtMs = 0;
    if (state != State::Connected)
        m_connectedSinceMs = 0;
    m_state = state;
    Q_EMIT statusChanged();
}

NodeClient::Status NodeClient::status() const
{
    Status s;
    s.state = m_state;
    s.serverUrl = QUrl(m_settings.serverUrl).toString(QUrl::RemoveUserInfo);
    s.nextRetryAtMs = m_nextRetryAtMs;
    s.connectedSinceMs = m_connectedSinceMs;
    s.failedDials = m_failedDials;
    s.served = m_served;
    s.inFlight = int(m_calls.size());
    s.errors = m_errors;
    s.lastError = m_lastError;
    s.models = m_state == State::Connected ? m_registeredModels : offeredModels();
    return s;
}

QString NodeClient::stateName(State state)
{
    switch (state) {
    case State::Off: return QStringLiteral("off");
    case State::Connecting: return QStringLiteral("connecting");
    case State::Connected: return QStringLiteral("connected");
    case State::Backoff: return QStringLiteral("backoff");
    }
    return {};
}

QJsonObject NodeClient::statusJson() const
{
    const Status s = status();
    return QJsonObject{
        {QStringLiteral("enabled"), m_enabled},
        {QStringLiteral("state"), stateName(s.state)},
        {QStringLiteral("server_url"), s.serverUrl.isEmpty() ? QJsonValue() : QJsonValue(s.serverUrl)},
        {QStringLiteral("next_retry_at"), s.nextRetryAtMs > 0 ? QJsonValue(isoTime(s.nextRetryAtMs)) : QJsonValue()},
        {QStringLiteral("connected_since"),
         s.connectedSinceMs > 0 ? QJsonValue(isoTime(s.connectedSinceMs)) : QJsonValue()},
        {QStringLiteral("failed_dials"), s.failedDials},
        {QStringLiteral("served"), s.served},
        {QStringLiteral("in_flight"), s.inFlight},
        {QStringLiteral("errors"), s.errors},
        {QStringLiteral("last_error"), s.lastError.isEmpty() ? QJsonValue() : QJsonValue(s.lastError)},
        {QStringLiteral("models"), QJsonArray::fromStringList(s.models)},
    };
}
