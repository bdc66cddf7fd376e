#pragma once

#include "config/config.h"
#include "core/gatewayerror.h"
#include "providers/adapter.h"
#include "tokens/tokenrecord.h"
#include "tokens/tokenrules.h"

#include <QHash>
#include <optional>

struct HttpRequest;

// Who may call the gateway: access tokens (the YAML config's, unlimited, and the token store's, with their
// rules) and the CORS origin allowlist. Tokens are looked up by the SHA-256 of what the client presents, so
// nothing secret is compared and the lookup costs the same for every token count.
class AccessControl final
{
public:
    void configure(const QList<AccessToken> &configTokens, const QStringList &corsOrigins);
    void setStoredTokens(const QList<TokenRecord> &tokens);
    // While the gateway listens beyond loopback, requests need a token even when none is left (the last one
    // revoked from the command line must not open the gateway to the network).
    void setTokensAlwaysRequired(bool required) { m_alwaysRequired = required; }
    bool tokensRequired() const { return m_alwaysRequired || !m_tokens.isEmpty(); }
    bool hasTokens() const { return !m_tokens.isEmpty(); }

    // A "Bearer" Authorization header or an x-api-key header, checked for existence, enabled, expiry and the
    // client's address. nullopt when allowed; then *caller is the token (unset when no token is required).
    std::optional<GatewayError> authenticate(const HttpRequest &request, qint64 nowWallMs,
                                             std::optional<TokenRecord> *caller) const;
    static bool modelAllowed(const TokenRecord &token, const QString &publicModel);
    static GatewayError modelNotAllowed(const TokenRecord &token, const QString &publicModel);

    // Headers that let a browser on an allowed origin read the answer; empty otherwise.
    HeaderList corsHeaders(const HttpRequest &request) const;
    bool originAllowed(const QByteArray &origin) const;

    static QByteArray hashToken(const QByteArray &token); // lowercase hex SHA-256

private:
    struct Entry {
        TokenRecord token;
        QList<TokenRules::Subnet> ranges;
    };
    QList<AccessToken> m_configTokens;
    QHash<QByteArray, Entry> m_tokens; // by SHA-256 hex
    QList<QByteArray> m_origins;
    bool m_anyOrigin = false;
    bool m_alwaysRequired = false;
    QList<TokenRecord> m_stored;

    void rebuild();
};
