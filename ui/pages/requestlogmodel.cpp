#include "requestlogmodel.h"

#include "requestformat.h"
#include "storage/requestlog.h"

#include <QBrush>

#include <algorithm>

RequestLogModel::RequestLogModel(RequestLog *log, int maxRows, QObject *parent)
    : QAbstractTableModel(parent)
    , m_maxRows(std::max(1, maxRows))
{
    // recent() is newest first.
    m_rows = log->recent(std::min(InitialRows, m_maxRows));
    std::reverse(m_rows.begin(), m_rows.end());

    m_batch.setSingleShot(true);
    m_batch.setInterval(50);
    connect(&m_batch, &QTimer::timeout, this, &RequestLogModel::appendPending);
    connect(log, &RequestLog::recorded, this, &RequestLogModel::enqueue);
}

void RequestLogModel::enqueue(const RequestRecord &record)
{
    m_pending.append(record);
    if (!m_batch.isActive())
        m_batch.start();
}

void RequestLogModel::appendPending()
{
    if (m_pending.isEmpty())
        return;
    QList<RequestRecord> incoming = std::exchange(m_pending, {});
    if (incoming.size() > m_maxRows) {
        const qsizetype skipped = incoming.size() - m_maxRows;
        incoming.remove(0, skipped);
        m_dropped += skipped;
    }
    // Make room first so that a view never holds more than maxRows.
    const qsizetype excess = m_rows.size() + incoming.size() - m_maxRows;
    if (excess > 0) {
        beginRemoveRows(QModelIndex(), 0, int(excess - 1));
        m_rows.remove(0, excess);
        m_dropped += excess;
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(incoming.size()) - 1);
    m_rows.append(incoming);
    endInsertRows();
}

int RequestLogModel::rowOfSerial(qint64 serial) const
{
    const qint64 row = serial - m_dropped;
    return row >= 0 && row < m_rows.size() ? int(row) : -1;
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Model:
        return tr("Model");
    case Provider:
        return tr("Provider or node");
    case Status:
        return tr("Status");
    case Latency:
        return tr("Latency");
    case Ttfb:
        return tr("First byte");
    case Tokens:
        return tr("Tokens");
    case Stream:
        return tr("Stream");
    }
    return {};
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const RequestRecord &r = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(r, column);
    case Qt::ToolTipRole:
        return toolTip(r, column);
    case SortRole:
        return sortValue(r, column);
    case Qt::TextAlignmentRole:
        if (column == Status || column == Latency || column == Ttfb || column == Tokens)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == Status && RequestFormat::statusColor(r.status).isValid())
            return QBrush(RequestFormat::statusColor(r.status));
        return {};
    case Qt::BackgroundRole: {
        // A faint wash of the status colour marks failed rows across the whole width; translucent, so it
        // works on any theme. Cancelled requests are not failures of the gateway and stay plain.
        const auto kind = RequestFormat::statusClass(r.status);
        if (kind != RequestFormat::StatusClass::ClientError
            && kind != RequestFormat::StatusClass::ServerError)
            return {};
        QColor wash = RequestFormat::statusColor(r.status);
        wash.setAlpha(36);
        return QBrush(wash);
    }
    default:
        return {};
    }
}

QVariant RequestLogModel::display(const RequestRecord &r, int column) const
{
    switch (column) {
    case Time:
        return RequestFormat::time(r.timeMs);
    case Model:
        return r.publicModel.isEmpty() ? QStringLiteral("—") : r.publicModel;
    case Provider:
        return RequestFormat::provider(r.provider);
    case Status:
        return QString::number(r.status);
    case Latency:
        return RequestFormat::duration(r.latencyMs);
    case Ttfb:
        return RequestFormat::duration(r.ttfbMs);
    case Tokens:
        return RequestFormat::tokens(r.promptTokens, r.completionTokens);
    case Stream:
        return r.stream ? tr("Yes") : tr("No");
    }
    return {};
}

QVariant RequestLogModel::toolTip(const RequestRecord &r, int column) const
{
    switch (column) {
    case Time:
        return RequestFormat::fullTime(r.timeMs);
    case Model:
        return r.publicModel.isEmpty() ? tr("The request named no model.") : QVariant();
    case Provider:
        return RequestFormat::providerToolTip(r);
    case Status:
        if (r.error.isEmpty())
            return RequestFormat::statusDescription(r.status);
        // The first line of the error; the detail pane has all of it.
        return tr("%1\n%2").arg(
            RequestFormat::statusDescription(r.status), r.error.section(QLatin1Char('\n'), 0, 0).left(300));
    case Latency:
        return tr("From the request's arrival to the end of the answer.");
    case Ttfb:
        return r.ttfbMs < 0 ? tr("No byte of an answer reached the client.")
                            : tr("From the request's arrival to the first byte sent to the client.");
    case Tokens:
        if (r.promptTokens < 0 && r.completionTokens < 0)
            return tr("The provider reported no token counts.");
        return tr("Prompt tokens: %1. Completion tokens: %2.")
            .arg(RequestFormat::count(r.promptTokens), RequestFormat::count(r.completionTokens));
    case Stream:
        return r.stream ? tr("The answer was streamed.") : tr("The answer was sent whole.");
    }
    return {};
}

QVariant RequestLogModel::sortValue(const RequestRecord &r, int column) const
{
    switch (column) {
    case Time:
        return r.timeMs;
    case Model:
        return r.publicModel;
    case Provider:
        return RequestFormat::provider(r.provider);
    case Status:
        return r.status;
    case Latency:
        return r.latencyMs;
    case Ttfb:
        return r.ttfbMs;
    case Tokens:
        return std::max<qint64>(r.promptTokens, 0) + std::max<qint64>(r.completionTokens, 0);
    case Stream:
        return r.stream;
    }
    return {};
}
