#pragma once

#include "storage/usagereport.h"

#include <QTimer>
#include <QWidget>

class Gateway;
class QChart;
class QComboBox;
class QLabel;
class QStackedWidget;

// The Usage page: requests, errors and tokens of the last 7 or 30 days, per provider per day, and latency
// percentiles, and the estimated cost when the config has prices. Reads the request log while it is on screen: when shown, every 30 s, and shortly after
// requests finish; never while hidden.
class UsagePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsagePage)

public:
    explicit UsagePage(Gateway *gateway, QWidget *parent = nullptr);

    // The figures on screen; empty until the first answer after the page is shown.
    const UsageReport &report() const { return m_report; }

Q_SIGNALS:
    // A report from the log is on screen (it may equal the previous one).
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildTotals();
    QWidget *buildCharts();
    void refresh();
    void present(const UsageReport &report);
    int periodDays() const;

    Gateway *m_gateway;
    UsageReport m_report;
    bool m_presented = false;
    bool m_inFlight = false;
    bool m_again = false;
    QTimer m_periodic;
    QTimer m_afterRequests;

    QComboBox *m_period = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_requests = nullptr;
    QLabel *m_requestsNote = nullptr;
    QLabel *m_errors = nullptr;
    QLabel *m_errorsNote = nullptr;
    QLabel *m_tokens = nullptr;
    QLabel *m_tokensNote = nullptr;
    QWidget *m_costCard = nullptr; // shown when the config has prices
    QLabel *m_cost = nullptr;
    QLabel *m_costNote = nullptr;
    QChart *m_requestsChart = nullptr;
    QChart *m_tokensChart = nullptr;
    QChart *m_latencyChart = nullptr;
};
