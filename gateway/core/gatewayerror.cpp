#include "gatewayerror.h"

int GatewayError::statusFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidRequest: return 400;
    case ErrorKind::Authentication: return 401;
    case ErrorKind::PermissionDenied: return 403;
    case ErrorKind::NotFound: return 404;
    case ErrorKind::MethodNotAllowed: return 405;
    case ErrorKind::Conflict: return 409;
    case ErrorKind::PayloadTooLarge: return 413;
    case ErrorKind::RateLimited: return 429;
    case ErrorKind::UpstreamError: return 502;
    case ErrorKind::Unavailable: return 503;
    case ErrorKind::UpstreamTimeout: return 504;
    case ErrorKind::NotImplemented: return 501;
    case ErrorKind::Internal: return 500;
    }
    return 500;
}

GatewayError GatewayError::make(ErrorKind kind, const QString &code, const QString &message,
                                const QString &param)
{
    GatewayError e;
    e.kind = kind;
    e.httpStatus = statusFor(kind);
    e.code = code;
    e.message = message;
    e.param = param;
    return e;
}
