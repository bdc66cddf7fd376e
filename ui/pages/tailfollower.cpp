#include "tailfollower.h"

#include "logfilterproxy.h"
#include "requestlogmodel.h"

#include <QEvent>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTableView>

TailFollower::TailFollower(QTableView *view, LogFilterProxy *proxy, RequestLogModel *model, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_viewport(view->viewport())
    , m_proxy(proxy)
    , m_model(model)
{
    // The proxy and the view see each change before these slots run: they connected to the model first.
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] { capture(); });
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { capture(); });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        int accepted = 0;
        for (int row = first; row <= last; ++row) {
            if (m_proxy->mapFromSource(m_model->index(row, 0)).isValid())
                ++accepted;
        }
        settle(accepted);
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { settle(0); });
    // New filters or a new sort order: a follower keeps following.
    const auto refollow = [this] {
        if (m_following)
            scrollToNewest();
    };
    connect(proxy, &LogFilterProxy::filtersChanged, this, refollow);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, refollow);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &TailFollower::onScrolled);
    // Shown for the first time, or resized: the newest row must still be in sight.
    m_viewport->installEventFilter(this);
}

bool TailFollower::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && watched == m_viewport && m_following)
        scrollToNewest();
    return QObject::eventFilter(watched, event);
}

void TailFollower::jumpToLatest()
{
    scrollToNewest();
}

void TailFollower::capture()
{
    if (m_captured)
        return;
    m_captured = true;
    const QModelIndex top = m_view->indexAt(QPoint(0, 0));
    m_anchorSerial = top.isValid() ? m_model->serial(m_proxy->mapToSource(top).row()) : -1;
    m_anchorOffset = top.isValid() ? m_view->visualRect(top).top() : 0;
}

void TailFollower::settle(int newAccepted)
{
    m_captured = false;
    if (m_following) {
        scrollToNewest();
        return;
    }
    QScopedValueRollback adjusting(m_adjusting, true);
    QScrollBar *vertical = m_view->verticalScrollBar();
    const int row = m_model->rowOfSerial(m_anchorSerial);
    const QModelIndex anchor = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (anchor.isValid()) {
        // The view lays out new rows later; its scroll range must cover them now.
        m_view->doItemsLayout();
        const int horizontal = m_view->horizontalScrollBar()->value();
        m_view->scrollTo(anchor, QAbstractItemView::PositionAtTop);
        vertical->setValue(vertical->value() - m_anchorOffset);
        m_view->horizontalScrollBar()->setValue(horizontal);
    } else if (m_anchorSerial >= 0) {
        // The rows being read were the oldest and are gone: show the oldest left.
        vertical->setValue(0);
    }
    setState(false, m_unseen + newAccepted);
}

void TailFollower::scrollToNewest()
{
    QScopedValueRollback adjusting(m_adjusting, true);
    const int row = newestProxyRow();
    if (row >= 0) {
        m_view->doItemsLayout();
        const int horizontal = m_view->horizontalScrollBar()->value();
        m_view->scrollTo(m_proxy->index(row, 0), QAbstractItemView::EnsureVisible);
        m_view->horizontalScrollBar()->setValue(horizontal);
    }
    setState(true, 0);
}

void TailFollower::onScrolled()
{
    if (m_adjusting)
        return;
    const bool following = newestOnScreen();
    setState(following, following ? 0 : m_unseen);
}

void TailFollower::setState(bool following, int unseen)
{
    if (following == m_following && unseen == m_unseen)
        return;
    m_following = following;
    m_unseen = unseen;
    Q_EMIT stateChanged();
}

int TailFollower::newestProxyRow() const
{
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            return index.row();
    }
    return -1;
}

bool TailFollower::newestOnScreen() const
{
    const int row = newestProxyRow();
    if (row < 0)
        return true;
    // More than half of the row showing counts as on screen.
    const int middle = m_view->visualRect(m_proxy->index(row, 0)).center().y();
    return middle >= 0 && middle < m_view->viewport()->height();
}
