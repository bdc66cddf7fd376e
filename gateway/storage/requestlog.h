#pragma once

#include "requestrecord.h"

#include <QList>
#include <QObject>
#include <QThread>

class RequestLogWriter;

// Every request, recorded in SQLite. Writes happen on a worker thread in batches, so the request path
// never waits for the disk. recorded() feeds the UI live.
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

Q_SIGNALS:
    void recorded(const RequestRecord &record);

private:
    QThread m_thread;
    RequestLogWriter *m_writer = nullptr;
};
