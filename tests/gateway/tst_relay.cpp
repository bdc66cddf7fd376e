// The gateway relaying to fake upstreams over real loopback sockets: mapping, streaming, failover, bans,
// retries, disconnects and mid-stream failures.
#include "fakeupstream.h"
#include "gatewayfixture.h"
#include "routing/router.h"
#include "storage/requestlog.h"
#include "testhttp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

namespace {

const QByteArray chatBody = R"({"model":"pro-model","messages":[{"role":"user","content":"hi"}]})";
const QByteArray streamBody = R"({"model":"pro-model","stream":true,"messages":[{"role":"user","content":"hi"}]})";

QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// A config with one provider, named name, serving "pro-model" as local from upstream.
Config oneProvider(const FakeUpstream &upstream, const QString &name, const QString &local = QStringLiteral("m"))
{
    Config config;
    config.providers << GatewayFixture::provider(name, upstream.baseUrl(), QStringLiteral("pro-model"), local);
    return config;
}

FakeUpstream::Behavior streaming(int chunks, int intervalMs)
{
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Stream;
    b.chunks = chunks;
    b.intervalMs = intervalMs;
    return b;
}

FakeUpstream::Behavior failingWith(int status, const QByteArray &message)
{
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Status;
    b.status = status;
    b.body = message;
    return b;
}

} // namespace

class TestRelay final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nonStreamRelayRewritesModelAndSendsKey();
    void clientBytesAreRelayedAsSentButForTheModel();
    void duplicateKeysAreResolvedBeforeRelaying();
    void streamIsRelayedAsItArrives();
    void failoverAcrossDeadAndFailingUpstreams();
    void failedCandidateIsBannedUntilTheClockMoves();
    void bannedOnlyCandidateGetsOneTrialCall();
    void clientErrorIsNotRetried();
    void rateLimitIsMappedWithRetryAfter();
    void keyRejectedMarksProviderAndFailsOver();
    void firstByteTimeoutGives504();
    void clientDisconnectAbortsUpstream();
    void midStreamCutEndsWithErrorEvent();
    void requestLogRowsInSqlite();
    void embeddingsAreRelayed();
    void slowClientPushesBackOnUpstream();
};

void TestRelay::nonStreamRelayRewritesModelAndSendsKey()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    Config config = oneProvider(upstream, QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"));
    GatewayFixture fx;
    QVERIFY(fx.start(config));

    const auto r = TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    const QJsonObject answer = json(r.body);
    QCOMPARE(answer.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
    QCOMPARE(answer.value(QLatin1String("choices")).toArray().size(), 1);

    QCOMPARE(upstream.requestCount(), 1);
    const FakeUpstream::Received &seen = upstream.received().first();
    QCOMPARE(seen.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(seen.json.value(QLatin1String("model")).toString(), QStringLiteral("deepseek-chat"));
    QCOMPARE(seen.json.value(QLatin1String("messages")).toArray().first().toObject().value(QLatin1String("content")).toString(),
             QStringLiteral("hi"));
    QCOMPARE(seen.headers.value("authorization"), QByteArray("Bearer sk-test-deepseek-0123456789"));
}

void TestRelay::clientBytesAreRelayedAsSentButForTheModel()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    GatewayFixture fx;
    QVERIFY(fx.start(oneProvider(upstream, QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"))));

    // Spacing, key order and number spellings are the client's; a re-serialised body would change all three.
    const QByteArray sent = "{ \"temperature\": 1.0, \"seed\": 12345678901234567890,\n"
                            "  \"model\" : \"pro-model\", \"messages\":[{\"role\":\"user\",\"content\":\"hi\"}] }";
    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), sent).status, 200);
    QCOMPARE(upstream.requestCount(), 1);
    QCOMPARE(upstream.received().first().body, QByteArray(sent).replace("\"pro-model\"", "\"deepseek-chat\""));
}

void TestRelay::duplicateKeysAreResolvedBeforeRelaying()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    GatewayFixture fx;
    QVERIFY(fx.start(oneProvider(upstream, QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"))));

    // The gateway and the provider must not read different values out of one body: what the gateway decided
    // (one model, one stream flag) is what the provider gets.
    const QByteArray sent = R"({"model":"pro-model","stream":false,"messages":[{"role":"user","content":"hi"}],"stream":false})";
    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), sent).status, 200);
    QCOMPARE(upstream.requestCount(), 1);
    const QByteArray relayed = upstream.received().first().body;
    QCOMPARE(relayed.count("\"stream\""), 1);
    QCOMPARE(relayed.count("\"model\""), 1);
    QCOMPARE(upstream.received().first().json.value(QLatin1String("model")).toString(), QStringLiteral("deepseek-chat"));
}

void TestRelay::streamIsRelayedAsItArrives()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    upstream.setBehavior(streaming(5, 150));
    Config config = oneProvider(upstream, QStringLiteral("up"), QStringLiteral("local-model"));
    GatewayFixture fx;
    QVERIFY(fx.start(config));

    RawClient client;
    QVERIFY(client.connectTo(fx.gateway()->port()));
    client.sendPost("/v1/chat/completions", streamBody);
    // The first content event must reach the client while the upstream is still far from done.
    QVERIFY(client.readUntil("part0"));
    QVERIFY2(upstream.chunksSent() < 5, "the answer was buffered instead of relayed as it arrived");
    QVERIFY(client.readUntil("0\r\n\r\n", 5000));
    QVERIFY(client.received().startsWith("HTTP/1.1 200"));
    QVERIFY(client.received().contains("Content-Type: text/event-stream"));
    const QByteArray body = client.dechunkedBody();
    QVERIFY(body.contains("\"model\":\"local-model\""));
    QVERIFY(body.endsWith("data: [DONE]\n\n"));
    QCOMPARE(body.count("data: "), 1 + 5 + 1 + 1 + 1);
}

void TestRelay::failoverAcrossDeadAndFailingUpstreams()
{
    FakeUpstream failing;
    FakeUpstream healthy;
    QVERIFY(failing.start());
    QVERIFY(healthy.start());
    failing.setBehavior(failingWith(500, "boom"));

    // Priorities make the order deterministic: the dead one first, then the failing one, then the healthy one.
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("dead"), QStringLiteral("http://127.0.0.1:9/v1"),
                                                 QStringLiteral("pro-model"), QStringLiteral("a"), 3)
                     << GatewayFixture::provider(QStringLiteral("failing"), failing.baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("b"), 2)
                     << GatewayFixture::provider(QStringLiteral("healthy"), healthy.baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("c"), 1);
    GatewayFixture fx;
    QVERIFY(fx.start(config));

    const auto r = TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody);
    QCOMPARE(r.status, 200);
    QCOMPARE(failing.requestCount(), 1);
    QCOMPARE(healthy.requestCount(), 1);
    QCOMPARE(healthy.received().first().json.value(QLatin1String("model")).toString(), QStringLiteral("c"));
    // The same body went to each attempt.
    QCOMPARE(failing.received().first().json.value(QLatin1String("messages")),
             healthy.received().first().json.value(QLatin1String("messages")));

    const auto rows = fx.gateway()->requestLog()->recent(1);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().attempts, 3);
    QCOMPARE(rows.first().provider, QStringLiteral("healthy"));

    // With the two bad ones banned, a second request goes straight to the healthy one.
    const auto again = TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody);
    QCOMPARE(again.status, 200);
    QCOMPARE(failing.requestCount(), 1);
    QCOMPARE(healthy.requestCount(), 2);

    // The state shows in /health.
    const QJsonArray providers = json(TestHttp::get(fx.url(QStringLiteral("/health"))).body)
                                     .value(QLatin1String("providers")).toArray();
    QCOMPARE(providers.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("banned"));
    QCOMPARE(providers.at(1).toObject().value(QLatin1String("banned_models")).toArray().size(), 1);
    QCOMPARE(providers.at(2).toObject().value(QLatin1String("state")).toString(), QStringLiteral("ok"));
}

void TestRelay::failedCandidateIsBannedUntilTheClockMoves()
{
    FakeUpstream primary;
    FakeUpstream backup;
    QVERIFY(primary.start());
    QVERIFY(backup.start());
    primary.setBehavior(failingWith(503, {}));
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("primary"), primary.baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"), 1)
                     << GatewayFixture::provider(QStringLiteral("backup"), backup.baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"), 0);
    GatewayFixture fx;
    QVERIFY(fx.start(config));

    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody).status, 200);
    QCOMPARE(primary.requestCount(), 1);
    primary.setBehavior(FakeUpstream::Behavior()); // healthy again, but still banned
    fx.clock().advanceMs(59'000);
    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody).status, 200);
    QCOMPARE(primary.requestCount(), 1);
    QCOMPARE(backup.requestCount(), 2);
    fx.clock().advanceMs(2'000); // 61 s after the failure
    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody).status, 200);
    QCOMPARE(primary.requestCount(), 2);
    QCOMPARE(backup.requestCount(), 2);
}

// One transient failure of the only provider must not refuse every call for ban_seconds: a trial call goes
// through, and its success lifts the ban.
void TestRelay::bannedOnlyCandidateGetsOneTrialCall()
{
    FakeUpstream only;
    QVERIFY(only.start());
    only.setBehavior(failingWith(500, "blip"));
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("only"), only.baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"));
    GatewayFixture fx;
    QVERIFY(fx.start(config));

    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody).status, 502); // an upstream 500 is a bad gateway
    QCOMPARE(only.requestCount(), 1);
    QVERIFY(fx.gateway()->router()->activeBanCount() > 0);
    // Still failing: the trial fails and the ban stays.
    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody).status, 502); // an upstream 500 is a bad gateway
    QCOMPARE(only.requestCount(), 2);
    QVERIFY(fx.gateway()->router()->activeBanCount() > 0);
    // Healthy again, well inside the 60 s ban: the next call is the trial, succeeds, and the ban is gone.
    only.setBehavior(FakeUpstream::Behavior());
    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody).status, 200);
    QCOMPARE(only.requestCount(), 3);
    QCOMPARE(fx.gateway()->router()->activeBanCount(), 0);

    // While a trial is in flight (the upstream holds it), other calls get 503 at once instead of piling onto a
    // backend that just failed.
    only.setBehavior(failingWith(500, "blip"));
    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody).status, 502); // an upstream 500 is a bad gateway
    FakeUpstream::Behavior slow;
    slow.headersDelayMs = 1'500;
    only.setBehavior(slow);
    RawClient trial;
    QVERIFY(trial.connectTo(fx.gateway()->port()));
    trial.sendPost("/v1/chat/completions", chatBody);
    QVERIFY(TestHttp::waitUntil([&] { return only.requestCount() == 5; }, 3'000));
    const auto refused = TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody);
    QCOMPARE(refused.status, 503);
    QVERIFY(!refused.headers.value("retry-after").isEmpty());
    QCOMPARE(only.requestCount(), 5);
    QVERIFY2(trial.readUntil("chat.completion", 5'000), trial.received().constData());
    QVERIFY(trial.received().startsWith("HTTP/1.1 200"));
}

void TestRelay::clientErrorIsNotRetried()
{
    FakeUpstream picky;
    FakeUpstream other;
    QVERIFY(picky.start());
    QVERIFY(other.start());
    picky.setBehavior(failingWith(400, "max_tokens is too large"));
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("picky"), picky.baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"), 1)
                     << GatewayFixture::provider(QStringLiteral("other"), other.baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"), 0);
    GatewayFixture fx;
    QVERIFY(fx.start(config));

    const auto r = TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody);
    QCOMPARE(r.status, 400);
    QCOMPARE(json(r.body).value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString(),
             QStringLiteral("max_tokens is too large"));
    QCOMPARE(picky.requestCount(), 1);
    QCOMPARE(other.requestCount(), 0);
    // A client error says nothing about the provider's health.
    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody).status, 400);
    QCOMPARE(picky.requestCount(), 2);
}

void TestRelay::rateLimitIsMappedWithRetryAfter()
{
    FakeUpstream limited;
    QVERIFY(limited.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Status;
    b.status = 429;
    b.body = "slow down";
    b.retryAfter = "7";
    limited.setBehavior(b);
    Config config = oneProvider(limited, QStringLiteral("limited"));
    GatewayFixture fx;
    QVERIFY(fx.start(config));

    const auto r = TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody);
    QCOMPARE(r.status, 429);
    QCOMPARE(r.headers.value("retry-after"), QByteArray("7"));
    const QJsonObject error = json(r.body).value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("rate_limit_error"));
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QStringLiteral("slow down")));
}

void TestRelay::keyRejectedMarksProviderAndFailsOver()
{
    FakeUpstream rejecting;
    FakeUpstream good;
    QVERIFY(rejecting.start());
    QVERIFY(good.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Status;
    b.status = 401;
    // Upstreams sometimes echo the key: it must be redacted before reaching a client or the log.
    b.body = "Incorrect API key provided: sk-test-rejecting-0123456789";
    rejecting.setBehavior(b);
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("rejecting"), rejecting.baseUrl(),
                                                 QStringLiteral("pro-model"), QStringLiteral("m"), 1);
    GatewayFixture fx;
    QVERIFY(fx.start(config));

    const auto r = TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody);
    QCOMPARE(r.status, 502);
    QCOMPARE(json(r.body).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("provider_auth_failed"));
    QVERIFY(!r.body.contains("sk-test-rejecting-0123456789"));
    const auto health = TestHttp::get(fx.url(QStringLiteral("/health")));
    QVERIFY(!health.body.contains("sk-test-rejecting-0123456789"));
    QCOMPARE(json(health.body).value(QLatin1String("providers")).toArray().first().toObject()
                 .value(QLatin1String("state")).toString(),
             QStringLiteral("key_invalid"));
    QVERIFY(!fx.gateway()->requestLog()->recent(1).first().error.contains(QStringLiteral("sk-test-rejecting-0123456789")));

    // With a second provider the same request succeeds there.
    config.providers << GatewayFixture::provider(QStringLiteral("good"), good.baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"), 0);
    GatewayFixture fx2;
    QVERIFY(fx2.start(config));
    QCOMPARE(TestHttp::post(fx2.url(QStringLiteral("/v1/chat/completions")), chatBody).status, 200);
    QCOMPARE(good.requestCount(), 1);
}

void TestRelay::firstByteTimeoutGives504()
{
    FakeUpstream hanging;
    QVERIFY(hanging.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Hang;
    hanging.setBehavior(b);
    Config config;
    config.gateway.timeouts.firstByteMs = 300;
    config.providers << GatewayFixture::provider(QStringLiteral("hanging"), hanging.baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"));
    GatewayFixture fx;
    QVERIFY(fx.start(config));
    QElapsedTimer timer;
    timer.start();
    const auto r = TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody);
    QCOMPARE(r.status, 504);
    QVERIFY(timer.elapsed() < 3000);
    QCOMPARE(json(r.body).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("upstream_timeout"));
    QVERIFY(TestHttp::waitUntil([&] { return hanging.abortedByPeer() == 1; }));
}

void TestRelay::clientDisconnectAbortsUpstream()
{
    FakeUpstream slow;
    QVERIFY(slow.start());
    slow.setBehavior(streaming(50, 100));
    Config config = oneProvider(slow, QStringLiteral("slow"));
    GatewayFixture fx;
    QVERIFY(fx.start(config));

    RawClient client;
    QVERIFY(client.connectTo(fx.gateway()->port()));
    client.sendPost("/v1/chat/completions", streamBody);
    QVERIFY(client.readUntil("part0"));
    client.close();
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(TestHttp::waitUntil([&] { return slow.abortedByPeer() == 1; }, 3000), "the upstream call was not aborted");
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(slow.chunksSent() < 20);
    QVERIFY(TestHttp::waitUntil([&] { return fx.gateway()->requestLog()->recent(1).value(0).status == 499; }));
}

void TestRelay::midStreamCutEndsWithErrorEvent()
{
    FakeUpstream cutting;
    QVERIFY(cutting.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::CutMidStream;
    b.cutAfterChunks = 2;
    cutting.setBehavior(b);
    Config config = oneProvider(cutting, QStringLiteral("cutting"));
    GatewayFixture fx;
    QVERIFY(fx.start(config));

    RawClient client;
    QVERIFY(client.connectTo(fx.gateway()->port()));
    client.sendPost("/v1/chat/completions", streamBody);
    QVERIFY(client.readUntil("0\r\n\r\n"));
    const QByteArray body = client.dechunkedBody();
    QVERIFY(body.contains("part0"));
    QVERIFY(!body.contains("[DONE]"));
    // The last event is an error, so no client mistakes the cut for a finished answer.
    const QByteArray last = body.trimmed().split('\n').last();
    QVERIFY2(last.startsWith("data: {\"error\""), last.constData());
    QVERIFY(last.contains("upstream_interrupted"));
    QVERIFY(TestHttp::waitUntil([&] { return fx.gateway()->requestLog()->recent(1).value(0).status == 502; }));
}

void TestRelay::requestLogRowsInSqlite()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Stream;
    b.chunks = 4;
    upstream.setBehavior(b);
    Config config = oneProvider(upstream, QStringLiteral("up"), QStringLiteral("local-m"));
    GatewayFixture fx;
    QVERIFY(fx.start(config));
    QList<RequestRecord> live;
    connect(fx.gateway(), &Gateway::requestFinished, this, [&](const RequestRecord &r) { live << r; });

    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), streamBody).status, 200);
    upstream.setBehavior(FakeUpstream::Behavior());
    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), chatBody).status, 200);
    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/chat/completions")), "{nope").status, 400);
    QCOMPARE(live.size(), 3);
    fx.gateway()->requestLog()->flush();

    // Read the file with a connection of our own, as any SQLite tool would.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        db.setDatabaseName(fx.dataDir() + QStringLiteral("/requests.sqlite"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT public_model, provider, local_model, attempts, status, stream, "
                                      "prompt_tokens, completion_tokens, ttfb_ms, latency_ms, client, error "
                                      "FROM requests ORDER BY id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("pro-model"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("up"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("local-m"));
        QCOMPARE(q.value(3).toInt(), 1);
        QCOMPARE(q.value(4).toInt(), 200);
        QCOMPARE(q.value(5).toInt(), 1);
        QCOMPARE(q.value(6).toInt(), 13); // from the final stream chunk
        QCOMPARE(q.value(7).toInt(), 4);
        QVERIFY(q.value(8).toLongLong() >= 0);
        QVERIFY(q.value(9).toLongLong() >= q.value(8).toLongLong());
        QCOMPARE(q.value(10).toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(q.next());
        QCOMPARE(q.value(5).toInt(), 0);
        QCOMPARE(q.value(6).toInt(), 11); // from the usage block of the answer
        QCOMPARE(q.value(7).toInt(), 7);
        QVERIFY(q.next());
        QCOMPARE(q.value(4).toInt(), 400);
        QVERIFY(q.value(11).toString().contains(QStringLiteral("not valid JSON")));
        QVERIFY(!q.next());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("reader"));
}

void TestRelay::embeddingsAreRelayed()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("emb"), upstream.baseUrl(), QStringLiteral("embed"),
                                                 QStringLiteral("text-embedding-3-small"));
    GatewayFixture fx;
    QVERIFY(fx.start(config));
    const auto r = TestHttp::post(fx.url(QStringLiteral("/v1/embeddings")), R"({"model":"embed","input":"hello"})");
    QCOMPARE(r.status, 200);
    QCOMPARE(upstream.received().first().path, QByteArray("/v1/embeddings"));
    QCOMPARE(upstream.received().first().json.value(QLatin1String("model")).toString(), QStringLiteral("text-embedding-3-small"));
    QCOMPARE(json(r.body).value(QLatin1String("data")).toArray().size(), 1);
    QCOMPARE(TestHttp::post(fx.url(QStringLiteral("/v1/embeddings")), R"({"model":"embed","input":5})").status, 400);
}

void TestRelay::slowClientPushesBackOnUpstream()
{
    FakeUpstream fast;
    QVERIFY(fast.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Stream;
    b.chunks = 4000;
    b.paddingBytes = 8192; // about 33 MB in all
    b.intervalMs = 0;
    fast.setBehavior(b);
    Config config = oneProvider(fast, QStringLiteral("fast"));
    GatewayFixture fx;
    QVERIFY(fx.start(config));

    RawClient client;
    QVERIFY(client.connectTo(fx.gateway()->port()));
    client.socket().setReadBufferSize(64 * 1024); // a client that reads slowly
    client.sendPost("/v1/chat/completions", streamBody);
    // The fake writes everything at once; if the gateway kept reading into memory, nothing would stay unsent.
    QVERIFY(TestHttp::waitUntil([&] { return fast.chunksSent() == 4000 + 4; }, 20'000));
    QTest::qWait(300);
    // The relay stops reading from the upstream while the client lags, so most of the answer must still be
    // waiting on the upstream's side (what is in between sits in kernel buffers, a few MB on loopback).
    QVERIFY2(fast.unsentBytes() > 8 * 1024 * 1024,
             qPrintable(QStringLiteral("only %1 bytes held back upstream").arg(fast.unsentBytes())));

    // Once the client reads, the whole answer arrives intact.
    client.socket().setReadBufferSize(0);
    QVERIFY(client.readUntil("0\r\n\r\n", 30'000));
    const QByteArray body = client.dechunkedBody();
    QVERIFY(body.contains("part3999 "));
    QVERIFY(body.endsWith("data: [DONE]\n\n"));
}

QTEST_GUILESS_MAIN(TestRelay)
#include "tst_relay.moc"
