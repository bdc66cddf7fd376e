// clinvk's multi-backend REST API (/api/v1/prompt, parallel, compare, chain, backends) on a real gateway over
// loopback, with fake providers speaking OpenAI's, Anthropic's and Gemini's wire formats and one that fails.
#include "fakeproviders.h"
#include "fakeupstream.h"
#include "gatewayfixture.h"
#include "rest/promptchain.h"
#include "server/accesscontrol.h"
#include "storage/requestrecord.h"
#include "testhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QJsonObject json(const TestHttp::Response &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QByteArray body(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject task(const QString &model, const QString &prompt)
{
    return QJsonObject{{QStringLiteral("model"), model}, {QStringLiteral("prompt"), prompt}};
}

// The text of every message the upstream received in its last request, whatever its wire format.
QString lastRequestText(const FakeUpstream &upstream)
{
    return upstream.received().isEmpty() ? QString() : QString::fromUtf8(upstream.received().last().body);
}

} // namespace

class TestRest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void promptAnswersWithOutputProviderAndUsage();
    void promptAcceptsClinvkBackendField();
    void promptUnknownModelIsItsOwnError();
    void malformedRequestsAre400_data();
    void malformedRequestsAre400();
    void parallelWithOneFailingModel();
    void parallelFailFastSkipsTheRest();
    void parallelLogsEachPromptLikeAChatCall();
    void clientLeavingStopsTheProviders();
    void compareWithOneFailingModel();
    void chainPassesEachOutputToTheNextStep();
    void chainStopsAtTheFailingStep();
    void chainTemplateFilling();
    void backendsListModelsWithProviderHealth();
    void restEndpointsNeedTheAccessToken();

private:
    Config config() const;
    TestHttp::Response post(const QString &path, const QJsonObject &o);

    std::unique_ptr<FakeProviders> m_providers;
    std::unique_ptr<FakeUpstream> m_broken;
    std::unique_ptr<GatewayFixture> m_fx;
};

void TestRest::init()
{
    m_providers = std::make_unique<FakeProviders>();
    QVERIFY(m_providers->start());
    m_broken = std::make_unique<FakeUpstream>();
    FakeUpstream::Behavior failing;
    failing.mode = FakeUpstream::Mode::Status;
    failing.status = 500;
    failing.body = "the broken provider is down";
    m_broken->setBehavior(failing);
    QVERIFY(m_broken->start());
    m_fx = std::make_unique<GatewayFixture>();
}

void TestRest::cleanup()
{
    m_fx.reset();
    m_broken.reset();
    m_providers.reset();
}

Config TestRest::config() const
{
    Config c;
    c.providers = m_providers->providers;
    c.providers << GatewayFixture::provider(QStringLiteral("broken"), m_broken->baseUrl(), QStringLiteral("m-broken"),
                                            QStringLiteral("broken-local"));
    return c;
}

TestHttp::Response TestRest::post(const QString &path, const QJsonObject &o)
{
    return TestHttp::post(m_fx->url(path), body(o), {{"Content-Type", "application/json"}}, 15'000);
}

void TestRest::promptAnswersWithOutputProviderAndUsage()
{
    QVERIFY(m_fx->start(config()));
    const auto r = post(QStringLiteral("/api/v1/prompt"),
                        QJsonObject{{QStringLiteral("model"), QStringLiteral("m-openai")},
                                    {QStringLiteral("prompt"), QStringLiteral("hello")},
                                    {QStringLiteral("system_prompt"), QStringLiteral("be brief")},
                                    {QStringLiteral("max_tokens"), 50},
                                    {QStringLiteral("temperature"), 0.2}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    const QJsonObject o = json(r);
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(o.value(QLatin1String("output")).toString(), QStringLiteral("echo: hello"));
    QCOMPARE(o.value(QLatin1String("model")).toString(), QStringLiteral("m-openai"));
    QCOMPARE(o.value(QLatin1String("provider")).toString(), QStringLiteral("oa"));
    QCOMPARE(o.value(QLatin1String("local_model")).toString(), QStringLiteral("gpt-local"));
    QCOMPARE(o.value(QLatin1String("exit_code")).toInt(), 0);
    QVERIFY(o.value(QLatin1String("error")).isNull());
    QVERIFY(o.value(QLatin1String("latency_ms")).toInteger() >= 0);
    QCOMPARE(o.value(QLatin1String("usage")).toObject().value(QLatin1String("prompt_tokens")).toInt(), 11);
    QCOMPARE(o.value(QLatin1String("usage")).toObject().value(QLatin1String("completion_tokens")).toInt(), 7);
    QCOMPARE(o.value(QLatin1String("token_usage")).toObject().value(QLatin1String("output_tokens")).toInt(), 7);
    // The provider got a chat request: system prompt first, the prompt as the user message, the settings passed on.
    const QJsonObject sent = m_providers->openAi.received().last().json;
    QCOMPARE(sent.value(QLatin1String("model")).toString(), QStringLiteral("gpt-local"));
    QCOMPARE(sent.value(QLatin1String("max_tokens")).toInt(), 50);
    QCOMPARE(sent.value(QLatin1String("temperature")).toDouble(), 0.2);
    const QJsonArray messages = sent.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("role")).toString(), QStringLiteral("system"));
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("content")).toString(), QStringLiteral("hello"));
}

void TestRest::promptAcceptsClinvkBackendField()
{
    QVERIFY(m_fx->start(config()));
    // A clinvk client names what runs the prompt "backend"; here that is a model, served through translation.
    const auto r = post(QStringLiteral("/api/v1/prompt"), QJsonObject{{QStringLiteral("backend"), QStringLiteral("m-anthropic")},
                                                                      {QStringLiteral("prompt"), QStringLiteral("hi there")}});
    QCOMPARE(r.status, 200);
    const QJsonObject o = json(r);
    QCOMPARE(o.value(QLatin1String("output")).toString(), QStringLiteral("echo: hi there"));
    QCOMPARE(o.value(QLatin1String("backend")).toString(), QStringLiteral("m-anthropic"));
    QCOMPARE(o.value(QLatin1String("provider")).toString(), QStringLiteral("an"));
    QCOMPARE(m_providers->anthropic.received().last().path, QByteArray("/v1/messages"));
}

void TestRest::promptUnknownModelIsItsOwnError()
{
    QVERIFY(m_fx->start(config()));
    const auto r = post(QStringLiteral("/api/v1/prompt"), task(QStringLiteral("gpt-9"), QStringLiteral("hi")));
    QCOMPARE(r.status, 404);
    const QJsonObject o = json(r);
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("error"));
    QCOMPARE(o.value(QLatin1String("error_code")).toString(), QStringLiteral("model_not_found"));
    QVERIFY(o.value(QLatin1String("error")).toString().contains(QStringLiteral("m-openai")));
    QCOMPARE(o.value(QLatin1String("exit_code")).toInt(), 1);

    const auto failing = post(QStringLiteral("/api/v1/prompt"), task(QStringLiteral("m-broken"), QStringLiteral("hi")));
    QCOMPARE(failing.status, 502);
    QCOMPARE(json(failing).value(QLatin1String("provider")).toString(), QStringLiteral("broken"));
    QVERIFY2(json(failing).value(QLatin1String("error")).toString().contains(QStringLiteral("500")), failing.body.constData());
}

void TestRest::malformedRequestsAre400_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("param");

    QTest::newRow("prompt: not json") << QStringLiteral("/api/v1/prompt") << QByteArray("{\"model\":") << QString();
    QTest::newRow("prompt: no prompt") << QStringLiteral("/api/v1/prompt") << QByteArray(R"({"model":"m-openai"})")
                                       << QStringLiteral("prompt");
    QTest::newRow("prompt: no model") << QStringLiteral("/api/v1/prompt") << QByteArray(R"({"prompt":"x"})")
                                      << QStringLiteral("model");
    QTest::newRow("prompt: max_tokens text") << QStringLiteral("/api/v1/prompt")
                                             << QByteArray(R"({"model":"m-openai","prompt":"x","max_tokens":"9"})")
                                             << QStringLiteral("max_tokens");
    QTest::newRow("parallel: no tasks") << QStringLiteral("/api/v1/parallel") << QByteArray("{}") << QStringLiteral("tasks");
    QTest::newRow("parallel: empty tasks") << QStringLiteral("/api/v1/parallel") << QByteArray(R"({"tasks":[]})")
                                           << QStringLiteral("tasks");
    QTest::newRow("parallel: task without prompt")
        << QStringLiteral("/api/v1/parallel") << QByteArray(R"({"tasks":[{"model":"m-openai","prompt":"a"},{"model":"m-openai"}]})")
        << QStringLiteral("tasks[1].prompt");
    QTest::newRow("parallel: max_parallel negative")
        << QStringLiteral("/api/v1/parallel") << QByteArray(R"({"tasks":[{"model":"m-openai","prompt":"a"}],"max_parallel":-1})")
        << QStringLiteral("max_parallel");
    QTest::newRow("compare: models not a list") << QStringLiteral("/api/v1/compare")
                                                << QByteArray(R"({"prompt":"x","models":"m-openai"})") << QStringLiteral("models");
    QTest::newRow("compare: no prompt") << QStringLiteral("/api/v1/compare") << QByteArray(R"({"models":["m-openai"]})")
                                        << QStringLiteral("prompt");
    QTest::newRow("chain: step is a string") << QStringLiteral("/api/v1/chain") << QByteArray(R"({"steps":["m-openai"]})")
                                             << QStringLiteral("steps[0]");
    QTest::newRow("chain: input a number") << QStringLiteral("/api/v1/chain")
                                           << QByteArray(R"({"input":5,"steps":[{"model":"m-openai","prompt":"x"}]})")
                                           << QStringLiteral("input");
}

void TestRest::malformedRequestsAre400()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, request);
    QFETCH(QString, param);
    QVERIFY(m_fx->start(config()));
    const auto r = TestHttp::post(m_fx->url(path), request, {}, 10'000);
    QCOMPARE(r.status, 400);
    const QJsonObject error = json(r).value(QLatin1String("error")).toObject();
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(error.value(QLatin1String("param")).toString(), param);
    QCOMPARE(m_providers->openAi.requestCount(), 0); // nothing of a malformed batch runs
}

void TestRest::parallelWithOneFailingModel()
{
    QVERIFY(m_fx->start(config()));
    const QJsonArray tasks{task(QStringLiteral("m-openai"), QStringLiteral("task 0")),
                           task(QStringLiteral("m-broken"), QStringLiteral("task 1")),
                           task(QStringLiteral("m-anthropic"), QStringLiteral("task 2")),
                           task(QStringLiteral("m-gemini"), QStringLiteral("task 3"))};
    const auto r = post(QStringLiteral("/api/v1/parallel"), QJsonObject{{QStringLiteral("tasks"), tasks}});
    QCOMPARE(r.status, 200); // one failing task never fails the batch
    const QJsonObject o = json(r);
    QCOMPARE(o.value(QLatin1String("total_tasks")).toInt(), 4);
    QCOMPARE(o.value(QLatin1String("completed")).toInt(), 3);
    QCOMPARE(o.value(QLatin1String("failed")).toInt(), 1);
    const QJsonArray results = o.value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), 4);
    const QStringList providers{QStringLiteral("oa"), QStringLiteral("broken"), QStringLiteral("an"), QStringLiteral("ge")};
    for (int i = 0; i < 4; ++i) {
        const QJsonObject item = results.at(i).toObject();
        QCOMPARE(item.value(QLatin1String("index")).toInt(), i);
        QCOMPARE(item.value(QLatin1String("model")).toString(), tasks.at(i).toObject().value(QLatin1String("model")).toString());
        QCOMPARE(item.value(QLatin1String("provider")).toString(), providers.at(i));
        if (i == 1) {
            QCOMPARE(item.value(QLatin1String("status")).toString(), QStringLiteral("error"));
            QCOMPARE(item.value(QLatin1String("http_status")).toInt(), 502);
            QCOMPARE(item.value(QLatin1String("error_code")).toString(), QStringLiteral("upstream_error"));
            QVERIFY(item.value(QLatin1String("error")).toString().contains(QStringLiteral("broken")));
            QCOMPARE(item.value(QLatin1String("output")).toString(), QString());
        } else {
            QCOMPARE(item.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
            QCOMPARE(item.value(QLatin1String("output")).toString(), QStringLiteral("echo: task %1").arg(i));
            QVERIFY(item.value(QLatin1String("error")).isNull());
        }
    }
    QCOMPARE(m_broken->requestCount(), 1);
}

void TestRest::parallelFailFastSkipsTheRest()
{
    QVERIFY(m_fx->start(config()));
    const QJsonArray tasks{task(QStringLiteral("m-broken"), QStringLiteral("first")),
                           task(QStringLiteral("m-openai"), QStringLiteral("second"))};
    const auto r = post(QStringLiteral("/api/v1/parallel"),
                        QJsonObject{{QStringLiteral("tasks"), tasks}, {QStringLiteral("max_parallel"), 1},
                                    {QStringLiteral("fail_fast"), true}});
    QCOMPARE(r.status, 200);
    const QJsonArray results = json(r).value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).toObject().value(QLatin1String("status")).toString(), QStringLiteral("error"));
    QCOMPARE(results.at(1).toObject().value(QLatin1String("status")).toString(), QStringLiteral("skipped"));
    QCOMPARE(results.at(1).toObject().value(QLatin1String("model")).toString(), QStringLiteral("m-openai"));
    QCOMPARE(json(r).value(QLatin1String("skipped")).toInt(), 1);
    QCOMPARE(m_providers->openAi.requestCount(), 0);
}

void TestRest::parallelLogsEachPromptLikeAChatCall()
{
    QVERIFY(m_fx->start(config()));
    QList<RequestRecord> records;
    QObject::connect(m_fx->gateway(), &Gateway::requestFinished, m_fx->gateway(),
                     [&records](const RequestRecord &record) { records.append(record); });
    const auto r = post(QStringLiteral("/api/v1/parallel"),
                        QJsonObject{{QStringLiteral("tasks"), QJsonArray{task(QStringLiteral("m-openai"), QStringLiteral("a")),
                                                                         task(QStringLiteral("m-broken"), QStringLiteral("b"))}}});
    QCOMPARE(r.status, 200);
    QVERIFY(TestHttp::waitUntil([&records] { return records.size() >= 2; }));
    QCOMPARE(records.size(), 2);
    for (const RequestRecord &record : std::as_const(records)) {
        QCOMPARE(record.endpoint, QStringLiteral("/api/v1/parallel"));
        QCOMPARE(record.status, record.publicModel == QLatin1String("m-openai") ? 200 : 502);
        QCOMPARE(record.provider, record.publicModel == QLatin1String("m-openai") ? QStringLiteral("oa") : QStringLiteral("broken"));
    }
}

void TestRest::clientLeavingStopsTheProviders()
{
    FakeUpstream::Behavior hang;
    hang.mode = FakeUpstream::Mode::Hang;
    m_broken->setBehavior(hang);
    QVERIFY(m_fx->start(config()));
    QList<RequestRecord> records;
    QObject::connect(m_fx->gateway(), &Gateway::requestFinished, m_fx->gateway(),
                     [&records](const RequestRecord &record) { records.append(record); });
    RawClient client;
    QVERIFY(client.connectTo(m_fx->gateway()->port()));
    client.sendPost("/api/v1/parallel",
                    body(QJsonObject{{QStringLiteral("tasks"), QJsonArray{task(QStringLiteral("m-broken"), QStringLiteral("a")),
                                                                          task(QStringLiteral("m-broken"), QStringLiteral("b"))}},
                                     {QStringLiteral("max_parallel"), 1}}),
                    {{"Content-Type", "application/json"}});
    QVERIFY(TestHttp::waitUntil([this] { return m_broken->requestCount() == 1; }));
    client.close();
    // The provider's work is abandoned at once, and the prompt not yet started never starts.
    QVERIFY(TestHttp::waitUntil([this] { return m_broken->abortedByPeer() == 1; }));
    QVERIFY(TestHttp::waitUntil([&records] { return !records.isEmpty(); }));
    QCOMPARE(records.first().status, 499);
    QTest::qWait(200);
    QCOMPARE(m_broken->requestCount(), 1);
    QCOMPARE(records.size(), 1);
}

void TestRest::compareWithOneFailingModel()
{
    QVERIFY(m_fx->start(config()));
    const QJsonArray models{QStringLiteral("m-anthropic"), QStringLiteral("m-broken"), QStringLiteral("m-openai")};
    const auto r = post(QStringLiteral("/api/v1/compare"), QJsonObject{{QStringLiteral("prompt"), QStringLiteral("same question")},
                                                                       {QStringLiteral("models"), models},
                                                                       {QStringLiteral("max_tokens"), 30}});
    QCOMPARE(r.status, 200);
    const QJsonObject o = json(r);
    QCOMPARE(o.value(QLatin1String("prompt")).toString(), QStringLiteral("same question"));
    QCOMPARE(o.value(QLatin1String("models")).toArray(), models);
    QCOMPARE(o.value(QLatin1String("succeeded")).toInt(), 2);
    QCOMPARE(o.value(QLatin1String("failed")).toInt(), 1);
    QVERIFY(o.value(QLatin1String("fastest")).toString() != QLatin1String("m-broken"));
    const QJsonArray results = o.value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject item = results.at(i).toObject();
        QCOMPARE(item.value(QLatin1String("model")).toString(), models.at(i).toString());
        QVERIFY(item.contains(QLatin1String("latency_ms")));
        if (i == 1) {
            QCOMPARE(item.value(QLatin1String("status")).toString(), QStringLiteral("error"));
            QVERIFY(!item.value(QLatin1String("error")).toString().isEmpty());
        } else {
            QCOMPARE(item.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
            QCOMPARE(item.value(QLatin1String("output")).toString(), QStringLiteral("echo: same question"));
            QCOMPARE(item.value(QLatin1String("usage")).toObject().value(QLatin1String("completion_tokens")).toInt(), 7);
        }
    }
    // The same prompt and settings went to each provider, each in its own wire format.
    QVERIFY(lastRequestText(m_providers->anthropic).contains(QStringLiteral("same question")));
    QCOMPARE(m_providers->openAi.received().last().json.value(QLatin1String("max_tokens")).toInt(), 30);
}

void TestRest::chainPassesEachOutputToTheNextStep()
{
    QVERIFY(m_fx->start(config()));
    const QJsonArray steps{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("draft")}, {QStringLiteral("model"), QStringLiteral("m-openai")},
                    {QStringLiteral("prompt"), QStringLiteral("Say {{input}}")}},
        QJsonObject{{QStringLiteral("backend"), QStringLiteral("m-anthropic")},
                    {QStringLiteral("prompt_template"), QStringLiteral("Improve: {{previous}}")}},
    };
    const auto r = post(QStringLiteral("/api/v1/chain"), QJsonObject{{QStringLiteral("steps"), steps},
                                                                     {QStringLiteral("input"), QStringLiteral("hello")}});
    QCOMPARE(r.status, 200);
    const QJsonObject o = json(r);
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(o.value(QLatin1String("completed_steps")).toInt(), 2);
    QVERIFY(o.value(QLatin1String("failed_step")).isNull());
    const QJsonArray results = o.value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).toObject().value(QLatin1String("step")).toInt(), 1);
    QCOMPARE(results.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("draft"));
    QCOMPARE(results.at(0).toObject().value(QLatin1String("output")).toString(), QStringLiteral("echo: Say hello"));
    // The second provider received the first step's output inside its prompt.
    QCOMPARE(m_providers->anthropic.requestCount(), 1);
    QVERIFY2(lastRequestText(m_providers->anthropic).contains(QStringLiteral("Improve: echo: Say hello")),
             m_providers->anthropic.received().last().body.constData());
    QCOMPARE(o.value(QLatin1String("output")).toString(), QStringLiteral("echo: Improve: echo: Say hello"));
}

void TestRest::chainStopsAtTheFailingStep()
{
    QVERIFY(m_fx->start(config()));
    const QJsonArray steps{task(QStringLiteral("m-openai"), QStringLiteral("start")),
                           task(QStringLiteral("m-broken"), QStringLiteral("then {{previous}}")),
                           task(QStringLiteral("m-anthropic"), QStringLiteral("finally {{previous}}"))};
    const auto r = post(QStringLiteral("/api/v1/chain"), QJsonObject{{QStringLiteral("steps"), steps}});
    QCOMPARE(r.status, 200);
    const QJsonObject o = json(r);
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("error"));
    QCOMPARE(o.value(QLatin1String("total_steps")).toInt(), 3);
    QCOMPARE(o.value(QLatin1String("completed_steps")).toInt(), 1);
    QCOMPARE(o.value(QLatin1String("failed_step")).toInt(), 2);
    QVERIFY(o.value(QLatin1String("error")).toString().contains(QStringLiteral("500")));
    const QJsonArray results = o.value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).toObject().value(QLatin1String("output")).toString(), QStringLiteral("echo: start"));
    QCOMPARE(results.at(1).toObject().value(QLatin1String("status")).toString(), QStringLiteral("error"));
    QCOMPARE(results.at(1).toObject().value(QLatin1String("provider")).toString(), QStringLiteral("broken"));
    // The failing step got its input; the step after it never ran.
    QVERIFY(lastRequestText(*m_broken).contains(QStringLiteral("then echo: start")));
    QCOMPARE(m_providers->anthropic.requestCount(), 0);
}

void TestRest::chainTemplateFilling()
{
    QCOMPARE(PromptChain::fill(QStringLiteral("a {{previous}} b {{input}} c"), QStringLiteral("P"), QStringLiteral("I")),
             QStringLiteral("a P b I c"));
    // An output holding a placeholder is not expanded again; unknown placeholders stay as written.
    QCOMPARE(PromptChain::fill(QStringLiteral("{{previous}}|{{other}}"), QStringLiteral("{{input}}"), QStringLiteral("I")),
             QStringLiteral("{{input}}|{{other}}"));
    QCOMPARE(PromptChain::fill(QStringLiteral("{{previous}}{{previous}}"), QStringLiteral("x"), QString()), QStringLiteral("xx"));
}

void TestRest::backendsListModelsWithProviderHealth()
{
    Config c = config();
    ProviderConfig off = GatewayFixture::provider(QStringLiteral("off"), m_providers->openAi.baseUrl(),
                                                  QStringLiteral("m-off"), QStringLiteral("off-local"));
    off.enabled = false;
    c.providers << off;
    // A second provider of m-openai, so a model lists several.
    c.providers << GatewayFixture::provider(QStringLiteral("oa2"), m_providers->openAi.baseUrl(), QStringLiteral("m-openai"),
                                            QStringLiteral("gpt-local-2"));
    QVERIFY(m_fx->start(c));
    // One failure bans m-broken's provider for that model.
    QCOMPARE(post(QStringLiteral("/api/v1/prompt"), task(QStringLiteral("m-broken"), QStringLiteral("x"))).status, 502);

    const auto r = TestHttp::get(m_fx->url(QStringLiteral("/api/v1/backends")));
    QCOMPARE(r.status, 200);
    QHash<QString, QJsonObject> byModel;
    for (const QJsonValue &v : json(r).value(QLatin1String("backends")).toArray())
        byModel.insert(v.toObject().value(QLatin1String("model")).toString(), v.toObject());
    QCOMPARE(QSet<QString>(byModel.keyBegin(), byModel.keyEnd()),
             (QSet<QString>{QStringLiteral("m-openai"), QStringLiteral("m-anthropic"), QStringLiteral("m-gemini"),
                            QStringLiteral("m-broken"), QStringLiteral("m-off")}));

    const QJsonArray openAi = byModel.value(QStringLiteral("m-openai")).value(QLatin1String("providers")).toArray();
    QCOMPARE(openAi.size(), 2);
    QVERIFY(byModel.value(QStringLiteral("m-openai")).value(QLatin1String("available")).toBool());
    for (const QJsonValue &p : openAi) {
        QCOMPARE(p.toObject().value(QLatin1String("state")).toString(), QStringLiteral("ok"));
        QCOMPARE(p.toObject().value(QLatin1String("kind")).toString(), QStringLiteral("provider"));
        QCOMPARE(p.toObject().value(QLatin1String("in_flight")).toInt(), 0);
    }
    const QJsonObject broken = byModel.value(QStringLiteral("m-broken"));
    QVERIFY(!broken.value(QLatin1String("available")).toBool());
    const QJsonObject brokenProvider = broken.value(QLatin1String("providers")).toArray().at(0).toObject();
    QCOMPARE(brokenProvider.value(QLatin1String("name")).toString(), QStringLiteral("broken"));
    QCOMPARE(brokenProvider.value(QLatin1String("state")).toString(), QStringLiteral("banned"));
    QVERIFY(!brokenProvider.value(QLatin1String("banned_until")).toString().isEmpty());
    QVERIFY(brokenProvider.value(QLatin1String("last_error")).toString().contains(QStringLiteral("500")));
    const QJsonObject offProvider = byModel.value(QStringLiteral("m-off")).value(QLatin1String("providers")).toArray().at(0).toObject();
    QCOMPARE(offProvider.value(QLatin1String("state")).toString(), QStringLiteral("disabled"));
    QVERIFY(!byModel.value(QStringLiteral("m-off")).value(QLatin1String("available")).toBool());
    QCOMPARE(json(r).value(QLatin1String("available")).toInt(), 3);
}

void TestRest::restEndpointsNeedTheAccessToken()
{
    Config c = config();
    c.gateway.accessTokens << AccessToken{QStringLiteral("t"), AccessControl::hashToken("secret-token")};
    QVERIFY(m_fx->start(c));
    QCOMPARE(TestHttp::get(m_fx->url(QStringLiteral("/api/v1/backends"))).status, 401);
    QCOMPARE(post(QStringLiteral("/api/v1/prompt"), task(QStringLiteral("m-openai"), QStringLiteral("x"))).status, 401);
    const auto allowed = TestHttp::get(m_fx->url(QStringLiteral("/api/v1/backends")), {{"Authorization", "Bearer secret-token"}});
    QCOMPARE(allowed.status, 200);
    QCOMPARE(m_providers->openAi.requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestRest)
#include "tst_rest.moc"
