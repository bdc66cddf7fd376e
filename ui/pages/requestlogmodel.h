#pragma once

#include "storage/requestrecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

class RequestLog;

// The request log as a table: the newest rows from disk, then every request as it finishes. Rows are in the
// order requests finished, oldest at the top and newest at the bottom, as in a terminal or a log file, so
// that reading a row is not disturbed by rows arriving below it. The oldest rows go once there are more
// than maxRows.
class RequestLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)

public:
    enum Column { Time, Model, Provider, Status, Latency, Ttfb, Tokens, Stream, ColumnCount };
    // Numbers and times as themselves, for sorting.
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int DefaultMaxRows = 5000;
    static constexpr int InitialRows = 1000;

    explicit RequestLogModel(RequestLog *log, int maxRows = DefaultMaxRows, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const RequestRecord &record(int row) const { return m_rows.at(row); }
    // A number that stays with a row while older rows are dropped above it; -1 for no row.
    qint64 serial(int row) const { return row < 0 ? -1 : m_dropped + row; }
    int rowOfSerial(qint64 serial) const;

private:
    void enqueue(const RequestRecord &record);
    void appendPending();
    QVariant display(const RequestRecord &r, int column) const;
    QVariant toolTip(const RequestRecord &r, int column) const;
    QVariant sortValue(const RequestRecord &r, int column) const;

    QList<RequestRecord> m_rows;
    QList<RequestRecord> m_pending;
    qint64 m_dropped = 0;
    int m_maxRows;
    // Bursts of requests arrive as one insertion rather than hundreds, which keeps views and filters cheap.
    QTimer m_batch;
};
