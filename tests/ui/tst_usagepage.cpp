// The Usage page over a real gateway: after real requests its totals and charts hold the figures the request
// log's usage query gives, it re-reads after requests only while on screen, and it says when there is
// nothing.
#include "pages/usagepage.h"
#include "pagetraffic.h"
#include "secrets/keyresolver.h"
#include "secrets/secretstore.h"
#include "storage/requestlog.h"

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTest>
#include <QValueAxis>

#include <algorithm>

namespace {

QChart *chartOf(const QWidget *page, const QString &name)
{
    const auto *view = page->findChild<QChartView *>(name);
    return view ? view->chart() : nullptr;
}

// Each bar set's label and the sum of its values.
QList<QPair<QString, qreal>> barTotals(const QChart *chart)
{
    QList<QPair<QString, qreal>> totals;
    const auto series = chart->series();
    if (series.size() != 1)
        return totals;
    const auto *bars = qobject_cast<const QStackedBarSeries *>(series.first());
    if (!bars)
        return totals;
    for (const QBarSet *set : bars->barSets()) {
        qreal sum = 0;
        for (int i = 0; i < set->count(); ++i)
            sum += set->at(i);
        totals.append({ set->label(), sum });
    }
    return totals;
}

// The days the horizontal axis spans, one unit each.
int dayCount(const QChart *chart)
{
    const auto axes = chart->axes(Qt::Horizontal);
    const auto *axis = axes.isEmpty() ? nullptr : qobject_cast<const QValueAxis *>(axes.first());
    return axis ? qRound(axis->max() - axis->min()) : -1;
}

QString text(const QWidget *page, const QString &name)
{
    const auto *label = page->findChild<QLabel *>(name);
    return label ? label->text() : QStringLiteral("(no %1)").arg(name);
}

} // namespace

class TestUsagePage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyStateWithoutRequests();
    void chartsHoldTheRealFigures();
    void readsOnlyWhileShown();
    void estimatedCostFromPrices();

private:
    std::unique_ptr<PageTraffic> m_traffic;
};

void TestUsagePage::init()
{
    m_traffic = std::make_unique<PageTraffic>();
    QVERIFY(m_traffic->start());
}

void TestUsagePage::cleanup()
{
    m_traffic.reset();
}

void TestUsagePage::emptyStateWithoutRequests()
{
    UsagePage page(m_traffic->gateway());
    QSignalSpy refreshed(&page, &UsagePage::refreshed);
    page.resize(1000, 800);
    page.show();
    QVERIFY(refreshed.wait());
    auto *empty = page.findChild<QLabel *>(QStringLiteral("usageEmptyState"));
    QVERIFY(empty && empty->isVisible());
    QVERIFY2(empty->text().startsWith(QStringLiteral("No requests in the last 7 days.")),
        qPrintable(empty->text()));
    QVERIFY(!page.findChild<QChartView *>(QStringLiteral("usageRequestsChart"))->isVisible());

    auto *period = page.findChild<QComboBox *>(QStringLiteral("usagePeriod"));
    period->setCurrentIndex(period->findText(QStringLiteral("Last 30 days")));
    QVERIFY(refreshed.wait());
    QVERIFY2(empty->text().startsWith(QStringLiteral("No requests in the last 30 days.")),
        qPrintable(empty->text()));
}

void TestUsagePage::chartsHoldTheRealFigures()
{
    UsagePage page(m_traffic->gateway());
    page.resize(1000, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    // Three answers of different speeds, so the percentiles differ.
    for (int delay : { 10, 150, 60 }) {
        m_traffic->setAlphaDelay(delay);
        QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    }
    QCOMPARE(m_traffic->chat(QStringLiteral("fast-model")), 429);
    QCOMPARE(m_traffic->chat(QStringLiteral("gpt-9")), 404);
    // The page reads again by itself, shortly after the requests.
    QTRY_COMPARE(page.report().totalRequests(), 5);

    QVERIFY(page.findChild<QChartView *>(QStringLiteral("usageRequestsChart"))->isVisible());
    QVERIFY(!page.findChild<QLabel *>(QStringLiteral("usageEmptyState"))->isVisible());
    QCOMPARE(text(&page, QStringLiteral("usageTotalRequests")), QStringLiteral("5"));
    QCOMPARE(text(&page, QStringLiteral("usageTotalErrors")), QStringLiteral("2"));
    QCOMPARE(text(&page, QStringLiteral("usageTotalTokens")), QStringLiteral("54"));

    const QString itself = QStringLiteral("Switchyard itself");
    const QString alpha = QStringLiteral("alpha");
    const QString beta = QStringLiteral("beta");
    QChart *requests = chartOf(&page, QStringLiteral("usageRequestsChart"));
    QChart *tokens = chartOf(&page, QStringLiteral("usageTokensChart"));
    QChart *latency = chartOf(&page, QStringLiteral("usageLatencyChart"));
    QVERIFY(requests && tokens && latency);
    QCOMPARE(
        barTotals(requests), (QList<QPair<QString, qreal>> { { itself, 1 }, { alpha, 3 }, { beta, 1 } }));
    QCOMPARE(barTotals(tokens), (QList<QPair<QString, qreal>> { { itself, 0 }, { alpha, 54 }, { beta, 0 } }));
    QCOMPARE(dayCount(requests), 7);
    // Everything happened today, the last bar.
    const auto *alphaSet = qobject_cast<QStackedBarSeries *>(requests->series().first())->barSets().at(1);
    QCOMPARE(alphaSet->count(), 7);
    QCOMPARE(alphaSet->at(6), 3.0);

    // Latency: the three successful requests' latencies as the log recorded them, nearest rank.
    QList<qint64> latencies;
    for (const RequestRecord &r : m_traffic->gateway()->requestLog()->recent(10)) {
        if (r.status < 400)
            latencies.append(r.latencyMs);
    }
    QCOMPARE(latencies.size(), 3);
    std::sort(latencies.begin(), latencies.end());
    const QList<qint64> expected { latencies.at(1), latencies.at(2), latencies.at(2) };
    QVERIFY(expected.at(0) >= 60 && expected.at(1) >= 150 && expected.at(0) < expected.at(1));
    const auto lines = latency->series();
    QCOMPARE(lines.size(), 3);
    const QStringList names { QStringLiteral("Median (p50)"), QStringLiteral("p90"), QStringLiteral("p99") };
    for (int i = 0; i < 3; ++i) {
        const auto *line = qobject_cast<QLineSeries *>(lines.at(i));
        QVERIFY(line);
        QCOMPARE(line->name(), names.at(i));
        QCOMPARE(line->count(), 1);
        QCOMPARE(line->at(0), QPointF(6, qreal(expected.at(i))));
    }

    // Thirty days: the same figures over thirty bars.
    QSignalSpy refreshed(&page, &UsagePage::refreshed);
    auto *period = page.findChild<QComboBox *>(QStringLiteral("usagePeriod"));
    period->setCurrentIndex(period->findText(QStringLiteral("Last 30 days")));
    QVERIFY(refreshed.wait());
    QCOMPARE(dayCount(requests), 30);
    QCOMPARE(dayCount(latency), 30);
    QCOMPARE(qobject_cast<QStackedBarSeries *>(requests->series().first())->barSets().at(1)->at(29), 3.0);
    QCOMPARE(
        barTotals(requests), (QList<QPair<QString, qreal>> { { itself, 1 }, { alpha, 3 }, { beta, 1 } }));
    QCOMPARE(page.report().dayCount(), 30);
}

void TestUsagePage::readsOnlyWhileShown()
{
    UsagePage page(m_traffic->gateway());
    QSignalSpy refreshed(&page, &UsagePage::refreshed);
    // Never shown: nothing is read.
    QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    QTest::qWait(1500);
    QCOMPARE(refreshed.count(), 0);

    page.show();
    QVERIFY(refreshed.wait());
    QCOMPARE(page.report().totalRequests(), 1);

    page.hide();
    refreshed.clear();
    QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    QTest::qWait(1500);
    QCOMPARE(refreshed.count(), 0);
    QCOMPARE(page.report().totalRequests(), 1);

    // Shown again: read at once.
    page.show();
    QVERIFY(refreshed.wait());
    QCOMPARE(page.report().totalRequests(), 2);
}

void TestUsagePage::estimatedCostFromPrices()
{
    UsagePage page(m_traffic->gateway());
    page.resize(1000, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    QTRY_COMPARE(page.report().totalRequests(), 1);
    // No prices in the config: no cost to show.
    auto *cost = page.findChild<QLabel *>(QStringLiteral("usageEstimatedCost"));
    QVERIFY(cost && !cost->isVisible());

    Config config = m_traffic->gateway()->config();
    config.prices.insert(QStringLiteral("pro-model"), ModelPrice{1000, 2000});
    MemorySecretStore store;
    resolveProviderKeys(config, &store, [&](const ResolvedKeys &keys) { m_traffic->gateway()->applyConfig(config, keys); });
    QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    QCOMPARE(m_traffic->chat(QStringLiteral("fast-model")), 429);
    QTRY_COMPARE(page.report().totalRequests(), 3);
    // 22 prompt tokens at 1000 per million and 14 completion tokens at 2000 per million.
    QVERIFY(cost->isVisible());
    QCOMPARE(cost->text(), QLocale().toString((22 * 1000.0 + 14 * 2000.0) / 1e6, 'f', 4));
}

QTEST_MAIN(TestUsagePage)
#include "tst_usagepage.moc"
