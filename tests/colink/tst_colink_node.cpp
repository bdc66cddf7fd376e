// Our node against a double of the reference Co-Link server: the wire format where it matters (header,
// REGISTER, one STREAM for a whole answer, ERROR without FINISH), max_parallel, CANCEL, reconnects.

#include "colinkdoubles.h"
#include "fakeproviders.h"
#include "fakeupstream.h"
#include "gatewayfixture.h"
#include "node/nodeclient.h"
#include "testhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using TestHttp::waitUntil;

namespace {

const QString token = QStringLiteral("client-0123456789abcdef");

QJsonObject chatPayload(const QString &model, bool stream, const QString &text = QStringLiteral("hello"))
{
    QJsonObject payload{{QStringLiteral("model"), model},
                        {QStringLiteral("messages"),
                         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                {QStringLiteral("content"), text}}}}};
    if (stream)
        payload.insert(QStringLiteral("stream"), true);
    return payload;
}

QStringList typesOf(const QList<FakeColinkServer::Frame> &frames)
{
    QStringList types;
    for (const auto &f : frames)
        types << f.type;
    return types;
}

// An HTTP proxy that tunnels CONNECT requests to one fixed port, whatever host they name.
class ConnectProxy final : public QObject
{
public:
    explicit ConnectProxy(quint16 target) : m_target(target)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                client->setParent(this);
                connect(client, &QTcpSocket::readyRead, this, [this, client] { onClientData(client); });
            }
        });
    }
    bool start() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QByteArrayList requests; // the CONNECT lines seen

private:
    void onClientData(QTcpSocket *client)
    {
        if (QTcpSocket *upstream = m_tunnels.value(client)) {
            upstream->write(client->readAll());
            return;
        }
        if (!client->canReadLine())
            return;
        requests << client->readLine().trimmed();
        while (client->bytesAvailable() && client->readLine().trimmed().size() > 0) {
        }
        auto *upstream = new QTcpSocket(this);
        m_tunnels.insert(client, upstream);
        connect(upstream, &QTcpSocket::connected, client,
                [client] { client->write("HTTP/1.1 200 Connection established\r\n\r\n"); });
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
        upstream->connectToHost(QHostAddress::LocalHost, m_target);
    }

    QTcpServer m_server;
    quint16 m_target;
    QHash<QTcpSocket *, QTcpSocket *> m_tunnels;
};

} // namespace

class TestColinkNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void dialsWithTokenHeaderAndRegisters();
    void wholeAnswerIsOneStreamThenFinish();
    void streamIsOneStreamPerEventThenFinish();
    void translatesForClaudeAndGeminiProviders();
    void providerErrorIsOneErrorWithoutFinish();
    void unknownModelAndBadPayloadAreRefused();
    void maxParallelRefusesBusyBeforeTheProvider();
    void cancelAbortsTheUpstream();
    void droppedConnectionIsRedialedAndReregistered();
    void failedDialsBackOff();
    void silentServerIsNoticedAndRedialed();
    void dialsThroughTheSystemProxy();
    void switchesOffAndOnAtRunTime();
    void reregistersWhenProvidersChange();

private:
    Config nodeConfig(const QString &serverUrl, int maxParallel = 2);
    bool startNode(const Config &config);

    std::unique_ptr<FakeColinkServer> m_server;
    std::unique_ptr<FakeUpstream> m_upstream;
    std::unique_ptr<GatewayFixture> m_node;
};

void TestColinkNode::init()
{
    m_server = std::make_unique<FakeColinkServer>();
    QVERIFY(m_server->start());
    m_upstream = std::make_unique<FakeUpstream>();
    QVERIFY(m_upstream->start());
    m_node = std::make_unique<GatewayFixture>();
    m_node->nodeTimings.backoffFirstMs = 100;
    m_node->nodeTimings.backoffMaxMs = 400;
    m_node->nodeTimings.minHealthyMs = 0;
}

void TestColinkNode::cleanup()
{
    m_node.reset();
    m_server.reset();
    m_upstream.reset();
}

Config TestColinkNode::nodeConfig(const QString &serverUrl, int maxParallel)
{
    Config config;
    config.colink.serverUrl = serverUrl;
    config.colink.clientToken = token;
    config.colink.maxParallel = maxParallel;
    config.providers << GatewayFixture::provider(QStringLiteral("local"), m_upstream->baseUrl(),
                                                 QStringLiteral("pro-model"), QStringLiteral("deepseek-chat"));
    return config;
}

bool TestColinkNode::startNode(const Config &config)
{
    if (!m_node->start(config))
        return false;
    return waitUntil([this] { return !m_server->framesOfType(QStringLiteral("REGISTER")).isEmpty(); });
}

void TestColinkNode::dialsWithTokenHeaderAndRegisters()
{
    QVERIFY(startNode(nodeConfig(m_server->url(), 3)));
    QCOMPARE(m_server->lastTokenHeader(), token.toUtf8());
    const auto frame = m_server->frames().first();
    QCOMPARE(frame.type, QStringLiteral("REGISTER"));
    QCOMPARE(frame.data.value(QLatin1String("max_parallel")).toInt(), 3);
    QVERIFY(frame.data.value(QLatin1String("max_parallel")).isDouble());
    QCOMPARE(frame.data.value(QLatin1String("models")).toArray(), QJsonArray{QStringLiteral("pro-model")});
    // The frame is {"type": ..., "data": {...}} and nothing else at the top level.
    QCOMPARE(QJsonDocument::fromJson(frame.raw).object().keys(), (QStringList{QStringLiteral("data"), QStringLiteral("type")}));
    const NodeClient::Status status = m_node->gateway()->node()->status();
    QCOMPARE(status.state, NodeClient::State::Connected);
    QVERIFY(status.connectedSinceMs > 0);
}

void TestColinkNode::wholeAnswerIsOneStreamThenFinish()
{
    QVERIFY(startNode(nodeConfig(m_server->url())));
    m_upstream->setBehavior({.mode = FakeUpstream::Mode::Json});
    m_server->sendCall(QStringLiteral("req-1"), QStringLiteral("pro-model"), chatPayload(QStringLiteral("pro-model"), false));
    QVERIFY(waitUntil([this] { return !m_server->framesFor(QStringLiteral("req-1")).isEmpty()
                                      && m_server->framesFor(QStringLiteral("req-1")).last().type == QLatin1String("FINISH"); }));
    QTest::qWait(100); // nothing may follow
    const auto frames = m_server->framesFor(QStringLiteral("req-1"));
    QCOMPARE(typesOf(frames), (QStringList{QStringLiteral("STREAM"), QStringLiteral("FINISH")}));
    const QJsonObject chunk = frames.first().data.value(QLatin1String("chunk")).toObject();
    QCOMPARE(chunk.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
    QVERIFY(!chunk.value(QLatin1String("choices")).toArray().isEmpty());
    // The provider was asked for its own name for the model.
    QCOMPARE(m_upstream->received().last().json.value(QLatin1String("model")).toString(), QStringLiteral("deepseek-chat"));
    QCOMPARE(m_node->gateway()->node()->status().served, 1);
}

void TestColinkNode::streamIsOneStreamPerEventThenFinish()
{
    QVERIFY(startNode(nodeConfig(m_server->url())));
    m_upstream->setBehavior({.mode = FakeUpstream::Mode::Stream, .chunks = 4});
    m_server->sendCall(QStringLiteral("req-s"), QStringLiteral("pro-model"), chatPayload(QStringLiteral("pro-model"), true));
    QVERIFY(waitUntil([this] { const auto f = m_server->framesFor(QStringLiteral("req-s"));
                               return !f.isEmpty() && f.last().type == QLatin1String("FINISH"); }));
    QTest::qWait(100);
    const auto frames = m_server->framesFor(QStringLiteral("req-s"));
    // role, 4 pieces, stop, usage: one STREAM each, each the provider's event object as it was sent.
    QJsonObject direct = chatPayload(QStringLiteral("deepseek-chat"), true);
    const auto reference = TestHttp::post(QUrl(m_upstream->baseUrl() + QStringLiteral("/chat/completions")),
                                          QJsonDocument(direct).toJson());
    QList<QJsonObject> expected;
    for (const QByteArray &line : reference.body.split('\n')) {
        if (line.startsWith("data: {"))
            expected << QJsonDocument::fromJson(line.mid(6)).object();
    }
    QCOMPARE(expected.size(), 4 + 3);
    QCOMPARE(frames.size(), expected.size() + 1);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(frames.at(i).type, QStringLiteral("STREAM"));
        QCOMPARE(frames.at(i).data.value(QLatin1String("chunk")).toObject(), expected.at(i));
    }
    QCOMPARE(frames.last().type, QStringLiteral("FINISH"));
    QVERIFY(m_upstream->received().last().json.value(QLatin1String("stream")).toBool());
}

void TestColinkNode::translatesForClaudeAndGeminiProviders()
{
    FakeProviders fakes;
    QVERIFY(fakes.start());
    Config config = nodeConfig(m_server->url(), 4);
    config.providers = fakes.providers;
    QVERIFY(startNode(config));
    QStringList registered;
    for (const QJsonValue &v : m_server->framesOfType(QStringLiteral("REGISTER")).last().data.value(QLatin1String("models")).toArray())
        registered << v.toString();
    QCOMPARE(registered, (QStringList{QStringLiteral("m-anthropic"), QStringLiteral("m-gemini"), QStringLiteral("m-openai")}));

    int n = 0;
    for (const QString &model : {QStringLiteral("m-anthropic"), QStringLiteral("m-gemini")}) {
        for (const bool stream : {false, true}) {
            const QString id = QStringLiteral("req-t%1").arg(++n);
            m_server->sendCall(id, model, chatPayload(model, stream, QStringLiteral("ping")));
            QVERIFY(waitUntil([&] { const auto f = m_server->framesFor(id);
                                    return !f.isEmpty() && (f.last().type == QLatin1String("FINISH") || f.last().type == QLatin1String("ERROR")); }));
            const auto frames = m_server->framesFor(id);
            QCOMPARE(frames.last().type, QStringLiteral("FINISH"));
            QString text;
            for (const auto &f : frames) {
                const QJsonObject chunk = f.data.value(QLatin1String("chunk")).toObject();
                if (f.type != QLatin1String("STREAM"))
                    continue;
                // Whatever the provider spoke, the server hears OpenAI.
                QCOMPARE(chunk.value(QLatin1String("object")).toString(),
                         stream ? QStringLiteral("chat.completion.chunk") : QStringLiteral("chat.completion"));
                const QJsonObject choice = chunk.value(QLatin1String("choices")).toArray().first().toObject();
                text += choice.value(stream ? QLatin1String("delta") : QLatin1String("message")).toObject()
                            .value(QLatin1String("content")).toString();
            }
            if (!stream)
                QCOMPARE(typesOf(frames), (QStringList{QStringLiteral("STREAM"), QStringLiteral("FINISH")}));
            QCOMPARE(text, QStringLiteral("echo: ping"));
        }
    }
}

void TestColinkNode::providerErrorIsOneErrorWithoutFinish()
{
    QVERIFY(startNode(nodeConfig(m_server->url())));
    m_upstream->setBehavior({.mode = FakeUpstream::Mode::Status, .status = 500, .body = "the model fell over"});
    for (const bool stream : {false, true}) {
        const QString id = stream ? QStringLiteral("req-e-stream") : QStringLiteral("req-e");
        m_server->sendCall(id, QStringLiteral("pro-model"), chatPayload(QStringLiteral("pro-model"), stream));
        QVERIFY(waitUntil([&] { return !m_server->framesFor(id).isEmpty(); }));
        QTest::qWait(150); // a trailing FINISH would arrive by now
        const auto frames = m_server->framesFor(id);
        QCOMPARE(typesOf(frames), QStringList{QStringLiteral("ERROR")});
        QVERIFY(frames.first().data.value(QLatin1String("code")).toInt() >= 500);
        QVERIFY2(frames.first().data.value(QLatin1String("message")).toString().contains(QLatin1String("fell over")),
                 frames.first().raw.constData());
        m_node->clock().advanceMs(120'000); // lift the ban for the next round
    }
    // A stream cut by the provider after it began: the error is an ERROR too, never a FINISH.
    m_upstream->setBehavior({.mode = FakeUpstream::Mode::CutMidStream, .cutAfterChunks = 2});
    m_server->sendCall(QStringLiteral("req-cut"), QStringLiteral("pro-model"), chatPayload(QStringLiteral("pro-model"), true));
    QVERIFY(waitUntil([&] { const auto f = m_server->framesFor(QStringLiteral("req-cut"));
                            return !f.isEmpty() && f.last().type == QLatin1String("ERROR"); }));
    QTest::qWait(150);
    const auto cut = m_server->framesFor(QStringLiteral("req-cut"));
    QCOMPARE(cut.last().type, QStringLiteral("ERROR"));
    QVERIFY(!typesOf(cut).contains(QStringLiteral("FINISH")));
    QVERIFY(typesOf(cut).contains(QStringLiteral("STREAM")));
}

void TestColinkNode::unknownModelAndBadPayloadAreRefused()
{
    QVERIFY(startNode(nodeConfig(m_server->url())));
    m_server->sendCall(QStringLiteral("req-u"), QStringLiteral("gpt-9"), chatPayload(QStringLiteral("gpt-9"), false));
    m_server->sendRaw(R"({"type":"CALL","data":{"request_id":"req-p","model":"pro-model","payload":"not an object"}})");
    m_server->sendRaw("this is not json");
    m_server->sendRaw(R"({"type":"SOMETHING_NEW","data":{"request_id":"req-x"}})");
    QVERIFY(waitUntil([this] { return m_server->framesOfType(QStringLiteral("ERROR")).size() == 2; }));
    const auto unknown = m_server->framesFor(QStringLiteral("req-u"));
    QCOMPARE(typesOf(unknown), QStringList{QStringLiteral("ERROR")});
    QCOMPARE(unknown.first().data.value(QLatin1String("code")).toInt(), 400);
    QCOMPARE(unknown.first().data.value(QLatin1String("message")).toString(),
             QStringLiteral("Model not supported natively by this client"));
    QCOMPARE(m_server->framesFor(QStringLiteral("req-p")).first().data.value(QLatin1String("code")).toInt(), 400);
    QCOMPARE(m_upstream->requestCount(), 0);
    QCOMPARE(m_node->gateway()->node()->status().state, NodeClient::State::Connected);
}

void TestColinkNode::maxParallelRefusesBusyBeforeTheProvider()
{
    QVERIFY(startNode(nodeConfig(m_server->url(), 1)));
    m_upstream->setBehavior({.mode = FakeUpstream::Mode::Hang});
    m_server->sendCall(QStringLiteral("req-a"), QStringLiteral("pro-model"), chatPayload(QStringLiteral("pro-model"), true));
    QVERIFY(waitUntil([this] { return m_upstream->requestCount() == 1; }));
    m_server->sendCall(QStringLiteral("req-b"), QStringLiteral("pro-model"), chatPayload(QStringLiteral("pro-model"), true));
    QVERIFY(waitUntil([this] { return !m_server->framesFor(QStringLiteral("req-b")).isEmpty(); }));
    const auto busy = m_server->framesFor(QStringLiteral("req-b"));
    QCOMPARE(typesOf(busy), QStringList{QStringLiteral("ERROR")});
    QCOMPARE(busy.first().data.value(QLatin1String("code")).toInt(), 503);
    QCOMPARE(busy.first().data.value(QLatin1String("message")).toString(),
             QStringLiteral("BUSY: Local concurrency limit reached"));
    QTest::qWait(100);
    QCOMPARE(m_upstream->requestCount(), 1); // the refused call never reached the provider
    QCOMPARE(m_node->gateway()->node()->status().inFlight, 1);
}

void TestColinkNode::cancelAbortsTheUpstream()
{
    QVERIFY(startNode(nodeConfig(m_server->url())));
    m_upstream->setBehavior({.mode = FakeUpstream::Mode::Stream, .chunks = 200, .intervalMs = 20});
    m_server->sendCall(QStringLiteral("req-c"), QStringLiteral("pro-model"), chatPayload(QStringLiteral("pro-model"), true));
    QVERIFY(waitUntil([this] { return m_server->framesFor(QStringLiteral("req-c")).size() >= 2; }));
    m_server->sendCancel(QStringLiteral("req-c"));
    QVERIFY(waitUntil([this] { return m_upstream->abortedByPeer() == 1; }));
    QVERIFY(waitUntil([this] { return m_node->gateway()->node()->status().inFlight == 0; }));
    const qsizetype framesAtCancel = m_server->framesFor(QStringLiteral("req-c")).size();
    QTest::qWait(150);
    const auto frames = m_server->framesFor(QStringLiteral("req-c"));
    QVERIFY(frames.size() <= framesAtCancel + 1); // at most what was already on the wire
    QVERIFY(!typesOf(frames).contains(QStringLiteral("FINISH")));
}

void TestColinkNode::droppedConnectionIsRedialedAndReregistered()
{
    QVERIFY(startNode(nodeConfig(m_server->url())));
    QCOMPARE(m_server->connectionCount(), 1);
    m_server->dropNodes();
    QVERIFY(waitUntil([this] { return m_server->connectionCount() == 2
                                      && m_server->framesOfType(QStringLiteral("REGISTER")).size() == 2; }));
    QCOMPARE(m_node->gateway()->node()->status().state, NodeClient::State::Connected);
}

void TestColinkNode::failedDialsBackOff()
{
    const quint16 port = m_server->port();
    m_server->stop();
    QVERIFY(m_node->start(nodeConfig(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port))));
    NodeClient *node = m_node->gateway()->node();
    QVERIFY(waitUntil([node] { return node->status().failedDials >= 3; }, 5000));
    const NodeClient::Status status = node->status();
    QCOMPARE(status.state, NodeClient::State::Backoff);
    QVERIFY(status.nextRetryAtMs > 0);
    QVERIFY(!status.lastError.isEmpty());
    // 100, 200, 400, 400 ms nominal: three failures take at least 80 + 160 ms of waiting.
    QElapsedTimer timer;
    timer.start();
    const int before = node->status().failedDials;
    QVERIFY(waitUntil([&] { return node->status().failedDials >= before + 2; }, 5000));
    QVERIFY2(timer.elapsed() >= 320 * 0.8 * 2 - 100, qPrintable(QString::number(timer.elapsed())));

    // The server comes back where it was: the node joins it and registers.
    auto server = std::make_unique<FakeColinkServer>();
    QVERIFY(server->start(port));
    QVERIFY(waitUntil([&] { return !server->framesOfType(QStringLiteral("REGISTER")).isEmpty(); }, 5000));
    QCOMPARE(node->status().state, NodeClient::State::Connected);
    QCOMPARE(node->status().failedDials, 0);
}

void TestColinkNode::silentServerIsNoticedAndRedialed()
{
    SilentWebSocketServer silent;
    QVERIFY(silent.start());
    m_node->nodeTimings.pingIntervalMs = 50;
    m_node->nodeTimings.deadAfterMs = 300;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_node->start(nodeConfig(QStringLiteral("ws://127.0.0.1:%1/ws").arg(silent.port()))));
    QVERIFY(waitUntil([&] { return silent.handshakes() == 1; }));
    QCOMPARE(m_node->gateway()->node()->status().state, NodeClient::State::Connected);
    // No pong comes back: once deadAfterMs has passed the node gives up on it and dials again.
    QVERIFY(waitUntil([&] { return silent.handshakes() >= 2; }, 5000));
    QVERIFY2(timer.elapsed() >= 300, qPrintable(QString::number(timer.elapsed())));
}

void TestColinkNode::dialsThroughTheSystemProxy()
{
    ConnectProxy proxy(m_server->port());
    QVERIFY(proxy.start());
    // The server's name does not resolve here: only the proxy can reach it.
    qputenv("http_proxy", QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()).toLatin1());
    const bool registered = startNode(nodeConfig(QStringLiteral("ws://colink.invalid:8080/ws")));
    qunsetenv("http_proxy");
    QVERIFY(registered);
    QCOMPARE(proxy.requests.size(), 1);
    QCOMPARE(proxy.requests.first(), QByteArray("CONNECT colink.invalid:8080 HTTP/1.1"));
}

void TestColinkNode::switchesOffAndOnAtRunTime()
{
    QVERIFY(startNode(nodeConfig(m_server->url())));
    Gateway *gateway = m_node->gateway();
    gateway->setNodeEnabled(false);
    QCOMPARE(gateway->node()->status().state, NodeClient::State::Off);
    QVERIFY(waitUntil([this] { return !m_server->hasNode(); }));
    // The local API keeps serving meanwhile.
    m_upstream->setBehavior({.mode = FakeUpstream::Mode::Json});
    const auto local = TestHttp::post(m_node->url(QStringLiteral("/v1/chat/completions")),
                                      QJsonDocument(chatPayload(QStringLiteral("pro-model"), false)).toJson());
    QCOMPARE(local.status, 200);
    gateway->setNodeEnabled(true);
    QVERIFY(waitUntil([this] { return m_server->framesOfType(QStringLiteral("REGISTER")).size() == 2; }));
    QCOMPARE(gateway->node()->status().state, NodeClient::State::Connected);
    const auto status = TestHttp::get(m_node->url(QStringLiteral("/node")));
    QCOMPARE(status.status, 200);
    const QJsonObject json = QJsonDocument::fromJson(status.body).object();
    QCOMPARE(json.value(QLatin1String("state")).toString(), QStringLiteral("connected"));
    QVERIFY(!status.body.contains(token.toUtf8())); // the token is never shown
}

void TestColinkNode::reregistersWhenProvidersChange()
{
    Config config = nodeConfig(m_server->url());
    QVERIFY(startNode(config));
    config.providers << GatewayFixture::provider(QStringLiteral("second"), m_upstream->baseUrl(),
                                                 QStringLiteral("lite-model"), QStringLiteral("small"));
    m_node->gateway()->applyConfig(config, ResolvedKeys{});
    QVERIFY(waitUntil([this] { return m_server->framesOfType(QStringLiteral("REGISTER")).size() == 2; }));
    QCOMPARE(m_server->framesOfType(QStringLiteral("REGISTER")).last().data.value(QLatin1String("models")).toArray(),
             (QJsonArray{QStringLiteral("lite-model"), QStringLiteral("pro-model")}));
    QCOMPARE(m_server->connectionCount(), 1); // the same connection
}

QTEST_GUILESS_MAIN(TestColinkNode)
#include "tst_colink_node.moc"
