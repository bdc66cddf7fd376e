// RequestLog::usage() against a real SQLite file: per-provider counts and tokens per local day, day bounds in
// local time (daylight saving time included), and nearest-rank latency percentiles.
#include "storage/requestlog.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

namespace {

RequestRecord at(const QDate &day, const QTime &time, const QString &provider, int status, qint64 latencyMs,
    qint64 prompt = -1, qint64 completion = -1)
{
    RequestRecord r;
    r.timeMs = QDateTime(day, time).toMSecsSinceEpoch();
    r.client = QStringLiteral("127.0.0.1");
    r.endpoint = QStringLiteral("/v1/chat/completions");
    r.publicModel = QStringLiteral("pro-model");
    r.provider = provider;
    r.status = status;
    r.latencyMs = latencyMs;
    r.promptTokens = prompt;
    r.completionTokens = completion;
    return r;
}

UsageCell cell(const QDate &day, const QString &provider, qint64 requests, qint64 errors, qint64 prompt,
    qint64 completion)
{
    return UsageCell { day, provider, requests, errors, prompt, completion };
}

} // namespace

class TestUsageReport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void perProviderPerLocalDay();
    void latencyPercentiles();
    void periodEndsTodayByDefault();
    void laterAnswersInOrderAndSkipsGoneContexts();
    void closedLogSaysSo();

private:
    void recordAll(const QList<RequestRecord> &records);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RequestLog> m_log;
};

void TestUsageReport::initTestCase()
{
    // Central European time, rules spelled out so no tz database is needed: 2024-03-31 has 23 hours, and a
    // local day starts at 23:00 or 22:00 UTC the evening before.
    qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3");
    tzset();
    QCOMPARE(QDateTime(QDate(2024, 3, 28), QTime(0, 0)).toUTC(),
        QDateTime(QDate(2024, 3, 27), QTime(23, 0), Qt::UTC));
    QCOMPARE(QDateTime(QDate(2024, 4, 1), QTime(0, 0)).toUTC(),
        QDateTime(QDate(2024, 3, 31), QTime(22, 0), Qt::UTC));
}

void TestUsageReport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_log = std::make_unique<RequestLog>();
    QString error;
    QVERIFY2(m_log->open(m_dir->filePath(QStringLiteral("requests.sqlite")), &error), qPrintable(error));
    // The records are from 2024: keep them past the default 30 days.
    m_log->setRetention(100'000, 200'000);
}

void TestUsageReport::cleanup()
{
    m_log.reset();
    m_dir.reset();
}

void TestUsageReport::recordAll(const QList<RequestRecord> &records)
{
    for (const RequestRecord &r : records)
        m_log->record(r);
}

void TestUsageReport::perProviderPerLocalDay()
{
    const QString alpha = QStringLiteral("alpha");
    const QString beta = QStringLiteral("beta");
    const QDate d27(2024, 3, 27), d28(2024, 3, 28), d29(2024, 3, 29), d31(2024, 3, 31), d01(2024, 4, 1),
        d02(2024, 4, 2);
    QList<RequestRecord> records {
        // Just outside the period on both ends.
        at(d27.addDays(-1), QTime(23, 59, 59, 999), alpha, 200, 10, 1000, 1000),
        at(d02.addDays(1), QTime(0, 0), alpha, 200, 10, 1000, 1000),
        // The first millisecond and the last millisecond of the 27th.
        at(d27, QTime(0, 0), alpha, 200, 20, 1, 1),
        at(d27, QTime(23, 59, 59, 999), alpha, 200, 10, 5, 3),
        at(d27, QTime(12, 0), beta, 503, 900),
        // The 28th starts at 23:00 UTC on the 27th: in UTC these would count for the 27th.
        at(d28, QTime(0, 0), alpha, 200, 30, 7, -1),
        at(d28, QTime(0, 10), QString(), 404, 1),
        at(d28, QTime(0, 20), beta, 499, 250, 4, 2),
        // The 31st has 23 hours: a day counted as 24 h from the 27th would take in 00:30 on 1 April.
        at(d31, QTime(23, 30), beta, 200, 40, 10, 20),
        at(d01, QTime(0, 30), alpha, 200, 50, 3, 4),
        at(d02, QTime(9, 0), alpha, 200, 30),
        at(d02, QTime(9, 1), alpha, 200, 10),
        at(d02, QTime(9, 2), alpha, 200, 20),
        at(d29, QTime(18, 0), beta, 500, 5000),
    };
    for (int ms = 1; ms <= 100; ++ms)
        records.append(at(d29, QTime(8, 0).addSecs(ms), alpha, 200, ms, 1, 2));
    recordAll(records);

    const UsageReport report = m_log->usage(7, d02);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.firstDay, d27);
    QCOMPARE(report.lastDay, d02);
    QCOMPARE(report.dayCount(), 7);
    const QList<UsageCell> expected {
        cell(d27, alpha, 2, 0, 6, 4),
        cell(d27, beta, 1, 1, 0, 0),
        cell(d28, QString(), 1, 1, 0, 0),
        cell(d28, alpha, 1, 0, 7, 0),
        cell(d28, beta, 1, 1, 4, 2),
        cell(d29, alpha, 100, 0, 100, 200),
        cell(d29, beta, 1, 1, 0, 0),
        cell(d31, beta, 1, 0, 10, 20),
        cell(d01, alpha, 1, 0, 3, 4),
        cell(d02, alpha, 3, 0, 0, 0),
    };
    QCOMPARE(report.cells.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const UsageCell &got = report.cells.at(i);
        const QByteArray where = got.day.toString(Qt::ISODate).toUtf8() + ' ' + got.provider.toUtf8();
        QVERIFY2(got == expected.at(i), where.constData());
    }
    QCOMPARE(report.totalRequests(), 112);
    QCOMPARE(report.totalErrors(), 4);
    QCOMPARE(report.totalPromptTokens(), 130);
    QCOMPARE(report.totalCompletionTokens(), 230);
    QCOMPARE(report.providers(), QStringList({ QString(), alpha, beta }));

    // A period of one day holds that day only.
    const UsageReport one = m_log->usage(1, d28);
    QCOMPARE(one.cells.size(), 3);
    QCOMPARE(one.totalRequests(), 3);
}

void TestUsageReport::latencyPercentiles()
{
    const QString alpha = QStringLiteral("alpha");
    const QDate d1(2024, 5, 1), d2(2024, 5, 2), d3(2024, 5, 3), d4(2024, 5, 4);
    QList<RequestRecord> records;
    // 1..100 ms in scrambled order.
    for (int i = 0; i < 100; ++i)
        records.append(at(d1, QTime(10, 0).addSecs(i), alpha, 200, (i * 37) % 100 + 1));
    // Three samples: nearest rank gives 20/30/30 where interpolation would give 20/28/29.8. The failures are
    // left out, however slow or fast.
    records << at(d2, QTime(10, 0), alpha, 200, 30) << at(d2, QTime(10, 1), alpha, 200, 10)
            << at(d2, QTime(10, 2), alpha, 201, 20) << at(d2, QTime(10, 3), alpha, 500, 60'000)
            << at(d2, QTime(10, 4), QString(), 401, 0) << at(d2, QTime(10, 5), alpha, 499, 1);
    // One sample is every percentile.
    records << at(d3, QTime(10, 0), alpha, 200, 777);
    // Only failures: no latency for that day.
    records << at(d4, QTime(10, 0), alpha, 502, 5);
    recordAll(records);

    const UsageReport report = m_log->usage(4, d4);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    const QList<DayLatency> expected {
        DayLatency { d1, 100, 50, 90, 99 },
        DayLatency { d2, 3, 20, 30, 30 },
        DayLatency { d3, 1, 777, 777, 777 },
    };
    QCOMPARE(report.latency.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const DayLatency &got = report.latency.at(i);
        QCOMPARE(got.day, expected.at(i).day);
        QCOMPARE(got.samples, expected.at(i).samples);
        QCOMPARE(got.p50Ms, expected.at(i).p50Ms);
        QCOMPARE(got.p90Ms, expected.at(i).p90Ms);
        QCOMPARE(got.p99Ms, expected.at(i).p99Ms);
    }
    QCOMPARE(report.totalRequests(), 108);
    QCOMPARE(report.totalErrors(), 4);
}

void TestUsageReport::periodEndsTodayByDefault()
{
    RequestRecord now
        = at(QDate::currentDate(), QTime::currentTime(), QStringLiteral("alpha"), 200, 42, 11, 7);
    m_log->record(now);
    const UsageReport report = m_log->usage(30);
    QCOMPARE(report.lastDay, QDate::currentDate());
    QCOMPARE(report.firstDay, QDate::currentDate().addDays(-29));
    QCOMPARE(report.totalRequests(), 1);
    QCOMPARE(report.totalPromptTokens(), 11);
    QCOMPARE(report.totalCompletionTokens(), 7);
    QCOMPARE(report.latency.size(), 1);
    QCOMPARE(report.latency.first().p99Ms, 42);
    // Out-of-range periods are clamped rather than refused.
    QCOMPARE(m_log->usage(0).dayCount(), 1);
    QCOMPARE(m_log->usage(10'000).dayCount(), 366);
}

void TestUsageReport::laterAnswersInOrderAndSkipsGoneContexts()
{
    const QDate day(2024, 6, 10);
    recordAll({ at(day, QTime(9, 0), QStringLiteral("alpha"), 200, 5, 2, 3),
        at(day.addDays(-3), QTime(9, 0), QStringLiteral("alpha"), 200, 5, 2, 3) });
    QList<qint64> answers;
    QObject context;
    auto gone = std::make_unique<QObject>();
    bool goneCalled = false;
    m_log->usageLater(
        7, &context, [&](const UsageReport &r) { answers.append(r.totalRequests()); }, day);
    m_log->usageLater(
        7, gone.get(), [&](const UsageReport &) { goneCalled = true; }, day);
    gone.reset();
    m_log->usageLater(
        1, &context, [&](const UsageReport &r) { answers.append(r.totalRequests()); }, day);
    QTRY_COMPARE(answers.size(), 2);
    QCOMPARE(answers, QList<qint64>({ 2, 1 }));
    QTest::qWait(50);
    QVERIFY(!goneCalled);
}

void TestUsageReport::closedLogSaysSo()
{
    RequestLog unopened;
    const UsageReport report = unopened.usage(7);
    QVERIFY(!report.error.isEmpty());
    QVERIFY(report.cells.isEmpty());
}

QTEST_GUILESS_MAIN(TestUsageReport)
#include "tst_usagereport.moc"
