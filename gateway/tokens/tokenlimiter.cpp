#include "tokenlimiter.h"

#include "core/clock.h"
#include "server/accesscontrol.h"
#include "tokenrules.h"

#include <QDateTime>
#include <QSet>

namespace {

constexpr qint64 windowMs = 60'000;

QByteArray secondsUntil(qint64 ms)
{
    return QByteArray::number(std::max<qint64>(1, (ms + 999) / 1000));
}

} // namespace

TokenLimiter::TokenLimiter(const Clock *clock)
    : m_clock(clock), m_wall([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

std::optional<GatewayError> TokenLimiter::admitRate(const TokenRecord &token)
{
    if (token.rpm <= 0)
        return std::nullopt;
    const qint64 now = m_clock->nowMs();
    std::deque<qint64> &window = m_windows[token.id];
    while (!window.empty() && window.front() <= now - windowMs)
        window.pop_front();
    if (qsizetype(window.size()) >= token.rpm) {
        GatewayError e = GatewayError::make(
            ErrorKind::RateLimited, QStringLiteral("rate_limit_exceeded"),
            QStringLiteral("The access token '%1' allows %2 requests per minute.").arg(token.name).arg(token.rpm));
        e.retryAfter = secondsUntil(window.front() + windowMs - now);
        return e;
    }
    window.push_back(now);
    return std::nullopt;
}

TokenLimiter::PeriodUsage &TokenLimiter::current(const TokenRecord &token)
{
    const qint64 start = TokenRules::periodStartMs(token.quotaPeriod, m_wall());
    PeriodUsage &usage = m_periods[token.id];
    if (usage.periodStartMs != start)
        usage = PeriodUsage{start, 0, 0}; // a new day or month
    return usage;
}

std::optional<GatewayError> TokenLimiter::admitQuota(const TokenRecord &token)
{
    PeriodUsage &usage = current(token);
    QString what;
    if (token.quotaRequests > 0 && usage.requests >= token.quotaRequests)
        what = QStringLiteral("%1 requests").arg(token.quotaRequests);
    else if (token.quotaTokens > 0 && usage.tokens >= token.quotaTokens)
        what = QStringLiteral("%1 tokens").arg(token.quotaTokens);
    if (what.isEmpty()) {
        ++usage.requests;
        return std::nullopt;
    }
    const qint64 now = m_wall();
    const qint64 end = TokenRules::periodEndMs(token.quotaPeriod, now);
    GatewayError e = GatewayError::make(
        ErrorKind::RateLimited, QStringLiteral("insufficient_quota"),
        QStringLiteral("The access token '%1' has used its quota of %2 per %3; it renews at %4.")
            .arg(token.name, what, TokenRules::periodName(token.quotaPeriod),
                 QDateTime::fromMSecsSinceEpoch(end).toOffsetFromUtc(QDateTime::fromMSecsSinceEpoch(end).offsetFromUtc())
                     .toString(Qt::ISODate)));
    e.retryAfter = secondsUntil(end - now);
    return e;
}

std::optional<GatewayError> TokenLimiter::admitModelCall(const TokenRecord &token, const QString &publicModel,
                                                         bool countsAgainstQuota, bool *counted)
{
    *counted = false;
    if (!AccessControl::modelAllowed(token, publicModel))
        return AccessControl::modelNotAllowed(token, publicModel);
    if (!countsAgainstQuota)
        return std::nullopt;
    if (auto exhausted = admitQuota(token))
        return exhausted;
    *counted = true;
    return std::nullopt;
}

void TokenLimiter::addTokens(qint64 tokenId, qint64 tokens)
{
    const auto it = m_periods.find(tokenId);
    if (it != m_periods.end() && tokens > 0)
        it->tokens += tokens;
}

TokenLimiter::PeriodUsage TokenLimiter::usage(const TokenRecord &token) const
{
    const qint64 start = TokenRules::periodStartMs(token.quotaPeriod, m_wall());
    const PeriodUsage usage = m_periods.value(token.id);
    return usage.periodStartMs == start ? usage : PeriodUsage{start, 0, 0};
}

bool TokenLimiter::isSeeded(const TokenRecord &token) const
{
    const auto it = m_periods.constFind(token.id);
    return it != m_periods.cend() && it->periodStartMs == TokenRules::periodStartMs(token.quotaPeriod, m_wall());
}

void TokenLimiter::seed(const TokenRecord &token, qint64 requests, qint64 tokens)
{
    m_periods[token.id] = PeriodUsage{TokenRules::periodStartMs(token.quotaPeriod, m_wall()), requests, tokens};
}

void TokenLimiter::retain(const QList<TokenRecord> &tokens)
{
    QSet<qint64> ids;
    for (const TokenRecord &t : tokens)
        ids.insert(t.id);
    m_windows.removeIf([&](const auto &it) { return !ids.contains(it.key()); });
    m_periods.removeIf([&](const auto &it) { return !ids.contains(it.key()); });
}
