#include "requestlog.h"

#include "core/logging.h"
#include "usagebreakdown.h"
#include "usagequery.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

#include <algorithm>

// Lives on the log's worker thread and owns the database connection there.
class RequestLogWriter final : public QObject
{
public:
    bool open(const QString &path, QString *error);
    void append(const QList<RequestRecord> &records);
    void flush();
    void prune();
    QList<RequestRecord> recent(int limit);
    qint64 countSince(qint64 timeMs);
    UsageReport usage(const QDate &firstDay, const QDate &lastDay);
    UsageBreakdown breakdown(const UsageBreakdownQuery &query);
    QHash<qint64, TokenTotals> tokenTotalsSince(qint64 sinceMs);
    void close();

    int retentionDays = 30;
    int maxRows = 200'000;

private:
    QSqlDatabase db() const { return QSqlDatabase::database(m_connection, false); }

    QString m_connection;
    QList<RequestRecord> m_pending;
    bool m_open = false;
    QTimer *m_pruneTimer = nullptr;
};

bool RequestLogWriter::open(const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_connection = QStringLiteral("requestlog-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    database.setDatabaseName(path);
    if (!database.open()) {
        *error = path + QStringLiteral(": cannot open the request log: ") + database.lastError().text();
        return false;
    }
    QSqlQuery q(database);
    const char *const statements[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "CREATE TABLE IF NOT EXISTS requests ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ms INTEGER NOT NULL, client TEXT, endpoint TEXT,"
        " public_model TEXT, provider TEXT, local_model TEXT, attempts INTEGER, status INTEGER,"
        " latency_ms INTEGER, ttfb_ms INTEGER, prompt_tokens INTEGER, completion_tokens INTEGER,"
        " stream INTEGER, error TEXT)",
        "CREATE INDEX IF NOT EXISTS requests_ts ON requests(ts_ms)",
    };
    for (const char *sql : statements) {
        if (!q.exec(QString::fromLatin1(sql))) {
            *error = path + QStringLiteral(": cannot prepare the request log: ") + q.lastError().text();
            return false;
        }
    }
    // Logs written before access tokens had rules get the token columns; their rows count for no token.
    QStringList columns;
    if (q.exec(QStringLiteral("PRAGMA table_info(requests)"))) {
        while (q.next())
            columns << q.value(1).toString();
    }
    const std::pair<const char *, const char *> added[] = {
        {"token", "ALTER TABLE requests ADD COLUMN token TEXT"},
        {"token_id", "ALTER TABLE requests ADD COLUMN token_id INTEGER NOT NULL DEFAULT 0"},
        {"quota_counted", "ALTER TABLE requests ADD COLUMN quota_counted INTEGER NOT NULL DEFAULT 0"},
    };
    for (const auto &[column, sql] : added) {
        if (!columns.contains(QLatin1String(column)) && !q.exec(QString::fromLatin1(sql))) {
            *error = path + QStringLiteral(": cannot add the token columns to the request log: ") + q.lastError().text();
            return false;
        }
    }
    if (!q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS requests_token ON requests(token_id, ts_ms)"))) {
        *error = path + QStringLiteral(": cannot prepare the request log: ") + q.lastError().text();
        return false;
    }
    m_open = true;
    m_pruneTimer = new QTimer(this);
    m_pruneTimer->setInterval(10 * 60 * 1000);
    connect(m_pruneTimer, &QTimer::timeout, this, [this] { prune(); });
    m_pruneTimer->start();
    prune();
    return true;
}

void RequestLogWriter::append(const QList<RequestRecord> &records)
{
    if (!m_open)
        return; // not opened: nothing to write to
    // RequestLog hands rows over in batches already: one transaction each.
    m_pending.append(records);
    flush();
}

void RequestLogWriter::flush()
{
    if (m_pending.isEmpty() || m_connection.isEmpty() || !db().isOpen())
        return;
    QSqlDatabase database = db();
    database.transaction();
    QSqlQuery q(database);
    // Named placeholders: with Qt 6.4, binding by position formats a placeholder name per value (QString::arg),
    // which cost more than SQLite's own insert; a name is one hash lookup.
    static const QString ts = QStringLiteral(":ts"), client = QStringLiteral(":client"),
                         endpoint = QStringLiteral(":endpoint"), publicModel = QStringLiteral(":public_model"),
                         provider = QStringLiteral(":provider"), localModel = QStringLiteral(":local_model"),
                         attempts = QStringLiteral(":attempts"), status = QStringLiteral(":status"),
                         latency = QStringLiteral(":latency"), ttfb = QStringLiteral(":ttfb"),
                         promptTokens = QStringLiteral(":prompt_tokens"),
                         completionTokens = QStringLiteral(":completion_tokens"), stream = QStringLiteral(":stream"),
                         error = QStringLiteral(":error"), token = QStringLiteral(":token"),
                         tokenId = QStringLiteral(":token_id"), quotaCounted = QStringLiteral(":quota_counted");
    q.prepare(QStringLiteral(
        "INSERT INTO requests (ts_ms, client, endpoint, public_model, provider, local_model, attempts, status,"
        " latency_ms, ttfb_ms, prompt_tokens, completion_tokens, stream, error, token, token_id, quota_counted)"
        " VALUES (:ts, :client, :endpoint, :public_model, :provider, :local_model, :attempts, :status, :latency,"
        " :ttfb, :prompt_tokens, :completion_tokens, :stream, :error, :token, :token_id, :quota_counted)"));
    const QVariant noToken{QMetaType(QMetaType::QString)};
    for (const RequestRecord &r : std::as_const(m_pending)) {
        q.bindValue(ts, r.timeMs);
        q.bindValue(client, r.client);
        q.bindValue(endpoint, r.endpoint);
        q.bindValue(publicModel, r.publicModel);
        q.bindValue(provider, r.provider);
        q.bindValue(localModel, r.localModel);
        q.bindValue(attempts, r.attempts);
        q.bindValue(status, r.status);
        q.bindValue(latency, r.latencyMs);
        q.bindValue(ttfb, r.ttfbMs);
        q.bindValue(promptTokens, r.promptTokens);
        q.bindValue(completionTokens, r.completionTokens);
        q.bindValue(stream, r.stream ? 1 : 0);
        q.bindValue(error, r.error);
        q.bindValue(token, r.token.isEmpty() ? noToken : QVariant(r.token));
        q.bindValue(tokenId, r.tokenId);
        q.bindValue(quotaCounted, r.quotaCounted ? 1 : 0);
        if (!q.exec())
            qCWarning(lcStorage) << "request log insert failed:" << q.lastError().text();
    }
    database.commit();
    m_pending.clear();
}

void RequestLogWriter::prune()
{
    if (m_connection.isEmpty() || !db().isOpen())
        return;
    QSqlQuery q(db());
    const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - qint64(retentionDays) * 86'400'000;
    q.prepare(QStringLiteral("DELETE FROM requests WHERE ts_ms < ?"));
    q.addBindValue(cutoff);
    q.exec();
    q.prepare(QStringLiteral("DELETE FROM requests WHERE id <= (SELECT MAX(id) FROM requests) - ?"));
    q.addBindValue(maxRows);
    q.exec();
}

QList<RequestRecord> RequestLogWriter::recent(int limit)
{
    flush();
    QList<RequestRecord> rows;
    if (m_connection.isEmpty())
        return rows;
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "SELECT id, ts_ms, client, endpoint, public_model, provider, local_model, attempts, status, latency_ms,"
        " ttfb_ms, prompt_tokens, completion_tokens, stream, error, token, token_id, quota_counted"
        " FROM requests ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return rows;
    while (q.next()) {
        RequestRecord r;
        r.id = q.value(0).toLongLong();
        r.timeMs = q.value(1).toLongLong();
        r.client = q.value(2).toString();
        r.endpoint = q.value(3).toString();
        r.publicModel = q.value(4).toString();
        r.provider = q.value(5).toString();
        r.localModel = q.value(6).toString();
        r.attempts = q.value(7).toInt();
        r.status = q.value(8).toInt();
        r.latencyMs = q.value(9).toLongLong();
        r.ttfbMs = q.value(10).toLongLong();
        r.promptTokens = q.value(11).toLongLong();
        r.completionTokens = q.value(12).toLongLong();
        r.stream = q.value(13).toInt() != 0;
        r.error = q.value(14).toString();
        r.token = q.value(15).toString();
        r.tokenId = q.value(16).toLongLong();
        r.quotaCounted = q.value(17).toInt() != 0;
        rows.append(r);
    }
    return rows;
}

qint64 RequestLogWriter::countSince(qint64 timeMs)
{
    flush();
    if (m_connection.isEmpty())
        return 0;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM requests WHERE ts_ms >= ?"));
    q.addBindValue(timeMs);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

UsageReport RequestLogWriter::usage(const QDate &firstDay, const QDate &lastDay)
{
    flush();
    return queryUsage(db(), firstDay, lastDay);
}

UsageBreakdown RequestLogWriter::breakdown(const UsageBreakdownQuery &query)
{
    flush();
    return queryUsageBreakdown(db(), query);
}

QHash<qint64, TokenTotals> RequestLogWriter::tokenTotalsSince(qint64 sinceMs)
{
    flush();
    QHash<qint64, TokenTotals> totals;
    if (m_connection.isEmpty())
        return totals;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT token_id, SUM(quota_counted), SUM(MAX(prompt_tokens, 0) + MAX(completion_tokens, 0))"
                             " FROM requests WHERE token_id > 0 AND ts_ms >= ? GROUP BY token_id"));
    q.addBindValue(sinceMs);
    if (!q.exec())
        return totals;
    while (q.next())
        totals.insert(q.value(0).toLongLong(), TokenTotals{q.value(1).toLongLong(), q.value(2).toLongLong()});
    return totals;
}

void RequestLogWriter::close()
{
    flush();
    const QString name = m_connection;
    if (name.isEmpty())
        return;
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
}

// ---- RequestLog ----

RequestLog::RequestLog(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<RequestRecord>();
    m_thread.setObjectName(QStringLiteral("request-log"));
    m_writer = new RequestLogWriter;
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    m_thread.start();
    m_handOverTimer.setSingleShot(true);
    m_handOverTimer.setInterval(100);
    connect(&m_handOverTimer, &QTimer::timeout, this, &RequestLog::handOver);
}

RequestLog::~RequestLog()
{
    handOver();
    QMetaObject::invokeMethod(m_writer, [w = m_writer] { w->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool RequestLog::open(const QString &databasePath, QString *error)
{
    bool ok = false;
    QString message;
    QMetaObject::invokeMethod(m_writer, [&] { ok = m_writer->open(databasePath, &message); },
                              Qt::BlockingQueuedConnection);
    if (!ok)
        *error = message;
    return ok;
}

void RequestLog::setRetention(int days, int maxRows)
{
    QMetaObject::invokeMethod(m_writer, [w = m_writer, days, maxRows] {
        w->retentionDays = days;
        w->maxRows = maxRows;
    });
}

void RequestLog::record(const RequestRecord &record)
{
    // Batched here, on the caller's thread: queuing each row to the writer would wake its thread once per
    // request, which at thousands of requests a second cost the relay more than SQLite did.
    m_batch.append(record);
    if (m_batch.size() >= maxBatchRows)
        handOver();
    else if (!m_handOverTimer.isActive())
        m_handOverTimer.start();
    Q_EMIT recorded(record);
}

void RequestLog::handOver()
{
    m_handOverTimer.stop();
    if (m_batch.isEmpty())
        return;
    QMetaObject::invokeMethod(m_writer, [w = m_writer, batch = std::exchange(m_batch, {})] { w->append(batch); });
}

// Every query goes through one of these two: the rows batched on this side reach the writer first (queued calls
// run in order), so a query always sees every row recorded before it.
template <typename Work>
void RequestLog::waitForWriter(Work work)
{
    handOver();
    QMetaObject::invokeMethod(m_writer, std::move(work), Qt::BlockingQueuedConnection);
}

template <typename Result, typename Query>
void RequestLog::answerLater(Query query, QObject *context, std::function<void(const Result &)> done)
{
    handOver();
    // The answer comes back through this object, which outlives the writer, so context is only ever looked
    // at on its own thread.
    QMetaObject::invokeMethod(m_writer, [this, query = std::move(query), guard = QPointer<QObject>(context),
                                         done = std::move(done)] {
        const Result result = query(*m_writer);
        QMetaObject::invokeMethod(this, [guard, done, result] {
            if (guard)
                done(result);
        });
    });
}

void RequestLog::flush()
{
    waitForWriter([w = m_writer] { w->flush(); });
}

QList<RequestRecord> RequestLog::recent(int limit)
{
    QList<RequestRecord> rows;
    waitForWriter([&] { rows = m_writer->recent(limit); });
    return rows;
}

qint64 RequestLog::countToday()
{
    const qint64 midnight = QDateTime(QDate::currentDate(), QTime(0, 0)).toMSecsSinceEpoch();
    qint64 count = 0;
    waitForWriter([&] { count = m_writer->countSince(midnight); });
    return count;
}

QHash<qint64, TokenTotals> RequestLog::tokenTotalsSince(qint64 sinceMs)
{
    QHash<qint64, TokenTotals> totals;
    waitForWriter([&] { totals = m_writer->tokenTotalsSince(sinceMs); });
    return totals;
}

UsageBreakdown RequestLog::breakdown(const UsageBreakdownQuery &query)
{
    UsageBreakdown result;
    waitForWriter([&] { result = m_writer->breakdown(query); });
    return result;
}

void RequestLog::breakdownLater(const UsageBreakdownQuery &query, QObject *context,
                                std::function<void(const UsageBreakdown &)> done)
{
    answerLater<UsageBreakdown>([query](RequestLogWriter &w) { return w.breakdown(query); }, context,
                                std::move(done));
}

namespace {

std::pair<QDate, QDate> usagePeriod(int days, const QDate &lastDay)
{
    const QDate last = lastDay.isValid() ? lastDay : QDate::currentDate();
    return {last.addDays(1 - std::clamp(days, 1, 366)), last};
}

} // namespace

UsageReport RequestLog::usage(int days, const QDate &lastDay)
{
    const auto [first, last] = usagePeriod(days, lastDay);
    UsageReport report;
    waitForWriter([&, first = first, last = last] { report = m_writer->usage(first, last); });
    return report;
}

void RequestLog::usageLater(int days, QObject *context, std::function<void(const UsageReport &)> done,
                            const QDate &lastDay)
{
    const auto [first, last] = usagePeriod(days, lastDay);
    answerLater<UsageReport>([first = first, last = last](RequestLogWriter &w) { return w.usage(first, last); },
                             context, std::move(done));
}
