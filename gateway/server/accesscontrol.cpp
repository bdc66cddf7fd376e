#include "accesscontrol.h"

#include "server/httpcompat.h"

#include <QCryptographicHash>

namespace {

// Compares without an early exit, so timing does not reveal how much of a hash matched.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace

void AccessControl::configure(const QList<AccessToken> &tokens, const QStringList &corsOrigins)
{
    m_tokenHashes.clear();
    for (const AccessToken &t : tokens)
        m_tokenHashes << t.sha256Hex;
    m_origins.clear();
    m_anyOrigin = false;
    for (const QString &origin : corsOrigins) {
        if (origin == QLatin1String("*"))
            m_anyOrigin = true;
        else
            m_origins << origin.toUtf8();
    }
}

QByteArray AccessControl::hashToken(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

std::optional<GatewayError> AccessControl::authenticate(const HttpRequest &request) const
{
    if (m_tokenHashes.isEmpty())
        return std::nullopt;
    QByteArray token;
    const QByteArray authorization = request.header("Authorization").trimmed();
    if (authorization.size() > 7 && authorization.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        token = authorization.mid(7).trimmed();
    else
        token = request.header("x-api-key").trimmed();
    if (token.isEmpty())
        return GatewayError::make(ErrorKind::Authentication, QStringLiteral("missing_api_key"),
                                  QStringLiteral("This gateway needs an access token: send 'Authorization: Bearer "
                                                 "<token>' or 'x-api-key: <token>'."));
    const QByteArray hash = hashToken(token);
    bool match = false;
    for (const QByteArray &known : m_tokenHashes)
        match |= constantTimeEquals(hash, known);
    if (!match)
        return GatewayError::make(ErrorKind::Authentication, QStringLiteral("invalid_api_key"),
                                  QStringLiteral("The access token is not valid for this gateway."));
    return std::nullopt;
}

bool AccessControl::originAllowed(const QByteArray &origin) const
{
    return m_anyOrigin || m_origins.contains(origin);
}

HeaderList AccessControl::corsHeaders(const HttpRequest &request) const
{
    const QByteArray origin = request.header("Origin");
    if (origin.isEmpty() || !originAllowed(origin))
        return {};
    return {{QByteArrayLiteral("Access-Control-Allow-Origin"), origin},
            {QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin")},
            {QByteArrayLiteral("Access-Control-Expose-Headers"), QByteArrayLiteral("Retry-After, X-Request-Id")}};
}
