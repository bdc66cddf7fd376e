// Hub mode: Co-Link nodes (ours, and doubles of the reference client) join this gateway at /ws and serve
// its clients, under the same routing policy as providers: spread by max_parallel, failover before the
// first byte, bans, first-byte timeout, CANCEL when the caller leaves, pings, tokens.

#include "colinkdoubles.h"
#include "fakeproviders.h"
#include "fakeupstream.h"
#include "gatewayfixture.h"
#include "hub/hub.h"
#include "routing/router.h"
#include "testhttp.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using TestHttp::waitUntil;

namespace {

const QByteArray nodeToken = "client-hub-token-0123456789";

QByteArray chatBody(const QString &model, bool stream, const QString &text = QStringLiteral("hi"))
{
    QJsonObject body{{QStringLiteral("model"), model},
                     {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                         {QStringLiteral("content"), text}}}}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString contentOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QLatin1String("choices")).toArray().first().toObject()
        .value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString();
}

// The text of an OpenAI stream, joined.
QString streamedText(const QByteArray &body)
{
    QString text;
    for (const QByteArray &line : body.split('\n')) {
        if (!line.startsWith("data: {"))
            continue;
        const QJsonArray choices = QJsonDocument::fromJson(line.mid(6)).object().value(QLatin1String("choices")).toArray();
        if (!choices.isEmpty())
            text += choices.first().toObject().value(QLatin1String("delta")).toObject().value(QLatin1String("content")).toString();
    }
    return text;
}

} // namespace

class TestColinkHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void refusesUpgradesWithoutAKnownToken();
    void ourNodeServesThroughOurHub();
    void loadIsSpreadByMaxParallel();
    void nodeKilledMidStreamFailsTheStreamAndLeaves();
    void ourNodeKilledMidStreamLeavesTheOtherServing();
    void nodeAnsweringErrorIsBannedAndTheCallFailsOver();
    void busyNodeIsSkippedWithoutBan_data();
    void busyNodeIsSkippedWithoutBan();
    void departedCallerSendsCancelAndNeverBlocksTheNode();
    void slowCallerNeverStallsTheNode();
    void callerLeavingAbortsOurNodesUpstream();
    void silentNodeHitsTheFirstByteTimeout();
    void nodeThatStopsAnsweringPingsIsDropped();
    void ourNodeReturnsAfterTheHubRestarts();
    void revokedTokenDisconnectsItsNodes();

private:
    Config hubConfig() const;
    bool startHub(const Config &config, quint16 port = 0);
    QJsonArray nodes() const;
    QStringList models() const;
    std::unique_ptr<FakeColinkNode> fakeNode(const QString &name, FakeColinkNode::Answer answer, int maxParallel,
                                             const QStringList &models = {QStringLiteral("shared")});

    std::unique_ptr<GatewayFixture> m_hub;
};

void TestColinkHub::init()
{
    m_hub = std::make_unique<GatewayFixture>();
    m_hub->hubTimings.pingIntervalMs = 100;
    m_hub->hubTimings.dropAfterMs = 500;
}

void TestColinkHub::cleanup()
{
    m_hub.reset();
}

Config TestColinkHub::hubConfig() const
{
    Config config;
    config.hub.nodeTokens << AccessToken{QStringLiteral("laptop"),
                                         QCryptographicHash::hash(nodeToken, QCryptographicHash::Sha256).toHex()};
    return config;
}

bool TestColinkHub::startHub(const Config &config, quint16 port)
{
    return m_hub->start(config, nullptr, port);
}

QJsonArray TestColinkHub::nodes() const
{
    return QJsonDocument::fromJson(TestHttp::get(m_hub->url(QStringLiteral("/hub/nodes"))).body)
        .object().value(QLatin1String("nodes")).toArray();
}

QStringList TestColinkHub::models() const
{
    QStringList ids;
    const QJsonArray data = QJsonDocument::fromJson(TestHttp::get(m_hub->url(QStringLiteral("/v1/models"))).body)
                                .object().value(QLatin1String("data")).toArray();
    for (const QJsonValue &m : data)
        ids << m.toObject().value(QLatin1String("id")).toString();
    return ids;
}

std::unique_ptr<FakeColinkNode> TestColinkHub::fakeNode(const QString &name, FakeColinkNode::Answer answer,
                                                        int maxParallel, const QStringList &models)
{
    auto node = std::make_unique<FakeColinkNode>(name);
    node->setAnswer(answer);
    const int before = int(m_hub->gateway()->router()->nodeBackends().size());
    if (!node->connectTo(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_hub->gateway()->port()), nodeToken, models,
                         maxParallel)
        || !waitUntil([&] { return m_hub->gateway()->router()->nodeBackends().size() == before + 1; }))
        return nullptr;
    return node;
}

void TestColinkHub::refusesUpgradesWithoutAKnownToken()
{
    QVERIFY(startHub(hubConfig()));
    const quint16 port = m_hub->gateway()->port();
    QCOMPARE(RawWebSocket::upgradeStatus(port, "/ws", {{"Client-Token", "client-wrong-token"}}), 401);
    QCOMPARE(RawWebSocket::upgradeStatus(port, "/ws", {}), 401);
    QCOMPARE(RawWebSocket::upgradeStatus(port, "/elsewhere", {{"Client-Token", nodeToken}}), 404);
    QCOMPARE(RawWebSocket::upgradeStatus(port, "/ws", {{"Client-Token", nodeToken}}), 101);
    // A plain GET is told what /ws is for.
    const auto plain = TestHttp::get(m_hub->url(QStringLiteral("/ws")));
    QCOMPARE(plain.status, 400);
    QVERIFY(plain.body.contains("websocket_required"));
    // The gateway still serves HTTP on the same port afterwards.
    QCOMPARE(TestHttp::get(m_hub->url(QStringLiteral("/health"))).status, 200);

    FakeColinkNode intruder(QStringLiteral("intruder"));
    QVERIFY(!intruder.connectTo(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port), "client-wrong-token",
                                {QStringLiteral("shared")}, 1));
    // Only the accepted raw upgrade ever joined, and it has hung up since.
    QVERIFY(waitUntil([this] { return nodes().isEmpty(); }));

    // With no node tokens configured, the hub accepts no node at all.
    m_hub->stop();
    m_hub = std::make_unique<GatewayFixture>();
    QVERIFY(startHub(Config{}));
    QCOMPARE(RawWebSocket::upgradeStatus(m_hub->gateway()->port(), "/ws", {{"Client-Token", nodeToken}}), 401);
}

void TestColinkHub::ourNodeServesThroughOurHub()
{
    QVERIFY(startHub(hubConfig()));
    FakeProviders fakes;
    QVERIFY(fakes.start());
    GatewayFixture node;
    Config nodeConfig;
    nodeConfig.colink.serverUrl = QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_hub->gateway()->port());
    nodeConfig.colink.clientToken = QString::fromLatin1(nodeToken);
    nodeConfig.colink.maxParallel = 4;
    nodeConfig.providers = fakes.providers;
    QVERIFY(node.start(nodeConfig));
    QVERIFY(waitUntil([this] { return models().size() == 3; }));
    QCOMPARE(models(), (QStringList{QStringLiteral("m-anthropic"), QStringLiteral("m-gemini"), QStringLiteral("m-openai")}));

    for (const QString &model : {QStringLiteral("m-openai"), QStringLiteral("m-anthropic"), QStringLiteral("m-gemini")}) {
        const auto whole = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(model, false));
        QCOMPARE(whole.status, 200);
        QCOMPARE(contentOf(whole.body), QStringLiteral("echo: hi"));
        const auto streamed = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(model, true));
        QCOMPARE(streamed.status, 200);
        QVERIFY(streamed.headers.value("content-type").startsWith("text/event-stream"));
        QCOMPARE(streamedText(streamed.body), QStringLiteral("echo: hi"));
        QVERIFY(streamed.body.trimmed().endsWith("data: [DONE]"));
    }
    // A Claude client of the hub reaches an OpenAI provider behind a node, both ways translated.
    const auto messages = TestHttp::post(
        m_hub->url(QStringLiteral("/v1/messages")),
        R"({"model":"m-openai","max_tokens":50,"messages":[{"role":"user","content":"hi"}]})",
        {{"anthropic-version", "2023-06-01"}});
    QCOMPARE(messages.status, 200);
    QCOMPARE(QJsonDocument::fromJson(messages.body).object().value(QLatin1String("content")).toArray().first()
                 .toObject().value(QLatin1String("text")).toString(),
             QStringLiteral("echo: hi"));

    const QJsonArray list = nodes();
    QCOMPARE(list.size(), 1);
    const QJsonObject entry = list.first().toObject();
    QCOMPARE(entry.value(QLatin1String("token_name")).toString(), QStringLiteral("laptop"));
    QCOMPARE(entry.value(QLatin1String("max_parallel")).toInt(), 4);
    QCOMPARE(entry.value(QLatin1String("served")).toInt(), 7);
    QCOMPARE(entry.value(QLatin1String("in_flight")).toInt(), 0);
    QVERIFY(!entry.value(QLatin1String("connected_since")).toString().isEmpty());
    const QByteArray everything = TestHttp::get(m_hub->url(QStringLiteral("/hub/nodes"))).body
        + TestHttp::get(m_hub->url(QStringLiteral("/health"))).body + TestHttp::get(m_hub->url(QStringLiteral("/metrics"))).body;
    QVERIFY(!everything.contains(nodeToken));
    QVERIFY(everything.contains("switchyard_hub_nodes 1"));
    // The node served them; its own log says so.
    QCOMPARE(node.gateway()->node()->status().served, 7);
}

void TestColinkHub::loadIsSpreadByMaxParallel()
{
    QVERIFY(startHub(hubConfig()));
    auto small = fakeNode(QStringLiteral("small"), FakeColinkNode::Answer::Hold, 1);
    auto big = fakeNode(QStringLiteral("big"), FakeColinkNode::Answer::Hold, 3);
    QVERIFY(small && big);
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(std::make_unique<RawClient>());
        QVERIFY(clients.back()->connectTo(m_hub->gateway()->port()));
        clients.back()->sendPost("/v1/chat/completions", chatBody(QStringLiteral("shared"), true));
    }
    QVERIFY(waitUntil([&] { return small->calls().size() + big->calls().size() == 4; }));
    QCOMPARE(small->calls().size(), 1);
    QCOMPARE(big->calls().size(), 3);
    // Every slot is taken: the fifth caller hears so at once, with a hint when to retry.
    const auto fifth = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("shared"), false));
    QCOMPARE(fifth.status, 503);
    QVERIFY(fifth.body.contains("backend_busy"));
    QCOMPARE(fifth.headers.value("retry-after"), QByteArray("1"));
    small->release();
    big->release();
    for (auto &client : clients)
        QVERIFY(client->readUntil("data: [DONE]"));
    QVERIFY(waitUntil([this] {
        const QJsonArray list = nodes();
        return list.size() == 2 && list.at(0).toObject().value(QLatin1String("in_flight")).toInt() == 0
            && list.at(1).toObject().value(QLatin1String("in_flight")).toInt() == 0;
    }));
}

void TestColinkHub::nodeKilledMidStreamFailsTheStreamAndLeaves()
{
    QVERIFY(startHub(hubConfig()));
    auto doomed = fakeNode(QStringLiteral("doomed"), FakeColinkNode::Answer::Hold, 2);
    QVERIFY(doomed);
    RawClient client;
    QVERIFY(client.connectTo(m_hub->gateway()->port()));
    client.sendPost("/v1/chat/completions", chatBody(QStringLiteral("shared"), true));
    QVERIFY(client.readUntil("doomed holding"));
    auto survivor = fakeNode(QStringLiteral("survivor"), FakeColinkNode::Answer::Stream, 2);
    QVERIFY(survivor);
    doomed->close();
    // The caller had a 200 and part of the answer: an error event tells it the rest is not coming.
    QVERIFY(client.readUntil("\"error\""));
    QVERIFY(!client.received().contains("[DONE]"));
    QVERIFY(waitUntil([this] { return nodes().size() == 1; }));
    const auto next = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("shared"), true));
    QCOMPARE(next.status, 200);
    QVERIFY2(streamedText(next.body).startsWith(QLatin1String("survivor part 0")), next.body.constData());
}

void TestColinkHub::ourNodeKilledMidStreamLeavesTheOtherServing()
{
    QVERIFY(startHub(hubConfig()));
    // Two machines sharing "shared", each with its own slow provider.
    std::array<FakeUpstream, 2> upstreams;
    std::array<std::unique_ptr<GatewayFixture>, 2> machines;
    for (int i = 0; i < 2; ++i) {
        QVERIFY(upstreams[i].start());
        upstreams[i].setBehavior({.mode = FakeUpstream::Mode::Stream, .chunks = 100, .intervalMs = 20});
        Config config;
        config.colink.serverUrl = QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_hub->gateway()->port());
        config.colink.clientToken = QString::fromLatin1(nodeToken);
        config.providers << GatewayFixture::provider(QStringLiteral("local"), upstreams[i].baseUrl(),
                                                     QStringLiteral("shared"), QStringLiteral("local-model"));
        machines[i] = std::make_unique<GatewayFixture>();
        QVERIFY(machines[i]->start(config));
    }
    QVERIFY(waitUntil([this] { return nodes().size() == 2 && models().contains(QStringLiteral("shared")); }));
    RawClient client;
    QVERIFY(client.connectTo(m_hub->gateway()->port()));
    client.sendPost("/v1/chat/completions", chatBody(QStringLiteral("shared"), true));
    QVERIFY(client.readUntil("chunk"));
    const int serving = upstreams[0].requestCount() == 1 ? 0 : 1;
    QCOMPARE(upstreams[serving].requestCount(), 1);
    machines[serving].reset(); // the machine goes away mid-answer
    QVERIFY(client.readUntil("\"error\""));
    QVERIFY(!client.received().contains("[DONE]"));
    QVERIFY(waitUntil([this] { return nodes().size() == 1; }));
    upstreams[1 - serving].setBehavior({.mode = FakeUpstream::Mode::Stream, .chunks = 3});
    const auto next = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("shared"), true));
    QCOMPARE(next.status, 200);
    QVERIFY(next.body.trimmed().endsWith("data: [DONE]"));
    QCOMPARE(upstreams[1 - serving].requestCount(), 1);
}

void TestColinkHub::nodeAnsweringErrorIsBannedAndTheCallFailsOver()
{
    QVERIFY(startHub(hubConfig()));
    auto failing = fakeNode(QStringLiteral("failing"), FakeColinkNode::Answer::ErrorThenFinish, 4);
    auto healthy = fakeNode(QStringLiteral("healthy"), FakeColinkNode::Answer::Whole, 4);
    QVERIFY(failing && healthy);
    for (int i = 0; i < 8; ++i) {
        const auto r = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("shared"), false));
        QCOMPARE(r.status, 200);
        // Never the failing node's stale FINISH taken for an empty success.
        QCOMPARE(contentOf(r.body), QStringLiteral("whole from healthy"));
    }
    QVERIFY(failing->calls().size() <= 1);
    if (failing->calls().isEmpty()) {
        // Chance sent every call to the healthy node first; make the failing one the only choice once.
        healthy->close();
        QVERIFY(waitUntil([this] { return nodes().size() == 1; }));
        const auto r = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("shared"), false));
        QCOMPARE(r.status, 502);
        QVERIFY2(r.body.contains("upstream exploded on failing"), r.body.constData());
    }
    QCOMPARE(failing->calls().size(), 1);
    QJsonObject failingEntry;
    for (const QJsonValue &v : nodes()) {
        if (v.toObject().value(QLatin1String("name")).toString() == QLatin1String("laptop")
            && v.toObject().value(QLatin1String("errors")).toInt() == 1)
            failingEntry = v.toObject();
    }
    QVERIFY(!failingEntry.isEmpty());
    QVERIFY(!failingEntry.value(QLatin1String("banned_until")).isNull());
    // Every attempt had its own request id.
    QSet<QString> ids;
    for (const QJsonObject &call : failing->calls() + healthy->calls())
        ids.insert(call.value(QLatin1String("request_id")).toString());
    QCOMPARE(ids.size(), failing->calls().size() + healthy->calls().size());
    // Past the ban the node is tried again.
    m_hub->clock().advanceMs(61'000);
    QVERIFY(m_hub->gateway()->router()->activeBanCount() == 0);
}

void TestColinkHub::busyNodeIsSkippedWithoutBan_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<int>("status");
    QTest::newRow("BUSY") << int(FakeColinkNode::Answer::Busy) << 503;
    // A node that re-registered without the model a moment ago: not a fault either.
    QTest::newRow("model not supported") << int(FakeColinkNode::Answer::Unsupported) << 503;
}

void TestColinkHub::busyNodeIsSkippedWithoutBan()
{
    QFETCH(int, answer);
    QFETCH(int, status);
    QVERIFY(startHub(hubConfig()));
    auto busy = fakeNode(QStringLiteral("busy"), FakeColinkNode::Answer(answer), 2);
    QVERIFY(busy);
    const auto refused = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("shared"), false));
    QCOMPARE(refused.status, status);
    QVERIFY(refused.body.contains("backend_busy"));
    QCOMPARE(refused.headers.value("retry-after"), QByteArray("1"));
    QCOMPARE(m_hub->gateway()->router()->activeBanCount(), 0);
    auto spare = fakeNode(QStringLiteral("spare"), FakeColinkNode::Answer::Whole, 2);
    QVERIFY(spare);
    for (int i = 0; i < 4; ++i) {
        const auto r = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("shared"), false));
        QCOMPARE(r.status, 200);
        QCOMPARE(contentOf(r.body), QStringLiteral("whole from spare"));
    }
    QCOMPARE(m_hub->gateway()->router()->activeBanCount(), 0);
    QVERIFY(busy->calls().size() >= 1);
}

void TestColinkHub::departedCallerSendsCancelAndNeverBlocksTheNode()
{
    // The fake node below sends 2000 chunks from this thread in one go, which keeps the event loop from
    // answering pings; under the sanitizers on a busy machine that took longer than init()'s 500 ms and the
    // hub rightly dropped the node. Liveness is not what this test is about.
    m_hub->hubTimings.dropAfterMs = 10'000;
    QVERIFY(startHub(hubConfig()));
    auto node = fakeNode(QStringLiteral("n"), FakeColinkNode::Answer::Hold, 2);
    QVERIFY(node);
    RawClient client;
    QVERIFY(client.connectTo(m_hub->gateway()->port()));
    client.sendPost("/v1/chat/completions", chatBody(QStringLiteral("shared"), true));
    QVERIFY(client.readUntil("n holding"));
    const QString id = node->calls().first().value(QLatin1String("request_id")).toString();
    client.close();
    QVERIFY(waitUntil([&] { return node->cancels().contains(id); }));
    QVERIFY(waitUntil([this] { return nodes().first().toObject().value(QLatin1String("in_flight")).toInt() == 0; }));
    // The node keeps talking about the abandoned call (the reference node ignores CANCEL): dropped, and the
    // socket stays free for the next caller.
    for (int i = 0; i < 2000; ++i)
        node->streamChunk(id, QStringLiteral("nobody is listening "));
    node->setAnswer(FakeColinkNode::Answer::Whole);
    const auto next = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("shared"), false));
    QCOMPARE(next.status, 200);
    QCOMPARE(contentOf(next.body), QStringLiteral("whole from n"));
}

void TestColinkHub::slowCallerNeverStallsTheNode()
{
    // The flood below keeps this test's node busy writing for a while: it must not be dropped for a late pong.
    m_hub->hubTimings.dropAfterMs = 30'000;
    QVERIFY(startHub(hubConfig()));
    auto node = fakeNode(QStringLiteral("n"), FakeColinkNode::Answer::Hold, 2);
    QVERIFY(node);
    RawClient sleeper; // asks for a stream and never reads it
    QVERIFY(sleeper.connectTo(m_hub->gateway()->port()));
    sleeper.socket().setReadBufferSize(1);
    sleeper.sendPost("/v1/chat/completions", chatBody(QStringLiteral("shared"), true));
    QVERIFY(waitUntil([&] { return node->calls().size() == 1; }));
    const QString id = node->calls().first().value(QLatin1String("request_id")).toString();
    // 40 MB of answer: far more than the caller's socket, the kernel and the hub's per-call limit hold.
    const QString piece(64 * 1024, QLatin1Char('x'));
    for (int i = 0; i < 640; ++i)
        node->streamChunk(id, piece);
    // The hub gives up on that caller instead of on the node: CANCEL, and the node's next call is served.
    QVERIFY(waitUntil([&] { return node->cancels().contains(id); }, 20'000));
    QCOMPARE(m_hub->gateway()->router()->activeBanCount(), 0); // the caller's fault, not the node's
    node->setAnswer(FakeColinkNode::Answer::Whole);
    const auto next = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("shared"), false));
    QCOMPARE(next.status, 200);
    QCOMPARE(contentOf(next.body), QStringLiteral("whole from n"));
}

void TestColinkHub::callerLeavingAbortsOurNodesUpstream()
{
    QVERIFY(startHub(hubConfig()));
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    upstream.setBehavior({.mode = FakeUpstream::Mode::Stream, .chunks = 500, .intervalMs = 20});
    GatewayFixture node;
    Config nodeConfig;
    nodeConfig.colink.serverUrl = QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_hub->gateway()->port());
    nodeConfig.colink.clientToken = QString::fromLatin1(nodeToken);
    nodeConfig.providers << GatewayFixture::provider(QStringLiteral("local"), upstream.baseUrl(),
                                                     QStringLiteral("slow"), QStringLiteral("slow-local"));
    QVERIFY(node.start(nodeConfig));
    QVERIFY(waitUntil([this] { return models().contains(QStringLiteral("slow")); }));
    RawClient client;
    QVERIFY(client.connectTo(m_hub->gateway()->port()));
    client.sendPost("/v1/chat/completions", chatBody(QStringLiteral("slow"), true));
    QVERIFY(client.readUntil("chunk"));
    client.close();
    // Hub → CANCEL → our node → the provider's connection is dropped: nobody pays for the rest.
    QVERIFY(waitUntil([&] { return upstream.abortedByPeer() == 1; }));
    QVERIFY(waitUntil([&] { return node.gateway()->node()->status().inFlight == 0; }));
    QVERIFY(upstream.chunksSent() < 500);
}

void TestColinkHub::silentNodeHitsTheFirstByteTimeout()
{
    Config config = hubConfig();
    config.gateway.timeouts.firstByteMs = 300;
    QVERIFY(startHub(config));
    auto silent = fakeNode(QStringLiteral("silent"), FakeColinkNode::Answer::Silent, 2);
    QVERIFY(silent);
    QElapsedTimer timer;
    timer.start();
    const auto r = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("shared"), false));
    QCOMPARE(r.status, 504);
    QVERIFY2(timer.elapsed() >= 250, r.body.constData()); // coarse timers may fire 5% early
    QVERIFY(waitUntil([&] { return silent->cancels().size() == 1; }));
    QCOMPARE(silent->cancels().first(), silent->calls().first().value(QLatin1String("request_id")).toString());
    QVERIFY(!nodes().first().toObject().value(QLatin1String("banned_until")).isNull());
    // A late answer to the abandoned call lands nowhere; a healthy node serves the next one.
    silent->finish(silent->calls().first().value(QLatin1String("request_id")).toString());
    auto healthy = fakeNode(QStringLiteral("healthy"), FakeColinkNode::Answer::Whole, 2);
    QVERIFY(healthy);
    const auto next = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("shared"), false));
    QCOMPARE(next.status, 200);
    QCOMPARE(contentOf(next.body), QStringLiteral("whole from healthy"));
}

void TestColinkHub::nodeThatStopsAnsweringPingsIsDropped()
{
    QVERIFY(startHub(hubConfig()));
    int status = 0;
    QTcpSocket *raw = RawWebSocket::openAndSend(m_hub->gateway()->port(), nodeToken,
                                                R"({"type":"REGISTER","data":{"max_parallel":1,"models":["mute"]}})",
                                                &status, this);
    QCOMPARE(status, 101);
    QVERIFY(raw);
    QVERIFY(waitUntil([this] { return models().contains(QStringLiteral("mute")); }));
    QElapsedTimer timer;
    timer.start();
    // It never reads, so it never answers a ping: gone 500 ms after the last pong, models with it.
    QVERIFY(waitUntil([this] { return !models().contains(QStringLiteral("mute")); }, 5000));
    QVERIFY(timer.elapsed() >= 300);
    QVERIFY(nodes().isEmpty());
    delete raw;
}

void TestColinkHub::ourNodeReturnsAfterTheHubRestarts()
{
    QVERIFY(startHub(hubConfig()));
    const quint16 port = m_hub->gateway()->port();
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    GatewayFixture node;
    node.nodeTimings.backoffFirstMs = 100;
    node.nodeTimings.backoffMaxMs = 400;
    Config nodeConfig;
    nodeConfig.colink.serverUrl = QStringLiteral("ws://127.0.0.1:%1/ws").arg(port);
    nodeConfig.colink.clientToken = QString::fromLatin1(nodeToken);
    nodeConfig.providers << GatewayFixture::provider(QStringLiteral("local"), upstream.baseUrl(),
                                                     QStringLiteral("pro-model"), QStringLiteral("deepseek-chat"));
    QVERIFY(node.start(nodeConfig));
    QVERIFY(waitUntil([this] { return models().contains(QStringLiteral("pro-model")); }));

    m_hub->stop();
    NodeClient *client = node.gateway()->node();
    QVERIFY(waitUntil([client] { return client->status().state == NodeClient::State::Backoff
                                        && client->status().failedDials >= 2; }, 5000));
    QVERIFY(client->status().nextRetryAtMs > 0);

    QVERIFY(startHub(hubConfig(), port));
    QVERIFY(waitUntil([this] { return models().contains(QStringLiteral("pro-model")); }, 5000));
    QCOMPARE(client->status().state, NodeClient::State::Connected);
    const auto r = TestHttp::post(m_hub->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("pro-model"), false));
    QCOMPARE(r.status, 200);
}

void TestColinkHub::revokedTokenDisconnectsItsNodes()
{
    Config config = hubConfig();
    const QByteArray otherToken = "client-office-token-987654321";
    config.hub.nodeTokens << AccessToken{QStringLiteral("office"),
                                         QCryptographicHash::hash(otherToken, QCryptographicHash::Sha256).toHex()};
    QVERIFY(startHub(config));
    // Three nodes on the revoked token, one on the other: closing several at once must not upset the hub.
    std::vector<std::unique_ptr<FakeColinkNode>> revoked;
    for (int i = 0; i < 3; ++i) {
        revoked.push_back(fakeNode(QStringLiteral("r%1").arg(i), FakeColinkNode::Answer::Whole, 1));
        QVERIFY(revoked.back());
    }
    FakeColinkNode office(QStringLiteral("office"));
    QVERIFY(office.connectTo(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_hub->gateway()->port()), otherToken,
                             {QStringLiteral("office-model")}, 1));
    QVERIFY(waitUntil([this] { return nodes().size() == 4; }));

    Config withoutLaptop = hubConfig();
    withoutLaptop.hub.nodeTokens = {config.hub.nodeTokens.last()};
    m_hub->gateway()->applyConfig(withoutLaptop, ResolvedKeys{});
    for (const auto &node : revoked)
        QVERIFY(waitUntil([&] { return !node->isConnected(); }));
    QVERIFY(waitUntil([this] { return nodes().size() == 1; }));
    QVERIFY(office.isConnected());
    QCOMPARE(models(), QStringList{QStringLiteral("office-model")});

    // A token replaced under the same name revokes the old one too.
    Config rotated = withoutLaptop;
    rotated.hub.nodeTokens.first().sha256Hex = QCryptographicHash::hash("client-office-new-token-1", QCryptographicHash::Sha256).toHex();
    m_hub->gateway()->applyConfig(rotated, ResolvedKeys{});
    QVERIFY(waitUntil([&] { return !office.isConnected(); }));
    QVERIFY(waitUntil([this] { return nodes().isEmpty(); }));
}

QTEST_GUILESS_MAIN(TestColinkHub)
#include "tst_colink_hub.moc"
