#pragma once

#include "core/gatewayerror.h"
#include "providers/adapter.h"
#include "server/relaycall.h"
#include "server/routetable.h"

#include <QJsonObject>

class AccessControl;
class ApiCall;
class Gateway;
class TokenLimiter;
class HttpExchange;
struct HttpRequest;

// Routes each HTTP request: checks access, finds the route, answers status endpoints itself and hands model
// calls to a RelayCall. Other features add their endpoints to routes(). Errors become the client's wire format
// (ApiCall::sendError) and nowhere else.
class ApiServer final
{
public:
    ApiServer(Gateway *gateway, const AccessControl *access, TokenLimiter *limiter, const RelayContext &relay);

    void handle(const HttpRequest &request, HttpExchange *exchange);

    RouteTable &routes() { return m_routes; }
    const RouteTable &routes() const { return m_routes; }

    // The token rules for a request that uses a model: the caller's token must allow publicModel (403), and a
    // call that generates something is counted against its quota (429 when used up). Handlers of other
    // endpoints that call models use it too. nullopt when admitted.
    std::optional<GatewayError> admitModelCall(ApiCall &call, const QString &publicModel, bool countsAgainstQuota);

private:
    void addOwnRoutes();
    void answerPreflight(ApiCall &call);
    void answerMetrics(ApiCall &call);
    void answerModel(ApiCall &call);
    void handleModelCall(ApiCall &call, ApiKind kind);
    void answerTokenEstimate(ApiCall &call, const QJsonObject &body);

    QJsonObject health() const;
    QJsonObject modelsList(const ApiCall &call) const;
    static QJsonObject modelObject(const QString &id, WireFormat format);

    Gateway *m_gateway;
    const AccessControl *m_access;
    TokenLimiter *m_limiter;
    RelayContext m_relay;
    RouteTable m_routes;
};
