#include "logfilterproxy.h"

#include "requestformat.h"
#include "requestlogmodel.h"

#include <algorithm>

LogFilterProxy::LogFilterProxy(RequestLogModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    setSourceModel(source);
    setSortRole(RequestLogModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void LogFilterProxy::setText(const QString &text)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    refilter();
}

void LogFilterProxy::setModelName(const QString &model)
{
    if (model == m_model)
        return;
    m_model = model;
    refilter();
}

void LogFilterProxy::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status)
        return;
    m_status = filter;
    refilter();
}

void LogFilterProxy::refilter()
{
    invalidateFilter();
    Q_EMIT filtersChanged();
}

bool LogFilterProxy::statusMatches(StatusFilter filter, int status)
{
    using Class = RequestFormat::StatusClass;
    const Class kind = RequestFormat::statusClass(status);
    switch (filter) {
    case StatusFilter::All:
        return true;
    case StatusFilter::Success:
        return status >= 200 && status < 300;
    case StatusFilter::ClientErrors:
        return kind == Class::ClientError;
    case StatusFilter::ServerErrors:
        return kind == Class::ServerError;
    case StatusFilter::Cancelled:
        return kind == Class::Cancelled;
    }
    return true;
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent)
    const RequestRecord &r = m_source->record(sourceRow);
    if (!statusMatches(m_status, r.status))
        return false;
    if (!m_model.isEmpty() && r.publicModel != m_model)
        return false;
    if (m_words.isEmpty())
        return true;
    const QString status = QString::number(r.status);
    const QString provider = RequestFormat::provider(r.provider);
    const QString *fields[] = { &r.publicModel, &r.provider, &provider, &r.localModel, &status, &r.error,
        &r.client, &r.endpoint };
    for (const QString &word : m_words) {
        const bool found = std::any_of(std::begin(fields), std::end(fields),
            [&word](const QString *field) { return field->contains(word, Qt::CaseInsensitive); });
        if (!found)
            return false;
    }
    return true;
}
