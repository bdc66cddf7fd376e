#include "config/configloader.h"
#include "config/configwriter.h"
#include "providers/registry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QCryptographicHash>
#include <QTest>

class TestConfigLoader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void colinkConfigLoadsUnchanged();
    void extensionsAndKeySources();
    void nodeAndHubSettings();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void writerKeepsSecretsOut();
    void writeIsAtomic();
    void pricesRoundTrip();
    void parseListen_data();
    void parseListen();
};

static ConfigResult load(const QByteArray &yaml)
{
    return ConfigLoader::loadString(yaml, QStringLiteral("config.yaml"), ProviderRegistry::types());
}

void TestConfigLoader::colinkConfigLoadsUnchanged()
{
    // The Co-Link client's config, exactly as its guide prints it.
    const ConfigResult r = load(R"(client_token: "client-abc"
server_url: "wss://colink.example.heiyu.space/ws"
max_parallel: 3

providers:
  - type: "openai"
    api_key: "sk-live"
    base_url: "https://api.deepseek.com/v1/"
    models:
      - local: "deepseek-chat"
        server_mapping: "pro-model"
  - type: "claude"
    api_key: "sk-ant"
    models:
      - local: "claude-sonnet-4"
        server_mapping: "smart"
)");
    QVERIFY2(r.config, qPrintable(r.error));
    QCOMPARE(r.warnings, QStringList());
    const Config &c = *r.config;
    QCOMPARE(c.colink.clientToken, QStringLiteral("client-abc"));
    QCOMPARE(c.colink.serverUrl, QStringLiteral("wss://colink.example.heiyu.space/ws"));
    QCOMPARE(c.colink.maxParallel, 3);
    QCOMPARE(c.providers.size(), 2);
    QCOMPARE(c.providers[0].name, QStringLiteral("openai-1"));
    QCOMPARE(c.providers[0].baseUrl, QStringLiteral("https://api.deepseek.com/v1")); // trailing / trimmed
    QCOMPARE(c.providers[0].keySource, KeySource::Literal);
    QCOMPARE(c.providers[0].keyLiteral, QStringLiteral("sk-live"));
    QCOMPARE(c.providers[0].models[0].publicName, QStringLiteral("pro-model"));
    QCOMPARE(c.providers[0].models[0].localName, QStringLiteral("deepseek-chat"));
    QCOMPARE(c.providers[1].type, QStringLiteral("claude"));
    QCOMPARE(c.providers[1].name, QStringLiteral("claude-2"));
}

void TestConfigLoader::extensionsAndKeySources()
{
    const ConfigResult r = load(R"(max_parallel: 0
gateway:
  listen: 127.0.0.1:9999
  ban_seconds: 30
  max_attempts: 2
  timeouts: {connect_ms: 500, first_byte_ms: 1000, idle_ms: 2000}
  cors_origins: [http://localhost:3000]
providers:
  - name: local
    type: openai
    base_url: http://127.0.0.1:11434/v1
    weight: 3
    priority: 2
    max_parallel: 4
    enabled: false
    models: [llama3.2]
  - name: env-key
    type: openai
    api_key: env:MY_KEY
    timeouts: {idle_ms: 10000}
    models: [{local: a}]
  - name: keychain-key
    type: openai
    models: [b]
)");
    QVERIFY2(r.config, qPrintable(r.error));
    const Config &c = *r.config;
    QCOMPARE(c.colink.maxParallel, 1); // Co-Link: <= 0 means 1
    QCOMPARE(c.gateway.port, quint16(9999));
    QCOMPARE(c.gateway.banSeconds, 30);
    QCOMPARE(c.gateway.maxAttempts, 2);
    QCOMPARE(c.gateway.timeouts.firstByteMs, 1000);
    QCOMPARE(c.gateway.corsOrigins, QStringList{QStringLiteral("http://localhost:3000")});
    QCOMPARE(c.providers[0].weight, 3);
    QCOMPARE(c.providers[0].priority, 2);
    QCOMPARE(c.providers[0].maxParallel, 4);
    QCOMPARE(c.providers[0].enabled, false);
    QCOMPARE(c.providers[0].models[0].publicName, QStringLiteral("llama3.2"));
    QVERIFY(!c.providers[0].timeouts); // not set: the gateway's apply
    QVERIFY(c.providers[1].timeouts);
    QCOMPARE(c.providers[1].timeouts->idleMs, 10000);
    QCOMPARE(c.providers[1].timeouts->connectMs, 500); // the rest inherited from gateway.timeouts
    QCOMPARE(c.providers[1].timeouts->firstByteMs, 1000);
    QCOMPARE(c.providers[1].keySource, KeySource::Environment);
    QCOMPARE(c.providers[1].keyLiteral, QStringLiteral("MY_KEY"));
    QCOMPARE(c.providers[1].models[0].publicName, QStringLiteral("a"));
    QCOMPARE(c.providers[2].keySource, KeySource::Keychain);
    QCOMPARE(c.providers[2].keychainKey(), QStringLiteral("provider:keychain-key:api_key"));
}

void TestConfigLoader::nodeAndHubSettings()
{
    // Node mode follows server_url unless node.enabled says otherwise.
    QVERIFY(load("server_url: ws://h/ws\n").config->colink.nodeWanted());
    QVERIFY(!load("{}\n").config->colink.nodeWanted());
    QVERIFY(!load("server_url: ws://h/ws\nnode: {enabled: false}\n").config->colink.nodeWanted());

    const ConfigResult r = load(R"(hub:
  node_tokens:
    - client-plain-token-123
    - {name: office, sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08}
)");
    QVERIFY2(r.config, qPrintable(r.error));
    QCOMPARE(r.warnings, QStringList());
    const QList<AccessToken> &tokens = r.config->hub.nodeTokens;
    QCOMPARE(tokens.size(), 2);
    // A plain token is kept as its hash, under a name that does not give it away.
    QCOMPARE(tokens[0].sha256Hex, QCryptographicHash::hash("client-plain-token-123", QCryptographicHash::Sha256).toHex());
    QVERIFY(!tokens[0].name.contains(QLatin1String("plain-token")));
    QCOMPARE(tokens[1].name, QStringLiteral("office"));
    const QByteArray yaml = ConfigWriter::toYaml(*r.config);
    QVERIFY(!yaml.contains("client-plain-token-123"));
    const ConfigResult again = load(yaml);
    QVERIFY2(again.config, qPrintable(again.error));
    QCOMPARE(again.config->hub.nodeTokens.size(), 2);
    QCOMPARE(again.config->hub.nodeTokens[0].sha256Hex, tokens[0].sha256Hex);
}

void TestConfigLoader::rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected"); // must appear in the error

    QTest::newRow("broken yaml") << QByteArray("providers:\n  - type: openai\n    models: [a\n") << QStringLiteral("config.yaml:");
    QTest::newRow("tab indentation") << QByteArray("providers:\n\t- type: x\n") << QStringLiteral("invalid YAML");
    QTest::newRow("weight not a number")
        << QByteArray("providers:\n  - type: openai\n    weight: heavy\n    models: [a]\n")
        << QStringLiteral("config.yaml:3: providers[0].weight: expected a whole number, got 'heavy'");
    QTest::newRow("unknown type") << QByteArray("providers:\n  - type: mystery\n    models: [a]\n")
                                  << QStringLiteral("config.yaml:2: providers[0].type: unknown provider type 'mystery'");
    QTest::newRow("missing models") << QByteArray("providers:\n  - type: openai\n")
                                    << QStringLiteral("providers[0].models: missing");
    QTest::newRow("bad base url") << QByteArray("providers:\n  - type: openai\n    base_url: ftp://x\n    models: [a]\n")
                                  << QStringLiteral("config.yaml:3: providers[0].base_url");
    QTest::newRow("duplicate names")
        << QByteArray("providers:\n  - {name: a, type: openai, models: [x]}\n  - {name: a, type: openai, models: [y]}\n")
        << QStringLiteral("providers[1].name: 'a' is used by another provider");
    QTest::newRow("bad listen") << QByteArray("gateway:\n  listen: nowhere\n") << QStringLiteral("config.yaml:2: gateway.listen");
    QTest::newRow("port out of range") << QByteArray("gateway:\n  listen: 127.0.0.1:70000\n") << QStringLiteral("gateway.listen");
    QTest::newRow("providers not a list") << QByteArray("providers: {a: 1}\n") << QStringLiteral("providers: expected a list");
    QTest::newRow("bad token hash") << QByteArray("gateway:\n  access_tokens: [{name: t, sha256: abc}]\n")
                                    << QStringLiteral("gateway.access_tokens[0].sha256");
    QTest::newRow("ban out of range") << QByteArray("gateway:\n  ban_seconds: -5\n") << QStringLiteral("out of range");
    QTest::newRow("bad server url") << QByteArray("server_url: http://x/ws\n") << QStringLiteral("server_url: 'http://x/ws' is not a ws://");
    QTest::newRow("enabled not bool") << QByteArray("providers:\n  - {type: openai, enabled: maybe, models: [a]}\n")
                                      << QStringLiteral("expected true or false");
    QTest::newRow("short node token") << QByteArray("hub:\n  node_tokens: [abc]\n")
                                      << QStringLiteral("config.yaml:2: hub.node_tokens[0]: a node token needs at least 8");
    QTest::newRow("node tokens not a list") << QByteArray("hub:\n  node_tokens: abcdefghij\n")
                                            << QStringLiteral("hub.node_tokens: expected a list");
    QTest::newRow("bad node token hash") << QByteArray("hub:\n  node_tokens: [{name: n, sha256: xyz}]\n")
                                         << QStringLiteral("hub.node_tokens[0].sha256");
    QTest::newRow("node.enabled not bool") << QByteArray("node: {enabled: sometimes}\n")
                                           << QStringLiteral("node.enabled: expected true or false");
    QTest::newRow("top level list") << QByteArray("- a\n- b\n") << QStringLiteral("expected a mapping");
    QTest::newRow("price not a number") << QByteArray("prices:\n  m1:\n    input_per_million: cheap\n")
                                        << QStringLiteral("config.yaml:3: prices.m1.input_per_million: expected a number");
    QTest::newRow("negative price") << QByteArray("prices:\n  m1: {output_per_million: -1}\n")
                                    << QStringLiteral("config.yaml:2: prices.m1.output_per_million: -1 is out of range");
    QTest::newRow("price without figures") << QByteArray("prices:\n  m1: {}\n")
                                           << QStringLiteral("prices.m1: give input_per_million");
    QTest::newRow("prices not a mapping") << QByteArray("prices: [m1]\n") << QStringLiteral("prices: expected a mapping");
}

void TestConfigLoader::rejectsBadInput()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    const ConfigResult r = load(yaml);
    QVERIFY2(!r.config, "a broken config must not load");
    QVERIFY2(r.error.contains(expected), qPrintable(QStringLiteral("got: ") + r.error));
}

void TestConfigLoader::pricesRoundTrip()
{
    const ConfigResult r = load("prices:\n  gpt-4o-mini: {input_per_million: 0.15, output_per_million: 0.6}\n"
                                "  local-llama: {input_per_million: 0}\n");
    QVERIFY2(r.config, qPrintable(r.error));
    QCOMPARE(r.config->prices.size(), 2);
    QCOMPARE(r.config->prices.value(QStringLiteral("gpt-4o-mini")), (ModelPrice{0.15, 0.6}));
    QCOMPARE(r.config->prices.value(QStringLiteral("local-llama")), (ModelPrice{0, 0}));
    const ConfigResult again = load(ConfigWriter::toYaml(*r.config));
    QVERIFY2(again.config, qPrintable(again.error));
    QCOMPARE(again.config->prices, r.config->prices);
}

void TestConfigLoader::writerKeepsSecretsOut()
{
    const ConfigResult r = load(R"(client_token: client-secret-token
server_url: ws://127.0.0.1:1/ws
gateway:
  access_tokens: [{name: laptop, sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08}]
providers:
  - {name: lit, type: openai, api_key: sk-literal-secret, models: [{local: l, server_mapping: p}]}
  - {name: env, type: openai, api_key: env:OPENAI_KEY, models: [m]}
)");
    QVERIFY2(r.config, qPrintable(r.error));
    const QByteArray yaml = ConfigWriter::toYaml(*r.config);
    QVERIFY(!yaml.contains("sk-literal-secret"));
    QVERIFY(!yaml.contains("client-secret-token"));
    QVERIFY(yaml.contains("env:OPENAI_KEY"));
    QVERIFY(yaml.contains("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));

    // What was written reads back the same, less the secrets.
    const ConfigResult again = load(yaml);
    QVERIFY2(again.config, qPrintable(again.error));
    QCOMPARE(again.config->providers.size(), 2);
    QCOMPARE(again.config->providers[0].keySource, KeySource::Keychain);
    QCOMPARE(again.config->providers[0].models[0].publicName, QStringLiteral("p"));
    QCOMPARE(again.config->providers[1].keySource, KeySource::Environment);
    QCOMPARE(again.config->gateway.accessTokens.size(), 1);
    QCOMPARE(again.config->colink.serverUrl, QStringLiteral("ws://127.0.0.1:1/ws"));
}

void TestConfigLoader::writeIsAtomic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.yaml"));
    QFile original(path);
    QVERIFY(original.open(QIODevice::WriteOnly));
    original.write("# the user's file\n");
    original.close();

    Config config;
    config.providers << ProviderConfig{};
    config.providers[0].name = QStringLiteral("p");
    config.providers[0].type = QStringLiteral("openai");
    QString error;
    QVERIFY2(ConfigWriter::writeFile(config, path, &error), qPrintable(error));
    QVERIFY(load([&] { QFile f(path); f.open(QIODevice::ReadOnly); return f.readAll(); }()).config);

    // A write that cannot complete leaves the old file as it was and no temporary file behind.
    const QString blocked = dir.filePath(QStringLiteral("readonly/config.yaml"));
    QDir().mkpath(dir.filePath(QStringLiteral("readonly")));
    QFile::copy(path, blocked);
    QFile(dir.filePath(QStringLiteral("readonly"))).setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    if (QFileInfo(dir.filePath(QStringLiteral("readonly"))).isWritable())
        QSKIP("running as a user who can write anywhere (root); permission check not possible");
    QVERIFY(!ConfigWriter::writeFile(config, blocked, &error));
    QVERIFY(error.contains(blocked));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("readonly"))).entryList(QDir::Files), QStringList{QStringLiteral("config.yaml")});
}

void TestConfigLoader::parseListen_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("v4") << QStringLiteral("127.0.0.1:8790") << true << QStringLiteral("127.0.0.1") << 8790;
    QTest::newRow("any") << QStringLiteral("0.0.0.0:1") << true << QStringLiteral("0.0.0.0") << 1;
    QTest::newRow("v6") << QStringLiteral("[::1]:80") << true << QStringLiteral("::1") << 80;
    QTest::newRow("port only") << QStringLiteral(":9000") << true << QStringLiteral("127.0.0.1") << 9000;
    QTest::newRow("localhost") << QStringLiteral("localhost:5") << true << QStringLiteral("localhost") << 5;
    QTest::newRow("no port") << QStringLiteral("127.0.0.1") << false << QString() << 0;
    QTest::newRow("bad host") << QStringLiteral("not a host:80") << false << QString() << 0;
    QTest::newRow("big port") << QStringLiteral("127.0.0.1:65536") << false << QString() << 0;
}

void TestConfigLoader::parseListen()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QString host;
    quint16 port = 0;
    QCOMPARE(ConfigLoader::parseListen(text, &host, &port), ok);
    if (ok) {
        QTEST(host, "host");
        QTEST(int(port), "port");
    }
}

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
