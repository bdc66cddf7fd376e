#pragma once

#include "core/gatewayerror.h"
#include "providers/adapter.h"
#include "server/relaycall.h"

#include <QJsonObject>

class AccessControl;
class Gateway;
class HttpExchange;
struct HttpRequest;

// Routes each HTTP request: checks access, validates the body, answers status endpoints itself and hands
// model calls to a RelayCall. Errors become the client's wire format here and nowhere else.
class ApiServer final
{
public:
    ApiServer(Gateway *gateway, const AccessControl *access, const RelayContext &relay);

    void handle(const HttpRequest &request, HttpExchange *exchange);

private:
    struct Context; // one request being dispatched

    void dispatch(Context &ctx);
    void handleModelCall(Context &ctx, ApiKind kind);
    void answerTokenEstimate(Context &ctx, const QJsonObject &body);
    void sendJson(Context &ctx, int status, const QJsonObject &body);
    void sendError(Context &ctx, const GatewayError &error);
    void sendRaw(Context &ctx, int status, const QByteArray &type, const QByteArray &body);
    void logAnsweredHere(const Context &ctx, int status, const QString &error);

    QJsonObject health() const;
    QJsonObject modelsList(WireFormat format) const;
    static QJsonObject modelObject(const QString &id, WireFormat format);

    Gateway *m_gateway;
    const AccessControl *m_access;
    RelayContext m_relay;
};
