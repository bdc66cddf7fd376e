#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

class RequestLogModel;

// The Logs page's filters over a RequestLogModel: words of text, one model, a class of status.
class LogFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterProxy)

public:
    enum class StatusFilter { All, Success, ClientErrors, ServerErrors, Cancelled };

    explicit LogFilterProxy(RequestLogModel *source, QObject *parent = nullptr);

    // Every word must appear, ignoring case, in the model, provider, provider model, status, error, client or
    // endpoint.
    void setText(const QString &text);
    // Empty: every model.
    void setModelName(const QString &model);
    // Client errors are 4xx other than 499, which Cancelled has to itself.
    void setStatusFilter(StatusFilter filter);
    static bool statusMatches(StatusFilter filter, int status);

Q_SIGNALS:
    // After any filter changed and the rows were filtered again.
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();

    RequestLogModel *m_source;
    QStringList m_words;
    QString m_model;
    StatusFilter m_status = StatusFilter::All;
};
