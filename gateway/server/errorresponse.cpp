#include "errorresponse.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString openAiType(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidRequest:
    case ErrorKind::NotFound:
    case ErrorKind::MethodNotAllowed:
    case ErrorKind::Conflict:
    case ErrorKind::PayloadTooLarge:
        return QStringLiteral("invalid_request_error");
    case ErrorKind::Authentication: return QStringLiteral("authentication_error");
    case ErrorKind::PermissionDenied: return QStringLiteral("permission_error");
    case ErrorKind::RateLimited: return QStringLiteral("rate_limit_error");
    case ErrorKind::UpstreamError:
    case ErrorKind::Unavailable:
    case ErrorKind::UpstreamTimeout:
    case ErrorKind::NotImplemented:
    case ErrorKind::Internal:
        return QStringLiteral("api_error");
    }
    return QStringLiteral("api_error");
}

QJsonObject openAiObject(const GatewayError &error)
{
    QJsonObject inner{{QStringLiteral("message"), error.message},
                      {QStringLiteral("type"), openAiType(error.kind)},
                      {QStringLiteral("param"), error.param.isEmpty() ? QJsonValue() : QJsonValue(error.param)},
                      {QStringLiteral("code"), error.code.isEmpty() ? QJsonValue() : QJsonValue(error.code)}};
    return QJsonObject{{QStringLiteral("error"), inner}};
}

QString anthropicType(const GatewayError &error)
{
    switch (error.kind) {
    case ErrorKind::InvalidRequest:
    case ErrorKind::MethodNotAllowed:
    case ErrorKind::Conflict:
        return QStringLiteral("invalid_request_error");
    case ErrorKind::Authentication: return QStringLiteral("authentication_error");
    case ErrorKind::PermissionDenied: return QStringLiteral("permission_error");
    case ErrorKind::NotFound: return QStringLiteral("not_found_error");
    case ErrorKind::PayloadTooLarge: return QStringLiteral("request_too_large");
    case ErrorKind::RateLimited: return QStringLiteral("rate_limit_error");
    case ErrorKind::Unavailable: return QStringLiteral("overloaded_error");
    case ErrorKind::UpstreamTimeout: return QStringLiteral("timeout_error");
    case ErrorKind::UpstreamError:
    case ErrorKind::NotImplemented:
    case ErrorKind::Internal:
        return QStringLiteral("api_error");
    }
    return QStringLiteral("api_error");
}

QJsonObject anthropicObject(const GatewayError &error)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                       {QStringLiteral("error"), QJsonObject{{QStringLiteral("type"), anthropicType(error)},
                                                             {QStringLiteral("message"), error.message}}}};
}

} // namespace

QByteArray ErrorResponse::anthropicBody(const GatewayError &error)
{
    return QJsonDocument(anthropicObject(error)).toJson(QJsonDocument::Compact);
}

QByteArray ErrorResponse::anthropicStreamEvent(const GatewayError &error)
{
    return "event: error\ndata: " + anthropicBody(error) + "\n\n";
}

QByteArray ErrorResponse::body(WireFormat client, const GatewayError &error)
{
    return client == WireFormat::Anthropic ? anthropicBody(error) : openAiBody(error);
}

QByteArray ErrorResponse::streamEvent(WireFormat client, const GatewayError &error)
{
    return client == WireFormat::Anthropic ? anthropicStreamEvent(error) : openAiStreamEvent(error);
}

GatewayError ErrorResponse::fromUpstreamStatus(int status, const QString &message)
{
    ErrorKind kind = ErrorKind::InvalidRequest;
    switch (status) {
    case 401: kind = ErrorKind::Authentication; break;
    case 403: kind = ErrorKind::PermissionDenied; break;
    case 404: kind = ErrorKind::NotFound; break;
    case 413: kind = ErrorKind::PayloadTooLarge; break;
    case 429: kind = ErrorKind::RateLimited; break;
    default: kind = status >= 500 ? ErrorKind::UpstreamError : ErrorKind::InvalidRequest; break;
    }
    GatewayError error = GatewayError::make(kind, QStringLiteral("upstream_error"), message);
    error.httpStatus = status; // the client sees the provider's own status
    return error;
}

QByteArray ErrorResponse::openAiBody(const GatewayError &error)
{
    return QJsonDocument(openAiObject(error)).toJson(QJsonDocument::Compact);
}

QByteArray ErrorResponse::openAiStreamEvent(const GatewayError &error)
{
    return "data: " + QJsonDocument(openAiObject(error)).toJson(QJsonDocument::Compact) + "\n\n";
}
