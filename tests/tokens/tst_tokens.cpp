// Access-token rules over real loopback sockets against a real gateway whose tokens live in a real
// tokens.sqlite: each rule's refusal, in the client's format, with the status and Retry-After a client needs.
// Time moves on the fixture's ManualClock (rate limits) or is put in the past (expiry); nothing sleeps.
#include "fakeupstream.h"
#include "gatewayfixture.h"
#include "server/accesscontrol.h"
#include "storage/requestlog.h"
#include "testhttp.h"
#include "tokennamed.h"
#include "tokens/tokenstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <functional>

namespace {

const QByteArray ownerToken = "sy-owner-config-token-0001";

QByteArray chatBody(const QByteArray &model)
{
    return R"({"model":")" + model + R"(","messages":[{"role":"user","content":"hi"}]})";
}

QByteArray messagesBody(const QByteArray &model)
{
    return R"({"model":")" + model + R"(","max_tokens":5,"messages":[{"role":"user","content":"hi"}]})";
}

TestHttp::Headers bearer(const QByteArray &token)
{
    return {{"Authorization", "Bearer " + token}};
}

QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QString openAiCode(const TestHttp::Response &r)
{
    return json(r.body).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

} // namespace

class TestTokens final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void unknownOrMissingTokenIs401();
    void expiredTokenIs401();
    void disabledTokenIs401UntilEnabled();
    void revokedTokenIs401();
    void modelAllowlistIs403InTheClientsFormat();
    void clientAddressRanges_data();
    void clientAddressRanges();
    void rateLimitIs429WithRetryAfterThenAdmitsAgain();
    void rateLimitCountsEveryEndpoint();
    void requestQuotaIs429UntilThePeriodEnds();
    void tokenQuotaCountsWhatCallsUsed();
    void quotaSurvivesARestart();
    void configTokensStayUnlimited();
    void restPromptsFollowTheTokenRules();
    void imageGenerationsFollowTheModelAllowlist();
    void networkListenCountsStoredTokens();
    void lastTokenRevokedOnTheNetworkStillRefuses();
    void usageByTokenModelAndProvider();
    void usageOfALimitedTokenIsItsOwn();
    void usageCostFromPrices();
    void usageRejectsBadParameters_data();
    void usageRejectsBadParameters();

private:
    Config config() const;
    bool start(const Config &config);
    // Stores a token and makes the running gateway (if any) read it now; returns the secret.
    QByteArray create(TokenRecord token);
    TestHttp::Response chat(const QByteArray &token, const QByteArray &model = "m1");
    QJsonObject usage(const QByteArray &token, const QString &query);

    std::unique_ptr<FakeUpstream> m_upstream;
    std::unique_ptr<GatewayFixture> m_fx;
    std::unique_ptr<TokenStore> m_store;
    int m_finished = 0; // requests the running gateway has logged
};

Config TestTokens::config() const
{
    Config c;
    ProviderConfig p = GatewayFixture::provider(QStringLiteral("up"), m_upstream->baseUrl(), QStringLiteral("m1"),
                                                QStringLiteral("local-1"));
    p.models << ModelMapping{QStringLiteral("m2"), QStringLiteral("local-2")};
    c.providers << p;
    return c;
}

void TestTokens::init()
{
    m_upstream = std::make_unique<FakeUpstream>();
    QVERIFY(m_upstream->start());
    m_fx = std::make_unique<GatewayFixture>();
    m_store = std::make_unique<TokenStore>();
    QString error;
    QVERIFY2(m_store->open(TokenStore::pathIn(m_fx->dataDir()), &error), qPrintable(error));
}

void TestTokens::cleanup()
{
    m_store.reset();
    m_fx.reset();
    m_upstream.reset();
}

bool TestTokens::start(const Config &c)
{
    QString error;
    const bool ok = m_fx->start(c, &error);
    if (!ok)
        qWarning() << error;
    m_finished = 0;
    if (m_fx->gateway())
        connect(m_fx->gateway(), &Gateway::requestFinished, this, [this] { ++m_finished; });
    return ok;
}

QByteArray TestTokens::create(TokenRecord token)
{
    QString error;
    const std::optional<QString> secret = m_store->create(token, QDateTime::currentMSecsSinceEpoch(), &error);
    if (!secret)
        qWarning() << error;
    if (m_fx->gateway())
        m_fx->gateway()->reloadTokens();
    return secret.value_or(QString()).toUtf8();
}

TestHttp::Response TestTokens::chat(const QByteArray &token, const QByteArray &model)
{
    return TestHttp::post(m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(model), bearer(token));
}

QJsonObject TestTokens::usage(const QByteArray &token, const QString &query)
{
    const TestHttp::Response r = TestHttp::get(m_fx->url(QStringLiteral("/api/v1/usage") + query), bearer(token));
    if (r.status != 200)
        qWarning() << r.status << r.body;
    return json(r.body);
}

void TestTokens::unknownOrMissingTokenIs401()
{
    QVERIFY(start(config()));
    const QByteArray good = create(tokenNamed(QStringLiteral("app")));
    QCOMPARE(chat(good).status, 200);
    const TestHttp::Response missing =
        TestHttp::post(m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody("m1"));
    QCOMPARE(missing.status, 401);
    QCOMPARE(openAiCode(missing), QStringLiteral("missing_api_key"));
    const TestHttp::Response unknown = chat(good + "x");
    QCOMPARE(unknown.status, 401);
    QCOMPARE(openAiCode(unknown), QStringLiteral("invalid_api_key"));
    // The other API endpoints check the token too.
    QCOMPARE(TestHttp::get(m_fx->url(QStringLiteral("/v1/models")), bearer("nope")).status, 401);
    QCOMPARE(TestHttp::get(m_fx->url(QStringLiteral("/api/v1/usage")), bearer("nope")).status, 401);
    QCOMPARE(TestHttp::get(m_fx->url(QStringLiteral("/health"))).status, 200);
}

void TestTokens::expiredTokenIs401()
{
    QVERIFY(start(config()));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray expired = create(tokenNamed(QStringLiteral("old"), [&](TokenRecord &t) { t.expiresMs = now - 1000; }));
    const QByteArray current = create(tokenNamed(QStringLiteral("new"), [&](TokenRecord &t) { t.expiresMs = now + 3'600'000; }));
    const TestHttp::Response refused = chat(expired);
    QCOMPARE(refused.status, 401);
    QCOMPARE(openAiCode(refused), QStringLiteral("token_expired"));
    QCOMPARE(chat(current).status, 200);
    QCOMPARE(m_upstream->requestCount(), 1);
}

void TestTokens::disabledTokenIs401UntilEnabled()
{
    QVERIFY(start(config()));
    const QByteArray token = create(tokenNamed(QStringLiteral("app"), [&](TokenRecord &t) { t.enabled = false; }));
    const TestHttp::Response refused = chat(token);
    QCOMPARE(refused.status, 401);
    QCOMPARE(openAiCode(refused), QStringLiteral("token_disabled"));
    QString error;
    QVERIFY2(m_store->setEnabled(QStringLiteral("app"), true, &error), qPrintable(error));
    m_fx->gateway()->reloadTokens();
    QCOMPARE(chat(token).status, 200);
}

void TestTokens::revokedTokenIs401()
{
    QVERIFY(start(config()));
    const QByteArray kept = create(tokenNamed(QStringLiteral("kept")));
    const QByteArray revoked = create(tokenNamed(QStringLiteral("gone")));
    QCOMPARE(chat(revoked).status, 200);
    QString error;
    QVERIFY2(m_store->remove(QStringLiteral("gone"), &error), qPrintable(error));
    m_fx->gateway()->reloadTokens();
    const TestHttp::Response refused = chat(revoked);
    QCOMPARE(refused.status, 401);
    QCOMPARE(openAiCode(refused), QStringLiteral("invalid_api_key"));
    QCOMPARE(chat(kept).status, 200);
}

void TestTokens::modelAllowlistIs403InTheClientsFormat()
{
    QVERIFY(start(config()));
    const QByteArray token = create(tokenNamed(QStringLiteral("m1-only"), [&](TokenRecord &t) { t.models = {QStringLiteral("m1")}; }));
    QCOMPARE(chat(token, "m1").status, 200);

    const TestHttp::Response openAi = chat(token, "m2");
    QCOMPARE(openAi.status, 403);
    QCOMPARE(openAiCode(openAi), QStringLiteral("model_not_allowed"));
    QCOMPARE(json(openAi.body).value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("permission_error"));

    const TestHttp::Response anthropic =
        TestHttp::post(m_fx->url(QStringLiteral("/v1/messages")), messagesBody("m2"),
                       {{"x-api-key", token}, {"anthropic-version", "2023-06-01"}});
    QCOMPARE(anthropic.status, 403);
    const QJsonObject a = json(anthropic.body);
    QCOMPARE(a.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(a.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("permission_error"));
    QCOMPARE(m_upstream->requestCount(), 1);

    // The token lists, and may look up, only the models it may use.
    const QJsonArray listed =
        json(TestHttp::get(m_fx->url(QStringLiteral("/v1/models")), bearer(token)).body).value(QLatin1String("data")).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(QLatin1String("id")).toString(), QStringLiteral("m1"));
    QCOMPARE(TestHttp::get(m_fx->url(QStringLiteral("/v1/models/m2")), bearer(token)).status, 403);
    QCOMPARE(TestHttp::get(m_fx->url(QStringLiteral("/v1/models/m1")), bearer(token)).status, 200);
}

void TestTokens::clientAddressRanges_data()
{
    QTest::addColumn<QStringList>("cidrs");
    QTest::addColumn<int>("status");
    // The test client is 127.0.0.1.
    QTest::newRow("another network") << QStringList{QStringLiteral("10.0.0.0/8")} << 403;
    QTest::newRow("loopback network") << QStringList{QStringLiteral("127.0.0.0/8")} << 200;
    QTest::newRow("single address") << QStringList{QStringLiteral("127.0.0.1")} << 200;
    QTest::newRow("IPv6 only") << QStringList{QStringLiteral("fd00::/8"), QStringLiteral("::1/128")} << 403;
    QTest::newRow("IPv6 and IPv4") << QStringList{QStringLiteral("fd00::/8"), QStringLiteral("127.0.0.1/32")} << 200;
}

void TestTokens::clientAddressRanges()
{
    QFETCH(QStringList, cidrs);
    QFETCH(int, status);
    QVERIFY(start(config()));
    const QByteArray token = create(tokenNamed(QStringLiteral("ranged"), [&](TokenRecord &t) { t.cidrs = cidrs; }));
    QVERIFY(!token.isEmpty());
    const TestHttp::Response r = chat(token);
    QCOMPARE(r.status, status);
    if (status == 403)
        QCOMPARE(openAiCode(r), QStringLiteral("ip_not_allowed"));
}

void TestTokens::rateLimitIs429WithRetryAfterThenAdmitsAgain()
{
    QVERIFY(start(config()));
    const QByteArray token = create(tokenNamed(QStringLiteral("slow"), [&](TokenRecord &t) { t.rpm = 2; }));
    QCOMPARE(chat(token).status, 200);
    m_fx->clock().advanceMs(20'000);
    QCOMPARE(chat(token).status, 200);
    const TestHttp::Response limited = chat(token);
    QCOMPARE(limited.status, 429);
    QCOMPARE(openAiCode(limited), QStringLiteral("rate_limit_exceeded"));
    // The window slides: the first call leaves it 60 s after it was made, 40 s from now.
    QCOMPARE(limited.headers.value("retry-after"), QByteArray("40"));
    QCOMPARE(m_upstream->requestCount(), 2);

    m_fx->clock().advanceMs(40'000);
    QCOMPARE(chat(token).status, 200);
    QCOMPARE(chat(token).status, 429); // the second call is still in the window
    m_fx->clock().advanceMs(20'000);
    QCOMPARE(chat(token).status, 200);
}

void TestTokens::rateLimitCountsEveryEndpoint()
{
    QVERIFY(start(config()));
    const QByteArray token = create(tokenNamed(QStringLiteral("lister"), [&](TokenRecord &t) { t.rpm = 1; }));
    QCOMPARE(TestHttp::get(m_fx->url(QStringLiteral("/v1/models")), bearer(token)).status, 200);
    const TestHttp::Response limited =
        TestHttp::post(m_fx->url(QStringLiteral("/v1/messages")), messagesBody("m1"),
                       {{"x-api-key", token}, {"anthropic-version", "2023-06-01"}});
    QCOMPARE(limited.status, 429);
    QCOMPARE(json(limited.body).value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("rate_limit_error"));
    QVERIFY(!limited.headers.value("retry-after").isEmpty());
}

void TestTokens::requestQuotaIs429UntilThePeriodEnds()
{
    QVERIFY(start(config()));
    const QByteArray token = create(
        tokenNamed(QStringLiteral("daily"), [&](TokenRecord &t) { t.quotaRequests = 2; t.quotaPeriod = QuotaPeriod::Day; }));
    QCOMPARE(chat(token).status, 200);
    QCOMPARE(chat(token).status, 200);
    const TestHttp::Response exhausted = chat(token);
    QCOMPARE(exhausted.status, 429);
    QCOMPARE(openAiCode(exhausted), QStringLiteral("insufficient_quota"));
    const qint64 retryAfter = exhausted.headers.value("retry-after").toLongLong();
    const qint64 toMidnight =
        QDateTime::currentDateTime().secsTo(QDate::currentDate().addDays(1).startOfDay());
    QVERIFY2(retryAfter > 0 && qAbs(retryAfter - toMidnight) <= 5, exhausted.headers.value("retry-after"));
    QCOMPARE(m_upstream->requestCount(), 2);
    // A refused request is not counted, and listing models is not a call the quota counts.
    QCOMPARE(TestHttp::get(m_fx->url(QStringLiteral("/v1/models")), bearer(token)).status, 200);
    QCOMPARE(m_fx->gateway()->tokenUsage(m_fx->gateway()->storedTokens().value(0)).requests, 2);
}

void TestTokens::tokenQuotaCountsWhatCallsUsed()
{
    QVERIFY(start(config()));
    // The fake upstream's answers use 11 + 7 = 18 tokens: two fit in 30, the third is refused.
    const QByteArray token = create(tokenNamed(QStringLiteral("metered"), [&](TokenRecord &t) { t.quotaTokens = 30; }));
    QCOMPARE(chat(token).status, 200);
    QVERIFY(TestHttp::waitUntil([this] { return m_finished >= 1; }));
    QCOMPARE(chat(token).status, 200);
    QVERIFY(TestHttp::waitUntil([this] { return m_finished >= 2; }));
    const TestHttp::Response exhausted = chat(token);
    QCOMPARE(exhausted.status, 429);
    QCOMPARE(openAiCode(exhausted), QStringLiteral("insufficient_quota"));
    QVERIFY(json(exhausted.body).value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString()
                .contains(QLatin1String("30 tokens")));
    QCOMPARE(m_fx->gateway()->tokenUsage(m_fx->gateway()->storedTokens().value(0)).tokens, 36);
}

void TestTokens::quotaSurvivesARestart()
{
    QVERIFY(start(config()));
    const QByteArray token = create(tokenNamed(QStringLiteral("monthly"), [&](TokenRecord &t) { t.quotaRequests = 2; }));
    const QByteArray other = create(tokenNamed(QStringLiteral("other"), [&](TokenRecord &t) { t.quotaRequests = 2; }));
    QCOMPARE(chat(token).status, 200);
    QCOMPARE(chat(token).status, 200);
    QCOMPARE(chat(other).status, 200);
    m_fx->stop(); // the request log is written out when the gateway closes
    QVERIFY(start(config()));
    QCOMPARE(chat(token).status, 429);
    QCOMPARE(chat(other).status, 200);
    QCOMPARE(chat(other).status, 429);
}

void TestTokens::configTokensStayUnlimited()
{
    Config c = config();
    c.gateway.accessTokens << AccessToken{QStringLiteral("owner"), AccessControl::hashToken(ownerToken)};
    QVERIFY(start(c));
    const QByteArray limited = create(tokenNamed(QStringLiteral("limited"), [&](TokenRecord &t) { t.rpm = 1; }));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(chat(ownerToken, i % 2 ? "m1" : "m2").status, 200);
    QCOMPARE(chat(limited).status, 200);
    QCOMPARE(chat(limited).status, 429);
}

void TestTokens::restPromptsFollowTheTokenRules()
{
    QVERIFY(start(config()));
    const QByteArray token = create(
        tokenNamed(QStringLiteral("rest"), [&](TokenRecord &t) { t.models = {QStringLiteral("m1")}; t.quotaRequests = 2; }));
    // One prompt per model: the refused model is that item's error, the other is answered.
    const TestHttp::Response compared =
        TestHttp::post(m_fx->url(QStringLiteral("/api/v1/compare")), R"({"prompt":"hi","models":["m1","m2"]})",
                       bearer(token));
    QCOMPARE(compared.status, 200);
    const QJsonArray results = json(compared.body).value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).toObject().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(results.at(1).toObject().value(QLatin1String("http_status")).toInt(), 403);
    QCOMPARE(m_upstream->requestCount(), 1);
    // The answered prompt counted against the quota: one more fits, then 429.
    QCOMPARE(TestHttp::post(m_fx->url(QStringLiteral("/api/v1/prompt")), R"({"model":"m1","prompt":"hi"})", bearer(token))
                 .status,
             200);
    const TestHttp::Response exhausted =
        TestHttp::post(m_fx->url(QStringLiteral("/api/v1/prompt")), R"({"model":"m1","prompt":"hi"})", bearer(token));
    QCOMPARE(exhausted.status, 429);
    QCOMPARE(m_upstream->requestCount(), 2);
    QVERIFY(TestHttp::waitUntil([this] { return m_finished >= 2; }));
    const QJsonArray byToken = usage(token, QStringLiteral("?group_by=token")).value(QLatin1String("data")).toArray();
    QCOMPARE(byToken.size(), 1);
    QCOMPARE(byToken.at(0).toObject().value(QLatin1String("requests")).toInt(), 2);
}

void TestTokens::imageGenerationsFollowTheModelAllowlist()
{
    QVERIFY(start(config()));
    const QByteArray token = create(tokenNamed(QStringLiteral("painter"), [](TokenRecord &t) { t.models = {QStringLiteral("m1")}; }));
    const TestHttp::Response refused = TestHttp::post(m_fx->url(QStringLiteral("/v1/images/generations")),
                                                      R"({"model":"m2","prompt":"a lighthouse"})", bearer(token));
    QCOMPARE(refused.status, 403);
    QCOMPARE(openAiCode(refused), QStringLiteral("model_not_allowed"));
    QCOMPARE(m_upstream->requestCount(), 0);
}

void TestTokens::networkListenCountsStoredTokens()
{
    Config c = config();
    c.gateway.host = QStringLiteral("0.0.0.0");
    QString error;
    QVERIFY(!m_fx->start(c, &error));
    QVERIFY2(error.contains(QStringLiteral("without access tokens")), qPrintable(error));
    m_fx->stop();
    create(tokenNamed(QStringLiteral("net")));
    QVERIFY2(m_fx->start(c, &error), qPrintable(error));
    QVERIFY(m_fx->gateway()->isListening());
}

void TestTokens::lastTokenRevokedOnTheNetworkStillRefuses()
{
    Config c = config();
    c.gateway.host = QStringLiteral("0.0.0.0");
    create(tokenNamed(QStringLiteral("only")));
    QVERIFY(start(c));
    QString error;
    QVERIFY(m_store->remove(QStringLiteral("only"), &error));
    m_fx->gateway()->reloadTokens();
    QVERIFY(!m_fx->gateway()->hasAccessTokens());
    const TestHttp::Response r = TestHttp::post(m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody("m1"));
    QCOMPARE(r.status, 401);
    QCOMPARE(m_upstream->requestCount(), 0);
}

void TestTokens::usageByTokenModelAndProvider()
{
    Config c = config();
    c.gateway.accessTokens << AccessToken{QStringLiteral("owner"), AccessControl::hashToken(ownerToken)};
    QVERIFY(start(c));
    const QByteArray a = create(tokenNamed(QStringLiteral("alice"), [&](TokenRecord &t) { t.models = {QStringLiteral("m1")}; }));
    const QByteArray b = create(tokenNamed(QStringLiteral("bob")));
    QCOMPARE(chat(a, "m1").status, 200);
    QCOMPARE(chat(a, "m1").status, 200);
    QCOMPARE(chat(a, "m2").status, 403); // an error of alice's, on m2, answered by no provider
    QCOMPARE(chat(b, "m2").status, 200);
    QCOMPARE(chat(ownerToken, "m2").status, 200);
    QVERIFY(TestHttp::waitUntil([this] { return m_finished >= 5; }));

    const QJsonObject byToken = usage(ownerToken, QStringLiteral("?group_by=token"));
    QCOMPARE(byToken.value(QLatin1String("scope")).toString(), QStringLiteral("all"));
    QHash<QString, QJsonObject> rows;
    for (const QJsonValue &v : byToken.value(QLatin1String("data")).toArray())
        rows.insert(v.toObject().value(QLatin1String("token")).toString(), v.toObject());
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.value(QStringLiteral("alice")).value(QLatin1String("requests")).toInt(), 3);
    QCOMPARE(rows.value(QStringLiteral("alice")).value(QLatin1String("errors")).toInt(), 1);
    QCOMPARE(rows.value(QStringLiteral("alice")).value(QLatin1String("prompt_tokens")).toInt(), 22);
    QCOMPARE(rows.value(QStringLiteral("alice")).value(QLatin1String("completion_tokens")).toInt(), 14);
    QCOMPARE(rows.value(QStringLiteral("alice")).value(QLatin1String("total_tokens")).toInt(), 36);
    QCOMPARE(rows.value(QStringLiteral("bob")).value(QLatin1String("requests")).toInt(), 1);
    QCOMPARE(rows.value(QStringLiteral("owner")).value(QLatin1String("requests")).toInt(), 1);
    QCOMPARE(byToken.value(QLatin1String("total")).toObject().value(QLatin1String("requests")).toInt(), 5);
    QVERIFY(byToken.value(QLatin1String("total")).toObject().value(QLatin1String("estimated_cost")).isNull());

    const QJsonArray byModel = usage(ownerToken, QStringLiteral("?group_by=model")).value(QLatin1String("data")).toArray();
    QCOMPARE(byModel.size(), 2);
    QCOMPARE(byModel.at(0).toObject().value(QLatin1String("model")).toString(), QStringLiteral("m1"));
    QCOMPARE(byModel.at(0).toObject().value(QLatin1String("requests")).toInt(), 2);
    QCOMPARE(byModel.at(1).toObject().value(QLatin1String("requests")).toInt(), 3);
    QCOMPARE(byModel.at(1).toObject().value(QLatin1String("errors")).toInt(), 1);

    const QJsonArray byProvider = usage(ownerToken, QStringLiteral("?group_by=provider")).value(QLatin1String("data")).toArray();
    QCOMPARE(byProvider.size(), 2); // "up", and the refusal that reached no provider
    QVERIFY(byProvider.at(0).toObject().value(QLatin1String("provider")).isNull());
    QCOMPARE(byProvider.at(1).toObject().value(QLatin1String("provider")).toString(), QStringLiteral("up"));
    QCOMPARE(byProvider.at(1).toObject().value(QLatin1String("requests")).toInt(), 4);

    // A range that ends before the calls holds none of them.
    const QJsonObject before = usage(ownerToken, QStringLiteral("?since=2020-01-01&until=2020-01-31"));
    QCOMPARE(before.value(QLatin1String("data")).toArray().size(), 0);
    QCOMPARE(before.value(QLatin1String("total")).toObject().value(QLatin1String("requests")).toInt(), 0);
}

void TestTokens::usageOfALimitedTokenIsItsOwn()
{
    QVERIFY(start(config()));
    const QByteArray a = create(tokenNamed(QStringLiteral("alice")));
    const QByteArray b = create(tokenNamed(QStringLiteral("bob")));
    QCOMPARE(chat(a).status, 200);
    QCOMPARE(chat(b).status, 200);
    QCOMPARE(chat(b).status, 200);
    QVERIFY(TestHttp::waitUntil([this] { return m_finished >= 3; }));
    const QJsonObject mine = usage(a, QStringLiteral("?group_by=token"));
    QCOMPARE(mine.value(QLatin1String("scope")).toString(), QStringLiteral("token"));
    const QJsonArray data = mine.value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).toObject().value(QLatin1String("token")).toString(), QStringLiteral("alice"));
    QCOMPARE(mine.value(QLatin1String("total")).toObject().value(QLatin1String("requests")).toInt(), 1);
}

void TestTokens::usageCostFromPrices()
{
    Config c = config();
    c.prices.insert(QStringLiteral("m1"), ModelPrice{2.0, 10.0});
    QVERIFY(start(c));
    const QByteArray t = create(tokenNamed(QStringLiteral("payer")));
    QCOMPARE(chat(t, "m1").status, 200);
    QCOMPARE(chat(t, "m1").status, 200);
    QCOMPARE(chat(t, "m2").status, 200);
    QVERIFY(TestHttp::waitUntil([this] { return m_finished >= 3; }));
    const QJsonObject report = usage(t, QStringLiteral("?group_by=model"));
    const QJsonArray data = report.value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), 2);
    // m1: 22 prompt tokens at 2 per million and 14 completion tokens at 10 per million.
    const double m1Cost = (22 * 2.0 + 14 * 10.0) / 1e6;
    QVERIFY(qFuzzyCompare(data.at(0).toObject().value(QLatin1String("estimated_cost")).toDouble(), m1Cost));
    QVERIFY(data.at(1).toObject().value(QLatin1String("estimated_cost")).isNull());
    const QJsonObject total = report.value(QLatin1String("total")).toObject();
    QVERIFY(qFuzzyCompare(total.value(QLatin1String("estimated_cost")).toDouble(), m1Cost));
    QCOMPARE(total.value(QLatin1String("unpriced_models")).toArray(), QJsonArray{QStringLiteral("m2")});
}

void TestTokens::usageRejectsBadParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("param");
    QTest::newRow("group_by") << QStringLiteral("?group_by=day") << QStringLiteral("group_by");
    QTest::newRow("since") << QStringLiteral("?since=yesterday") << QStringLiteral("since");
    QTest::newRow("until") << QStringLiteral("?until=2026-13-45") << QStringLiteral("until");
    QTest::newRow("reversed") << QStringLiteral("?since=2026-02-01&until=2026-01-01") << QStringLiteral("until");
}

void TestTokens::usageRejectsBadParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, param);
    QVERIFY(start(config()));
    const TestHttp::Response r = TestHttp::get(m_fx->url(QStringLiteral("/api/v1/usage") + query));
    QCOMPARE(r.status, 400);
    QCOMPARE(json(r.body).value(QLatin1String("error")).toObject().value(QLatin1String("param")).toString(), param);
}

QTEST_GUILESS_MAIN(TestTokens)
#include "tst_tokens.moc"
