#pragma once

#include <QObject>
#include <QPointer>

class LogFilterProxy;
class QTableView;
class QWidget;
class RequestLogModel;

// Follow mode for a log view, as in a terminal: while the newest row is on screen, new rows keep it there;
// once the user scrolls away, what they are reading stays where it is (rows dropped above it included) and
// the rows that came in meanwhile are counted until they come back.
class TailFollower final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TailFollower)

public:
    TailFollower(QTableView *view, LogFilterProxy *proxy, RequestLogModel *model, QObject *parent = nullptr);

    bool isFollowing() const { return m_following; }
    // Rows that passed the filters while the view was not following.
    int unseen() const { return m_unseen; }
    // Scrolls to the newest row and follows again.
    void jumpToLatest();

Q_SIGNALS:
    void stateChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void capture();
    void settle(int newAccepted);
    void onScrolled();
    void scrollToNewest();
    void setState(bool following, int unseen);
    // The proxy row of the newest row that passes the filters; -1 if none does.
    int newestProxyRow() const;
    bool newestOnScreen() const;

    QTableView *m_view;
    // The viewport the filter watches, kept apart from m_view: the viewport sends events while the view's own
    // destructor runs, when asking m_view for it is a call on a half-destroyed object.
    QPointer<QWidget> m_viewport;
    LogFilterProxy *m_proxy;
    RequestLogModel *m_model;
    bool m_following = true;
    int m_unseen = 0;
    bool m_captured = false;
    bool m_adjusting = false;
    qint64 m_anchorSerial = -1; // the row at the top of the viewport before a change
    int m_anchorOffset = 0; // how far that row's top was above the viewport's, in pixels
};
