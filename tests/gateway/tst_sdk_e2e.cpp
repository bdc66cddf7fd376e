#include "fakeproviders.h"
#include "gatewayfixture.h"
#include "server/accesscontrol.h"
#include "testhttp.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

// The official openai and @anthropic-ai/sdk npm packages against the real gateway, each SDK on providers of
// all three formats (so through every direction of translation). The scripts live in tests/e2e; ./dev test
// installs their packages (npm ci) before the suite runs.

namespace {

constexpr const char *token = "sy-e2e-token-7f3a";

// The gateway in front of the three fakes needs an access token, so the SDKs' key handling is exercised too.
Config configOf(const FakeProviders &fakes)
{
    Config config;
    config.providers = fakes.providers;
    config.gateway.accessTokens << AccessToken{QStringLiteral("e2e"), AccessControl::hashToken(token)};
    return config;
}

} // namespace

class TestSdkEndToEnd final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sdk_data();
    void sdk();
};

void TestSdkEndToEnd::initTestCase()
{
    const QString modules = QStringLiteral(SWITCHYARD_E2E_DIR "/node_modules");
    QVERIFY2(QFileInfo::exists(modules + QStringLiteral("/openai/package.json"))
                 && QFileInfo::exists(modules + QStringLiteral("/@anthropic-ai/sdk/package.json")),
             "The SDKs are not installed: run ./dev test (it runs npm ci in tests/e2e).");
}

void TestSdkEndToEnd::sdk_data()
{
    QTest::addColumn<QString>("script");
    QTest::newRow("openai") << QStringLiteral("openai-sdk.mjs");
    QTest::newRow("anthropic") << QStringLiteral("anthropic-sdk.mjs");
}

void TestSdkEndToEnd::sdk()
{
    QFETCH(QString, script);
    FakeProviders fakes;
    QVERIFY(fakes.start());
    GatewayFixture fx;
    QVERIFY(fx.start(configOf(fakes)));

    // The gateway runs in this process, so node must run beside the event loop, not block it.
    QProcess node;
    node.setWorkingDirectory(QStringLiteral(SWITCHYARD_E2E_DIR));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SWITCHYARD_BASE_URL"), QStringLiteral("http://127.0.0.1:%1").arg(fx.gateway()->port()));
    env.insert(QStringLiteral("SWITCHYARD_TOKEN"), QString::fromLatin1(token));
    env.insert(QStringLiteral("MODELS"), QStringLiteral("m-openai,m-anthropic,m-gemini"));
    env.insert(QStringLiteral("EMBEDDING_MODEL"), QStringLiteral("m-openai"));
    node.setProcessEnvironment(env);
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.start(QStringLiteral("node"), {script});
    QVERIFY2(node.waitForStarted(10'000), qPrintable(node.errorString()));
    QVERIFY(TestHttp::waitUntil([&] { return node.state() == QProcess::NotRunning; }, 120'000));
    const QByteArray output = node.readAll();
    const bool passed = node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0;
    if (!passed)
        qWarning().noquote() << output;
    QVERIFY2(passed, qPrintable(QStringLiteral("%1 exited with %2").arg(script).arg(node.exitCode())));
    QVERIFY(output.contains("checks passed"));
    QVERIFY(!output.contains("not ok"));
    // Every provider format was really used.
    QVERIFY(fakes.openAi.requestCount() > 0);
    QVERIFY(fakes.anthropic.requestCount() > 0);
    QVERIFY(fakes.gemini.requestCount() > 0);
}

QTEST_GUILESS_MAIN(TestSdkEndToEnd)
#include "tst_sdk_e2e.moc"
