// The real `switchyard token ...` binary against the data dir of a running in-process gateway: what it
// creates is accepted within 2 s (the gateway's data_version poll), what it revokes or disables is refused as
// soon, and bad input ends with a non-zero code and a message that says what to fix.
#include "fakeupstream.h"
#include "gatewayfixture.h"
#include "testhttp.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run token(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(SWITCHYARD_BINARY), QStringList{QStringLiteral("token")} + arguments);
    Run r;
    if (!process.waitForFinished(30'000)) {
        process.kill();
        process.waitForFinished();
        return r;
    }
    r.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

QByteArray chatBody()
{
    return R"({"model":"m1","messages":[{"role":"user","content":"hi"}]})";
}

} // namespace

class TestTokenCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createdTokenIsAcceptedWithinTwoSeconds();
    void listShowsLimitsNeverSecrets();
    void badInputExitsNonZero_data();
    void badInputExitsNonZero();
    void onlyCreateMakesAStore();

private:
    int chat(const QByteArray &secret);
    // Waits for the gateway to re-read its tokens (the poll), at most 2 s after the command ended.
    bool gatewaySeesChange();

    std::unique_ptr<FakeUpstream> m_upstream;
    std::unique_ptr<GatewayFixture> m_fx;
};

void TestTokenCli::init()
{
    m_upstream = std::make_unique<FakeUpstream>();
    QVERIFY(m_upstream->start());
    m_fx = std::make_unique<GatewayFixture>();
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("up"), m_upstream->baseUrl(), QStringLiteral("m1"),
                                                 QStringLiteral("local"));
    QString error;
    QVERIFY2(m_fx->start(config, &error), qPrintable(error));
}

void TestTokenCli::cleanup()
{
    m_fx.reset();
    m_upstream.reset();
}

int TestTokenCli::chat(const QByteArray &secret)
{
    TestHttp::Headers headers;
    if (!secret.isEmpty())
        headers << qMakePair(QByteArray("Authorization"), "Bearer " + secret);
    return TestHttp::post(m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(), headers).status;
}

bool TestTokenCli::gatewaySeesChange()
{
    QSignalSpy changed(m_fx->gateway(), &Gateway::tokensChanged);
    QElapsedTimer timer;
    timer.start();
    return changed.wait(2'000) && timer.elapsed() <= 2'000;
}

void TestTokenCli::createdTokenIsAcceptedWithinTwoSeconds()
{
    const QString dir = m_fx->dataDir();
    QCOMPARE(chat({}), 200); // no token anywhere yet: a loopback gateway is open

    const Run created = token({QStringLiteral("create"), QStringLiteral("--data-dir"), dir, QStringLiteral("--name"),
                               QStringLiteral("ci"), QStringLiteral("--rpm"), QStringLiteral("100")});
    QCOMPARE(created.code, 0);
    const QByteArray secret = created.out.trimmed();
    QVERIFY2(secret.startsWith("sy-") && secret.size() > 40, created.out);
    QVERIFY2(created.err.contains("only time"), created.err);
    QVERIFY(gatewaySeesChange());
    QCOMPARE(chat(secret), 200);
    QCOMPARE(chat({}), 401); // now that a token exists, one is needed

    QCOMPARE(token({QStringLiteral("disable"), QStringLiteral("ci"), QStringLiteral("--data-dir"), dir}).code, 0);
    QVERIFY(gatewaySeesChange());
    QCOMPARE(chat(secret), 401);
    QCOMPARE(token({QStringLiteral("enable"), QStringLiteral("ci"), QStringLiteral("--data-dir"), dir}).code, 0);
    QVERIFY(gatewaySeesChange());
    QCOMPARE(chat(secret), 200);

    // Keep one other token, so the gateway still needs one after the revoke.
    QCOMPARE(token({QStringLiteral("create"), QStringLiteral("--data-dir"), dir, QStringLiteral("--name"),
                    QStringLiteral("spare")}).code, 0);
    QVERIFY(gatewaySeesChange());
    const Run revoked = token({QStringLiteral("revoke"), QStringLiteral("ci"), QStringLiteral("--data-dir"), dir});
    QCOMPARE(revoked.code, 0);
    QVERIFY(gatewaySeesChange());
    QCOMPARE(chat(secret), 401);

    const Run again = token({QStringLiteral("revoke"), QStringLiteral("ci"), QStringLiteral("--data-dir"), dir});
    QCOMPARE(again.code, 2);
    QVERIFY2(again.err.contains("no token named 'ci'"), again.err);
}

void TestTokenCli::listShowsLimitsNeverSecrets()
{
    const QString dir = m_fx->dataDir();
    const Run created = token({QStringLiteral("create"), QStringLiteral("--data-dir"), dir, QStringLiteral("--name"),
                               QStringLiteral("web-app"), QStringLiteral("--expires"), QStringLiteral("2099-12-31"),
                               QStringLiteral("--models"), QStringLiteral("m1,m2"), QStringLiteral("--cidr"),
                               QStringLiteral("10.0.0.0/8,fd00::/8"), QStringLiteral("--rpm"), QStringLiteral("60"),
                               QStringLiteral("--quota-requests"), QStringLiteral("1000"), QStringLiteral("--quota-tokens"),
                               QStringLiteral("50000"), QStringLiteral("--quota-period"), QStringLiteral("day")});
    QCOMPARE(created.code, 0);
    const QByteArray secret = created.out.trimmed();
    const Run listed = token({QStringLiteral("list"), QStringLiteral("--data-dir"), dir});
    QCOMPARE(listed.code, 0);
    for (const char *expected : {"web-app", "active", "2099-12-31", "m1,m2", "10.0.0.0/8,fd00::/8", "60",
                                 "1000 req + 50000 tok/day", "0 req, 0 tok"})
        QVERIFY2(listed.out.contains(expected), listed.out);
    QVERIFY(!listed.out.contains(secret));
    QVERIFY(!listed.err.contains(secret));
}

void TestTokenCli::badInputExitsNonZero_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no name") << QStringList{QStringLiteral("create")} << QByteArray("give the token a name");
    QTest::newRow("bad cidr") << QStringList{QStringLiteral("create"), QStringLiteral("--name=x"), QStringLiteral("--cidr"),
                                             QStringLiteral("10.0.0.0/99")}
                              << QByteArray("not an address range");
    QTest::newRow("bad expiry") << QStringList{QStringLiteral("create"), QStringLiteral("--name=x"),
                                               QStringLiteral("--expires"), QStringLiteral("soon")}
                                << QByteArray("--expires");
    QTest::newRow("past expiry") << QStringList{QStringLiteral("create"), QStringLiteral("--name=x"),
                                                QStringLiteral("--expires"), QStringLiteral("2001-01-01")}
                                 << QByteArray("passed");
    QTest::newRow("bad rpm") << QStringList{QStringLiteral("create"), QStringLiteral("--name=x"), QStringLiteral("--rpm=abc")}
                             << QByteArray("--rpm");
    QTest::newRow("bad period") << QStringList{QStringLiteral("create"), QStringLiteral("--name=x"),
                                               QStringLiteral("--quota-requests=5"), QStringLiteral("--quota-period=week")}
                                << QByteArray("day or month");
    QTest::newRow("period without quota") << QStringList{QStringLiteral("create"), QStringLiteral("--name=x"),
                                                         QStringLiteral("--quota-period=day")}
                                          << QByteArray("needs --quota-requests");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("create"), QStringLiteral("--name=x"),
                                                   QStringLiteral("--colour=red")}
                                    << QByteArray("colour");
    QTest::newRow("revoke without name") << QStringList{QStringLiteral("revoke")} << QByteArray("usage");
}

void TestTokenCli::badInputExitsNonZero()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Run r = token(arguments + QStringList{QStringLiteral("--data-dir"), m_fx->dataDir()});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), r.err);
    QVERIFY(r.out.isEmpty());
    // Nothing was stored: a duplicate name check proves the store is still empty.
    const Run listed = token({QStringLiteral("list"), QStringLiteral("--data-dir"), m_fx->dataDir()});
    QVERIFY2(listed.err.contains("no access tokens"), listed.err);
}

void TestTokenCli::onlyCreateMakesAStore()
{
    QTemporaryDir empty;
    const QString dir = empty.filePath(QStringLiteral("mistyped"));
    const Run listed = token({QStringLiteral("list"), QStringLiteral("--data-dir"), dir});
    QCOMPARE(listed.code, 0);
    QVERIFY2(listed.err.contains("no access tokens"), listed.err);
    const Run revoked = token({QStringLiteral("revoke"), QStringLiteral("ci"), QStringLiteral("--data-dir"), dir});
    QCOMPARE(revoked.code, 2);
    QVERIFY2(revoked.err.contains("no token store"), revoked.err);
    QVERIFY(!QFileInfo::exists(dir));
    QCOMPARE(token({QStringLiteral("create"), QStringLiteral("--name=ci"), QStringLiteral("--data-dir"), dir}).code, 0);
    QVERIFY(QFileInfo::exists(dir + QStringLiteral("/tokens.sqlite")));
}

QTEST_GUILESS_MAIN(TestTokenCli)
#include "tst_tokencli.moc"
