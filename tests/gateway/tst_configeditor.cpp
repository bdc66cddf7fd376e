// ConfigEditor: each change reaches the keychain, the YAML file and the running gateway, or none of them.

#include "config/configeditor.h"
#include "config/configloader.h"
#include "fakeupstream.h"
#include "gatewayfixture.h"
#include "providers/registry.h"
#include "routing/router.h"
#include "secrets/secretstore.h"
#include "testhttp.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

namespace {

// A keychain that is there but refuses every write (locked, for instance).
class RefusingStore final : public SecretStore
{
public:
    void read(const QString &, Callback done) override { done({.ok = false, .error = QStringLiteral("locked")}); }
    void write(const QString &, const QString &, Callback done) override
    {
        done({.ok = false, .error = QStringLiteral("the collection is locked")});
    }
    void remove(const QString &, Callback done) override { done({.ok = false, .error = QStringLiteral("locked")}); }
};

// A keychain that answers after a while, as a real one does (D-Bus, an unlock prompt).
class SlowStore final : public QObject, public SecretStore
{
public:
    void read(const QString &key, Callback done) override { later([=, this] { m_inner.read(key, done); }); }
    void write(const QString &key, const QString &value, Callback done) override
    {
        later([=, this] { m_inner.write(key, value, done); });
    }
    void remove(const QString &key, Callback done) override { later([=, this] { m_inner.remove(key, done); }); }

private:
    void later(std::function<void()> work) { QTimer::singleShot(50, this, std::move(work)); }
    MemorySecretStore m_inner;
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Outcome {
    bool called = false;
    bool ok = false;
    QString error;
    ConfigEditor::Done done()
    {
        return [this](bool o, const QString &e) {
            called = true;
            ok = o;
            error = e;
        };
    }
};

SecretStore::Result readSecret(SecretStore &store, const QString &key)
{
    SecretStore::Result result;
    store.read(key, [&](const SecretStore::Result &r) { result = r; });
    return result;
}

} // namespace

class TestConfigEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_upstream.start()); }
    void init();
    void cleanup();
    void newProviderKeyGoesToKeychainNotYaml();
    void renamedProviderTakesItsKeyAlong();
    void removedProviderLeavesNoKey();
    void withoutKeychainNothingIsSaved();
    void refusedKeychainWriteSavesNothing();
    void literalKeysMoveToKeychain();
    void portInUseLeavesEverythingAsItWas();
    void newPortIsServedAndSaved();
    void accessTokenIsShownOnceAndStoredHashed();
    void nodeSettingsValidateTheUrlAndKeepTheTokenInKeychain();
    void editsMadeWhileTheKeychainIsSlowAreAllKept();
    void renameNeedsTheKeychainToMoveTheKey();
    void sameHostPortOnAnotherAddressRebinds();
    void pausedGatewayResumesOnTheNewAddress();

private:
    void startEditor(const Config &config);

    std::unique_ptr<GatewayFixture> m_fixture;
    std::unique_ptr<ConfigEditor> m_editor;
    std::unique_ptr<QTemporaryDir> m_dir;
    MemorySecretStore m_store;
    FakeUpstream m_upstream;
    QString m_path;
};

void TestConfigEditor::init()
{
    m_store = MemorySecretStore();
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("config.yaml"));
}

void TestConfigEditor::cleanup()
{
    m_editor.reset();
    m_fixture.reset();
}

void TestConfigEditor::startEditor(const Config &config)
{
    m_fixture = std::make_unique<GatewayFixture>();
    QString error;
    QVERIFY2(m_fixture->start(config, &error), qPrintable(error));
    ResolvedKeys keys;
    for (const ProviderConfig &p : config.providers) {
        if (p.keySource == KeySource::Literal)
            keys.keys.insert(p.name, p.keyLiteral);
    }
    m_editor = std::make_unique<ConfigEditor>(m_fixture->gateway(), config, keys, m_path);
    m_editor->setSecretStore(&m_store);
}

void TestConfigEditor::newProviderKeyGoesToKeychainNotYaml()
{
    startEditor(Config{});
    ProviderConfig p = GatewayFixture::provider(QStringLiteral("acme"), m_upstream.baseUrl(), QStringLiteral("m1"),
                                                QStringLiteral("local-1"));
    p.keySource = KeySource::Keychain;
    p.keyLiteral.clear();
    Outcome outcome;
    m_editor->saveProvider({}, p, QStringLiteral("sk-acme-secret-123456"), outcome.done());
    QVERIFY(outcome.called);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));

    const QByteArray yaml = readFile(m_path);
    QVERIFY(yaml.contains("name: acme"));
    QVERIFY(!yaml.contains("sk-acme-secret"));
    const SecretStore::Result stored = readSecret(m_store, QStringLiteral("provider:acme:api_key"));
    QVERIFY(stored.found);
    QCOMPARE(stored.value, QStringLiteral("sk-acme-secret-123456"));

    // The running gateway serves the new provider with the key, without a restart.
    const auto response = TestHttp::post(m_fixture->url(QStringLiteral("/v1/chat/completions")),
                                         R"({"model":"m1","messages":[{"role":"user","content":"hi"}]})");
    QCOMPARE(response.status, 200);
    QCOMPARE(m_upstream.received().last().headers.value("authorization"), QByteArray("Bearer sk-acme-secret-123456"));
    // And the file loads back to the same provider.
    const ConfigResult reread = ConfigLoader::loadFile(m_path, ProviderRegistry::types());
    QVERIFY(reread.config);
    QCOMPARE(reread.config->providers.size(), 1);
    QCOMPARE(reread.config->providers.first().keySource, KeySource::Keychain);
}

void TestConfigEditor::renamedProviderTakesItsKeyAlong()
{
    startEditor(Config{});
    ProviderConfig p = GatewayFixture::provider(QStringLiteral("old"), m_upstream.baseUrl(), QStringLiteral("m1"),
                                                QStringLiteral("l1"));
    p.keySource = KeySource::Keychain;
    Outcome first;
    m_editor->saveProvider({}, p, QStringLiteral("sk-renamed-key-1"), first.done());
    QVERIFY(first.ok);

    p.name = QStringLiteral("new");
    Outcome second;
    m_editor->saveProvider(QStringLiteral("old"), p, std::nullopt, second.done());
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(readSecret(m_store, QStringLiteral("provider:new:api_key")).value, QStringLiteral("sk-renamed-key-1"));
    QVERIFY(!readSecret(m_store, QStringLiteral("provider:old:api_key")).found);
    QCOMPARE(m_editor->config().providers.size(), 1);
    QVERIFY(m_editor->hasStoredKey(QStringLiteral("new")));
}

void TestConfigEditor::removedProviderLeavesNoKey()
{
    startEditor(Config{});
    ProviderConfig p = GatewayFixture::provider(QStringLiteral("gone"), m_upstream.baseUrl(), QStringLiteral("m1"),
                                                QStringLiteral("l1"));
    Outcome saved;
    m_editor->saveProvider({}, p, QStringLiteral("sk-gone-key-1"), saved.done());
    QVERIFY(saved.ok);
    Outcome removed;
    m_editor->removeProvider(QStringLiteral("gone"), removed.done());
    QVERIFY(removed.ok);
    QVERIFY(!readSecret(m_store, QStringLiteral("provider:gone:api_key")).found);
    QVERIFY(m_fixture->gateway()->router()->backends().isEmpty());
    QVERIFY(!readFile(m_path).contains("gone"));
}

void TestConfigEditor::withoutKeychainNothingIsSaved()
{
    startEditor(Config{});
    m_editor->setSecretStore(nullptr, QStringLiteral("no Secret Service on the session bus"));
    ProviderConfig p = GatewayFixture::provider(QStringLiteral("acme"), m_upstream.baseUrl(), QStringLiteral("m1"),
                                                QStringLiteral("l1"));
    Outcome outcome;
    m_editor->saveProvider({}, p, QStringLiteral("sk-never-on-disk-1"), outcome.done());
    QVERIFY(outcome.called);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(QStringLiteral("no Secret Service")), qPrintable(outcome.error));
    QVERIFY(!QFile::exists(m_path));
    QVERIFY(m_editor->config().providers.isEmpty());
    QVERIFY(m_fixture->gateway()->router()->backends().isEmpty());

    // A keyless local provider needs no keychain and is saved.
    p.keySource = KeySource::None;
    p.keyLiteral.clear();
    Outcome keyless;
    m_editor->saveProvider({}, p, std::nullopt, keyless.done());
    QVERIFY2(keyless.ok, qPrintable(keyless.error));
    QVERIFY(readFile(m_path).contains("name: acme"));
    // Read back, it is still keyless (absent would mean "in the keychain"), so nothing asks the keychain for it.
    const ConfigResult reread = ConfigLoader::loadFile(m_path, ProviderRegistry::types());
    QVERIFY(reread.config);
    QCOMPARE(reread.config->providers.first().keySource, KeySource::None);
    QVERIFY(!needsKeychain(*reread.config));
}

void TestConfigEditor::refusedKeychainWriteSavesNothing()
{
    startEditor(Config{});
    RefusingStore refusing;
    m_editor->setSecretStore(&refusing);
    ProviderConfig p = GatewayFixture::provider(QStringLiteral("acme"), m_upstream.baseUrl(), QStringLiteral("m1"),
                                                QStringLiteral("l1"));
    Outcome outcome;
    m_editor->saveProvider({}, p, QStringLiteral("sk-refused-1"), outcome.done());
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(QStringLiteral("the collection is locked")), qPrintable(outcome.error));
    QVERIFY(!QFile::exists(m_path));
    QVERIFY(m_editor->config().providers.isEmpty());
}

void TestConfigEditor::literalKeysMoveToKeychain()
{
    // As a Co-Link client config.yaml holds them.
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("colink-openai"), m_upstream.baseUrl(),
                                                 QStringLiteral("m1"), QStringLiteral("l1"));
    config.colink.serverUrl = QStringLiteral("ws://127.0.0.1:9/ws");
    config.colink.clientToken = QStringLiteral("client-literal-token");
    config.colink.enabled = false;
    startEditor(config);
    QCOMPARE(m_editor->plaintextSecrets(), (QStringList{QStringLiteral("colink-openai"), QStringLiteral("client_token")}));

    Outcome outcome;
    m_editor->moveSecretsToKeychain(outcome.done());
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(m_editor->plaintextSecrets().isEmpty());
    const QByteArray yaml = readFile(m_path);
    QVERIFY(!yaml.contains("sk-test-colink-openai"));
    QVERIFY(!yaml.contains("client-literal-token"));
    QCOMPARE(readSecret(m_store, QStringLiteral("provider:colink-openai:api_key")).value,
             QStringLiteral("sk-test-colink-openai-0123456789"));
    QCOMPARE(readSecret(m_store, QStringLiteral("colink:client_token")).value, QStringLiteral("client-literal-token"));
    // The provider still works with its key.
    const auto response = TestHttp::post(m_fixture->url(QStringLiteral("/v1/chat/completions")),
                                         R"({"model":"m1","messages":[{"role":"user","content":"hi"}]})");
    QCOMPARE(response.status, 200);
}

void TestConfigEditor::portInUseLeavesEverythingAsItWas()
{
    startEditor(Config{});
    Outcome seed;
    m_editor->setSharing(false, seed.done());
    QVERIFY(seed.ok);
    const QByteArray before = readFile(m_path);
    const quint16 port = m_fixture->gateway()->port();

    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost));
    GatewaySettings settings = m_editor->config().gateway;
    settings.port = squatter.serverPort();
    settings.banSeconds = 999;
    Outcome outcome;
    m_editor->setGatewaySettings(settings, outcome.done());
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(QString::number(squatter.serverPort())), qPrintable(outcome.error));
    QCOMPARE(readFile(m_path), before);
    QCOMPARE(m_fixture->gateway()->port(), port);
    QCOMPARE(m_editor->config().gateway.banSeconds, GatewaySettings().banSeconds);
    QCOMPARE(TestHttp::get(m_fixture->url(QStringLiteral("/health"))).status, 200);
}

void TestConfigEditor::newPortIsServedAndSaved()
{
    startEditor(Config{});
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 freePort = probe.serverPort();
    probe.close();

    GatewaySettings settings = m_editor->config().gateway;
    settings.port = freePort;
    settings.corsOrigins = {QStringLiteral("https://app.example")};
    Outcome outcome;
    m_editor->setGatewaySettings(settings, outcome.done());
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(m_fixture->gateway()->port(), freePort);
    QCOMPARE(TestHttp::get(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(freePort))).status, 200);
    const ConfigResult reread = ConfigLoader::loadFile(m_path, ProviderRegistry::types());
    QVERIFY(reread.config);
    QCOMPARE(reread.config->gateway.port, freePort);
    QCOMPARE(reread.config->gateway.corsOrigins, settings.corsOrigins);
}

void TestConfigEditor::accessTokenIsShownOnceAndStoredHashed()
{
    startEditor(Config{});
    bool ok = false;
    QString token;
    m_editor->createAccessToken(QStringLiteral("cursor"), [&](bool o, const QString &t) {
        ok = o;
        token = t;
    });
    QVERIFY2(ok, qPrintable(token));
    QVERIFY(token.startsWith(QStringLiteral("sy-")));
    QVERIFY(token.size() > 40);
    QVERIFY(!readFile(m_path).contains(token.toUtf8()));
    QVERIFY(readFile(m_path).contains("name: cursor"));

    const QUrl models = m_fixture->url(QStringLiteral("/v1/models"));
    QCOMPARE(TestHttp::get(models).status, 401);
    QCOMPARE(TestHttp::get(models, {{"Authorization", "Bearer " + token.toUtf8()}}).status, 200);

    bool duplicate = true;
    m_editor->createAccessToken(QStringLiteral("Cursor"), [&](bool o, const QString &) { duplicate = o; });
    QVERIFY(!duplicate);

    Outcome revoked;
    m_editor->revokeAccessToken(QStringLiteral("cursor"), revoked.done());
    QVERIFY(revoked.ok);
    QCOMPARE(TestHttp::get(models, {{"Authorization", "Bearer " + token.toUtf8()}}).status, 200); // no tokens: open on loopback
    QVERIFY(!readFile(m_path).contains("cursor"));
}

void TestConfigEditor::nodeSettingsValidateTheUrlAndKeepTheTokenInKeychain()
{
    startEditor(Config{});
    Outcome bad;
    m_editor->setNodeSettings(QStringLiteral("http://colink.example"), QStringLiteral("tok"), 2, bad.done());
    QVERIFY(!bad.ok);
    QVERIFY(bad.error.contains(QStringLiteral("wss://")));

    Outcome good;
    m_editor->setNodeSettings(QStringLiteral("ws://127.0.0.1:9/ws"), QStringLiteral("client-node-token-1"), 3,
                              good.done());
    QVERIFY2(good.ok, qPrintable(good.error));
    QVERIFY(m_editor->hasNodeToken());
    QCOMPARE(readSecret(m_store, QStringLiteral("colink:client_token")).value, QStringLiteral("client-node-token-1"));
    const QByteArray yaml = readFile(m_path);
    QVERIFY(yaml.contains("server_url: ws://127.0.0.1:9/ws"));
    QVERIFY(yaml.contains("max_parallel: 3"));
    QVERIFY(!yaml.contains("client-node-token-1"));
}

void TestConfigEditor::editsMadeWhileTheKeychainIsSlowAreAllKept()
{
    startEditor(Config{});
    SlowStore slow;
    m_editor->setSecretStore(&slow);
    ProviderConfig p = GatewayFixture::provider(QStringLiteral("acme"), m_upstream.baseUrl(), QStringLiteral("m1"),
                                                QStringLiteral("l1"));
    Outcome provider, sharing;
    bool tokenOk = false;
    QString token;
    // Three edits at once: the first waits for the keychain; the others must not overwrite it or be lost.
    m_editor->saveProvider({}, p, QStringLiteral("sk-slow-key-1"), provider.done());
    m_editor->createAccessToken(QStringLiteral("cli"), [&](bool ok, const QString &t) {
        tokenOk = ok;
        token = t;
    });
    m_editor->setSharing(false, sharing.done());
    QVERIFY(!provider.called);
    QVERIFY(TestHttp::waitUntil([&] { return provider.called && sharing.called && !token.isEmpty(); }));
    QVERIFY(provider.ok && tokenOk && sharing.ok);
    QCOMPARE(m_editor->config().providers.size(), 1);
    QCOMPARE(m_editor->config().gateway.accessTokens.size(), 1);
    QCOMPARE(m_editor->config().colink.enabled, std::optional<bool>(false));
    const ConfigResult reread = ConfigLoader::loadFile(m_path, ProviderRegistry::types());
    QVERIFY(reread.config);
    QCOMPARE(reread.config->providers.size(), 1);
    QCOMPARE(reread.config->gateway.accessTokens.size(), 1);
}

void TestConfigEditor::renameNeedsTheKeychainToMoveTheKey()
{
    startEditor(Config{});
    ProviderConfig p = GatewayFixture::provider(QStringLiteral("old"), m_upstream.baseUrl(), QStringLiteral("m1"),
                                                QStringLiteral("l1"));
    Outcome saved;
    m_editor->saveProvider({}, p, QStringLiteral("sk-stranded-1"), saved.done());
    QVERIFY(saved.ok);
    m_editor->setSecretStore(nullptr, QStringLiteral("The keychain is locked."));
    p.name = QStringLiteral("new");
    Outcome renamed;
    m_editor->saveProvider(QStringLiteral("old"), p, std::nullopt, renamed.done());
    QVERIFY(!renamed.ok);
    QVERIFY2(renamed.error.contains(QStringLiteral("locked")), qPrintable(renamed.error));
    QCOMPARE(m_editor->config().providers.first().name, QStringLiteral("old"));
    QCOMPARE(readSecret(m_store, QStringLiteral("provider:old:api_key")).value, QStringLiteral("sk-stranded-1"));
}

void TestConfigEditor::sameHostPortOnAnotherAddressRebinds()
{
    startEditor(Config{});
    const quint16 port = m_fixture->gateway()->port();
    GatewaySettings settings = m_editor->config().gateway;
    settings.host = QStringLiteral("localhost"); // the same socket address: the old listener must let go first
    settings.port = port;
    Outcome outcome;
    m_editor->setGatewaySettings(settings, outcome.done());
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(m_fixture->gateway()->host(), QStringLiteral("localhost"));
    QCOMPARE(m_fixture->gateway()->port(), port);
    QCOMPARE(TestHttp::get(m_fixture->url(QStringLiteral("/health"))).status, 200);
}

void TestConfigEditor::pausedGatewayResumesOnTheNewAddress()
{
    startEditor(Config{});
    Gateway *gateway = m_fixture->gateway();
    gateway->pause();
    QVERIFY(gateway->isPaused());
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 freePort = probe.serverPort();
    probe.close();
    GatewaySettings settings = m_editor->config().gateway;
    settings.port = freePort;
    Outcome outcome;
    m_editor->setGatewaySettings(settings, outcome.done());
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(!gateway->isListening()); // still paused, as the user left it
    QString error;
    QVERIFY2(gateway->resume(&error), qPrintable(error));
    QCOMPARE(gateway->port(), freePort);
    QVERIFY(!gateway->isPaused());
}

QTEST_GUILESS_MAIN(TestConfigEditor)
#include "tst_configeditor.moc"
