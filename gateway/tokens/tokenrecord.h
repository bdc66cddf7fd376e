#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// An access token a client presents, with the limits One API users expect of its "令牌": expiry, model and
// client-IP allowlists, a request rate, and a quota per calendar period. Only the SHA-256 of the secret is
// kept. Stored in the data dir (TokenStore), so `switchyard token ...` can manage tokens without the app.

enum class QuotaPeriod { Day, Month }; // local calendar day or month

struct TokenRecord final {
    qint64 id = 0;          // never reused, so a new token with an old name starts with empty counters
    QString name;           // unique among existing tokens
    QByteArray sha256Hex;   // lowercase hex of the secret's SHA-256
    qint64 createdMs = 0;   // wall clock, ms since the epoch
    std::optional<qint64> expiresMs; // wall clock; unset: never
    QStringList models;     // public model names; empty: all
    QStringList cidrs;      // client address ranges ("10.0.0.0/8", "fd00::/8"); empty: any
    int rpm = 0;            // requests per minute, sliding window; 0: unlimited
    qint64 quotaRequests = 0; // model calls per period; 0: unlimited
    qint64 quotaTokens = 0;   // prompt + completion tokens per period; 0: unlimited
    QuotaPeriod quotaPeriod = QuotaPeriod::Month;
    bool enabled = true;
    // Tokens from the YAML config's gateway.access_tokens: no limits, and they may read everyone's usage.
    bool fromConfig = false;

    bool hasQuota() const { return quotaRequests > 0 || quotaTokens > 0; }
    bool expiredAt(qint64 wallMs) const { return expiresMs && *expiresMs <= wallMs; }
};
