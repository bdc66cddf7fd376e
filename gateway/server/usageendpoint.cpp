#include "usageendpoint.h"

#include "server/apicall.h"
#include "server/errorresponse.h"
#include "server/httpcompat.h"
#include "server/routetable.h"
#include "storage/requestlog.h"
#include "tokens/tokenlimiter.h"
#include "tokens/tokenrules.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>

namespace {

GatewayError invalid(const QString &param, const QString &message)
{
    return GatewayError::make(ErrorKind::InvalidRequest, QStringLiteral("invalid_value"), message, param);
}

// A moment from a query parameter; a bare date is the start of that local day (or of the next, for "until",
// so the day named is included).
std::optional<qint64> parseMoment(const QString &text, bool endOfDay)
{
    static const QRegularExpression secondsRe(QStringLiteral("^\\d{1,12}$"));
    if (secondsRe.match(text).hasMatch())
        return text.toLongLong() * 1000;
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid() && text.size() == 10)
        return (endOfDay ? day.addDays(1) : day).startOfDay().toMSecsSinceEpoch();
    const QDateTime moment = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (moment.isValid())
        return moment.toMSecsSinceEpoch();
    return std::nullopt;
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString groupName(UsageGrouping g)
{
    switch (g) {
    case UsageGrouping::Token: return QStringLiteral("token");
    case UsageGrouping::Model: return QStringLiteral("model");
    case UsageGrouping::Provider: return QStringLiteral("provider");
    }
    return {};
}

struct Totals {
    qint64 requests = 0;
    qint64 errors = 0;
    qint64 prompt = 0;
    qint64 completion = 0;
    double cost = 0;
    bool anyPriced = false;
    QStringList unpriced;

    void add(const UsageBreakdownRow &row, const QMap<QString, ModelPrice> &prices)
    {
        requests += row.requests;
        errors += row.errors;
        prompt += row.promptTokens;
        completion += row.completionTokens;
        const auto price = prices.constFind(row.model);
        if (price != prices.cend()) {
            cost += price->costOf(row.promptTokens, row.completionTokens);
            anyPriced = true;
        } else if (row.promptTokens + row.completionTokens > 0 && !unpriced.contains(row.model)) {
            unpriced << row.model;
        }
    }

    QJsonObject json() const
    {
        QJsonObject o{{QStringLiteral("requests"), requests},
                      {QStringLiteral("errors"), errors},
                      {QStringLiteral("prompt_tokens"), prompt},
                      {QStringLiteral("completion_tokens"), completion},
                      {QStringLiteral("total_tokens"), prompt + completion},
                      {QStringLiteral("estimated_cost"), anyPriced ? QJsonValue(cost) : QJsonValue()}};
        if (!unpriced.isEmpty())
            o.insert(QStringLiteral("unpriced_models"), QJsonArray::fromStringList(unpriced));
        return o;
    }
};

} // namespace

UsageEndpoint::UsageEndpoint(RequestLog *log, const Config *config, const TokenLimiter *limiter)
    : m_log(log), m_config(config), m_limiter(limiter)
{
}

void UsageEndpoint::addRoutes(RouteTable &routes)
{
    routes.add("GET", QStringLiteral("/api/v1/usage"), RouteTable::Access::Token, [this](ApiCall &call) { answer(call); });
}

std::optional<UsageBreakdownQuery> UsageEndpoint::parseQuery(const QUrlQuery &query, qint64 nowWallMs,
                                                             GatewayError *error)
{
    UsageBreakdownQuery q;
    q.sinceMs = TokenRules::periodStartMs(QuotaPeriod::Month, nowWallMs);
    q.untilMs = nowWallMs + 1;
    const QString since = query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded).trimmed();
    const QString until = query.queryItemValue(QStringLiteral("until"), QUrl::FullyDecoded).trimmed();
    const QString groupBy = query.queryItemValue(QStringLiteral("group_by"), QUrl::FullyDecoded).trimmed();
    const QString accepted = QStringLiteral("a date (2026-11-01), an ISO 8601 date-time or Unix seconds");
    if (!since.isEmpty()) {
        const auto ms = parseMoment(since, false);
        if (!ms) {
            *error = invalid(QStringLiteral("since"), QStringLiteral("'since' must be %1, not '%2'.").arg(accepted, since));
            return std::nullopt;
        }
        q.sinceMs = *ms;
    }
    if (!until.isEmpty()) {
        const auto ms = parseMoment(until, true);
        if (!ms) {
            *error = invalid(QStringLiteral("until"), QStringLiteral("'until' must be %1, not '%2'.").arg(accepted, until));
            return std::nullopt;
        }
        q.untilMs = *ms;
    }
    if (q.untilMs <= q.sinceMs) {
        *error = invalid(QStringLiteral("until"), QStringLiteral("'until' must be later than 'since'."));
        return std::nullopt;
    }
    if (groupBy.isEmpty() || groupBy == QLatin1String("model")) {
        q.groupBy = UsageGrouping::Model;
    } else if (groupBy == QLatin1String("token")) {
        q.groupBy = UsageGrouping::Token;
    } else if (groupBy == QLatin1String("provider")) {
        q.groupBy = UsageGrouping::Provider;
    } else {
        *error = invalid(QStringLiteral("group_by"),
                         QStringLiteral("'group_by' must be token, model or provider, not '%1'.").arg(groupBy));
        return std::nullopt;
    }
    return q;
}

QJsonObject UsageEndpoint::toJson(const UsageBreakdownQuery &query, const UsageBreakdown &breakdown,
                                  const QMap<QString, ModelPrice> &prices)
{
    // Rows come sorted by key, then model: one group per run of equal keys.
    QJsonArray data;
    Totals all;
    Totals group;
    QString key;
    const QString keyName = groupName(query.groupBy);
    auto close = [&] {
        if (group.requests == 0)
            return;
        QJsonObject o = group.json();
        o.insert(keyName, key.isEmpty() ? QJsonValue() : QJsonValue(key));
        data.append(o);
    };
    for (const UsageBreakdownRow &row : breakdown.rows) {
        if (row.key != key || group.requests == 0) {
            close();
            group = Totals();
            key = row.key;
        }
        group.add(row, prices);
        all.add(row, prices);
    }
    close();
    return QJsonObject{{QStringLiteral("object"), QStringLiteral("usage")},
                       {QStringLiteral("since"), isoUtc(query.sinceMs)},
                       {QStringLiteral("until"), isoUtc(query.untilMs)},
                       {QStringLiteral("group_by"), keyName},
                       {QStringLiteral("scope"), query.tokenId ? QStringLiteral("token") : QStringLiteral("all")},
                       {QStringLiteral("data"), data},
                       {QStringLiteral("total"), all.json()}};
}

void UsageEndpoint::answer(ApiCall &call)
{
    GatewayError problem;
    std::optional<UsageBreakdownQuery> query = parseQuery(call.request.query, m_limiter->wallNowMs(), &problem);
    if (!query) {
        call.sendError(problem);
        return;
    }
    if (const TokenRecord *token = call.limitedToken())
        query->tokenId = token->id;
    HeaderList headers = call.cors;
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    // A query over months of traffic takes a while: it runs on the log's thread, and the answer follows.
    m_log->breakdownLater(*query, call.exchange,
                          [exchange = QPointer<HttpExchange>(call.exchange), headers, prices = m_config->prices,
                           q = *query](const UsageBreakdown &result) {
                              if (!exchange)
                                  return;
                              if (!result.error.isEmpty()) {
                                  const GatewayError e = GatewayError::make(
                                      ErrorKind::Internal, QStringLiteral("usage_unavailable"),
                                      QStringLiteral("The request log could not be read: ") + result.error);
                                  exchange->respond(e.httpStatus, headers, ErrorResponse::body(WireFormat::OpenAi, e));
                                  return;
                              }
                              exchange->respond(200, headers,
                                                QJsonDocument(toJson(q, result, prices)).toJson(QJsonDocument::Compact));
                          });
}
