// The real keychain: QtKeychain against GNOME Keyring's Secret Service in a private D-Bus session
// (run-with-keyring.sh), from the library and from the binary, and what happens when there is none.

#include "config/config.h"
#include "fakeupstream.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/keyresolver.h"
#include "testhttp.h"

#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using TestHttp::waitUntil;

namespace {

SecretStore::Result wait(const std::function<void(SecretStore::Callback)> &call)
{
    SecretStore::Result result;
    bool done = false;
    call([&](const SecretStore::Result &r) {
        result = r;
        done = true;
    });
    waitUntil([&] { return done; }, 10'000);
    return result;
}

// Runs the binary with stdin, returns exit code; stderr into err.
int runBinary(const QStringList &args, const QByteArray &input, QByteArray *err,
              const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SWITCHYARD_BINARY), args);
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(20'000);
    *err = process.readAllStandardError();
    return process.exitCode();
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeReadRemove();
    void probeSucceeds();
    void resolverReadsProviderKeysAndTheNodeToken();
    void binaryStoresAndUsesAKey();
    void noKeychainIsSaidPlainlyAndNothingIsWritten();
};

void TestKeychain::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("run this test through tests/keychain/run-with-keyring.sh (ctest does)");
}

void TestKeychain::writeReadRemove()
{
    KeychainSecretStore store(QStringLiteral("switchyard-test"));
    const QString key = QStringLiteral("provider:rt:api_key");
    QVERIFY(wait([&](auto done) { store.write(key, QStringLiteral("sk-roundtrip-123"), done); }).ok);
    const auto read = wait([&](auto done) { store.read(key, done); });
    QVERIFY2(read.ok, qPrintable(read.error));
    QVERIFY(read.found);
    QCOMPARE(read.value, QStringLiteral("sk-roundtrip-123"));
    QVERIFY(wait([&](auto done) { store.remove(key, done); }).ok);
    const auto gone = wait([&](auto done) { store.read(key, done); });
    QVERIFY(gone.ok);
    QVERIFY(!gone.found);
}

void TestKeychain::probeSucceeds()
{
    KeychainSecretStore store(QStringLiteral("switchyard-test"));
    const auto probe = wait([&](auto done) { store.probe(done, 0); });
    QVERIFY2(probe.ok, qPrintable(probe.error));
}

void TestKeychain::resolverReadsProviderKeysAndTheNodeToken()
{
    KeychainSecretStore store;
    QVERIFY(wait([&](auto done) { store.write(QStringLiteral("provider:kc:api_key"), QStringLiteral("sk-from-keychain"), done); }).ok);
    QVERIFY(wait([&](auto done) { store.write(ColinkSettings::keychainKey(), QStringLiteral("client-from-keychain"), done); }).ok);
    Config config;
    ProviderConfig p;
    p.name = QStringLiteral("kc");
    p.type = QStringLiteral("openai");
    p.keySource = KeySource::Keychain;
    ProviderConfig local = p;
    local.name = QStringLiteral("ollama"); // no entry: a local server needs no key, and that is no problem
    config.providers << p << local;
    config.colink.serverUrl = QStringLiteral("ws://127.0.0.1:1/ws");
    QVERIFY(needsKeychain(config));
    ResolvedKeys keys;
    bool done = false;
    resolveProviderKeys(config, &store, [&](const ResolvedKeys &k) {
        keys = k;
        done = true;
    });
    QVERIFY(waitUntil([&] { return done; }));
    QCOMPARE(keys.keys.value(QStringLiteral("kc")), QStringLiteral("sk-from-keychain"));
    QVERIFY(!keys.keys.contains(QStringLiteral("ollama")));
    QCOMPARE(keys.colinkClientToken, QStringLiteral("client-from-keychain"));
    QCOMPARE(keys.problems, QStringList());
}

void TestKeychain::binaryStoresAndUsesAKey()
{
    QByteArray err;
    QCOMPARE(runBinary({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("provider:vault:api_key")},
                       "sk-typed-on-stdin-42\n", &err),
             0);
    QVERIFY2(err.contains("stored provider:vault:api_key"), err.constData());

    FakeUpstream upstream;
    QVERIFY(upstream.start());
    QTemporaryDir dir;
    const QString configPath = dir.filePath(QStringLiteral("config.yaml"));
    QFile file(configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("providers:\n  - {name: vault, type: openai, base_url: \"%1\", models: [m]}\n")
                   .arg(upstream.baseUrl()).toUtf8());
    file.close();
    QProcess gateway;
    gateway.start(QStringLiteral(SWITCHYARD_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--config"), configPath, QStringLiteral("--listen"),
                   QStringLiteral("127.0.0.1:0"), QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data"))});
    static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)/v1"));
    QRegularExpressionMatch match;
    QByteArray log;
    QVERIFY2(waitUntil([&] {
                 log += gateway.readAllStandardError();
                 match = listening.match(QString::fromUtf8(log));
                 return match.hasMatch();
             }, 15'000),
             log.constData());
    const auto chat = TestHttp::post(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(match.captured(1))),
                                     R"({"model":"m","messages":[{"role":"user","content":"hi"}]})");
    QCOMPARE(chat.status, 200);
    QCOMPARE(upstream.received().first().headers.value("authorization"), QByteArray("Bearer sk-typed-on-stdin-42"));
    gateway.terminate();
    QVERIFY(gateway.waitForFinished(10'000));
    log += gateway.readAllStandardError();
    QVERIFY(!log.contains("sk-typed-on-stdin-42"));
    // Nothing under the config or data directory holds the key.
    QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("sk-typed-on-stdin-42"), qPrintable(f.fileName()));
    }
    QCOMPARE(runBinary({QStringLiteral("secret"), QStringLiteral("delete"), QStringLiteral("provider:vault:api_key")}, {}, &err), 0);
}

void TestKeychain::noKeychainIsSaidPlainlyAndNothingIsWritten()
{
    // No D-Bus session at all, as on a bare server.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    env.remove(QStringLiteral("DISPLAY"));
    QTemporaryDir home;
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    QByteArray err;
    QCOMPARE(runBinary({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("provider:x:api_key")},
                       "sk-must-not-land-anywhere\n", &err, env),
             1);
    QVERIFY2(err.contains("keychain could not be used") && err.contains("Secret Service"), err.constData());

    // The gateway still starts, says why the provider has no key, and serves what it can.
    QFile config(home.filePath(QStringLiteral("config.yaml")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("providers:\n  - {name: vault, type: openai, base_url: \"http://127.0.0.1:9/v1\", models: [m]}\n");
    config.close();
    QProcess gateway;
    gateway.setProcessEnvironment(env);
    gateway.start(QStringLiteral(SWITCHYARD_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--config"), config.fileName(), QStringLiteral("--listen"),
                   QStringLiteral("127.0.0.1:0")});
    QByteArray log;
    QVERIFY2(waitUntil([&] {
                 log += gateway.readAllStandardError();
                 return log.contains("listening on");
             }, 15'000),
             log.constData());
    QVERIFY2(log.contains("keychain could not be used") && log.contains("run without one"), log.constData());
    gateway.terminate();
    QVERIFY(gateway.waitForFinished(10'000));

    QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("sk-must-not-land-anywhere"), qPrintable(f.fileName()));
    }
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
