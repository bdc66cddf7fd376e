#pragma once

#include "tokenrecord.h"

#include <QHostAddress>
#include <QPair>

// The pure parts of the token rules: parsing what users type, and matching a request against a token.
namespace TokenRules {

using Subnet = QPair<QHostAddress, int>;

// "10.0.0.0/8", "fd00::/8", or a single address (a /32 or /128). nullopt when it is neither.
std::optional<Subnet> parseCidr(const QString &text);
// Whether peer is in one of the ranges; an IPv4 client seen as ::ffff:a.b.c.d counts as a.b.c.d.
bool addressAllowed(const QHostAddress &peer, const QList<Subnet> &ranges);

// "2026-12-31" (valid through that local day), an ISO date-time ("2026-12-31T18:00:00Z"), or a duration from
// now: "30d", "12h", "15m". nullopt with *error set when it is none of these.
std::optional<qint64> parseExpiry(const QString &text, qint64 nowWallMs, QString *error);

// An expiry for people: "2026-12-31" when it is the end of that local day (as a date given on creation means),
// otherwise "2026-12-31 18:00".
QString expiryText(qint64 expiresMs);

std::optional<QuotaPeriod> parsePeriod(const QString &text);
QString periodName(QuotaPeriod period);
// Where the local calendar day or month containing wallMs starts and ends.
qint64 periodStartMs(QuotaPeriod period, qint64 wallMs);
qint64 periodEndMs(QuotaPeriod period, qint64 wallMs);

// Checks a token before it is stored: name, CIDRs and numbers. Trims the lists. false with *error set.
bool validate(TokenRecord &token, QString *error);

} // namespace TokenRules
