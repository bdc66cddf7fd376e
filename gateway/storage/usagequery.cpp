#include "usagequery.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

// Local days are not all 24 hours long (daylight saving time), so Qt works out where each one starts and
// SQLite gets the bounds: neither a fixed 86 400 s nor SQLite's own 'localtime' is used. The join lets
// SQLite walk the ts_ms index once per day.
QString daysTable(int days)
{
    QString sql = QStringLiteral("WITH days(day, lo, hi) AS (VALUES (?,?,?)");
    for (int i = 1; i < days; ++i)
        sql += QStringLiteral(",(?,?,?)");
    return sql + QStringLiteral(") ");
}

void bindDays(QSqlQuery &q, const QDate &firstDay, int days)
{
    for (int i = 0; i < days; ++i) {
        q.addBindValue(i);
        q.addBindValue(firstDay.addDays(i).startOfDay().toMSecsSinceEpoch());
        q.addBindValue(firstDay.addDays(i + 1).startOfDay().toMSecsSinceEpoch());
    }
}

const char perProviderSql[] = "SELECT d.day, COALESCE(r.provider, ''), COUNT(*), SUM(r.status >= 400),"
                              " SUM(MAX(r.prompt_tokens, 0)), SUM(MAX(r.completion_tokens, 0))"
                              " FROM days d JOIN requests r ON r.ts_ms >= d.lo AND r.ts_ms < d.hi"
                              " GROUP BY 1, 2 ORDER BY 1, 2";

// Nearest rank: the p-th percentile of n sorted samples is the one at position ceil(p * n / 100), which in
// integer arithmetic is (p * n + 99) / 100.
const char latencySql[]
    = ", ranked AS (SELECT d.day AS day, r.latency_ms AS ms,"
      " ROW_NUMBER() OVER (PARTITION BY d.day ORDER BY r.latency_ms) AS pos,"
      " COUNT(*) OVER (PARTITION BY d.day) AS n"
      " FROM days d JOIN requests r ON r.ts_ms >= d.lo AND r.ts_ms < d.hi WHERE r.status < 400)"
      " SELECT day, MAX(n),"
      " MAX(CASE WHEN pos = (n * 50 + 99) / 100 THEN ms END),"
      " MAX(CASE WHEN pos = (n * 90 + 99) / 100 THEN ms END),"
      " MAX(CASE WHEN pos = (n * 99 + 99) / 100 THEN ms END)"
      " FROM ranked GROUP BY day ORDER BY day";

const char perModelSql[] = "SELECT COALESCE(r.public_model, ''), SUM(MAX(r.prompt_tokens, 0)),"
                           " SUM(MAX(r.completion_tokens, 0))"
                           " FROM days d JOIN requests r ON r.ts_ms >= d.lo AND r.ts_ms < d.hi"
                           " GROUP BY 1 HAVING SUM(MAX(r.prompt_tokens, 0)) + SUM(MAX(r.completion_tokens, 0)) > 0"
                           " ORDER BY 1";

bool run(QSqlQuery &q, const QString &sql, const QDate &firstDay, int days, QString *error)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    bindDays(q, firstDay, days);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace

UsageReport queryUsage(const QSqlDatabase &database, const QDate &firstDay, const QDate &lastDay)
{
    UsageReport report;
    report.firstDay = firstDay;
    report.lastDay = lastDay;
    const int days = report.dayCount();
    if (days <= 0)
        return report;
    if (!database.isOpen()) {
        report.error = QStringLiteral("the request log is not open");
        return report;
    }

    const QString table = daysTable(days);
    QSqlQuery q(database);
    if (!run(q, table + QLatin1String(perProviderSql), firstDay, days, &report.error))
        return report;
    while (q.next()) {
        UsageCell cell;
        cell.day = firstDay.addDays(q.value(0).toInt());
        cell.provider = q.value(1).toString();
        cell.requests = q.value(2).toLongLong();
        cell.errors = q.value(3).toLongLong();
        cell.promptTokens = q.value(4).toLongLong();
        cell.completionTokens = q.value(5).toLongLong();
        report.cells.append(cell);
    }

    if (!run(q, table + QLatin1String(latencySql), firstDay, days, &report.error)) {
        report.cells.clear();
        return report;
    }
    while (q.next()) {
        DayLatency latency;
        latency.day = firstDay.addDays(q.value(0).toInt());
        latency.samples = q.value(1).toLongLong();
        latency.p50Ms = q.value(2).toLongLong();
        latency.p90Ms = q.value(3).toLongLong();
        latency.p99Ms = q.value(4).toLongLong();
        report.latency.append(latency);
    }

    if (!run(q, table + QLatin1String(perModelSql), firstDay, days, &report.error)) {
        report.cells.clear();
        report.latency.clear();
        return report;
    }
    while (q.next())
        report.models.append(ModelTokens{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    return report;
}
