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

} // namespace

QByteArray ErrorResponse::openAiBody(const GatewayError &error)
{
    return QJsonDocument(openAiObject(error)).toJson(QJsonDocument::Compact);
}

QByteArray ErrorResponse::openAiStreamEvent(const GatewayError &error)
{
    return "data: " + QJsonDocument(openAiObject(error)).toJson(QJsonDocument::Compact) + "\n\n";
}
