#include "usagepage.h"

#include "gateway.h"
#include "storage/requestlog.h"
#include "usagecharts.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

// One figure with its caption and a line of context under it.
QFrame *card(QWidget *parent, const QString &caption, const QString &name, QLabel **value, QLabel **note)
{
    auto *frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    auto *title = new QLabel(caption, frame);
    *value = new QLabel(frame);
    (*value)->setObjectName(name);
    QFont big = (*value)->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    (*value)->setFont(big);
    (*value)->setTextInteractionFlags(Qt::TextSelectableByMouse);
    *note = new QLabel(frame);
    (*note)->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(title);
    layout->addWidget(*value);
    layout->addWidget(*note);
    return frame;
}

QChart *chartIn(QWidget *parent, const QString &name, QGridLayout *grid, int row, int column, int columnSpan)
{
    auto *chart = new QChart;
    const bool dark = parent->palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // Half-width charts list their providers down the side, where long names fit; the wide one below.
    chart->legend()->setAlignment(columnSpan > 1 ? Qt::AlignBottom : Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(240);
    grid->addWidget(view, row, column, 1, columnSpan);
    return chart;
}

} // namespace

UsagePage::UsagePage(Gateway *gateway, QWidget *parent)
    : QWidget(parent)
    , m_gateway(gateway)
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("usagePeriod"));
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_period);
    top->addWidget(periodLabel);
    top->addWidget(m_period);
    top->addStretch(1);
    layout->addLayout(top);

    m_stack = new QStackedWidget(this);
    auto *content = new QWidget(m_stack);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(buildTotals());
    contentLayout->addWidget(buildCharts(), 1);
    m_stack->addWidget(content);
    m_empty = new QLabel(m_stack);
    m_empty->setObjectName(QStringLiteral("usageEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    m_periodic.setInterval(30'000);
    connect(&m_periodic, &QTimer::timeout, this, &UsagePage::refresh);
    // A burst of requests costs one query, a second after the first of them.
    m_afterRequests.setSingleShot(true);
    m_afterRequests.setInterval(1'000);
    connect(&m_afterRequests, &QTimer::timeout, this, &UsagePage::refresh);
    connect(gateway, &Gateway::requestFinished, this, [this] {
        if (isVisible() && !m_afterRequests.isActive())
            m_afterRequests.start();
    });
    connect(m_period, &QComboBox::currentIndexChanged, this, &UsagePage::refresh);
    m_stack->setCurrentIndex(0);
}

QWidget *UsagePage::buildTotals()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(
        card(row, tr("Requests"), QStringLiteral("usageTotalRequests"), &m_requests, &m_requestsNote));
    layout->addWidget(card(row, tr("Errors"), QStringLiteral("usageTotalErrors"), &m_errors, &m_errorsNote));
    layout->addWidget(card(row, tr("Tokens"), QStringLiteral("usageTotalTokens"), &m_tokens, &m_tokensNote));
    m_costCard = card(row, tr("Estimated cost"), QStringLiteral("usageEstimatedCost"), &m_cost, &m_costNote);
    m_costCard->setVisible(false);
    layout->addWidget(m_costCard);
    return row;
}

QWidget *UsagePage::buildCharts()
{
    auto *area = new QWidget(this);
    auto *grid = new QGridLayout(area);
    grid->setContentsMargins(0, 0, 0, 0);
    m_requestsChart = chartIn(area, QStringLiteral("usageRequestsChart"), grid, 0, 0, 1);
    m_tokensChart = chartIn(area, QStringLiteral("usageTokensChart"), grid, 0, 1, 1);
    m_latencyChart = chartIn(area, QStringLiteral("usageLatencyChart"), grid, 1, 0, 2);
    return area;
}

int UsagePage::periodDays() const
{
    return m_period->currentData().toInt();
}

void UsagePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_periodic.start();
}

void UsagePage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_periodic.stop();
    m_afterRequests.stop();
}

void UsagePage::refresh()
{
    // One query at a time; whatever asked meanwhile gets one more when it answers.
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    m_gateway->requestLog()->usageLater(periodDays(), this, [this](const UsageReport &report) {
        m_inFlight = false;
        present(report);
        if (std::exchange(m_again, false))
            refresh();
    });
}

void UsagePage::present(const UsageReport &report)
{
    if (m_presented && report == m_report) {
        Q_EMIT refreshed();
        return;
    }
    m_presented = true;
    m_report = report;
    const int days = report.dayCount();
    if (!report.error.isEmpty()) {
        m_empty->setText(
            tr("The usage figures could not be read from the request log: %1").arg(report.error));
        m_stack->setCurrentIndex(1);
    } else if (report.totalRequests() == 0) {
        m_empty->setText(tr("No requests in the last %Ln days.\n\nOnce clients send requests through "
                            "Switchyard, this page charts them per provider and per day.",
            nullptr, days));
        m_stack->setCurrentIndex(1);
    } else {
        m_stack->setCurrentIndex(0);
    }

    const QLocale locale;
    const qint64 requests = report.totalRequests();
    const qint64 errors = report.totalErrors();
    const qint64 prompt = report.totalPromptTokens();
    const qint64 completion = report.totalCompletionTokens();
    m_requests->setText(locale.toString(requests));
    m_requestsNote->setText(tr("in the last %Ln days", nullptr, days));
    m_errors->setText(locale.toString(errors));
    m_errorsNote->setText(requests > 0
            ? tr("%1% of requests").arg(locale.toString(100.0 * errors / requests, 'f', 1))
            : tr("no requests"));
    m_tokens->setText(locale.toString(prompt + completion));
    m_tokensNote->setText(
        tr("%1 prompt, %2 completion").arg(locale.toString(prompt), locale.toString(completion)));

    const QMap<QString, ModelPrice> &prices = m_gateway->config().prices;
    m_costCard->setVisible(!prices.isEmpty());
    if (!prices.isEmpty()) {
        QStringList unpriced;
        const double cost = report.estimatedCost(prices, &unpriced);
        m_cost->setText(locale.toString(cost, 'f', cost < 1 ? 4 : 2));
        m_costNote->setText(unpriced.isEmpty() ? tr("at the prices in the config")
                                               : tr("without %1 (no price)").arg(unpriced.join(QStringLiteral(", "))));
    }

    UsageCharts::fillPerProvider(m_requestsChart, report, UsageCharts::Measure::Requests);
    UsageCharts::fillPerProvider(m_tokensChart, report, UsageCharts::Measure::Tokens);
    UsageCharts::fillLatency(m_latencyChart, report);
    Q_EMIT refreshed();
}
