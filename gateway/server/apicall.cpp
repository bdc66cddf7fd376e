#include "apicall.h"

#include "metrics/metrics.h"
#include "server/errorresponse.h"
#include "server/httpcompat.h"
#include "storage/requestlog.h"

#include <QDateTime>
#include <QJsonDocument>

ApiCall::ApiCall(const HttpRequest &request, HttpExchange *exchange, RequestLog *log, Metrics *metrics)
    : request(request), exchange(exchange), m_log(log), m_metrics(metrics)
{
}

void ApiCall::sendRaw(int status, const QByteArray &type, const QByteArray &body, const HeaderList &extraHeaders)
{
    HeaderList headers = cors;
    headers.append({QByteArrayLiteral("Content-Type"), type});
    headers.append(extraHeaders);
    exchange->respond(status, headers, body);
}

void ApiCall::sendJson(int status, const QJsonObject &body)
{
    sendRaw(status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void ApiCall::sendError(const GatewayError &error)
{
    HeaderList headers;
    if (!error.retryAfter.isEmpty())
        headers.append({QByteArrayLiteral("Retry-After"), error.retryAfter});
    if (error.kind == ErrorKind::MethodNotAllowed)
        headers.append({QByteArrayLiteral("Allow"), allowedMethods.join(", ") + ", OPTIONS"});
    if (error.kind == ErrorKind::Authentication)
        headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
    sendRaw(error.httpStatus, "application/json", ErrorResponse::body(format, error), headers);
    logAnsweredHere(error.httpStatus, error.message);
}

void ApiCall::logAnsweredHere(int status, const QString &error)
{
    RequestRecord record;
    record.timeMs = receivedAtMs;
    record.client = request.peer.toString();
    record.endpoint = path;
    record.publicModel = publicModel;
    record.status = status;
    record.latencyMs = QDateTime::currentMSecsSinceEpoch() - receivedAtMs;
    record.error = error;
    if (caller) {
        record.token = caller->name;
        record.tokenId = caller->id;
        record.quotaCounted = quotaCounted;
    }
    m_metrics->requestFinished(record.publicModel, QString(), status, record.latencyMs / 1000.0, -1);
    m_log->record(record);
}
