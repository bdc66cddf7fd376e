#include "hubnode.h"

#include "colink/colinkmessage.h"
#include "core/logging.h"
#include "hub/hubcall.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

namespace {

// Bounds on what a node may register, so a broken or hostile node cannot bloat the router.
constexpr int maxModels = 1000;
constexpr int maxNameLength = 200;
constexpr int maxParallelLimit = 10'000;

} // namespace

HubNode::HubNode(QWebSocket *socket, QString id, QString tokenName, const HubTimings &timings, QObject *parent)
    : QObject(parent), m_socket(socket), m_id(std::move(id)), m_tokenName(std::move(tokenName)), m_timings(timings)
{
    m_socket->setParent(this);
    m_address = m_socket->peerAddress().toString() + QLatin1Char(':') + QString::number(m_socket->peerPort());
    m_connectedSinceMs = QDateTime::currentMSecsSinceEpoch();
    connect(m_socket, &QWebSocket::textMessageReceived, this, &HubNode::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &HubNode::onClosed);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_sinceLastPong.restart(); });
    m_sinceLastPong.start();
    connect(&m_pingTimer, &QTimer::timeout, this, &HubNode::checkAlive);
    m_pingTimer.start(m_timings.pingIntervalMs);
}

HubNode::~HubNode()
{
    m_socket->disconnect(this);
    m_closed = true;
    failCalls();
}

QString HubNode::name() const
{
    return m_selfName.isEmpty() ? m_tokenName : m_selfName;
}

UpstreamExchange *HubNode::startCall(const QString &model, const QByteArray &openAiBody, bool stream, QObject *parent)
{
    const QString requestId = Colink::newRequestId(); // fresh per attempt: a late answer never lands on a retry
    auto *call = new HubCall(this, requestId, model, QJsonDocument::fromJson(openAiBody).object(), stream, parent);
    m_calls.insert(requestId, call);
    return call;
}

bool HubNode::send(const QByteArray &frame)
{
    if (m_closed || !m_socket->isValid())
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(frame));
    m_socket->flush(); // now, not on the event loop's next turn
    return true;
}

void HubNode::disconnectNode(const QString &reason)
{
    qCInfo(lcHub).noquote() << "closing node" << name() << m_address << ":" << reason;
    m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason.left(120));
    // close() waits for the peer's answer; a node that never answers is dropped all the same.
    QTimer::singleShot(2000, this, [this] { m_socket->abort(); });
}

void HubNode::checkAlive()
{
    if (m_sinceLastPong.elapsed() > m_timings.dropAfterMs) {
        qCInfo(lcHub).noquote() << "node" << name() << m_address << "stopped answering pings; dropping it";
        m_socket->abort();
        onClosed();
        return;
    }
    m_socket->ping();
}

void HubNode::onMessage(const QString &text)
{
    const std::optional<Colink::Message> message = Colink::parse(text.toUtf8());
    if (!message) {
        qCDebug(lcHub) << "node" << m_id << "sent a frame that is not a Co-Link message; ignored";
        return;
    }
    const QString &type = message->type;
    if (type == QLatin1String("REGISTER")) {
        onRegister(message->data);
        return;
    }
    const QPointer<HubCall> call = m_calls.value(message->requestId());
    if (!call) {
        // An answer to a call that failed over, timed out or was cancelled: nobody waits for it.
        return;
    }
    if (type == QLatin1String("STREAM"))
        call->onStream(message->data.value(QLatin1String("chunk")).toObject());
    else if (type == QLatin1String("FINISH"))
        call->onFinish();
    else if (type == QLatin1String("ERROR"))
        call->onError(message->data.value(QLatin1String("code")).toInt(500),
                      message->data.value(QLatin1String("message")).toString());
}

void HubNode::onRegister(const QJsonObject &data)
{
    QStringList models;
    const QJsonArray list = data.value(QLatin1String("models")).toArray();
    for (const QJsonValue &v : list) {
        const QString model = v.toString().trimmed();
        if (!model.isEmpty() && model.size() <= maxNameLength && !models.contains(model) && models.size() < maxModels)
            models << model;
    }
    const int parallel = data.value(QLatin1String("max_parallel")).toInt(1);
    m_maxParallel = qBound(1, parallel, maxParallelLimit); // Co-Link: <= 0 means 1
    m_models = models;
    m_selfName = data.value(QLatin1String("name")).toString().left(maxNameLength);
    m_registered = true;
    qCInfo(lcHub).noquote() << "node" << name() << m_address << "registered" << models.size() << "models,"
                            << "max_parallel" << m_maxParallel;
    Q_EMIT registered();
}

void HubNode::onClosed()
{
    if (m_closed)
        return;
    m_closed = true;
    m_pingTimer.stop();
    failCalls();
    Q_EMIT gone();
}

void HubNode::failCalls()
{
    // Each call learns the node is gone; the relay fails over if nothing reached its caller yet.
    const auto calls = std::exchange(m_calls, {});
    for (const QPointer<HubCall> &call : calls) {
        if (call)
            call->onNodeGone(QStringLiteral("node '%1' disconnected").arg(name()));
    }
}
