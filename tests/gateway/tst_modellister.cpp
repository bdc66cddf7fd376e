#include "fakeupstream.h"
#include "providers/modellister.h"
#include "testhttp.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

Q_DECLARE_METATYPE(Dialect)
Q_DECLARE_METATYPE(ModelLister::Failure)
Q_DECLARE_METATYPE(ModelLister::Field)

// "Test connection" against fake providers on loopback: each dialect's list, and every failure a user can
// cause, each told in its own words and pinned on the right setting.
class TestModelLister final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesEveryDialectsList_data();
    void parsesEveryDialectsList();
    void listsWhatEachProviderServes_data();
    void listsWhatEachProviderServes();
    void refusedKeyIsBlamedWithTheProvidersWords_data();
    void refusedKeyIsBlamedWithTheProvidersWords();
    void refusalWithoutKeyAsksForOne();
    void keyEchoedByTheProviderIsRedacted();
    void missingModelsEndpointBlamesTheUrl();
    void deadPortSaysNothingAnswers();
    void hangingServerTimesOut();
    void webPageInsteadOfJson();
    void jsonWithoutAList();
    void serverErrorKeepsTheProvidersMessage();
    void plainHttpServerOnAnHttpsUrlIsATlsFailure();
    void unknownHostIsNamed();
    void unusableAddressesAreRefusedWithoutANetworkCall_data();
    void unusableAddressesAreRefusedWithoutANetworkCall();
    void unknownTypeIsRefused();
    void abortedListerSaysNothingAndGoes();
    void deletingTheParentDropsTheRequest();
};

namespace {

struct Run {
    int emitted = 0;
    ModelLister::Result result;
    bool deletedItself = false;
    qint64 elapsedMs = 0;
};

Run list(const QString &type, const QString &baseUrl, const QString &key, int timeoutMs = 5'000)
{
    Run run;
    auto *lister = new ModelLister(type, baseUrl, key);
    QPointer<ModelLister> guard(lister);
    QObject::connect(lister, &ModelLister::finished, lister, [&run](const ModelLister::Result &r) {
        run.result = r;
        ++run.emitted;
    });
    lister->setTimeout(timeoutMs);
    QElapsedTimer clock;
    clock.start();
    lister->start();
    TestHttp::waitUntil([&] { return run.emitted > 0; }, timeoutMs + 10'000);
    run.elapsedMs = clock.elapsed();
    // It deletes itself after finishing; a second signal would be a bug.
    for (int i = 0; i < 20 && guard; ++i)
        QTest::qWait(10);
    run.deletedItself = guard.isNull();
    delete guard.data();
    return run;
}

QString gemini(const FakeUpstream &fake)
{
    return QStringLiteral("http://127.0.0.1:%1/v1beta").arg(fake.port());
}

QString typeOf(Dialect d)
{
    switch (d) {
    case Dialect::OpenAi:
        return QStringLiteral("openai");
    case Dialect::Anthropic:
        return QStringLiteral("claude");
    case Dialect::Gemini:
        return QStringLiteral("gemini");
    }
    return {};
}

QString baseFor(Dialect d, const FakeUpstream &fake)
{
    return d == Dialect::Gemini ? gemini(fake) : fake.baseUrl();
}

// A port nobody listens on: bound once, then released.
quint16 deadPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

void TestModelLister::parsesEveryDialectsList_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("isList");
    QTest::addColumn<QStringList>("models");
    QTest::newRow("openai") << QByteArray(
        R"({"object":"list","data":[{"id":"gpt-4o","object":"model"},{"id":"o3"}]})")
                            << true << QStringList { "gpt-4o", "o3" };
    QTest::newRow("anthropic") << QByteArray(
        R"({"data":[{"type":"model","id":"claude-b"},{"type":"model","id":"claude-a"}],"has_more":false})")
                               << true << QStringList { "claude-b", "claude-a" };
    QTest::newRow("gemini strips models/ and drops what cannot chat") << QByteArray(
        R"({"models":[{"name":"models/gemini-x","supportedGenerationMethods":["generateContent"]},)"
        R"({"name":"models/embedding-001","supportedGenerationMethods":["embedContent"]},)"
        R"({"name":"models/gemini-y","supportedGenerationMethods":["countTokens","generateContent"]}]})")
                                                                      << true
                                                                      << QStringList { "gemini-x",
                                                                             "gemini-y" };
    QTest::newRow("names without methods are kept (Ollama's own list)") << QByteArray(
        R"({"models":[{"name":"llama3.2:latest","size":1}]})") << true << QStringList { "llama3.2:latest" };
    QTest::newRow("bare array") << QByteArray(R"([{"id":"m1"},{"id":"m2"}])") << true
                                << QStringList { "m1", "m2" };
    QTest::newRow("duplicates once, in order")
        << QByteArray(R"({"data":[{"id":"b"},{"id":"a"},{"id":"b"}]})") << true << QStringList { "b", "a" };
    QTest::newRow("empty list is a list")
        << QByteArray(R"({"object":"list","data":[]})") << true << QStringList();
    QTest::newRow("only embedding models")
        << QByteArray(R"({"models":[{"name":"models/e","supportedGenerationMethods":["embedContent"]}]})")
        << true << QStringList();
    QTest::newRow("html") << QByteArray("<!doctype html><html></html>") << false << QStringList();
    QTest::newRow("object without a list") << QByteArray(R"({"status":"ok"})") << false << QStringList();
    QTest::newRow("list of nameless things") << QByteArray(R"({"data":[1,2,3]})") << false << QStringList();
    QTest::newRow("empty body") << QByteArray() << false << QStringList();
}

void TestModelLister::parsesEveryDialectsList()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, isList);
    QFETCH(QStringList, models);
    const std::optional<QStringList> parsed = ModelLister::parseModels(body);
    QCOMPARE(parsed.has_value(), isList);
    if (isList)
        QCOMPARE(*parsed, models);
}

void TestModelLister::listsWhatEachProviderServes_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("keyHeader");
    QTest::addColumn<QByteArray>("keyValue");
    QTest::newRow("openai") << Dialect::OpenAi << QByteArray("/v1/models") << QByteArray("authorization")
                            << QByteArray("Bearer sk-test-123");
    QTest::newRow("anthropic") << Dialect::Anthropic << QByteArray("/v1/models?limit=1000")
                               << QByteArray("x-api-key") << QByteArray("sk-test-123");
    QTest::newRow("gemini") << Dialect::Gemini << QByteArray("/v1beta/models?pageSize=1000")
                            << QByteArray("x-goog-api-key") << QByteArray("sk-test-123");
}

void TestModelLister::listsWhatEachProviderServes()
{
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, keyHeader);
    QFETCH(QByteArray, keyValue);
    FakeUpstream fake;
    QVERIFY(fake.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Speak;
    b.dialect = dialect;
    b.models = { QStringLiteral("model-b"), QStringLiteral("model-a"), QStringLiteral("model-c") };
    fake.setBehavior(b);

    const Run run = list(typeOf(dialect), baseFor(dialect, fake), QStringLiteral("sk-test-123"));
    QCOMPARE(run.emitted, 1);
    QVERIFY2(run.result.ok(), qPrintable(run.result.message));
    QCOMPARE(run.result.failure, ModelLister::Failure::None);
    // Gemini's fake also lists an embedding model; it cannot chat, so it is left out.
    QCOMPARE(run.result.models, (QStringList { "model-b", "model-a", "model-c" }));
    QCOMPARE(run.result.httpStatus, 200);
    QVERIFY(run.result.message.isEmpty());
    QVERIFY(run.deletedItself);

    QCOMPARE(fake.requestCount(), 1);
    const FakeUpstream::Received &r = fake.received().first();
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.path, path);
    QCOMPARE(r.headers.value(keyHeader), keyValue);
}

void TestModelLister::refusedKeyIsBlamedWithTheProvidersWords_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<int>("status");
    QTest::newRow("openai 401") << Dialect::OpenAi << 401;
    QTest::newRow("anthropic 401") << Dialect::Anthropic << 401;
    QTest::newRow("gemini 403") << Dialect::Gemini << 403;
}

void TestModelLister::refusedKeyIsBlamedWithTheProvidersWords()
{
    QFETCH(Dialect, dialect);
    QFETCH(int, status);
    FakeUpstream fake;
    QVERIFY(fake.start());
    fake.setBehavior({ .mode = FakeUpstream::Mode::Status,
        .status = status,
        .body = "Invalid API key: check it.",
        .dialect = dialect });

    const Run run = list(typeOf(dialect), baseFor(dialect, fake), QStringLiteral("sk-wrong"));
    QCOMPARE(run.emitted, 1);
    QCOMPARE(run.result.failure, ModelLister::Failure::KeyRefused);
    QCOMPARE(run.result.field(), ModelLister::Field::ApiKey);
    QCOMPARE(run.result.httpStatus, status);
    QCOMPARE(run.result.message,
        QStringLiteral("The provider refused the API key (HTTP %1). It said: “Invalid API "
                       "key: check it.”")
            .arg(status));
    QVERIFY(run.result.models.isEmpty());
    QVERIFY(run.deletedItself);
}

void TestModelLister::refusalWithoutKeyAsksForOne()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    fake.setBehavior({ .mode = FakeUpstream::Mode::RawBody, .status = 401, .body = "" });
    const Run run = list(QStringLiteral("openai"), fake.baseUrl(), QString());
    QCOMPARE(run.result.failure, ModelLister::Failure::KeyRefused);
    QCOMPARE(run.result.message,
        QStringLiteral("The provider needs an API key (HTTP 401). Enter the key from your account."));
    QVERIFY(!fake.received().first().headers.contains("authorization"));
}

void TestModelLister::keyEchoedByTheProviderIsRedacted()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    const QString key = QStringLiteral("sk-secret-0123456789abcdef");
    fake.setBehavior({ .mode = FakeUpstream::Mode::Status,
        .status = 401,
        .body = "Incorrect API key provided: " + key.toUtf8() + "." });
    const Run run = list(QStringLiteral("openai"), fake.baseUrl(), key);
    QCOMPARE(run.result.failure, ModelLister::Failure::KeyRefused);
    QVERIFY2(!run.result.message.contains(key), qPrintable(run.result.message));
    QVERIFY2(run.result.message.contains(QStringLiteral("Incorrect API key provided: sk-")),
        qPrintable(run.result.message));
}

void TestModelLister::missingModelsEndpointBlamesTheUrl()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    fake.setBehavior({ .mode = FakeUpstream::Mode::RawBody, .status = 404, .body = "404 page not found" });
    const QString base = QStringLiteral("http://127.0.0.1:%1/api").arg(fake.port());
    const Run run = list(QStringLiteral("openai"), base, QString());
    QCOMPARE(run.result.failure, ModelLister::Failure::NoModelsEndpoint);
    QCOMPARE(run.result.field(), ModelLister::Field::BaseUrl);
    QCOMPARE(run.result.httpStatus, 404);
    QCOMPARE(run.result.message,
        QStringLiteral("There is no list of models at %1/models. Check the base URL: OpenAI-compatible APIs "
                       "usually end in /v1. If it is right, this provider may not list its models; then add "
                       "them by hand.")
            .arg(base));
}

void TestModelLister::deadPortSaysNothingAnswers()
{
    const quint16 port = deadPort();
    const Run run
        = list(QStringLiteral("openai"), QStringLiteral("http://127.0.0.1:%1/v1").arg(port), QString());
    QCOMPARE(run.result.failure, ModelLister::Failure::ConnectionRefused);
    QCOMPARE(run.result.field(), ModelLister::Field::BaseUrl);
    QCOMPARE(run.result.httpStatus, 0);
    QCOMPARE(run.result.message,
        QStringLiteral("Nothing answers at 127.0.0.1:%1: the connection was refused. Check "
                       "the port, and that the server is running.")
            .arg(port));
    QVERIFY(run.deletedItself);
}

void TestModelLister::hangingServerTimesOut()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    fake.setBehavior({ .mode = FakeUpstream::Mode::Hang });
    const Run run = list(QStringLiteral("openai"), fake.baseUrl(), QStringLiteral("k"), 300);
    QCOMPARE(run.emitted, 1);
    QCOMPARE(run.result.failure, ModelLister::Failure::Timeout);
    QCOMPARE(run.result.field(), ModelLister::Field::BaseUrl);
    // No translation is loaded, so the plural stays in its source form.
    QCOMPARE(run.result.message,
        QStringLiteral("127.0.0.1:%1 did not answer within 1 second(s). Check the address, "
                       "and that this computer can reach it.")
            .arg(fake.port()));
    QVERIFY2(run.elapsedMs >= 250 && run.elapsedMs < 3'000, qPrintable(QString::number(run.elapsedMs)));
    QCOMPARE(fake.requestCount(), 1);
    // The lister hung up when it gave up.
    QTRY_COMPARE(fake.abortedByPeer(), 1);
}

void TestModelLister::webPageInsteadOfJson()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    fake.setBehavior(
        { .mode = FakeUpstream::Mode::RawBody, .status = 200, .body = "<!doctype html><title>Hi</title>" });
    const Run run = list(QStringLiteral("openai"), fake.baseUrl(), QString());
    QCOMPARE(run.result.failure, ModelLister::Failure::NotJson);
    QCOMPARE(run.result.field(), ModelLister::Field::BaseUrl);
    QCOMPARE(run.result.message,
        QStringLiteral("%1/models answered, but not in JSON (it looks like a web page or "
                       "plain text). Check that the base URL points at the API and not "
                       "at a website.")
            .arg(fake.baseUrl()));
}

void TestModelLister::jsonWithoutAList()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    fake.setBehavior({ .mode = FakeUpstream::Mode::RawBody, .status = 200, .body = R"({"status":"ok"})" });
    const Run run = list(QStringLiteral("openai"), fake.baseUrl(), QString());
    QCOMPARE(run.result.failure, ModelLister::Failure::NoModelList);
    QVERIFY(run.result.message.startsWith(fake.baseUrl()
        + QStringLiteral("/models answered, but its answer holds "
                         "no list of models.")));
}

void TestModelLister::serverErrorKeepsTheProvidersMessage()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    fake.setBehavior({ .mode = FakeUpstream::Mode::Status,
        .status = 503,
        .body = "overloaded, try later",
        .dialect = Dialect::Anthropic });
    const Run run = list(QStringLiteral("claude"), fake.baseUrl(), QStringLiteral("k"));
    QCOMPARE(run.result.failure, ModelLister::Failure::HttpStatus);
    QCOMPARE(run.result.field(), ModelLister::Field::None);
    QCOMPARE(run.result.message,
        QStringLiteral("The provider answered with an error (HTTP 503): “overloaded, try later”"));
}

void TestModelLister::plainHttpServerOnAnHttpsUrlIsATlsFailure()
{
    // What a plain-HTTP server says to a TLS hello: an HTTP error, then it hangs up.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, &server, [&server] {
        while (QTcpSocket *s = server.nextPendingConnection()) {
            connect(s, &QTcpSocket::readyRead, s, [s] {
                s->readAll();
                s->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                s->disconnectFromHost();
            });
        }
    });
    const Run run = list(QStringLiteral("openai"),
        QStringLiteral("https://127.0.0.1:%1/v1").arg(server.serverPort()), QStringLiteral("k"));
    QCOMPARE(run.result.failure, ModelLister::Failure::Tls);
    QCOMPARE(run.result.field(), ModelLister::Field::BaseUrl);
    QVERIFY2(run.result.message.startsWith(
                 QStringLiteral("A secure connection to 127.0.0.1:%1 could not be set up (")
                     .arg(server.serverPort())),
        qPrintable(run.result.message));
}

void TestModelLister::unknownHostIsNamed()
{
    // .invalid never resolves (RFC 2606).
    const Run run
        = list(QStringLiteral("openai"), QStringLiteral("https://no-such-host.invalid/v1"), QString(), 8'000);
    QCOMPARE(run.result.failure, ModelLister::Failure::HostNotFound);
    QCOMPARE(run.result.field(), ModelLister::Field::BaseUrl);
    QCOMPARE(run.result.message,
        QStringLiteral("The host no-such-host.invalid could not be found. Check the spelling "
                       "of the address, and that this computer is online."));
}

void TestModelLister::unusableAddressesAreRefusedWithoutANetworkCall_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("no scheme") << QStringLiteral("api.openai.com/v1");
    QTest::newRow("ftp") << QStringLiteral("ftp://example.com/v1");
    QTest::newRow("no host") << QStringLiteral("http:///v1");
    QTest::newRow("words") << QStringLiteral("my server");
}

void TestModelLister::unusableAddressesAreRefusedWithoutANetworkCall()
{
    QFETCH(QString, url);
    int emitted = 0;
    ModelLister::Result result;
    auto *lister = new ModelLister(QStringLiteral("openai"), url, QString());
    QPointer<ModelLister> guard(lister);
    connect(lister, &ModelLister::finished, this, [&](const ModelLister::Result &r) {
        result = r;
        ++emitted;
    });
    QVERIFY(lister->target().isEmpty());
    lister->start();
    // Not during start(): a caller shows its busy state after start() returns.
    QCOMPARE(emitted, 0);
    QTRY_COMPARE(emitted, 1);
    QCOMPARE(result.failure, ModelLister::Failure::InvalidUrl);
    QCOMPARE(result.field(), ModelLister::Field::BaseUrl);
    QVERIFY(result.message.startsWith(QStringLiteral("This is not a usable address.")));
    QTRY_VERIFY(guard.isNull());
}

void TestModelLister::unknownTypeIsRefused()
{
    const Run run = list(QStringLiteral("cohere"), QStringLiteral("https://api.cohere.com/v1"), QString());
    QCOMPARE(run.result.failure, ModelLister::Failure::UnknownType);
    QCOMPARE(run.result.field(), ModelLister::Field::None);
    QCOMPARE(run.result.message, QStringLiteral("Switchyard does not know the provider type “cohere”."));
}

void TestModelLister::abortedListerSaysNothingAndGoes()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    fake.setBehavior({ .mode = FakeUpstream::Mode::Hang });
    auto *lister = new ModelLister(QStringLiteral("openai"), fake.baseUrl(), QString());
    QPointer<ModelLister> guard(lister);
    int emitted = 0;
    connect(lister, &ModelLister::finished, this, [&emitted] { ++emitted; });
    lister->start();
    QTRY_COMPARE(fake.requestCount(), 1);
    lister->abort();
    QTRY_VERIFY(guard.isNull());
    QTRY_COMPARE(fake.abortedByPeer(), 1);
    QCOMPARE(emitted, 0);
}

void TestModelLister::deletingTheParentDropsTheRequest()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    fake.setBehavior({ .mode = FakeUpstream::Mode::Hang });
    auto *parent = new QObject;
    auto *lister = new ModelLister(QStringLiteral("openai"), fake.baseUrl(), QString(), parent);
    int emitted = 0;
    connect(lister, &ModelLister::finished, this, [&emitted] { ++emitted; });
    lister->start();
    QTRY_COMPARE(fake.requestCount(), 1);
    delete parent;
    QTRY_COMPARE(fake.abortedByPeer(), 1);
    QTest::qWait(50);
    QCOMPARE(emitted, 0);
}

QTEST_GUILESS_MAIN(TestModelLister)
#include "tst_modellister.moc"
