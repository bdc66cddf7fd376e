// Security checks over real loopback sockets against a real gateway: no secret leaks anywhere, access-token
// bypass attempts, and the limits that keep one client from starving the others.
//
// Proven elsewhere, not repeated here:
//  - a non-loopback listen without access tokens is refused: tst_endpoints::nonLoopbackNeedsTokens;
//  - a Co-Link node with a wrong or missing token gets 401 at /ws: tst_colink_hub (upgradeStatus ... 401);
//  - CORS: allowed origin gets Access-Control-Allow-Origin, another does not, preflight 204 / refused 403,
//    off by default: tst_endpoints::corsAllowlist;
//  - basic Bearer / x-api-key / lowercase "bearer" acceptance: tst_endpoints::accessTokens.
#include "config/configwriter.h"
#include "fakeupstream.h"
#include "gatewayfixture.h"
#include "secrets/keyresolver.h"
#include "server/accesscontrol.h"
#include "testhttp.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using TestHttp::waitUntil;

namespace {

const QByteArray literalKey = "sk-lit-SECRETKEY-0001abcdefgh";
const QByteArray envKey = "sk-env-SECRETKEY-0002abcdefgh";
const QByteArray echoKey = "sk-400-SECRETKEY-0003abcdefgh";
const QByteArray accessToken = "sy-access-TOKEN-0004abcdefgh";
const QByteArray otherToken = "sy-access-TOKEN-0005abcdefgh";
const QByteArray nodeClientToken = "colink-client-TOKEN-0006abcdefgh";
const char *envVariable = "SWITCHYARD_TST_SECURITY_KEY";

QMutex logMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLog << QString::fromUtf8(context.category ? context.category : "") + QLatin1Char(' ') + message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

const QByteArray chatBody(const char *model)
{
    return QByteArray(R"({"model":")") + model + R"(","messages":[{"role":"user","content":"hi"}]})";
}

const QByteArray messagesBody(const char *model)
{
    return QByteArray(R"({"model":")") + model + R"(","max_tokens":5,"messages":[{"role":"user","content":"hi"}]})";
}

QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// One HTTP/1.1 answer read off a raw socket (Content-Length framed, as every answer the gateway makes itself).
struct RawAnswer {
    int status = 0;
    QByteArray head;
    QByteArray body;
};

RawAnswer readAnswer(QTcpSocket &socket, int timeoutMs = 5'000)
{
    QByteArray buffer;
    RawAnswer answer;
    waitUntil([&] {
        buffer += socket.readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        answer.head = buffer.left(end);
        static const QRegularExpression lengthRe(QStringLiteral("(?im)^content-length:\\s*(\\d+)"));
        const auto m = lengthRe.match(QString::fromLatin1(answer.head));
        const qsizetype length = m.hasMatch() ? m.captured(1).toLongLong() : 0;
        if (buffer.size() < end + 4 + length)
            return false;
        answer.body = buffer.mid(end + 4, length);
        return true;
    }, timeoutMs);
    static const QRegularExpression statusRe(QStringLiteral("^HTTP/1\\.[01] (\\d{3})"));
    const auto m = statusRe.match(QString::fromLatin1(answer.head));
    answer.status = m.hasMatch() ? m.captured(1).toInt() : 0;
    return answer;
}

// Sends head (request line and header lines, without the blank line) and body on a new connection.
RawAnswer rawRequest(quint16 port, const QByteArray &head, const QByteArray &body = {})
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!waitUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 3'000))
        return {};
    QByteArray request = head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;
    socket.write(request);
    return readAnswer(socket);
}

QByteArray authenticatedChatHead(const QByteArray &headerLines)
{
    return "POST /v1/chat/completions HTTP/1.1\r\n" + headerLines;
}

} // namespace

class TestSecurity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void noSecretAnywhere();
    void authBypassAttempts_data();
    void authBypassAttempts();
    void anthropicClientsGetAnthropicErrors();
    void revokedTokenIsRefused();
    void oversizeBodyIs413InTheClientsFormat();
    void tooManyConnectionsFromOneClient();
    void deeplyNestedJsonIs400();
    void slowHeadersAreCutOthersServed();
    void idleKeepAliveIsClosedButSlowBodyIsNot();

private:
    Config tokenConfig() const;
    std::unique_ptr<FakeUpstream> m_upstream;
    std::unique_ptr<GatewayFixture> m_fx;
};

void TestSecurity::initTestCase()
{
    // Every category at every level, so a secret in a debug line would be seen too.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.*.debug=false"));
    previousHandler = qInstallMessageHandler(captureMessage);
}

void TestSecurity::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

void TestSecurity::init()
{
    m_upstream = std::make_unique<FakeUpstream>();
    QVERIFY(m_upstream->start());
    m_fx = std::make_unique<GatewayFixture>();
}

void TestSecurity::cleanup()
{
    m_fx.reset();
    m_upstream.reset();
}

Config TestSecurity::tokenConfig() const
{
    Config config;
    ProviderConfig p = GatewayFixture::provider(QStringLiteral("up"), m_upstream->baseUrl(), QStringLiteral("pro-model"),
                                                QStringLiteral("m"));
    p.keyLiteral = QString::fromLatin1(literalKey);
    config.providers << p;
    config.gateway.accessTokens << AccessToken{QStringLiteral("laptop"), AccessControl::hashToken(accessToken)};
    return config;
}

void TestSecurity::noSecretAnywhere()
{
    // Three upstreams: one answers, one refuses its key with a 401 that echoes it, one answers 400 echoing it
    // (a 4xx the gateway passes on to the client).
    FakeUpstream refusing;
    FakeUpstream echoing;
    QVERIFY(refusing.start());
    QVERIFY(echoing.start());
    refusing.setBehavior({.mode = FakeUpstream::Mode::RawBody, .status = 401,
                          .body = R"({"error":{"message":"Incorrect API key provided: )" + envKey
                                  + R"(","type":"invalid_request_error","code":"invalid_api_key"}})"});
    echoing.setBehavior({.mode = FakeUpstream::Mode::RawBody, .status = 400,
                         .body = R"({"error":{"message":"bad request for key )" + echoKey + R"(","type":"invalid_request_error"}})"});
    qputenv(envVariable, envKey);

    Config config = tokenConfig(); // "up": literal key
    ProviderConfig fromEnv = GatewayFixture::provider(QStringLiteral("envp"), refusing.baseUrl(), QStringLiteral("bad-model"),
                                                      QStringLiteral("b"));
    fromEnv.keySource = KeySource::Environment;
    fromEnv.keyLiteral = QString::fromLatin1(envVariable);
    config.providers << fromEnv;
    ProviderConfig echo = GatewayFixture::provider(QStringLiteral("echo"), echoing.baseUrl(), QStringLiteral("echo-model"),
                                                   QStringLiteral("e"));
    echo.keyLiteral = QString::fromLatin1(echoKey);
    config.providers << echo;
    config.colink.clientToken = QString::fromLatin1(nodeClientToken); // no server_url: node stays off
    {
        QMutexLocker lock(&logMutex);
        capturedLog.clear();
    }
    QVERIFY(m_fx->start(config));

    const TestHttp::Headers auth{{"Authorization", "Bearer " + accessToken}};
    QList<TestHttp::Response> answers;
    const auto chat = [&](const char *model, const TestHttp::Headers &headers) {
        answers << TestHttp::post(m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(model), headers);
        return answers.last();
    };
    QCOMPARE(chat("pro-model", auth).status, 200);
    QCOMPARE(chat("bad-model", auth).status, 502);
    QCOMPARE(json(answers.last().body).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("provider_auth_failed"));
    QCOMPARE(chat("echo-model", auth).status, 400);
    QCOMPARE(chat("pro-model", {{"Authorization", "Bearer " + literalKey}}).status, 401); // a provider key is no token
    QCOMPARE(chat("no-such-model", auth).status, 404);
    answers << TestHttp::post(m_fx->url(QStringLiteral("/v1/messages")), messagesBody("bad-model"),
                              {{"x-api-key", accessToken}, {"anthropic-version", "2023-06-01"}});
    QCOMPARE(answers.last().status, 503); // its only provider is now set aside as key_invalid
    answers << TestHttp::post(m_fx->url(QStringLiteral("/v1/messages")), messagesBody("echo-model"),
                              {{"x-api-key", accessToken}, {"anthropic-version", "2023-06-01"}});
    QCOMPARE(answers.last().status, 400);
    answers << TestHttp::get(m_fx->url(QStringLiteral("/health")));
    QVERIFY(answers.last().body.contains("key_invalid")); // the 401 was seen and recorded
    answers << TestHttp::get(m_fx->url(QStringLiteral("/metrics")), auth);
    QCOMPARE(answers.last().status, 200);
    answers << TestHttp::get(m_fx->url(QStringLiteral("/v1/models")), auth);
    QCOMPARE(answers.last().status, 200);
    answers << TestHttp::get(m_fx->url(QStringLiteral("/node")), auth);
    QCOMPARE(answers.last().status, 200);

    // Controls: the keys really went upstream, so their absence below means something.
    QVERIFY(!m_upstream->received().isEmpty());
    QCOMPARE(m_upstream->received().first().headers.value("authorization"), "Bearer " + literalKey);
    QVERIFY(!refusing.received().isEmpty());
    QCOMPARE(refusing.received().first().headers.value("authorization"), "Bearer " + envKey);
    QVERIFY(!echoing.received().isEmpty());

    const QList<QByteArray> secrets{literalKey, envKey, echoKey, accessToken, nodeClientToken};
    const auto leaks = [&](const QByteArray &text) {
        for (const QByteArray &secret : secrets) {
            if (text.contains(secret))
                return secret;
        }
        return QByteArray();
    };
    for (const TestHttp::Response &r : answers) {
        QByteArray all = r.body;
        for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it)
            all += it.key() + ": " + it.value() + '\n';
        QVERIFY2(leaks(all).isEmpty(), QByteArray(leaks(all) + " in an answer: " + all).constData());
    }

    // The config as the app saves it.
    const QString configPath = m_fx->dataDir() + QStringLiteral("/config.yaml");
    QString error;
    QVERIFY2(ConfigWriter::writeFile(config, configPath, &error), qPrintable(error));

    // The log lines the gateway printed: some were (an attempt failed), none holds a secret.
    QStringList lines;
    {
        QMutexLocker lock(&logMutex);
        lines = capturedLog;
    }
    QVERIFY2(lines.join(QLatin1Char('\n')).contains(QStringLiteral("failed")), qPrintable(lines.join(QLatin1Char('\n'))));
    for (const QString &line : lines)
        QVERIFY2(leaks(line.toUtf8()).isEmpty(), qPrintable(QStringLiteral("in the log: ") + line));

    // Every file in the data directory (request log, WAL included) after the gateway has closed it.
    const QString dataDir = m_fx->dataDir();
    int files = 0;
    QDirIterator it(dataDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(leaks(content).isEmpty(), QByteArray(leaks(content) + " in " + file.fileName().toUtf8()).constData());
        ++files;
    }
    QVERIFY(files >= 2); // requests.sqlite and config.yaml at least
    QFile written(configPath);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray yaml = written.readAll();
    QVERIFY(yaml.contains(QByteArray("env:" + QByteArray(envVariable)))); // the reference is kept, the value is not
    QVERIFY(yaml.contains(AccessControl::hashToken(accessToken)));
    qunsetenv(envVariable);
}

void TestSecurity::authBypassAttempts_data()
{
    QTest::addColumn<QByteArray>("headers"); // header lines, each ending in CRLF
    QTest::addColumn<int>("status");

    const QByteArray t = accessToken;
    QTest::newRow("no token") << QByteArray() << 401;
    QTest::newRow("Bearer alone") << QByteArray("Authorization: Bearer\r\n") << 401;
    QTest::newRow("Bearer and a space") << QByteArray("Authorization: Bearer \r\n") << 401;
    QTest::newRow("Basic with the token") << QByteArray("Authorization: Basic " + t.toBase64() + "\r\n") << 401;
    QTest::newRow("Basic with token:") << QByteArray("Authorization: Basic " + QByteArray(t + ":").toBase64() + "\r\n") << 401;
    QTest::newRow("token without scheme") << QByteArray("Authorization: " + t + "\r\n") << 401;
    QTest::newRow("wrong token") << QByteArray("Authorization: Bearer wrong\r\n") << 401;
    QTest::newRow("token prefix") << QByteArray("Authorization: Bearer " + t.chopped(1) + "\r\n") << 401;
    QTest::newRow("token plus a character") << QByteArray("Authorization: Bearer " + t + "x\r\n") << 401;
    QTest::newRow("token with inner space") << QByteArray("Authorization: Bearer " + t.left(5) + ' ' + t.mid(5) + "\r\n") << 401;
    QTest::newRow("token then NUL") << QByteArray("Authorization: Bearer " + t + QByteArray(1, '\0') + "\r\n") << 401;
    QTest::newRow("token then NUL and more") << QByteArray("Authorization: Bearer " + t + QByteArray(1, '\0') + "x\r\n") << 401;
    QTest::newRow("token hashed") << QByteArray("Authorization: Bearer " + AccessControl::hashToken(t) + "\r\n") << 401;
    QTest::newRow("AUTHORIZATION wrong") << QByteArray("AUTHORIZATION: Bearer wrong\r\n") << 401;
    QTest::newRow("x-api-key wrong") << QByteArray("x-api-key: wrong\r\n") << 401;
    QTest::newRow("X-API-KEY empty") << QByteArray("X-API-KEY: \r\n") << 401;
    // A wrong Bearer token is not rescued by a right x-api-key: the Authorization header decides.
    QTest::newRow("wrong Bearer, right x-api-key") << QByteArray("Authorization: Bearer wrong\r\nx-api-key: " + t + "\r\n") << 401;
    // The documented, standard behaviour (RFC 9110: header names and the auth scheme are case-insensitive,
    // surrounding whitespace is not part of a field value; RFC 7235: 1*SP after the scheme). Each of these
    // still carries the exact token.
    QTest::newRow("AUTHORIZATION right") << QByteArray("AUTHORIZATION: Bearer " + t + "\r\n") << 200;
    QTest::newRow("BEARER right") << QByteArray("Authorization: BEARER " + t + "\r\n") << 200;
    QTest::newRow("two spaces") << QByteArray("Authorization: Bearer  " + t + "\r\n") << 200;
    QTest::newRow("trailing whitespace") << QByteArray("Authorization: Bearer " + t + " \t\r\n") << 200;
    QTest::newRow("X-Api-Key right") << QByteArray("X-Api-Key: " + t + "\r\n") << 200;
    QTest::newRow("Basic, then right x-api-key") << QByteArray("Authorization: Basic abc\r\nx-api-key: " + t + "\r\n") << 200;
}

void TestSecurity::authBypassAttempts()
{
    QFETCH(QByteArray, headers);
    QFETCH(int, status);
    QVERIFY(m_fx->start(tokenConfig()));
    const RawAnswer answer = rawRequest(m_fx->gateway()->port(), authenticatedChatHead(headers).chopped(2),
                                        chatBody("pro-model"));
    QCOMPARE(answer.status, status);
    if (status == 401) {
        // OpenAI's error shape, and nothing reached the provider.
        const QJsonObject error = json(answer.body).value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("authentication_error"));
        QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
        QVERIFY(answer.head.contains("WWW-Authenticate: Bearer"));
        QCOMPARE(m_upstream->requestCount(), 0);
    } else {
        QCOMPARE(m_upstream->requestCount(), 1);
    }
}

void TestSecurity::anthropicClientsGetAnthropicErrors()
{
    QVERIFY(m_fx->start(tokenConfig()));
    const QUrl url = m_fx->url(QStringLiteral("/v1/messages"));
    for (const TestHttp::Headers &headers :
         {TestHttp::Headers{{"anthropic-version", "2023-06-01"}},
          TestHttp::Headers{{"x-api-key", "wrong"}, {"anthropic-version", "2023-06-01"}},
          TestHttp::Headers{{"x-api-key", accessToken + "x"}, {"anthropic-version", "2023-06-01"}},
          TestHttp::Headers{{"X-API-KEY", otherToken}, {"anthropic-version", "2023-06-01"}}}) {
        const auto r = TestHttp::post(url, messagesBody("pro-model"), headers);
        QCOMPARE(r.status, 401);
        const QJsonObject body = json(r.body);
        QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QCOMPARE(body.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("authentication_error"));
    }
    QCOMPARE(m_upstream->requestCount(), 0);
    QCOMPARE(TestHttp::post(url, messagesBody("pro-model"), {{"x-api-key", accessToken}, {"anthropic-version", "2023-06-01"}})
                 .status,
             200);
}

void TestSecurity::revokedTokenIsRefused()
{
    Config config = tokenConfig();
    config.gateway.accessTokens << AccessToken{QStringLiteral("phone"), AccessControl::hashToken(otherToken)};
    QVERIFY(m_fx->start(config));
    const QUrl url = m_fx->url(QStringLiteral("/v1/chat/completions"));
    QCOMPARE(TestHttp::post(url, chatBody("pro-model"), {{"Authorization", "Bearer " + otherToken}}).status, 200);

    // Reload without "phone", on the same listener.
    config.gateway.accessTokens.removeLast();
    ResolvedKeys keys;
    keys.keys.insert(QStringLiteral("up"), QString::fromLatin1(literalKey));
    m_fx->gateway()->applyConfig(config, keys);
    const auto revoked = TestHttp::post(url, chatBody("pro-model"), {{"Authorization", "Bearer " + otherToken}});
    QCOMPARE(revoked.status, 401);
    QCOMPARE(json(revoked.body).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("invalid_api_key"));
    QCOMPARE(TestHttp::post(url, chatBody("pro-model"), {{"x-api-key", otherToken}}).status, 401);
    QCOMPARE(TestHttp::post(url, chatBody("pro-model"), {{"Authorization", "Bearer " + accessToken}}).status, 200);
    QCOMPARE(m_upstream->requestCount(), 2);
}

void TestSecurity::oversizeBodyIs413InTheClientsFormat()
{
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("up"), m_upstream->baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"));
    config.gateway.maxBodyBytes = 4096;
    QVERIFY(m_fx->start(config));
    const quint16 port = m_fx->gateway()->port();

    // A Content-Length over the limit is answered as soon as the head is in: the client need not send (and the
    // gateway never buffers) a gigabyte first. The connection is then closed, as the body was never read.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(waitUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 3'000));
    QElapsedTimer timer;
    timer.start();
    socket.write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 "Content-Length: 1073741824\r\n\r\n{\"model\":");
    const RawAnswer early = readAnswer(socket, 3'000);
    QCOMPARE(early.status, 413);
    QVERIFY2(timer.elapsed() < 1'000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(early.head.toLower().contains("connection: close"));
    QCOMPARE(json(early.body).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("request_too_large"));
    QVERIFY(json(early.body).value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString().contains(
        QLatin1String("1073741824")));
    QVERIFY(waitUntil([&] { return socket.state() != QAbstractSocket::ConnectedState || socket.atEnd(); }, 6'000));

    // The whole oversize body sent anyway (as clients that ignore early answers do): the answer still arrives
    // intact, in Anthropic's format for a Messages call.
    const QByteArray padding(256 * 1024, 'x');
    const QByteArray big = R"({"model":"pro-model","max_tokens":5,"messages":[{"role":"user","content":")" + padding + "\"}]}";
    const RawAnswer anthropic = rawRequest(port, "POST /v1/messages HTTP/1.1\r\nanthropic-version: 2023-06-01", big);
    QCOMPARE(anthropic.status, 413);
    const QJsonObject body = json(anthropic.body);
    QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(body.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("request_too_large"));

    // Chunked bodies carry no length: one a little over the limit gets the exact check after decoding (and the
    // connection stays usable); an endless one is cut while it streams in.
    QTcpSocket chunked;
    chunked.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(waitUntil([&] { return chunked.state() == QAbstractSocket::ConnectedState; }, 3'000));
    const QByteArray justOver = R"({"model":"pro-model","max_tokens":5,"messages":[{"role":"user","content":")"
                                + QByteArray(5000, 'y') + "\"}]}";
    chunked.write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n"
                  + QByteArray::number(justOver.size(), 16) + "\r\n" + justOver + "\r\n0\r\n\r\n");
    QCOMPARE(readAnswer(chunked, 3'000).status, 413);
    chunked.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(readAnswer(chunked, 3'000).status, 200);

    QTcpSocket endless;
    endless.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(waitUntil([&] { return endless.state() == QAbstractSocket::ConnectedState; }, 3'000));
    endless.write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n");
    const QByteArray piece = QByteArray::number(16 * 1024, 16) + "\r\n" + QByteArray(16 * 1024, 'z') + "\r\n";
    QByteArray received;
    qint64 sent = 0;
    while (sent < 8 * 1024 * 1024 && !received.contains("\r\n\r\n") && endless.state() == QAbstractSocket::ConnectedState) {
        endless.write(piece);
        sent += piece.size();
        // The gateway runs in this thread: let it read before the next piece.
        waitUntil([&] { return endless.bytesToWrite() == 0; }, 1'000);
        received += endless.readAll();
    }
    QVERIFY(waitUntil([&] {
        received += endless.readAll();
        return received.contains("\r\n\r\n");
    }, 3'000));
    QVERIFY2(received.startsWith("HTTP/1.1 413"), received.left(200).constData());
    QVERIFY2(sent < 1024 * 1024, qPrintable(QString::number(sent))); // cut near 2 × 4 KB + 64 KB, not at 8 MB
    QCOMPARE(m_upstream->requestCount(), 0);
    QCOMPARE(TestHttp::post(m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody("pro-model")).status, 200);
}

void TestSecurity::tooManyConnectionsFromOneClient()
{
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("up"), m_upstream->baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"));
    config.gateway.maxConnectionsPerClient = 4;
    QVERIFY(m_fx->start(config));
    const quint16 port = m_fx->gateway()->port();
    auto connectFrom = [port](QTcpSocket &socket, const QHostAddress &from) {
        socket.bind(from);
        socket.connectToHost(QHostAddress::LocalHost, port);
        return waitUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 3'000);
    };

    // One client (127.0.0.1) holds its four connections open.
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 4; ++i) {
        held.push_back(std::make_unique<QTcpSocket>());
        QVERIFY(connectFrom(*held.back(), QHostAddress::LocalHost));
    }
    // Its fifth is answered 429 without a request even being read.
    QTcpSocket fifth;
    fifth.connectToHost(QHostAddress::LocalHost, port); // answered and closed at once: no waiting for "connected"
    const RawAnswer refused = readAnswer(fifth, 3'000);
    QCOMPARE(refused.status, 429);
    QVERIFY(refused.head.contains("Retry-After: 1"));
    QCOMPARE(json(refused.body).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("too_many_connections"));
    QVERIFY(waitUntil([&] { return fifth.state() != QAbstractSocket::ConnectedState || fifth.atEnd(); }, 6'000));

    // Another client (all of 127.0.0.0/8 is this machine on Linux) is served meanwhile, and so are the held ones.
    QTcpSocket other;
    QVERIFY(connectFrom(other, QHostAddress(QStringLiteral("127.0.0.2"))));
    other.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(readAnswer(other, 3'000).status, 200);
    held.front()->write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(readAnswer(*held.front(), 3'000).status, 200);

    // A connection closed makes room for a new one.
    held.pop_back();
    // (The gateway sees the close a moment later, hence the retries.)
    QVERIFY(waitUntil([&] {
        QTcpSocket again;
        if (!connectFrom(again, QHostAddress::LocalHost))
            return false;
        again.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        return readAnswer(again, 1'000).status == 200;
    }, 3'000));
}

void TestSecurity::deeplyNestedJsonIs400()
{
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("up"), m_upstream->baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"));
    QVERIFY(m_fx->start(config));
    const quint16 port = m_fx->gateway()->port();

    QByteArray objects;
    for (int i = 0; i < 50'000; ++i)
        objects += "{\"a\":";
    objects += "1" + QByteArray(50'000, '}');
    const QByteArray inMessages = R"({"model":"pro-model","messages":)" + QByteArray(100'000, '[')
                                  + QByteArray(100'000, ']') + "}";
    for (const QByteArray &nested : {QByteArray(100'000, '['), inMessages, objects}) {
        // Another client holds a connection open meanwhile, and is served right after.
        QTcpSocket other;
        other.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(waitUntil([&] { return other.state() == QAbstractSocket::ConnectedState; }, 3'000));
        const RawAnswer answer = rawRequest(port, "POST /v1/chat/completions HTTP/1.1", nested);
        QCOMPARE(answer.status, 400);
        QCOMPARE(json(answer.body).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                 QStringLiteral("invalid_json"));
        other.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(readAnswer(other, 3'000).status, 200);
    }
    QCOMPARE(m_upstream->requestCount(), 0);
    QCOMPARE(TestHttp::post(m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody("pro-model")).status, 200);
}

void TestSecurity::slowHeadersAreCutOthersServed()
{
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("up"), m_upstream->baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"));
    config.gateway.headerTimeoutMs = 800;
    QVERIFY(m_fx->start(config));

    // Slowloris: a request head one byte every 200 ms, which would take many seconds to finish.
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, m_fx->gateway()->port());
    QVERIFY(waitUntil([&] { return slow.state() == QAbstractSocket::ConnectedState; }, 3'000));
    QElapsedTimer timer;
    timer.start();
    const QByteArray head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: aaaaaaaaaaaaaaaa\r\n";
    int sent = 0;
    int servedMeanwhile = 0;
    while (sent < head.size() && slow.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5'000) {
        slow.write(head.mid(sent++, 1));
        slow.flush();
        // Others are served while it trickles.
        if (TestHttp::get(m_fx->url(QStringLiteral("/health")), {}, 2'000).status == 200)
            ++servedMeanwhile;
        waitUntil([&] { return slow.state() != QAbstractSocket::ConnectedState; }, 200);
    }
    const qint64 cutAfter = timer.elapsed();
    QVERIFY2(slow.state() != QAbstractSocket::ConnectedState, "the slow client is still connected");
    QVERIFY2(cutAfter >= 700 && cutAfter < 2'500, qPrintable(QString::number(cutAfter)));
    QVERIFY(sent < head.size());
    QVERIFY(servedMeanwhile >= 2);
    QCOMPARE(TestHttp::post(m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody("pro-model")).status, 200);
}

void TestSecurity::idleKeepAliveIsClosedButSlowBodyIsNot()
{
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("up"), m_upstream->baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"));
    config.gateway.headerTimeoutMs = 600;
    QVERIFY(m_fx->start(config));
    const quint16 port = m_fx->gateway()->port();

    // A complete head, then a body trickled for longer than the header timeout: the body is not cut.
    QTcpSocket uploader;
    uploader.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(waitUntil([&] { return uploader.state() == QAbstractSocket::ConnectedState; }, 3'000));
    const QByteArray body = chatBody("pro-model");
    uploader.write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                   + QByteArray::number(body.size()) + "\r\n\r\n");
    QElapsedTimer timer;
    timer.start();
    const int pieces = 6;
    for (int i = 0; i < pieces; ++i) {
        uploader.write(body.mid(i * body.size() / pieces, (i + 1) * body.size() / pieces - i * body.size() / pieces));
        if (i + 1 < pieces)
            waitUntil([&] { return uploader.state() != QAbstractSocket::ConnectedState; }, 200);
    }
    QVERIFY(timer.elapsed() > 900); // well past the 600 ms header timeout
    QCOMPARE(readAnswer(uploader, 3'000).status, 200);

    // The same connection, now idle between requests, is closed once the header timeout passes again.
    timer.restart();
    QVERIFY(waitUntil([&] { return uploader.state() != QAbstractSocket::ConnectedState; }, 3'000));
    QVERIFY2(timer.elapsed() >= 450, qPrintable(QString::number(timer.elapsed())));

    // A request on a kept-alive connection before the timeout is served (the deadline is re-armed, not fatal).
    QTcpSocket keepAlive;
    keepAlive.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(waitUntil([&] { return keepAlive.state() == QAbstractSocket::ConnectedState; }, 3'000));
    for (int i = 0; i < 3; ++i) {
        QTest::qWait(350); // 3 × 350 ms on one connection: longer than one timeout in all
        keepAlive.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(readAnswer(keepAlive, 2'000).status, 200);
    }
}

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
