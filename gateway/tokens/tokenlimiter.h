#pragma once

#include "core/gatewayerror.h"
#include "tokenrecord.h"

#include <QHash>
#include <deque>
#include <functional>
#include <optional>

class Clock;

// The counting half of the token rules, in memory so each request costs a hash lookup:
//  - requests per minute over a sliding 60 s window of the monotonic clock (no double burst at a window
//    edge, and tests move a ManualClock instead of sleeping);
//  - quotas per local calendar day or month of the wall clock: requests are counted when admitted, tokens
//    when the call's log record says how many it used. So calls in flight when a token quota runs out can
//    overshoot it by what they use. seed() restores the counts from the request log at start-up.
class TokenLimiter final
{
public:
    explicit TokenLimiter(const Clock *clock);

    using WallClock = std::function<qint64()>; // ms since the epoch
    void setWallClock(WallClock wallClock) { m_wall = std::move(wallClock); }
    qint64 wallNowMs() const { return m_wall(); }

    // Takes a place in the token's minute window; a 429 with Retry-After when it is full.
    std::optional<GatewayError> admitRate(const TokenRecord &token);
    // Counts one request against the quota; a 429 with Retry-After (seconds to the next period) when used up.
    std::optional<GatewayError> admitQuota(const TokenRecord &token);
    void addTokens(qint64 tokenId, qint64 tokens);
    // The rules for a call that uses publicModel: the token must allow the model (403), and a call that
    // generates something is counted against the quota (429 when used up; *counted says it was counted).
    // Every endpoint that calls models goes through here.
    std::optional<GatewayError> admitModelCall(const TokenRecord &token, const QString &publicModel,
                                               bool countsAgainstQuota, bool *counted);

    struct PeriodUsage {
        qint64 periodStartMs = 0;
        qint64 requests = 0;
        qint64 tokens = 0;
    };
    // What the token used in its current quota period (zero when it has not been seen).
    PeriodUsage usage(const TokenRecord &token) const;
    bool isSeeded(const TokenRecord &token) const;
    // Counts from the request log for the token's current period.
    void seed(const TokenRecord &token, qint64 requests, qint64 tokens);
    // Drops the state of tokens that no longer exist.
    void retain(const QList<TokenRecord> &tokens);

private:
    PeriodUsage &current(const TokenRecord &token);

    const Clock *m_clock;
    WallClock m_wall;
    QHash<qint64, std::deque<qint64>> m_windows; // token id → admission times in the last minute
    QHash<qint64, PeriodUsage> m_periods;          // token id → its current quota period
};
