#include "hub.h"

#include "core/clock.h"
#include "core/logging.h"
#include "colink/colinkmessage.h"
#include "providers/registry.h"
#include "routing/router.h"
#include "server/accesscontrol.h"
#include "server/httpcompat.h"

#include <QDateTime>
#include <QJsonObject>
#include <QWebSocket>

namespace {

// Nodes stream megabytes at most; anything far larger is an attack or a bug, and QWebSocket's default is 2 GB.
constexpr qint64 maxFrameBytes = 64 * 1024 * 1024;

QString isoTime(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

Hub::Hub(Router *router, const HubTimings &timings, QObject *parent)
    : QObject(parent), m_router(router), m_timings(timings)
{
}

Hub::~Hub()
{
    for (const Entry &e : std::as_const(m_nodes))
        e.node->disconnect(this);
    m_router->setNodeBackends({});
}

void Hub::configure(const QList<AccessToken> &nodeTokens, const Timeouts &timeouts)
{
    m_tokens = nodeTokens;
    m_timeouts = timeouts;
    QList<QPointer<HubNode>> revoked;
    for (const Entry &e : std::as_const(m_nodes)) {
        e.backend->timeouts = timeouts;
        // By hash, not by name: a token replaced under the same name revokes the old one.
        const bool stillAllowed = std::any_of(m_tokens.cbegin(), m_tokens.cend(),
                                              [&](const AccessToken &t) { return t.sha256Hex == e.tokenHash; });
        if (!stillAllowed)
            revoked.append(e.node);
    }
    // Closing may report the node gone at once, which edits m_nodes: never while iterating it.
    for (const QPointer<HubNode> &node : std::as_const(revoked)) {
        if (node)
            node->disconnectNode(QStringLiteral("node token revoked"));
    }
}

std::optional<AccessToken> Hub::tokenFor(const QByteArray &presented) const
{
    if (presented.isEmpty())
        return std::nullopt;
    const QByteArray hash = AccessControl::hashToken(presented);
    for (const AccessToken &t : m_tokens) {
        if (t.sha256Hex == hash)
            return t;
    }
    return std::nullopt;
}

int Hub::verifyUpgrade(const HttpRequest &request) const
{
    // With no node tokens configured the hub is off: it accepts no node at all.
    if (!tokenFor(request.header(Colink::tokenHeader))) {
        qCInfo(lcHub).noquote() << "refused a node from" << request.peer.toString()
                                << (m_tokens.isEmpty() ? "(no node tokens configured)" : "(unknown Client-Token)");
        return 401;
    }
    return 0;
}

void Hub::accept(QWebSocket *socket)
{
    socket->setMaxAllowedIncomingMessageSize(maxFrameBytes);
    socket->setMaxAllowedIncomingFrameSize(maxFrameBytes);
    const std::optional<AccessToken> token = tokenFor(socket->request().rawHeader(Colink::tokenHeader));
    if (!token) { // revoked between the upgrade and now
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto *node = new HubNode(socket, QString::number(m_nextId++), token->name, m_timings, this);
    auto backend = std::make_shared<Backend>();
    backend->config.name = QStringLiteral("node:") + node->name() + QLatin1Char('#') + node->id();
    backend->config.type = QStringLiteral("colink-node");
    backend->adapter = ProviderRegistry::adapter(QStringLiteral("openai")); // nodes speak OpenAI's format
    backend->timeouts = m_timeouts;
    backend->node = node;
    m_nodes.append(Entry{node, backend, token->sha256Hex});
    connect(node, &HubNode::registered, this, [this, node] { onRegistered(node); });
    connect(node, &HubNode::gone, this, [this, node] { onGone(node); });
    qCInfo(lcHub).noquote() << "node connected from" << node->address() << "with token" << token->name;
    Q_EMIT nodesChanged();
}

void Hub::onRegistered(HubNode *node)
{
    for (const Entry &e : std::as_const(m_nodes)) {
        if (e.node != node)
            continue;
        // Updated in place: calls in flight keep counting against this backend.
        e.backend->config.name = QStringLiteral("node:") + node->name() + QLatin1Char('#') + node->id();
        e.backend->config.maxParallel = node->maxParallel();
        e.backend->config.models.clear();
        for (const QString &model : node->models())
            e.backend->config.models.append(ModelMapping{model, model});
    }
    syncRouter();
    Q_EMIT nodesChanged();
}

void Hub::onGone(HubNode *node)
{
    qCInfo(lcHub).noquote() << "node" << node->name() << node->address() << "left";
    m_nodes.removeIf([node](const Entry &e) { return e.node == node; });
    node->deleteLater();
    syncRouter(); // its models go at once
    Q_EMIT nodesChanged();
}

void Hub::syncRouter()
{
    QList<BackendPtr> backends;
    for (const Entry &e : std::as_const(m_nodes)) {
        if (e.node->isRegistered())
            backends.append(e.backend);
    }
    m_router->setNodeBackends(backends);
}

QJsonArray Hub::nodesJson() const
{
    const qint64 nowWall = QDateTime::currentMSecsSinceEpoch();
    const qint64 nowMono = m_router->clock()->nowMs();
    QJsonArray out;
    for (const Entry &e : m_nodes) {
        const HubNode *n = e.node;
        const qint64 bannedUntil = m_router->backendBannedUntilMs(*e.backend);
        out.append(QJsonObject{
            {QStringLiteral("id"), n->id()},
            {QStringLiteral("name"), n->name()},
            {QStringLiteral("token_name"), n->tokenName()},
            {QStringLiteral("address"), n->address()},
            {QStringLiteral("registered"), n->isRegistered()},
            {QStringLiteral("models"), QJsonArray::fromStringList(n->models())},
            {QStringLiteral("max_parallel"), n->maxParallel()},
            {QStringLiteral("in_flight"), e.backend->inFlight},
            {QStringLiteral("served"), e.backend->served},
            {QStringLiteral("errors"), e.backend->failures},
            {QStringLiteral("last_error"), e.backend->lastError.isEmpty() ? QJsonValue() : QJsonValue(e.backend->lastError)},
            {QStringLiteral("banned_until"),
             bannedUntil > 0 ? QJsonValue(isoTime(nowWall + bannedUntil - nowMono)) : QJsonValue()},
            {QStringLiteral("connected_since"), isoTime(n->connectedSinceMs())},
        });
    }
    return out;
}
