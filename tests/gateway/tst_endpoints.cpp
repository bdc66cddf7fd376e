// Everything the gateway answers itself, over real loopback sockets: validation, access tokens, limits,
// CORS, status endpoints and the listen policy.
#include "fakeupstream.h"
#include "gatewayfixture.h"
#include "server/accesscontrol.h"
#include "testhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QJsonObject errorOf(const TestHttp::Response &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).toObject();
}

} // namespace

class TestEndpoints final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void badRequests_data();
    void badRequests();
    void bodyOverTheLimitIs413();
    void accessTokens();
    void corsAllowlist();
    void modelsAndHealth();
    void metricsCountRequests();
    void nonLoopbackNeedsTokens();
    void portInUseIsReported();

private:
    std::unique_ptr<FakeUpstream> m_upstream;
    std::unique_ptr<GatewayFixture> m_fx;
    Config baseConfig() const;
};

Config TestEndpoints::baseConfig() const
{
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("up"), m_upstream->baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"));
    return config;
}

void TestEndpoints::init()
{
    m_upstream = std::make_unique<FakeUpstream>();
    QVERIFY(m_upstream->start());
    m_fx = std::make_unique<GatewayFixture>();
}

void TestEndpoints::badRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("param");

    const QString chat = QStringLiteral("/v1/chat/completions");
    QTest::newRow("malformed json") << QByteArray("POST") << chat << QByteArray("{\"model\": ") << 400
                                    << QStringLiteral("invalid_json") << QString();
    QTest::newRow("not an object") << QByteArray("POST") << chat << QByteArray("[1,2]") << 400 << QStringLiteral("invalid_json")
                                   << QString();
    QTest::newRow("empty body") << QByteArray("POST") << chat << QByteArray() << 400 << QStringLiteral("invalid_json") << QString();
    QTest::newRow("missing model") << QByteArray("POST") << chat << QByteArray(R"({"messages":[{"role":"user"}]})") << 400
                                   << QStringLiteral("missing_required_parameter") << QStringLiteral("model");
    QTest::newRow("model is a number") << QByteArray("POST") << chat << QByteArray(R"({"model":5,"messages":[]})") << 400
                                       << QStringLiteral("invalid_type") << QStringLiteral("model");
    QTest::newRow("stream is a string")
        << QByteArray("POST") << chat << QByteArray(R"({"model":"pro-model","stream":"yes","messages":[{"role":"user"}]})")
        << 400 << QStringLiteral("invalid_type") << QStringLiteral("stream");
    QTest::newRow("messages is a string") << QByteArray("POST") << chat << QByteArray(R"({"model":"pro-model","messages":"hi"})")
                                          << 400 << QStringLiteral("invalid_type") << QStringLiteral("messages");
    QTest::newRow("messages empty") << QByteArray("POST") << chat << QByteArray(R"({"model":"pro-model","messages":[]})") << 400
                                    << QStringLiteral("invalid_value") << QStringLiteral("messages");
    QTest::newRow("message without role") << QByteArray("POST") << chat
                                          << QByteArray(R"({"model":"pro-model","messages":[{"content":"x"}]})") << 400
                                          << QStringLiteral("invalid_type") << QStringLiteral("messages");
    QTest::newRow("unknown model") << QByteArray("POST") << chat
                                   << QByteArray(R"({"model":"gpt-9","messages":[{"role":"user","content":"x"}]})") << 404
                                   << QStringLiteral("model_not_found") << QStringLiteral("model");
    QTest::newRow("unknown route") << QByteArray("GET") << QStringLiteral("/v1/nothing") << QByteArray() << 404
                                   << QStringLiteral("unknown_url") << QString();
    QTest::newRow("wrong method") << QByteArray("GET") << chat << QByteArray() << 405 << QStringLiteral("method_not_allowed")
                                  << QString();
    QTest::newRow("unknown model item") << QByteArray("GET") << QStringLiteral("/v1/models/gpt-9") << QByteArray() << 404
                                        << QStringLiteral("model_not_found") << QStringLiteral("model");
}

void TestEndpoints::badRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QVERIFY(m_fx->start(baseConfig()));
    const auto r = TestHttp::send(method, m_fx->url(path), body, {}, 5000);
    QTEST(r.status, "status");
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    const QJsonObject error = errorOf(r);
    QTEST(error.value(QLatin1String("code")).toString(), "code");
    QFETCH(QString, param);
    QCOMPARE(error.value(QLatin1String("param")).toString(), param);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    QVERIFY(!error.value(QLatin1String("type")).toString().isEmpty());
    QCOMPARE(m_upstream->requestCount(), 0);
    // The unknown model's message lists what is there.
    if (error.value(QLatin1String("code")).toString() == QLatin1String("model_not_found"))
        QVERIFY(error.value(QLatin1String("message")).toString().contains(QStringLiteral("pro-model")));
}

void TestEndpoints::bodyOverTheLimitIs413()
{
    Config config = baseConfig();
    config.gateway.maxBodyBytes = 4096;
    QVERIFY(m_fx->start(config));
    const QByteArray big = R"({"model":"pro-model","messages":[{"role":"user","content":")" + QByteArray(5000, 'x') + "\"}]}";
    const auto r = TestHttp::post(m_fx->url(QStringLiteral("/v1/chat/completions")), big);
    QCOMPARE(r.status, 413);
    QCOMPARE(errorOf(r).value(QLatin1String("code")).toString(), QStringLiteral("request_too_large"));
    QCOMPARE(m_upstream->requestCount(), 0);
    // The connection and the gateway are fine afterwards.
    const QByteArray small = R"({"model":"pro-model","messages":[{"role":"user","content":"x"}]})";
    QCOMPARE(TestHttp::post(m_fx->url(QStringLiteral("/v1/chat/completions")), small).status, 200);
}

void TestEndpoints::accessTokens()
{
    Config config = baseConfig();
    config.gateway.accessTokens << AccessToken{QStringLiteral("laptop"), AccessControl::hashToken("sy-secret-token")};
    QVERIFY(m_fx->start(config));
    const QUrl url = m_fx->url(QStringLiteral("/v1/chat/completions"));
    const QByteArray body = R"({"model":"pro-model","messages":[{"role":"user","content":"x"}]})";

    auto none = TestHttp::post(url, body);
    QCOMPARE(none.status, 401);
    QCOMPARE(errorOf(none).value(QLatin1String("type")).toString(), QStringLiteral("authentication_error"));
    QCOMPARE(errorOf(none).value(QLatin1String("code")).toString(), QStringLiteral("missing_api_key"));
    QCOMPARE(TestHttp::post(url, body, {{"Authorization", "Bearer wrong"}}).status, 401);
    QCOMPARE(TestHttp::post(url, body, {{"Authorization", "Basic c3ktc2VjcmV0LXRva2Vu"}}).status, 401);
    QCOMPARE(TestHttp::post(url, body, {{"Authorization", "Bearer sy-secret-token"}}).status, 200);
    QCOMPARE(TestHttp::post(url, body, {{"authorization", "bearer sy-secret-token"}}).status, 200);
    QCOMPARE(TestHttp::post(url, body, {{"x-api-key", "sy-secret-token"}}).status, 200);
    QCOMPARE(TestHttp::get(m_fx->url(QStringLiteral("/v1/models"))).status, 401);
    QCOMPARE(TestHttp::get(m_fx->url(QStringLiteral("/metrics"))).status, 401);
    QCOMPARE(TestHttp::get(m_fx->url(QStringLiteral("/health"))).status, 200); // probes need no token
    QCOMPARE(m_upstream->requestCount(), 3);
}

void TestEndpoints::corsAllowlist()
{
    Config config = baseConfig();
    config.gateway.corsOrigins << QStringLiteral("http://localhost:3000");
    QVERIFY(m_fx->start(config));
    const QUrl url = m_fx->url(QStringLiteral("/v1/models"));
    const auto allowed = TestHttp::get(url, {{"Origin", "http://localhost:3000"}});
    QCOMPARE(allowed.headers.value("access-control-allow-origin"), QByteArray("http://localhost:3000"));
    const auto other = TestHttp::get(url, {{"Origin", "http://evil.example"}});
    QVERIFY(!other.headers.contains("access-control-allow-origin"));

    const auto preflight = TestHttp::send("OPTIONS", m_fx->url(QStringLiteral("/v1/chat/completions")), {},
                                          {{"Origin", "http://localhost:3000"},
                                           {"Access-Control-Request-Method", "POST"}}, 5000);
    QCOMPARE(preflight.status, 204);
    QVERIFY(preflight.headers.value("access-control-allow-methods").contains("POST"));
    QVERIFY(preflight.headers.value("access-control-allow-headers").contains("Authorization"));
    const auto refused = TestHttp::send("OPTIONS", m_fx->url(QStringLiteral("/v1/chat/completions")), {},
                                        {{"Origin", "http://evil.example"}}, 5000);
    QCOMPARE(refused.status, 403);

    // Off by default: no CORS headers for anyone.
    GatewayFixture plain;
    QVERIFY(plain.start(baseConfig()));
    QVERIFY(!TestHttp::get(plain.url(QStringLiteral("/v1/models")), {{"Origin", "http://localhost:3000"}})
                 .headers.contains("access-control-allow-origin"));
}

void TestEndpoints::modelsAndHealth()
{
    Config config = baseConfig();
    config.providers << GatewayFixture::provider(QStringLiteral("second"), m_upstream->baseUrl(), QStringLiteral("alpha"),
                                                 QStringLiteral("a"));
    ProviderConfig disabled = GatewayFixture::provider(QStringLiteral("off"), m_upstream->baseUrl(),
                                                       QStringLiteral("hidden"), QStringLiteral("h"));
    disabled.enabled = false;
    config.providers << disabled;
    QVERIFY(m_fx->start(config));

    const auto models = TestHttp::get(m_fx->url(QStringLiteral("/v1/models")));
    QCOMPARE(models.status, 200);
    const QJsonObject list = QJsonDocument::fromJson(models.body).object();
    QCOMPARE(list.value(QLatin1String("object")).toString(), QStringLiteral("list"));
    QStringList ids;
    for (const QJsonValue &m : list.value(QLatin1String("data")).toArray())
        ids << m.toObject().value(QLatin1String("id")).toString();
    QCOMPARE(ids, (QStringList{QStringLiteral("alpha"), QStringLiteral("pro-model")}));
    const auto one = TestHttp::get(m_fx->url(QStringLiteral("/v1/models/alpha")));
    QCOMPARE(one.status, 200);
    QCOMPARE(QJsonDocument::fromJson(one.body).object().value(QLatin1String("id")).toString(), QStringLiteral("alpha"));

    const QJsonObject health = QJsonDocument::fromJson(TestHttp::get(m_fx->url(QStringLiteral("/health"))).body).object();
    QCOMPARE(health.value(QLatin1String("version")).toString(), QStringLiteral(SWITCHYARD_VERSION));
    QVERIFY(health.value(QLatin1String("uptime_seconds")).isDouble());
    QCOMPARE(health.value(QLatin1String("status")).toString(), QStringLiteral("degraded")); // one is disabled
    const QJsonArray providers = health.value(QLatin1String("providers")).toArray();
    QCOMPARE(providers.size(), 3);
    QCOMPARE(providers.at(2).toObject().value(QLatin1String("state")).toString(), QStringLiteral("disabled"));
    QCOMPARE(providers.at(0).toObject().value(QLatin1String("has_key")).toBool(), true);
    QVERIFY(!TestHttp::get(m_fx->url(QStringLiteral("/health"))).body.contains("sk-test"));
}

void TestEndpoints::metricsCountRequests()
{
    QVERIFY(m_fx->start(baseConfig()));
    const QByteArray body = R"({"model":"pro-model","messages":[{"role":"user","content":"x"}]})";
    QCOMPARE(TestHttp::post(m_fx->url(QStringLiteral("/v1/chat/completions")), body).status, 200);
    QCOMPARE(TestHttp::post(m_fx->url(QStringLiteral("/v1/chat/completions")), body).status, 200);
    const auto r = TestHttp::get(m_fx->url(QStringLiteral("/metrics")));
    QCOMPARE(r.status, 200);
    QVERIFY(r.headers.value("content-type").startsWith("text/plain"));
    QVERIFY2(r.body.contains("switchyard_requests_total{model=\"pro-model\",provider=\"up\",status=\"200\"} 2"), r.body.constData());
    QVERIFY(r.body.contains("switchyard_request_duration_seconds_count{model=\"pro-model\"} 2"));
    QVERIFY(r.body.contains("switchyard_request_duration_seconds_bucket{model=\"pro-model\",le=\"+Inf\"} 2"));
    QVERIFY(r.body.contains("switchyard_upstream_attempts_total{provider=\"up\",outcome=\"ok\"} 2"));
    QVERIFY(r.body.contains("switchyard_in_flight 0"));
    QVERIFY(r.body.contains("switchyard_active_bans 0"));
}

void TestEndpoints::nonLoopbackNeedsTokens()
{
    Config config = baseConfig();
    config.gateway.host = QStringLiteral("0.0.0.0");
    QString error;
    QVERIFY(!m_fx->start(config, &error));
    QVERIFY2(error.contains(QStringLiteral("without access tokens")), qPrintable(error));
    QVERIFY(!m_fx->gateway()->isListening());

    config.gateway.accessTokens << AccessToken{QStringLiteral("t"), AccessControl::hashToken("x")};
    GatewayFixture withTokens;
    QVERIFY2(withTokens.start(config, &error), qPrintable(error));
    QVERIFY(withTokens.gateway()->isListening());
}

void TestEndpoints::portInUseIsReported()
{
    QVERIFY(m_fx->start(baseConfig()));
    QString error;
    GatewayFixture second;
    QVERIFY(second.start(baseConfig()));
    const quint16 taken = m_fx->gateway()->port();
    QVERIFY(!second.gateway()->listen(QStringLiteral("127.0.0.1"), taken, &error));
    QVERIFY2(error.contains(QString::number(taken)), qPrintable(error));
    // The old listener keeps serving after the failed move.
    QCOMPARE(TestHttp::get(second.url(QStringLiteral("/health"))).status, 200);
}

QTEST_GUILESS_MAIN(TestEndpoints)
#include "tst_endpoints.moc"
