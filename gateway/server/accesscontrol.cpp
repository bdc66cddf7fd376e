#include "accesscontrol.h"

#include "server/httpcompat.h"

#include <QCryptographicHash>
#include <QDateTime>

void AccessControl::configure(const QList<AccessToken> &configTokens, const QStringList &corsOrigins)
{
    m_configTokens = configTokens;
    rebuild();
    m_origins.clear();
    m_anyOrigin = false;
    for (const QString &origin : corsOrigins) {
        if (origin == QLatin1String("*"))
            m_anyOrigin = true;
        else
            m_origins << origin.toUtf8();
    }
}

void AccessControl::setStoredTokens(const QList<TokenRecord> &tokens)
{
    m_stored = tokens;
    rebuild();
}

void AccessControl::rebuild()
{
    m_tokens.clear();
    for (const AccessToken &t : std::as_const(m_configTokens)) {
        TokenRecord record;
        record.name = t.name;
        record.sha256Hex = t.sha256Hex.toLower();
        record.fromConfig = true;
        m_tokens.insert(record.sha256Hex, Entry{record, {}});
    }
    for (const TokenRecord &t : std::as_const(m_stored)) {
        Entry entry{t, {}};
        for (const QString &cidr : t.cidrs) {
            if (const auto subnet = TokenRules::parseCidr(cidr))
                entry.ranges << *subnet;
        }
        // A range that no longer parses must not widen the token to every address.
        if (entry.ranges.size() != t.cidrs.size())
            entry.token.enabled = false;
        m_tokens.insert(t.sha256Hex.toLower(), entry);
    }
}

QByteArray AccessControl::hashToken(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

std::optional<GatewayError> AccessControl::authenticate(const HttpRequest &request, qint64 nowWallMs,
                                                        std::optional<TokenRecord> *caller) const
{
    caller->reset();
    if (!tokensRequired())
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
    const auto it = m_tokens.constFind(hashToken(token));
    if (it == m_tokens.cend())
        return GatewayError::make(ErrorKind::Authentication, QStringLiteral("invalid_api_key"),
                                  QStringLiteral("The access token is not valid for this gateway."));
    const TokenRecord &t = it->token;
    if (!t.enabled)
        return GatewayError::make(ErrorKind::Authentication, QStringLiteral("token_disabled"),
                                  QStringLiteral("The access token '%1' is disabled.").arg(t.name));
    if (t.expiredAt(nowWallMs))
        return GatewayError::make(
            ErrorKind::Authentication, QStringLiteral("token_expired"),
            QStringLiteral("The access token '%1' expired at %2.")
                .arg(t.name, QDateTime::fromMSecsSinceEpoch(*t.expiresMs, Qt::UTC).toString(Qt::ISODate)));
    if (!TokenRules::addressAllowed(request.peer, it->ranges))
        return GatewayError::make(ErrorKind::PermissionDenied, QStringLiteral("ip_not_allowed"),
                                  QStringLiteral("The access token '%1' may not be used from %2.")
                                      .arg(t.name, request.peer.toString()));
    *caller = t;
    return std::nullopt;
}

bool AccessControl::modelAllowed(const TokenRecord &token, const QString &publicModel)
{
    return token.models.isEmpty() || token.models.contains(publicModel);
}

GatewayError AccessControl::modelNotAllowed(const TokenRecord &token, const QString &publicModel)
{
    return GatewayError::make(ErrorKind::PermissionDenied, QStringLiteral("model_not_allowed"),
                              QStringLiteral("The access token '%1' may not use the model '%2'.")
                                  .arg(token.name, publicModel),
                              QStringLiteral("model"));
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
