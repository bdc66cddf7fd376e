// The pure token rules, table by table: what users type (ranges, expiries, periods) and how a client address
// is matched.
#include "tokennamed.h"
#include "tokens/tokenrules.h"

#include <QDateTime>
#include <QTest>

#include <functional>

class TestTokenRules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cidrs_data();
    void cidrs();
    void expiry_data();
    void expiry();
    void periodsFollowTheLocalCalendar();
    void validateTrimsAndRefuses();
};

void TestTokenRules::cidrs_data()
{
    QTest::addColumn<QString>("ranges");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("no ranges: any") << QString() << QStringLiteral("203.0.113.9") << true;
    QTest::newRow("v4 inside") << QStringLiteral("10.0.0.0/8") << QStringLiteral("10.20.30.40") << true;
    QTest::newRow("v4 outside") << QStringLiteral("10.0.0.0/8") << QStringLiteral("11.0.0.1") << false;
    QTest::newRow("v4 single") << QStringLiteral("192.168.1.7") << QStringLiteral("192.168.1.7") << true;
    QTest::newRow("v4 single other") << QStringLiteral("192.168.1.7") << QStringLiteral("192.168.1.8") << false;
    QTest::newRow("v4-mapped peer") << QStringLiteral("127.0.0.0/8") << QStringLiteral("::ffff:127.0.0.1") << true;
    QTest::newRow("v6 inside") << QStringLiteral("fd00::/8") << QStringLiteral("fd12:3456::1") << true;
    QTest::newRow("v6 outside") << QStringLiteral("fd00::/8") << QStringLiteral("2001:db8::1") << false;
    QTest::newRow("v6 loopback") << QStringLiteral("::1/128") << QStringLiteral("::1") << true;
    QTest::newRow("v4 range, v6 peer") << QStringLiteral("127.0.0.0/8") << QStringLiteral("::1") << false;
    QTest::newRow("several") << QStringLiteral("10.0.0.0/8,fd00::/8,192.168.0.0/16") << QStringLiteral("192.168.5.5")
                             << true;
}

void TestTokenRules::cidrs()
{
    QFETCH(QString, ranges);
    QFETCH(QString, peer);
    QFETCH(bool, allowed);
    QList<TokenRules::Subnet> subnets;
    for (const QString &r : ranges.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto subnet = TokenRules::parseCidr(r);
        QVERIFY2(subnet, qPrintable(r));
        subnets << *subnet;
    }
    QCOMPARE(TokenRules::addressAllowed(QHostAddress(peer), subnets), allowed);
}

void TestTokenRules::expiry_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: refused
    const qint64 now = QDateTime(QDate(2026, 11, 23), QTime(13, 0)).toMSecsSinceEpoch();
    QTest::newRow("days") << QStringLiteral("30d") << now + 30 * 86'400'000LL;
    QTest::newRow("hours") << QStringLiteral("12h") << now + 12 * 3'600'000LL;
    QTest::newRow("minutes") << QStringLiteral("15m") << now + 15 * 60'000LL;
    QTest::newRow("date: through that day")
        << QStringLiteral("2026-12-31") << QDate(2027, 1, 1).startOfDay().toMSecsSinceEpoch();
    QTest::newRow("date-time UTC") << QStringLiteral("2026-12-31T18:00:00Z")
                                   << QDateTime(QDate(2026, 12, 31), QTime(18, 0), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("zero duration") << QStringLiteral("0d") << -1LL;
    QTest::newRow("words") << QStringLiteral("next week") << -1LL;
    QTest::newRow("bad date") << QStringLiteral("2026-02-30") << -1LL;
    QTest::newRow("unit missing") << QStringLiteral("30") << -1LL;
}

void TestTokenRules::expiry()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const qint64 now = QDateTime(QDate(2026, 11, 23), QTime(13, 0)).toMSecsSinceEpoch();
    QString error;
    const std::optional<qint64> got = TokenRules::parseExpiry(text, now, &error);
    if (expected < 0) {
        QVERIFY(!got);
        QVERIFY(error.contains(text));
    } else {
        QVERIFY2(got, qPrintable(error));
        QCOMPARE(*got, expected);
    }
}

void TestTokenRules::periodsFollowTheLocalCalendar()
{
    const qint64 t = QDateTime(QDate(2026, 2, 14), QTime(15, 30)).toMSecsSinceEpoch();
    QCOMPARE(TokenRules::periodStartMs(QuotaPeriod::Day, t), QDate(2026, 2, 14).startOfDay().toMSecsSinceEpoch());
    QCOMPARE(TokenRules::periodEndMs(QuotaPeriod::Day, t), QDate(2026, 2, 15).startOfDay().toMSecsSinceEpoch());
    QCOMPARE(TokenRules::periodStartMs(QuotaPeriod::Month, t), QDate(2026, 2, 1).startOfDay().toMSecsSinceEpoch());
    QCOMPARE(TokenRules::periodEndMs(QuotaPeriod::Month, t), QDate(2026, 3, 1).startOfDay().toMSecsSinceEpoch());
    const qint64 december = QDateTime(QDate(2026, 12, 31), QTime(23, 59)).toMSecsSinceEpoch();
    QCOMPARE(TokenRules::periodEndMs(QuotaPeriod::Month, december), QDate(2027, 1, 1).startOfDay().toMSecsSinceEpoch());
    QCOMPARE(TokenRules::parsePeriod(QStringLiteral("Day")), QuotaPeriod::Day);
    QCOMPARE(TokenRules::parsePeriod(QStringLiteral("month")), QuotaPeriod::Month);
    QVERIFY(!TokenRules::parsePeriod(QStringLiteral("week")));
    QCOMPARE(TokenRules::expiryText(QDate(2027, 1, 1).startOfDay().toMSecsSinceEpoch()), QStringLiteral("2026-12-31"));
}

void TestTokenRules::validateTrimsAndRefuses()
{
    TokenRecord t = tokenNamed(QStringLiteral("  ci  "), [](TokenRecord &r) {
        r.models = {QStringLiteral(" m1 "), QString(), QStringLiteral("m1")};
        r.cidrs = {QStringLiteral(" 10.0.0.0/8 ")};
    });
    QString error;
    QVERIFY2(TokenRules::validate(t, &error), qPrintable(error));
    QCOMPARE(t.name, QStringLiteral("ci"));
    QCOMPARE(t.models, QStringList{QStringLiteral("m1")});
    QCOMPARE(t.cidrs, QStringList{QStringLiteral("10.0.0.0/8")});

    TokenRecord badRange = tokenNamed(QStringLiteral("x"), [](TokenRecord &r) { r.cidrs = {QStringLiteral("10.0.0.0/40")}; });
    QVERIFY(!TokenRules::validate(badRange, &error));
    QVERIFY(error.contains(QStringLiteral("10.0.0.0/40")));
    TokenRecord noName;
    QVERIFY(!TokenRules::validate(noName, &error));
    TokenRecord lineBreak = tokenNamed(QStringLiteral("a\nb"));
    QVERIFY(!TokenRules::validate(lineBreak, &error));
}

QTEST_GUILESS_MAIN(TestTokenRules)
#include "tst_tokenrules.moc"
