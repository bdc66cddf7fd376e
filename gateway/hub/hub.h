#pragma once

#include "config/config.h"
#include "hub/hubnode.h"
#include "routing/backend.h"

#include <QJsonArray>
#include <QObject>
#include <optional>

class QWebSocket;
class Router;
struct HttpRequest;

// Hub mode: Co-Link nodes of other machines (ours or the reference client) dial GET /ws with a node token
// and become routing candidates beside the local providers while they stay connected.
class Hub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Hub)

public:
    static constexpr char path[] = "/ws";

    Hub(Router *router, const HubTimings &timings, QObject *parent = nullptr);
    ~Hub() override;

    // Nodes whose token is no longer listed are disconnected.
    void configure(const QList<AccessToken> &nodeTokens, const Timeouts &timeouts);

    // For an upgrade request on path: 0 to accept it, else the HTTP status to refuse it with.
    int verifyUpgrade(const HttpRequest &request) const;
    // Takes ownership of an upgraded socket.
    void accept(QWebSocket *socket);

    int nodeCount() const { return int(m_nodes.size()); }
    // For the UI, /health and GET /hub/nodes; tokens appear by name only.
    QJsonArray nodesJson() const;

Q_SIGNALS:
    void nodesChanged();

private:
    struct Entry {
        HubNode *node;
        BackendPtr backend;
        QByteArray tokenHash; // which configured token let it in
    };

    std::optional<AccessToken> tokenFor(const QByteArray &presented) const;
    void onRegistered(HubNode *node);
    void onGone(HubNode *node);
    void syncRouter();

    Router *m_router;
    HubTimings m_timings;
    QList<AccessToken> m_tokens;
    Timeouts m_timeouts;
    QList<Entry> m_nodes;
    quint64 m_nextId = 1;
};
