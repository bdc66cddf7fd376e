// The real binary, started the way a user or a service manager starts it.
#include "colinkdoubles.h"
#include "fakeupstream.h"
#include "testhttp.h"

#include <QJsonArray>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestHeadless final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void colinkConfigServesAndStopsCleanly();
    void colinkClientConfigJoinsItsServer();
    void brokenConfigFailsWithFileAndLine();
    void nonLoopbackWithoutTokensIsRefused();
    void tokenHash();
    // How the binary chooses between its window and headless (Linux: the window lives in a module).
    void headlessRunMapsNoGuiLibrary();
    void desktopRunLoadsTheModuleAndServes();
    void missingDesktopModuleFallsBackToHeadless();

private:
    struct Running {
        QString base;      // http://127.0.0.1:PORT
        QByteArray err;    // stderr so far
        QByteArray maps;   // /proc/PID/maps once it listens
    };
    // Starts the binary with these arguments (a config with no provider and a temporary data dir are added) and
    // waits until it says where it listens.
    static bool startAndWait(QProcess &process, const QTemporaryDir &dir, QStringList arguments,
                             const QProcessEnvironment &environment, Running *running,
                             const QString &binary = QStringLiteral(SWITCHYARD_BINARY));
    static bool stopCleanly(QProcess &process);
    // The environment with a display to open the window on: Qt's offscreen platform.
    static QProcessEnvironment withDisplay();
    static QString writeFile(const QTemporaryDir &dir, const QByteArray &content);
    // A Co-Link client config.yaml as its guide prints it, for one provider at upstreamUrl.
    static QByteArray colinkClientConfig(const QString &upstreamUrl, const QString &serverUrl = {});
    static void startHeadless(QProcess &process, const QString &config, const QTemporaryDir &dir);
};

QByteArray TestHeadless::colinkClientConfig(const QString &upstreamUrl, const QString &serverUrl)
{
    return QStringLiteral(R"(client_token: "client-dropin-0123456789"
%2max_parallel: 3

providers:
  - type: "openai"
    api_key: "sk-colink-literal"
    base_url: "%1"
    models:
      - local: "deepseek-chat"
        server_mapping: "pro-model"
)")
        .arg(upstreamUrl, serverUrl.isEmpty() ? QString() : QStringLiteral("server_url: \"%1\"\n").arg(serverUrl))
        .toUtf8();
}

void TestHeadless::startHeadless(QProcess &process, const QString &config, const QTemporaryDir &dir)
{
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(SWITCHYARD_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--config"), config, QStringLiteral("--listen"),
                   QStringLiteral("127.0.0.1:0"), QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data"))});
}

QString TestHeadless::writeFile(const QTemporaryDir &dir, const QByteArray &content)
{
    const QString path = dir.filePath(QStringLiteral("config.yaml"));
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(content);
    return path;
}

void TestHeadless::colinkConfigServesAndStopsCleanly()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    QTemporaryDir dir;
    // A Co-Link client config, unchanged in form.
    const QString config = writeFile(dir, colinkClientConfig(upstream.baseUrl()));

    QProcess process;
    startHeadless(process, config, dir);
    QVERIFY(process.waitForStarted());
    QByteArray err;
    static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)/v1"));
    QRegularExpressionMatch match;
    QVERIFY2(TestHttp::waitUntil([&] {
                 err += process.readAllStandardError();
                 match = listening.match(QString::fromUtf8(err));
                 return match.hasMatch();
             }, 10'000),
             err.constData());
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(match.captured(1));

    const auto health = TestHttp::get(QUrl(base + QStringLiteral("/health")));
    QCOMPARE(health.status, 200);
    const auto chat = TestHttp::post(QUrl(base + QStringLiteral("/v1/chat/completions")),
                                     R"({"model":"pro-model","messages":[{"role":"user","content":"hi"}]})");
    QCOMPARE(chat.status, 200);
    QCOMPARE(upstream.received().first().json.value(QLatin1String("model")).toString(), QStringLiteral("deepseek-chat"));
    QCOMPARE(upstream.received().first().headers.value("authorization"), QByteArray("Bearer sk-colink-literal"));

    process.terminate(); // SIGTERM
    QVERIFY(TestHttp::waitUntil([&] { return process.state() == QProcess::NotRunning; }, 10'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    err += process.readAllStandardError();
    QVERIFY(err.contains("stopped"));
    QVERIFY2(!err.contains("sk-colink-literal"), "the key reached the log");
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("data/requests.sqlite"))));
}

void TestHeadless::colinkClientConfigJoinsItsServer()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    FakeColinkServer server;
    QVERIFY(server.start());
    QTemporaryDir dir;
    // What a Co-Link user already has next to the reference client: it joins the server the same way.
    const QString config = writeFile(dir, colinkClientConfig(upstream.baseUrl(), server.url()));

    QProcess process;
    startHeadless(process, config, dir);
    QVERIFY(process.waitForStarted());
    QByteArray err;
    QVERIFY2(TestHttp::waitUntil([&] {
                 err += process.readAllStandardError();
                 return !server.framesOfType(QStringLiteral("REGISTER")).isEmpty();
             }, 10'000),
             err.constData());
    QCOMPARE(server.lastTokenHeader(), QByteArray("client-dropin-0123456789"));
    const QJsonObject registration = server.framesOfType(QStringLiteral("REGISTER")).first().data;
    QCOMPARE(registration.value(QLatin1String("max_parallel")).toInt(), 3);
    QCOMPARE(registration.value(QLatin1String("models")).toArray(), QJsonArray{QStringLiteral("pro-model")});

    server.sendCall(QStringLiteral("req-dropin"), QStringLiteral("pro-model"),
                    QJsonObject{{QStringLiteral("model"), QStringLiteral("pro-model")},
                                {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                                    {QStringLiteral("content"), QStringLiteral("hi")}}}}});
    QVERIFY(TestHttp::waitUntil([&] {
        const auto frames = server.framesFor(QStringLiteral("req-dropin"));
        return !frames.isEmpty() && frames.last().type == QLatin1String("FINISH");
    }));
    QCOMPARE(server.framesFor(QStringLiteral("req-dropin")).size(), 2);
    QCOMPARE(upstream.received().first().json.value(QLatin1String("model")).toString(), QStringLiteral("deepseek-chat"));

    process.terminate();
    QVERIFY(TestHttp::waitUntil([&] { return process.state() == QProcess::NotRunning; }, 10'000));
    QCOMPARE(process.exitCode(), 0);
    err += process.readAllStandardError();
    QVERIFY(err.contains("connected to"));
    QVERIFY2(!err.contains("client-dropin-0123456789"), "the client token reached the log");
}

void TestHeadless::brokenConfigFailsWithFileAndLine()
{
    QTemporaryDir dir;
    const QString config = writeFile(dir, "providers:\n  - type: openai\n    weight: lots\n    models: [a]\n");
    QProcess process;
    process.start(QStringLiteral(SWITCHYARD_BINARY), {QStringLiteral("--headless"), QStringLiteral("--config"), config,
                                                      QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("d"))});
    QVERIFY(process.waitForFinished(10'000));
    QCOMPARE(process.exitCode(), 2);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.contains((config + QStringLiteral(":3: providers[0].weight")).toUtf8()), err.constData());
    QVERIFY(!err.contains("listening"));
}

void TestHeadless::nonLoopbackWithoutTokensIsRefused()
{
    QTemporaryDir dir;
    const QString config = writeFile(dir, "providers: []\n");
    QProcess process;
    process.start(QStringLiteral(SWITCHYARD_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--config"), config, QStringLiteral("--listen"),
                   QStringLiteral("0.0.0.0:0"), QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("d"))});
    QVERIFY(process.waitForFinished(10'000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("without access tokens"));
}

void TestHeadless::tokenHash()
{
    QProcess process;
    process.start(QStringLiteral(SWITCHYARD_BINARY), {QStringLiteral("token"), QStringLiteral("hash")});
    process.write("test\n");
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(10'000));
    QCOMPARE(process.exitCode(), 0);
    // SHA-256 of "test".
    QCOMPARE(process.readAllStandardOutput().trimmed(),
             QByteArray("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
}

bool TestHeadless::startAndWait(QProcess &process, const QTemporaryDir &dir, QStringList arguments,
                                const QProcessEnvironment &environment, Running *running, const QString &binary)
{
    const QString config = writeFile(dir, "providers: []\n");
    arguments << QStringLiteral("--config") << config << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0")
              << QStringLiteral("--data-dir") << dir.filePath(QStringLiteral("data"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(binary, arguments);
    if (!process.waitForStarted())
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)/v1"));
    QRegularExpressionMatch match;
    const bool up = TestHttp::waitUntil([&] {
        running->err += process.readAllStandardError();
        match = listening.match(QString::fromUtf8(running->err));
        return match.hasMatch();
    }, 15'000);
    if (!up) {
        qWarning().noquote() << running->err;
        return false;
    }
    running->base = QStringLiteral("http://127.0.0.1:%1").arg(match.captured(1));
    QFile maps(QStringLiteral("/proc/%1/maps").arg(process.processId()));
    if (maps.open(QIODevice::ReadOnly))
        running->maps = maps.readAll();
    return true;
}

QProcessEnvironment TestHeadless::withDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return environment;
}

bool TestHeadless::stopCleanly(QProcess &process)
{
    process.terminate();
    return TestHttp::waitUntil([&] { return process.state() == QProcess::NotRunning; }, 10'000)
        && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

void TestHeadless::headlessRunMapsNoGuiLibrary()
{
#ifndef Q_OS_LINUX
    QSKIP("the desktop module is how Linux builds keep GUI libraries out of headless runs");
#endif
    QTemporaryDir dir;
    QProcess process;
    Running running;
    QVERIFY(startAndWait(process, dir, {QStringLiteral("--headless")}, QProcessEnvironment::systemEnvironment(),
                         &running));
    QVERIFY(!running.maps.isEmpty());
    QVERIFY2(running.maps.contains("libQt6Core"), "the maps were not read");
    for (const char *gui : {"libQt6Widgets", "libQt6Gui", "libQt6Charts", "switchyard-desktop"})
        QVERIFY2(!running.maps.contains(gui), gui);
    QCOMPARE(TestHttp::get(QUrl(running.base + QStringLiteral("/health"))).status, 200);
    QVERIFY(stopCleanly(process));
}

void TestHeadless::desktopRunLoadsTheModuleAndServes()
{
#ifndef Q_OS_LINUX
    QSKIP("on macOS the window is linked into the executable");
#endif
    QTemporaryDir dir;
    QProcess process;
    Running running;
    QVERIFY(startAndWait(process, dir, {}, withDisplay(), &running));
    QVERIFY2(running.maps.contains("switchyard-desktop.so"), running.err.constData());
    QVERIFY(running.maps.contains("libQt6Widgets"));
    QVERIFY2(!running.err.contains("running headless"), running.err.constData());
    QCOMPARE(TestHttp::get(QUrl(running.base + QStringLiteral("/health"))).status, 200);
    QVERIFY(stopCleanly(process));
}

void TestHeadless::missingDesktopModuleFallsBackToHeadless()
{
#ifndef Q_OS_LINUX
    QSKIP("on macOS the window is linked into the executable");
#endif
    // The executable alone, as if the module had not been installed: it says so and serves anyway.
    QTemporaryDir dir;
    const QString lonely = dir.filePath(QStringLiteral("switchyard"));
    QVERIFY(QFile::copy(QStringLiteral(SWITCHYARD_BINARY), lonely));
    QProcess process;
    Running running;
    QVERIFY(startAndWait(process, dir, {}, withDisplay(), &running, lonely));
    QVERIFY2(running.err.contains("the desktop interface cannot be loaded"), running.err.constData());
    QVERIFY2(running.err.contains("switchyard-desktop.so not found"), running.err.constData());
    QVERIFY(!running.maps.contains("libQt6Widgets"));
    QCOMPARE(TestHttp::get(QUrl(running.base + QStringLiteral("/health"))).status, 200);
    QVERIFY(stopCleanly(process));
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
