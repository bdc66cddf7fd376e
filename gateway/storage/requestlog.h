#pragma once

#include "requestrecord.h"
#include "usagebreakdown.h"
#include "usagereport.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <functional>

class RequestLogWriter;

// Every request, recorded in SQLite. Writes happen on a worker thread in batches, so the request path
// never waits for the disk (nor wakes that thread per request). recorded() feeds the UI live.
class RequestLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLog)

public:
    explicit RequestLog(QObject *parent = nullptr);
    ~RequestLog() override;

    bool open(const QString &databasePath, QString *error);
    // Rows older than days, and the oldest rows beyond maxRows, are deleted periodically.
    void setRetention(int days, int maxRows);

    void record(const RequestRecord &record);
    // Waits until every recorded row is on disk.
    void flush();
    // Newest first. Waits for pending writes.
    QList<RequestRecord> recent(int limit);
    // Rows recorded since local midnight.
    qint64 countToday();
    // Traffic of the days local days ending with lastDay (invalid: today), both included; days is kept
    // within 1..366. Waits for pending writes.
    UsageReport usage(int days, const QDate &lastDay = QDate());
    // The same without waiting, for the UI: with months of traffic the query takes a few hundred ms. done
    // runs on this object's thread (context must live there too), and not at all if context is gone by then;
    // answers come in call order.
    void usageLater(int days, QObject *context, std::function<void(const UsageReport &)> done,
                    const QDate &lastDay = QDate());

    // Per token of the token store: requests counted against quotas and tokens used since sinceMs (wall
    // clock). Waits for pending writes; for start-up and token changes, not the request path.
    QHash<qint64, TokenTotals> tokenTotalsSince(qint64 sinceMs);
    // Traffic split by token, model or provider. Waits for pending writes.
    UsageBreakdown breakdown(const UsageBreakdownQuery &query);
    // The same without blocking the caller's thread; done runs on this object's thread, not at all if
    // context is gone.
    void breakdownLater(const UsageBreakdownQuery &query, QObject *context,
                        std::function<void(const UsageBreakdown &)> done);

Q_SIGNALS:
    void recorded(const RequestRecord &record);

private:
    // Rows go to the writer every 100 ms or 200 rows, whichever comes first; every query hands them over
    // first, so it sees them.
    static constexpr qsizetype maxBatchRows = 200;
    void handOver();
    template <typename Work>
    void waitForWriter(Work work);
    template <typename Result, typename Query>
    void answerLater(Query query, QObject *context, std::function<void(const Result &)> done);

    QThread m_thread;
    RequestLogWriter *m_writer = nullptr;
    QList<RequestRecord> m_batch;
    QTimer m_handOverTimer;
};
