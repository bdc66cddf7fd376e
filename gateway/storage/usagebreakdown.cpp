#include "usagebreakdown.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

UsageBreakdown queryUsageBreakdown(const QSqlDatabase &database, const UsageBreakdownQuery &query)
{
    UsageBreakdown result;
    if (!database.isOpen()) {
        result.error = QStringLiteral("the request log is not open");
        return result;
    }
    // Column names cannot be bound; this one comes from the enum, never from the client.
    const QString key = query.groupBy == UsageGrouping::Token   ? QStringLiteral("token")
                        : query.groupBy == UsageGrouping::Model ? QStringLiteral("public_model")
                                                                : QStringLiteral("provider");
    QSqlQuery q(database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT COALESCE(%1, ''), COALESCE(public_model, ''), COUNT(*), SUM(status >= 400),"
                             " SUM(MAX(prompt_tokens, 0)), SUM(MAX(completion_tokens, 0)) FROM requests"
                             " WHERE ts_ms >= ? AND ts_ms < ?%2 GROUP BY 1, 2 ORDER BY 1, 2")
                  .arg(key, query.tokenId ? QStringLiteral(" AND token_id = ?") : QString()));
    q.addBindValue(query.sinceMs);
    q.addBindValue(query.untilMs);
    if (query.tokenId)
        q.addBindValue(*query.tokenId);
    if (!q.exec()) {
        result.error = q.lastError().text();
        return result;
    }
    while (q.next()) {
        UsageBreakdownRow row;
        row.key = q.value(0).toString();
        row.model = q.value(1).toString();
        row.requests = q.value(2).toLongLong();
        row.errors = q.value(3).toLongLong();
        row.promptTokens = q.value(4).toLongLong();
        row.completionTokens = q.value(5).toLongLong();
        result.rows << row;
    }
    return result;
}
