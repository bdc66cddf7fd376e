#pragma once

#include "config/config.h"
#include "core/gatewayerror.h"
#include "storage/usagebreakdown.h"

#include <QJsonObject>
#include <QUrlQuery>
#include <optional>

class ApiCall;
class RequestLog;
class RouteTable;
class TokenLimiter;

// GET /api/v1/usage?since=&until=&group_by=token|model|provider: requests, errors, tokens and estimated
// cost from the request log. A token of the token store sees its own traffic only; the config's tokens (the
// owner's), or anyone when the gateway needs no token, see everyone's.
class UsageEndpoint final
{
public:
    UsageEndpoint(RequestLog *log, const Config *config, const TokenLimiter *limiter);
    void addRoutes(RouteTable &routes);

    // since/until: a date (2026-11-01, a local day; until includes it), an ISO date-time or Unix seconds.
    // Defaults: the start of the current local month, and now.
    static std::optional<UsageBreakdownQuery> parseQuery(const QUrlQuery &query, qint64 nowWallMs, GatewayError *error);
    static QJsonObject toJson(const UsageBreakdownQuery &query, const UsageBreakdown &breakdown,
                              const QMap<QString, ModelPrice> &prices);

private:
    void answer(ApiCall &call);

    RequestLog *m_log;
    const Config *m_config;
    const TokenLimiter *m_limiter;
};
