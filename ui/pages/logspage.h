#pragma once

#include <QWidget>

class Gateway;
class LogFilterProxy;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTextEdit;
class RequestLogModel;
class TailFollower;

// The Logs page: every request live, filtered by text, model and status, with the whole record of the
// selected one (its error in full) below the table.
class LogsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogsPage)

public:
    explicit LogsPage(Gateway *gateway, QWidget *parent = nullptr);

private:
    QWidget *buildFilterBar();
    QWidget *buildTable();
    QWidget *buildStatusBar();
    void addModels(int firstRow, int lastRow);
    void showDetails();
    void updateCount();
    void updateEmptyState();
    void updateJumpButton();

    Gateway *m_gateway;
    RequestLogModel *m_model = nullptr;
    LogFilterProxy *m_proxy = nullptr;
    TailFollower *m_follower = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_modelFilter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_jump = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_table = nullptr;
    QTextEdit *m_details = nullptr;
};
