#pragma once

#include <QByteArray>
#include <QString>

// The one error type that flows up from adapters, the router and the relay. Only the server layer turns it
// into a client's wire format (see server/errorresponse.h).
enum class ErrorKind {
    InvalidRequest,    // 400: malformed JSON, wrong types, missing fields
    Authentication,    // 401: missing or unknown access token
    PermissionDenied,  // 403
    NotFound,          // 404: unknown model or route
    MethodNotAllowed,  // 405
    Conflict,          // 409: the resource is in a state that forbids the request (cancelling a finished task)
    PayloadTooLarge,   // 413
    RateLimited,       // 429: from upstream, or our own limits
    UpstreamError,     // 502: upstream answered with a server error or garbage
    Unavailable,       // 503: no healthy backend, all busy or banned
    UpstreamTimeout,   // 504
    NotImplemented,    // 501: the backend cannot serve this kind of request
    Internal,          // 500
};

struct GatewayError final {
    ErrorKind kind = ErrorKind::Internal;
    int httpStatus = 500;
    QString code;      // machine-readable, e.g. "model_not_found"
    QString message;   // human-readable, never contains a secret
    QString param;     // the request field at fault, if any
    QByteArray retryAfter; // seconds, forwarded to the client when set

    static GatewayError make(ErrorKind kind, const QString &code, const QString &message,
                             const QString &param = {});
    static int statusFor(ErrorKind kind);
};
