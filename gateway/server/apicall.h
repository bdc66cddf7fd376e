#pragma once

#include "core/gatewayerror.h"
#include "providers/adapter.h"
#include "tokens/tokenrecord.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

class HttpExchange;
class Metrics;
class RequestLog;
struct HttpRequest;

// One request being dispatched by ApiServer, as a route's handler sees it: what was asked, and the ways to
// answer that the gateway's endpoints share (in the client's format, logged, with CORS headers).
class ApiCall final
{
public:
    ApiCall(const HttpRequest &request, HttpExchange *exchange, RequestLog *log, Metrics *metrics);

    const HttpRequest &request;
    HttpExchange *const exchange;
    HeaderList cors;           // added to every answer
    qint64 receivedAtMs = 0;   // wall clock
    QString path;              // without an /openai or /anthropic prefix or a trailing slash
    QStringList params;        // the route pattern's {placeholders}
    WireFormat format = WireFormat::OpenAi; // the client's, for errors
    QString publicModel;       // for the log, once known
    QList<QByteArray> allowedMethods; // for 405's Allow header
    std::optional<TokenRecord> caller; // the access token, once authenticated; unset when none is needed
    bool quotaCounted = false;         // admitted as a model call against the token's request quota

    // The caller's token when its rules apply: tokens of the token store. The YAML config's tokens are the
    // owner's and unlimited.
    const TokenRecord *limitedToken() const { return caller && !caller->fromConfig ? &*caller : nullptr; }

    void sendJson(int status, const QJsonObject &body);
    void sendRaw(int status, const QByteArray &type, const QByteArray &body, const HeaderList &extraHeaders = {});
    // The error in the client's format, and a row in the request log.
    void sendError(const GatewayError &error);
    // Every request is in the log, including those refused or answered before reaching a provider.
    void logAnsweredHere(int status, const QString &error);

private:
    RequestLog *m_log;
    Metrics *m_metrics;
};
