#pragma once

#include "config/config.h"
#include "core/gatewayerror.h"
#include "providers/adapter.h"

#include <optional>

struct HttpRequest;

// Access tokens (stored as SHA-256 hashes) and the CORS origin allowlist.
class AccessControl final
{
public:
    void configure(const QList<AccessToken> &tokens, const QStringList &corsOrigins);
    bool tokensRequired() const { return !m_tokenHashes.isEmpty(); }

    // A "Bearer" Authorization header or an x-api-key header; nullopt when allowed.
    std::optional<GatewayError> authenticate(const HttpRequest &request) const;

    // Headers that let a browser on an allowed origin read the answer; empty otherwise.
    HeaderList corsHeaders(const HttpRequest &request) const;
    bool originAllowed(const QByteArray &origin) const;

    static QByteArray hashToken(const QByteArray &token); // lowercase hex SHA-256

private:
    QList<QByteArray> m_tokenHashes;
    QList<QByteArray> m_origins;
    bool m_anyOrigin = false;
};
