// Image and video generations, sync and as tasks, over real loopback sockets against fake providers that
// speak OpenAI's images API and EvoLink's task API, with the task store in a real SQLite file.
#include "config/configloader.h"
#include "config/configwriter.h"
#include "fakeupstream.h"
#include "gatewayfixture.h"
#include "providers/registry.h"
#include "server/accesscontrol.h"
#include "storage/requestlog.h"
#include "tasks/taskapi.h"
#include "tasks/taskservice.h"
#include "tasks/taskstore.h"
#include "tasks/upstreamtask.h"
#include "testhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QJsonObject jsonOf(const TestHttp::Response &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QJsonObject errorOf(const TestHttp::Response &r)
{
    return jsonOf(r).value(QLatin1String("error")).toObject();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

const QByteArray imageBody = R"({"model":"painter","prompt":"a cat running on grass at sunset","n":1,"size":"1024x1024"})";
const QByteArray asyncImageBody =
    R"({"model":"painter","prompt":"a cat running on grass at sunset","size":"1024x1024","async":true})";

} // namespace

class TestTasks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void syncImageIsRelayed();
    void syncImageFailsOverBeforeAnswering();
    void imageModelServedAsChat();
    void asyncTaskCompletes();
    void asyncTaskFailsWhenEveryProviderFails();
    void cancelAbortsTheHangingUpstream();
    void cancelFinishedTaskIs409();
    void cancelStopsPollingTheProvider();
    void syncClientHangingUpAbortsTheUpstream();
    void unknownTaskIs404();
    void badInput_data();
    void badInput();
    void pollingProviderReportsProgress();
    void pollingProviderFailureReachesTheClient();
    void syncImageOnPollingProviderWaitsForTheResult();
    void pollingGivesUpAtTheDeadline();
    void videoTaskIsAlwaysAsync();
    void tasksSurviveARestart();
    void finishedTaskExpiresAfterRetention();
    void tasksBelongToTheirToken();
    void upstreamTaskParsing_data();
    void upstreamTaskParsing();
    void configTasksSection();

private:
    Config config(const QList<FakeUpstream *> &upstreams) const;
    TestHttp::Response post(const QString &path, const QByteArray &body, const TestHttp::Headers &headers = {});
    TestHttp::Response getTask(const QString &id, const TestHttp::Headers &headers = {});
    // Polls GET /v1/tasks/{id} as a client would until the status is reached; every status seen is kept.
    bool waitForStatus(const QString &id, const QString &status, const TestHttp::Headers &headers = {},
                       int timeoutMs = 10'000);

    std::unique_ptr<FakeUpstream> m_a, m_b;
    std::unique_ptr<GatewayFixture> m_fx;
    QList<QJsonObject> m_seen;
};

void TestTasks::init()
{
    m_a = std::make_unique<FakeUpstream>();
    m_b = std::make_unique<FakeUpstream>();
    QVERIFY(m_a->start());
    QVERIFY(m_b->start());
    m_fx = std::make_unique<GatewayFixture>();
    m_seen.clear();
}

Config TestTasks::config(const QList<FakeUpstream *> &upstreams) const
{
    Config c;
    int i = 0;
    for (FakeUpstream *u : upstreams) {
        ++i;
        ProviderConfig p = GatewayFixture::provider(QStringLiteral("images-%1").arg(i), u->baseUrl(),
                                                    QStringLiteral("painter"), QStringLiteral("gpt-image-local"),
                                                    10 - i);
        p.models << ModelMapping{QStringLiteral("filmmaker"), QStringLiteral("veo3-fast")};
        c.providers << p;
    }
    // Polls every 50 ms doubling to 200 ms: the behaviour of the defaults (1 s to 10 s), at test speed.
    c.gateway.tasks.pollIntervalMs = 50;
    c.gateway.tasks.pollMaxIntervalMs = 200;
    return c;
}

TestHttp::Response TestTasks::post(const QString &path, const QByteArray &body, const TestHttp::Headers &headers)
{
    return TestHttp::post(m_fx->url(path), body, headers);
}

TestHttp::Response TestTasks::getTask(const QString &id, const TestHttp::Headers &headers)
{
    return TestHttp::get(m_fx->url(QStringLiteral("/v1/tasks/") + id), headers);
}

bool TestTasks::waitForStatus(const QString &id, const QString &status, const TestHttp::Headers &headers, int timeoutMs)
{
    return TestHttp::waitUntil([&] {
        const auto r = getTask(id, headers);
        if (r.status != 200)
            return false;
        const QJsonObject task = jsonOf(r);
        m_seen << task;
        return str(task, "status") == status;
    }, timeoutMs);
}

void TestTasks::syncImageIsRelayed()
{
    QVERIFY(m_fx->start(config({m_a.get()})));
    const auto r = post(QStringLiteral("/v1/images/generations"),
                        R"({"model":"painter","prompt":"a lighthouse","n":2,"size":"512x512","async":false})");
    QCOMPARE(r.status, 200);
    const QJsonArray data = jsonOf(r).value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), 2);
    QCOMPARE(str(data.at(1).toObject(), "url"), FakeUpstream::imageUrl(1));

    QCOMPARE(m_a->requestCount(), 1);
    const FakeUpstream::Received &sent = m_a->received().first();
    QCOMPARE(sent.path, QByteArray("/v1/images/generations"));
    QCOMPARE(str(sent.json, "model"), QStringLiteral("gpt-image-local"));
    QCOMPARE(str(sent.json, "size"), QStringLiteral("512x512"));
    QCOMPARE(sent.json.value(QLatin1String("n")).toInt(), 2);
    QVERIFY2(!sent.json.contains(QLatin1String("async")), "the gateway's own parameter must not reach the provider");
    QVERIFY(sent.headers.value("authorization").startsWith("Bearer sk-test-images-1"));

    // In the request log like any model call.
    m_fx->gateway()->requestLog()->flush();
    const QList<RequestRecord> rows = m_fx->gateway()->requestLog()->recent(5);
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows.first().endpoint, QStringLiteral("/v1/images/generations"));
    QCOMPARE(rows.first().publicModel, QStringLiteral("painter"));
    QCOMPARE(rows.first().provider, QStringLiteral("images-1"));
    QCOMPARE(rows.first().status, 200);
}

// The Akash Chat proxy serves AkashGen on /chat/completions with the prompt as the message, and answers
// {"code":200,"data":{"jobId","pic"}} once its own polling is done (seed 002). With images_via: chat the gateway
// asks it that way, and clients of /v1/images/generations get an OpenAI images answer, sync or as a task.
void TestTasks::imageModelServedAsChat()
{
    Config c = config({m_a.get()});
    c.providers.first().imagesViaChat = true;
    QVERIFY(m_fx->start(c));
    const QByteArray pic = "https://chat.akash.network/api/image/job_727ef62f_00001_.webp";
    FakeUpstream::Behavior akash;
    akash.mode = FakeUpstream::Mode::RawBody;
    akash.body = R"({"code":200,"data":{"model":"AkashGen","jobId":"727ef62f","prompt":"a cute anime girl, blue eyes","pic":")"
                 + pic + "\"}}";
    m_a->setBehavior(akash);

    const auto r = post(QStringLiteral("/v1/images/generations"), R"({"model":"painter","prompt":"a cute anime girl","size":"1024x1024"})");
    QCOMPARE(r.status, 200);
    QCOMPARE(str(jsonOf(r).value(QLatin1String("data")).toArray().first().toObject(), "url"), QString::fromLatin1(pic));
    const FakeUpstream::Received &sent = m_a->received().first();
    QCOMPARE(sent.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(str(sent.json, "model"), QStringLiteral("gpt-image-local"));
    const QJsonArray messages = sent.json.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(str(messages.first().toObject(), "role"), QStringLiteral("user"));
    QCOMPARE(str(messages.first().toObject(), "content"), QStringLiteral("a cute anime girl"));

    // As a task too.
    const auto submitted = post(QStringLiteral("/v1/images/generations"), R"({"model":"painter","prompt":"a fox","async":true})");
    QCOMPARE(submitted.status, 202);
    const QString id = str(jsonOf(submitted), "id");
    QVERIFY(waitForStatus(id, QStringLiteral("completed")));
    QCOMPARE(str(jsonOf(getTask(id)).value(QLatin1String("result")).toObject().value(QLatin1String("data")).toArray()
                     .first().toObject(), "url"),
             QString::fromLatin1(pic));
    QCOMPARE(m_a->received().last().path, QByteArray("/v1/chat/completions"));

    // The setting loads, is written back, and a wrong value names its line.
    const ConfigResult ok = ConfigLoader::loadString(
        "providers:\n  - name: akash\n    type: openai\n    base_url: http://127.0.0.1:16571/v1\n    api_key: none\n"
        "    images_via: chat\n    models: [AkashGen]\n", QStringLiteral("c.yaml"), ProviderRegistry::types());
    QVERIFY2(ok.config, qPrintable(ok.error));
    QVERIFY(ok.config->providers.first().imagesViaChat);
    QVERIFY(ConfigWriter::toYaml(*ok.config).contains("images_via: chat"));
    const ConfigResult bad = ConfigLoader::loadString(
        "providers:\n  - name: akash\n    type: openai\n    images_via: chatty\n    models: [AkashGen]\n",
        QStringLiteral("c.yaml"), ProviderRegistry::types());
    QVERIFY(!bad.config);
    QVERIFY2(bad.error.startsWith(QStringLiteral("c.yaml:4: providers[0].images_via")), qPrintable(bad.error));
}

void TestTasks::syncImageFailsOverBeforeAnswering()
{
    m_a->setBehavior({FakeUpstream::Mode::Status, 500, "overloaded"});
    QVERIFY(m_fx->start(config({m_a.get(), m_b.get()})));
    const auto r = post(QStringLiteral("/v1/images/generations"), imageBody);
    QCOMPARE(r.status, 200);
    QCOMPARE(str(jsonOf(r).value(QLatin1String("data")).toArray().first().toObject(), "url"), FakeUpstream::imageUrl(0));
    QCOMPARE(m_a->requestCount(), 1);
    QCOMPARE(m_b->requestCount(), 1);
    // The failing provider is put aside: the next call goes straight to the other one.
    QCOMPARE(post(QStringLiteral("/v1/images/generations"), imageBody).status, 200);
    QCOMPARE(m_a->requestCount(), 1);
    QCOMPARE(m_b->requestCount(), 2);
}

void TestTasks::asyncTaskCompletes()
{
    FakeUpstream::Behavior slow;
    slow.headersDelayMs = 300; // long enough to see the task running
    m_a->setBehavior(slow);
    QVERIFY(m_fx->start(config({m_a.get()})));

    const auto created = post(QStringLiteral("/v1/images/generations"), asyncImageBody);
    QCOMPARE(created.status, 202);
    const QJsonObject task = jsonOf(created);
    const QString id = str(task, "id");
    QVERIFY(id.startsWith(QStringLiteral("task_")));
    QCOMPARE(str(task, "object"), QStringLiteral("task"));
    QCOMPARE(str(task, "type"), QStringLiteral("image"));
    QCOMPARE(str(task, "status"), QStringLiteral("pending"));
    QCOMPARE(str(task, "model"), QStringLiteral("painter"));
    QCOMPARE(task.value(QLatin1String("progress")).toInt(), 0);
    QVERIFY(qAbs(task.value(QLatin1String("created")).toInteger() - QDateTime::currentSecsSinceEpoch()) < 60);
    QCOMPARE(created.headers.value("location"), "/v1/tasks/" + id.toLatin1());

    QVERIFY(waitForStatus(id, QStringLiteral("completed")));
    QCOMPARE(str(m_seen.first(), "status"), QStringLiteral("processing")); // the provider was still working
    const QJsonObject done = m_seen.last();
    QCOMPARE(done.value(QLatin1String("progress")).toInt(), 100);
    QCOMPARE(str(done.value(QLatin1String("result")).toObject().value(QLatin1String("data")).toArray().first().toObject(), "url"),
             FakeUpstream::imageUrl(0));
    QCOMPARE(done.value(QLatin1String("results")).toArray().first().toString(), FakeUpstream::imageUrl(0));
    QVERIFY(!done.contains(QLatin1String("error")));
    QCOMPARE(m_a->requestCount(), 1);
    QVERIFY(!m_a->received().first().json.contains(QLatin1String("async")));

    // The same through "Prefer: respond-async", the HTTP way to ask for it.
    const auto preferred = post(QStringLiteral("/v1/images/generations"), imageBody, {{"Prefer", "wait=5, respond-async"}});
    QCOMPARE(preferred.status, 202);
    QVERIFY(waitForStatus(str(jsonOf(preferred), "id"), QStringLiteral("completed")));
}

void TestTasks::asyncTaskFailsWhenEveryProviderFails()
{
    m_a->setBehavior({FakeUpstream::Mode::Status, 500, "upstream a is down"});
    m_b->setBehavior({FakeUpstream::Mode::Status, 500, "upstream b is down"});
    QVERIFY(m_fx->start(config({m_a.get(), m_b.get()})));
    const auto created = post(QStringLiteral("/v1/images/generations"), asyncImageBody);
    QCOMPARE(created.status, 202);
    const QString id = str(jsonOf(created), "id");
    QVERIFY(waitForStatus(id, QStringLiteral("failed")));
    const QJsonObject error = m_seen.last().value(QLatin1String("error")).toObject();
    QCOMPARE(str(error, "code"), QStringLiteral("upstream_error"));
    QCOMPARE(str(error, "type"), QStringLiteral("api_error"));
    QVERIFY2(str(error, "message").contains(QStringLiteral("upstream b is down")), qPrintable(str(error, "message")));
    QVERIFY(!m_seen.last().contains(QLatin1String("result")));
    QCOMPARE(m_a->requestCount(), 1);
    QCOMPARE(m_b->requestCount(), 1);
}

void TestTasks::cancelAbortsTheHangingUpstream()
{
    m_a->setBehavior({FakeUpstream::Mode::Hang});
    QVERIFY(m_fx->start(config({m_a.get()})));
    const QString id = str(jsonOf(post(QStringLiteral("/v1/images/generations"), asyncImageBody)), "id");
    QVERIFY(TestHttp::waitUntil([&] { return m_a->requestCount() == 1; }));
    QCOMPARE(str(jsonOf(getTask(id)), "status"), QStringLiteral("processing"));

    const auto cancelled = post(QStringLiteral("/v1/tasks/%1/cancel").arg(id), {});
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(str(jsonOf(cancelled), "status"), QStringLiteral("cancelled"));
    QVERIFY2(TestHttp::waitUntil([&] { return m_a->abortedByPeer() == 1; }), "the provider must see the call dropped");

    const QJsonObject after = jsonOf(getTask(id));
    QCOMPARE(str(after, "status"), QStringLiteral("cancelled"));
    QCOMPARE(str(after.value(QLatin1String("error")).toObject(), "code"), QStringLiteral("task_cancelled"));
    QCOMPARE(after.value(QLatin1String("task_info")).toObject().value(QLatin1String("can_cancel")).toBool(), false);
    // Cancelling twice is a conflict, not a second success.
    QCOMPARE(post(QStringLiteral("/v1/tasks/%1/cancel").arg(id), {}).status, 409);
}

void TestTasks::cancelFinishedTaskIs409()
{
    QVERIFY(m_fx->start(config({m_a.get()})));
    const QString id = str(jsonOf(post(QStringLiteral("/v1/images/generations"), asyncImageBody)), "id");
    QVERIFY(waitForStatus(id, QStringLiteral("completed")));
    const auto r = post(QStringLiteral("/v1/tasks/%1/cancel").arg(id), {});
    QCOMPARE(r.status, 409);
    QCOMPARE(str(errorOf(r), "code"), QStringLiteral("task_already_finished"));
    QCOMPARE(str(errorOf(r), "type"), QStringLiteral("invalid_request_error"));
    QVERIFY(str(errorOf(r), "message").contains(QStringLiteral("completed")));
    QCOMPARE(str(jsonOf(getTask(id)), "status"), QStringLiteral("completed")); // untouched
}

void TestTasks::cancelStopsPollingTheProvider()
{
    FakeUpstream::Behavior evolink;
    evolink.mode = FakeUpstream::Mode::Tasks;
    evolink.holdTasks = true;
    m_a->setBehavior(evolink);
    QVERIFY(m_fx->start(config({m_a.get()})));
    const QString id = str(jsonOf(post(QStringLiteral("/v1/images/generations"), asyncImageBody)), "id");
    QVERIFY(TestHttp::waitUntil([&] { return !m_a->taskIds().isEmpty() && m_a->pollCount(m_a->taskIds().first()) >= 1; }));
    const auto cancelled = post(QStringLiteral("/v1/tasks/%1/cancel").arg(id), {});
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(str(jsonOf(cancelled), "status"), QStringLiteral("cancelled"));
    const int polls = m_a->pollCount(m_a->taskIds().first());
    QTest::qWait(600); // three poll intervals at most: none may come
    QCOMPARE(m_a->pollCount(m_a->taskIds().first()), polls);
    QCOMPARE(str(jsonOf(getTask(id)), "status"), QStringLiteral("cancelled"));
}

void TestTasks::syncClientHangingUpAbortsTheUpstream()
{
    m_a->setBehavior({FakeUpstream::Mode::Hang});
    QVERIFY(m_fx->start(config({m_a.get()})));
    RawClient client;
    QVERIFY(client.connectTo(m_fx->gateway()->port()));
    client.sendPost("/v1/images/generations", imageBody);
    QVERIFY(TestHttp::waitUntil([&] { return m_a->requestCount() == 1; }));
    client.close();
    QVERIFY2(TestHttp::waitUntil([&] { return m_a->abortedByPeer() == 1; }), "nobody waits for the images any more");
    m_fx->gateway()->requestLog()->flush();
    QVERIFY(TestHttp::waitUntil([&] {
        m_fx->gateway()->requestLog()->flush();
        const auto rows = m_fx->gateway()->requestLog()->recent(1);
        return !rows.isEmpty() && rows.first().status == 499;
    }));
}

void TestTasks::unknownTaskIs404()
{
    QVERIFY(m_fx->start(config({m_a.get()})));
    for (const auto &r : {getTask(QStringLiteral("task_00000000000000000000000000000000")),
                          post(QStringLiteral("/v1/tasks/task_nope/cancel"), {})}) {
        QCOMPARE(r.status, 404);
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(str(errorOf(r), "code"), QStringLiteral("task_not_found"));
        QCOMPARE(str(errorOf(r), "type"), QStringLiteral("invalid_request_error"));
    }
}

void TestTasks::badInput_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("param");
    const QString images = QStringLiteral("/v1/images/generations");
    const QString videos = QStringLiteral("/v1/videos/generations");
    QTest::newRow("not json") << images << QByteArray("{\"model\":") << 400 << QStringLiteral("invalid_json") << QString();
    QTest::newRow("not an object") << images << QByteArray("[]") << 400 << QStringLiteral("invalid_json") << QString();
    QTest::newRow("missing prompt") << images << QByteArray(R"({"model":"painter"})") << 400
                                    << QStringLiteral("missing_required_parameter") << QStringLiteral("prompt");
    QTest::newRow("prompt is a number") << images << QByteArray(R"({"model":"painter","prompt":42})") << 400
                                        << QStringLiteral("invalid_type") << QStringLiteral("prompt");
    QTest::newRow("empty prompt") << images << QByteArray(R"({"model":"painter","prompt":"  "})") << 400
                                  << QStringLiteral("invalid_type") << QStringLiteral("prompt");
    QTest::newRow("missing model") << images << QByteArray(R"({"prompt":"x"})") << 400
                                   << QStringLiteral("missing_required_parameter") << QStringLiteral("model");
    QTest::newRow("n is a string") << images << QByteArray(R"({"model":"painter","prompt":"x","n":"2"})") << 400
                                   << QStringLiteral("invalid_type") << QStringLiteral("n");
    QTest::newRow("n is 1.5") << images << QByteArray(R"({"model":"painter","prompt":"x","n":1.5})") << 400
                              << QStringLiteral("invalid_type") << QStringLiteral("n");
    QTest::newRow("n is 0") << images << QByteArray(R"({"model":"painter","prompt":"x","n":0})") << 400
                            << QStringLiteral("invalid_value") << QStringLiteral("n");
    QTest::newRow("size is a number") << images << QByteArray(R"({"model":"painter","prompt":"x","size":1024})") << 400
                                      << QStringLiteral("invalid_type") << QStringLiteral("size");
    QTest::newRow("response_format unknown")
        << images << QByteArray(R"({"model":"painter","prompt":"x","response_format":"png"})") << 400
        << QStringLiteral("invalid_value") << QStringLiteral("response_format");
    QTest::newRow("async is a string") << images << QByteArray(R"({"model":"painter","prompt":"x","async":"yes"})") << 400
                                       << QStringLiteral("invalid_type") << QStringLiteral("async");
    QTest::newRow("unknown model") << images << QByteArray(R"({"model":"nobody","prompt":"x","async":true})") << 404
                                   << QStringLiteral("model_not_found") << QStringLiteral("model");
    QTest::newRow("video without prompt") << videos << QByteArray(R"({"model":"filmmaker"})") << 400
                                          << QStringLiteral("missing_required_parameter") << QStringLiteral("prompt");
    QTest::newRow("video aspect_ratio is a number")
        << videos << QByteArray(R"({"model":"filmmaker","prompt":"x","aspect_ratio":16})") << 400
        << QStringLiteral("invalid_type") << QStringLiteral("aspect_ratio");
}

void TestTasks::badInput()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QVERIFY(m_fx->start(config({m_a.get()})));
    const auto r = post(path, body);
    QTEST(r.status, "status");
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    const QJsonObject error = errorOf(r);
    QTEST(str(error, "code"), "code");
    QFETCH(QString, param);
    QCOMPARE(str(error, "param"), param);
    QVERIFY(!str(error, "message").isEmpty());
    QVERIFY(!str(error, "type").isEmpty());
    QCOMPARE(m_a->requestCount(), 0);
    QCOMPARE(m_fx->gateway()->tasks()->runningCount(), 0);
}

void TestTasks::pollingProviderReportsProgress()
{
    FakeUpstream::Behavior evolink;
    evolink.mode = FakeUpstream::Mode::Tasks;
    evolink.pollsBeforeDone = 4;
    m_a->setBehavior(evolink);
    QVERIFY(m_fx->start(config({m_a.get()})));
    const auto created = post(QStringLiteral("/v1/images/generations"), asyncImageBody);
    QCOMPARE(created.status, 202);
    const QString id = str(jsonOf(created), "id");
    QVERIFY(waitForStatus(id, QStringLiteral("completed")));

    // The provider's progress came through, rising, before the end.
    QList<int> progress;
    for (const QJsonObject &t : std::as_const(m_seen)) {
        const int p = t.value(QLatin1String("progress")).toInt();
        if (progress.isEmpty() || progress.last() != p)
            progress << p;
    }
    QVERIFY2(std::any_of(progress.begin(), progress.end(), [](int p) { return p > 0 && p < 100; }),
             qPrintable(QStringLiteral("progress seen: %1").arg(QString::number(progress.size()))));
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    const QJsonObject done = m_seen.last();
    QCOMPARE(done.value(QLatin1String("results")).toArray(), QJsonArray{FakeUpstream::imageUrl(0)});
    QCOMPARE(str(done.value(QLatin1String("result")).toObject().value(QLatin1String("data")).toArray().first().toObject(), "url"),
             FakeUpstream::imageUrl(0));

    // One submission, then GETs of the provider's own task with the provider's key.
    QCOMPARE(m_a->taskIds().size(), 1);
    const QString upstreamId = m_a->taskIds().first();
    QCOMPARE(m_a->pollCount(upstreamId), 4);
    const FakeUpstream::Received &poll = m_a->received().last();
    QCOMPARE(poll.method, QByteArray("GET"));
    QCOMPARE(poll.path, "/v1/tasks/" + upstreamId.toLatin1());
    QVERIFY(poll.headers.value("authorization").startsWith("Bearer sk-test-images-1"));
    // The provider's id is its business; the client only ever sees the gateway's.
    QVERIFY(!QJsonDocument(done).toJson().contains(upstreamId.toLatin1()));
}

void TestTasks::pollingProviderFailureReachesTheClient()
{
    FakeUpstream::Behavior evolink;
    evolink.mode = FakeUpstream::Mode::Tasks;
    evolink.pollsBeforeDone = 2;
    evolink.taskFails = true;
    m_a->setBehavior(evolink);
    QVERIFY(m_fx->start(config({m_a.get()})));
    const QString id = str(jsonOf(post(QStringLiteral("/v1/images/generations"), asyncImageBody)), "id");
    QVERIFY(waitForStatus(id, QStringLiteral("failed")));
    const QJsonObject error = m_seen.last().value(QLatin1String("error")).toObject();
    QCOMPARE(str(error, "code"), QStringLiteral("content_policy_violation"));
    QCOMPARE(str(error, "message"), QStringLiteral("The prompt was refused by the fake."));

    // The same failure for a synchronous caller: an error status and OpenAI's error body.
    const auto sync = post(QStringLiteral("/v1/images/generations"), imageBody);
    QCOMPARE(sync.status, 502);
    QCOMPARE(str(errorOf(sync), "code"), QStringLiteral("content_policy_violation"));
}

void TestTasks::syncImageOnPollingProviderWaitsForTheResult()
{
    FakeUpstream::Behavior evolink;
    evolink.mode = FakeUpstream::Mode::Tasks;
    evolink.pollsBeforeDone = 2;
    m_a->setBehavior(evolink);
    QVERIFY(m_fx->start(config({m_a.get()})));
    // What the Akash proxy does for its image model: the caller waits, the gateway polls.
    const auto r = post(QStringLiteral("/v1/images/generations"), imageBody);
    QCOMPARE(r.status, 200);
    QCOMPARE(str(jsonOf(r).value(QLatin1String("data")).toArray().first().toObject(), "url"), FakeUpstream::imageUrl(0));
    QCOMPARE(m_a->pollCount(m_a->taskIds().first()), 2);
}

void TestTasks::pollingGivesUpAtTheDeadline()
{
    FakeUpstream::Behavior evolink;
    evolink.mode = FakeUpstream::Mode::Tasks;
    evolink.holdTasks = true; // never finishes
    m_a->setBehavior(evolink);
    Config c = config({m_a.get()});
    c.gateway.tasks.pollTimeoutSeconds = 1;
    QVERIFY(m_fx->start(c));
    const QString id = str(jsonOf(post(QStringLiteral("/v1/images/generations"), asyncImageBody)), "id");
    QVERIFY(waitForStatus(id, QStringLiteral("failed")));
    const QJsonObject error = m_seen.last().value(QLatin1String("error")).toObject();
    QCOMPARE(str(error, "code"), QStringLiteral("task_timeout"));
    QVERIFY(str(error, "message").contains(QStringLiteral("poll_timeout_seconds")));
    QVERIFY(m_a->pollCount(m_a->taskIds().first()) >= 2);
    // Nothing polls a given-up task any more.
    const int polls = m_a->pollCount(m_a->taskIds().first());
    QTest::qWait(400);
    QCOMPARE(m_a->pollCount(m_a->taskIds().first()), polls);
}

void TestTasks::videoTaskIsAlwaysAsync()
{
    FakeUpstream::Behavior evolink;
    evolink.mode = FakeUpstream::Mode::Tasks;
    evolink.pollsBeforeDone = 2;
    m_a->setBehavior(evolink);
    QVERIFY(m_fx->start(config({m_a.get()})));
    const auto created = post(QStringLiteral("/v1/videos/generations"),
                              R"({"model":"filmmaker","prompt":"a cat chasing butterflies, slow motion","aspect_ratio":"16:9"})");
    QCOMPARE(created.status, 202);
    QCOMPARE(str(jsonOf(created), "type"), QStringLiteral("video"));
    const QString id = str(jsonOf(created), "id");
    QVERIFY(waitForStatus(id, QStringLiteral("completed")));
    QCOMPARE(str(m_seen.last(), "model"), QStringLiteral("filmmaker"));
    QCOMPARE(m_seen.last().value(QLatin1String("results")).toArray().size(), 1);
    const FakeUpstream::Received &submitted = m_a->received().first();
    QCOMPARE(submitted.path, QByteArray("/v1/videos/generations"));
    QCOMPARE(str(submitted.json, "model"), QStringLiteral("veo3-fast"));
    QCOMPARE(str(submitted.json, "aspect_ratio"), QStringLiteral("16:9"));
}

void TestTasks::tasksSurviveARestart()
{
    // a: a plain OpenAI images provider; b: EvoLink, whose tasks stay "processing" until released.
    FakeUpstream::Behavior evolink;
    evolink.mode = FakeUpstream::Mode::Tasks;
    evolink.holdTasks = true;
    m_b->setBehavior(evolink);
    Config c = config({m_a.get()});
    c.providers << GatewayFixture::provider(QStringLiteral("evolink"), m_b->baseUrl(), QStringLiteral("slow-painter"),
                                            QStringLiteral("gpt-4o-image"));
    QVERIFY(m_fx->start(c));

    const QString finished = str(jsonOf(post(QStringLiteral("/v1/images/generations"), asyncImageBody)), "id");
    QVERIFY(waitForStatus(finished, QStringLiteral("completed")));
    const QJsonObject finishedBefore = m_seen.last();

    const QString polled = str(jsonOf(post(QStringLiteral("/v1/images/generations"),
                                           R"({"model":"slow-painter","prompt":"x","async":true})")), "id");
    QVERIFY(TestHttp::waitUntil([&] { return m_b->taskIds().size() == 1 && m_b->pollCount(m_b->taskIds().first()) >= 1; }));
    QCOMPARE(jsonOf(getTask(polled)).value(QLatin1String("progress")).toInt(), 50);

    m_a->setBehavior({FakeUpstream::Mode::Hang});
    const QString interrupted = str(jsonOf(post(QStringLiteral("/v1/images/generations"), asyncImageBody)), "id");
    QVERIFY(TestHttp::waitUntil([&] { return m_a->requestCount() == 2; }));

    // The gateway stops; a new one starts on the same data directory.
    m_fx->stop();
    QVERIFY(TestHttp::waitUntil([&] { return m_a->abortedByPeer() == 1; }));
    const int pollsBefore = m_b->pollCount(m_b->taskIds().first());
    QVERIFY(m_fx->start(c));

    const auto stillThere = getTask(finished);
    QCOMPARE(stillThere.status, 200);
    QCOMPARE(jsonOf(stillThere), finishedBefore);

    // The provider's task is followed again where it was...
    QVERIFY(TestHttp::waitUntil([&] { return m_b->pollCount(m_b->taskIds().first()) > pollsBefore; }));
    QCOMPARE(str(jsonOf(getTask(polled)), "status"), QStringLiteral("processing"));
    evolink.holdTasks = false;
    evolink.pollsBeforeDone = 0;
    m_b->setBehavior(evolink);
    QVERIFY(waitForStatus(polled, QStringLiteral("completed")));
    QCOMPARE(m_seen.last().value(QLatin1String("results")).toArray(), QJsonArray{FakeUpstream::imageUrl(0)});
    QCOMPARE(m_b->taskIds().size(), 1); // followed, not submitted again

    // ...while a call that died with the old process is reported as such, not left "processing" forever.
    const QJsonObject lost = jsonOf(getTask(interrupted));
    QCOMPARE(str(lost, "status"), QStringLiteral("failed"));
    QCOMPARE(str(lost.value(QLatin1String("error")).toObject(), "code"), QStringLiteral("interrupted_by_restart"));
    QVERIFY(str(lost.value(QLatin1String("error")).toObject(), "message").contains(QStringLiteral("restart")));
    QCOMPARE(m_a->requestCount(), 2); // not silently sent again
}

void TestTasks::finishedTaskExpiresAfterRetention()
{
    Config c = config({m_a.get()});
    QVERIFY(m_fx->start(c));
    const QString id = str(jsonOf(post(QStringLiteral("/v1/images/generations"), asyncImageBody)), "id");
    QVERIFY(waitForStatus(id, QStringLiteral("completed")));
    m_fx->stop();
    QVERIFY(m_fx->start(c));
    QCOMPARE(getTask(id).status, 200); // within the retention
    m_fx->stop();

    c.gateway.tasks.retentionHours = 0; // everything finished is older than that
    QVERIFY(m_fx->start(c));
    QCOMPARE(getTask(id).status, 404);
    m_fx->stop();
    // Deleted from the file, not merely hidden.
    TaskStore store;
    QString error;
    QVERIFY2(store.open(m_fx->dataDir() + QStringLiteral("/tasks.sqlite"), &error), qPrintable(error));
    QVERIFY(!store.load(id));
}

void TestTasks::tasksBelongToTheirToken()
{
    Config c = config({m_a.get()});
    c.gateway.accessTokens << AccessToken{QStringLiteral("alice"), AccessControl::hashToken("sy-alice-token")}
                           << AccessToken{QStringLiteral("bob"), AccessControl::hashToken("sy-bob-token")};
    QVERIFY(m_fx->start(c));
    const TestHttp::Headers alice{{"Authorization", "Bearer sy-alice-token"}};
    const TestHttp::Headers bob{{"x-api-key", "sy-bob-token"}};
    QCOMPARE(post(QStringLiteral("/v1/images/generations"), asyncImageBody).status, 401);
    const auto created = post(QStringLiteral("/v1/images/generations"), asyncImageBody, alice);
    QCOMPARE(created.status, 202);
    const QString id = str(jsonOf(created), "id");
    QVERIFY(waitForStatus(id, QStringLiteral("completed"), alice));
    QCOMPARE(getTask(id, bob).status, 404);
    QCOMPARE(getTask(id).status, 401);
    QCOMPARE(post(QStringLiteral("/v1/tasks/%1/cancel").arg(id), {}, bob).status, 404);
    QCOMPARE(getTask(id, {{"x-api-key", "sy-alice-token"}}).status, 200); // the token, however it is sent
}

void TestTasks::upstreamTaskParsing_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("isTask");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("progress"); // -1: not said
    QTest::addColumn<QString>("firstUrl");
    QTest::addColumn<QString>("errorCode");

    QTest::newRow("evolink submitted") << QByteArray(R"({"created":1757156493,"id":"task-unified-1","model":"gpt-4o-image","object":"image.generation.task","progress":0,"status":"pending","task_info":{"can_cancel":true},"type":"image"})")
                                       << true << QStringLiteral("pending") << 0 << QString() << QString();
    QTest::newRow("evolink running") << QByteArray(R"({"id":"t","status":"processing","progress":42})") << true
                                     << QStringLiteral("processing") << 42 << QString() << QString();
    QTest::newRow("evolink completed") << QByteArray(R"({"id":"t","status":"completed","progress":100,"results":["https://tempfile.aiquickdraw.com/s/generated_image_url.png"]})")
                                       << true << QStringLiteral("completed") << 100
                                       << QStringLiteral("https://tempfile.aiquickdraw.com/s/generated_image_url.png") << QString();
    QTest::newRow("completed without results") << QByteArray(R"({"id":"t","status":"completed"})") << true
                                               << QStringLiteral("failed") << -1 << QString()
                                               << QStringLiteral("upstream_invalid_response");
    QTest::newRow("failed with error object") << QByteArray(R"({"id":"t","status":"failed","error":{"code":"quota","message":"no credits"}})")
                                              << true << QStringLiteral("failed") << -1 << QString() << QStringLiteral("quota");
    QTest::newRow("failed with a string") << QByteArray(R"({"id":"t","status":"error","error":"boom"})") << true
                                          << QStringLiteral("failed") << -1 << QString() << QStringLiteral("upstream_task_failed");
    QTest::newRow("cancelled upstream") << QByteArray(R"({"id":"t","status":"canceled"})") << true << QStringLiteral("failed")
                                        << -1 << QString() << QStringLiteral("upstream_task_cancelled");
    QTest::newRow("unknown word means running") << QByteArray(R"({"id":"t","status":"rendering","progress":250})") << true
                                                << QStringLiteral("processing") << 100 << QString() << QString();
    QTest::newRow("openai images answer") << QByteArray(R"({"created":1,"data":[{"url":"https://x/1.png"}]})") << false
                                          << QStringLiteral("processing") << -1 << QString() << QString();
    QTest::newRow("akash proxy image") << QByteArray(R"({"code":200,"data":{"model":"AkashGen","jobId":"727ef62f","prompt":"a cute anime girl","pic":"https://chat.akash.network/api/image/job_727ef62f_00001_.webp"}})")
                                       << false << QStringLiteral("processing") << -1 << QString() << QString();
    QTest::newRow("chat completion") << QByteArray(R"({"id":"chatcmpl-1","object":"chat.completion","choices":[]})") << false
                                     << QStringLiteral("processing") << -1 << QString() << QString();
}

void TestTasks::upstreamTaskParsing()
{
    QFETCH(QByteArray, answer);
    const QJsonObject o = QJsonDocument::fromJson(answer).object();
    QVERIFY(!o.isEmpty());
    QTEST(UpstreamTask::isTaskObject(o), "isTask");
    QFETCH(bool, isTask);
    if (!isTask) {
        // Not a task: as a result it is used when it holds images, refused otherwise.
        const auto result = UpstreamTask::normalizedResult(o, 5);
        QCOMPARE(result.has_value(), o.contains(QLatin1String("data")));
        if (result) {
            const QString url = str(result->value(QLatin1String("data")).toArray().first().toObject(), "url");
            QVERIFY2(url.startsWith(QStringLiteral("https://")), qPrintable(url));
        }
        return;
    }
    const UpstreamTask::State state = UpstreamTask::parse(o);
    QTEST(Task::statusName(state.status), "status");
    QTEST(state.progress.value_or(-1), "progress");
    QTEST(str(state.result.value(QLatin1String("data")).toArray().first().toObject(), "url"), "firstUrl");
    QTEST(str(state.error, "code"), "errorCode");
    if (state.status == TaskStatus::Failed)
        QVERIFY(!str(state.error, "message").isEmpty());
}

void TestTasks::configTasksSection()
{
    const QByteArray yaml = "gateway:\n"
                            "  tasks:\n"
                            "    retention_hours: 48\n"
                            "    poll_timeout_seconds: 600\n"
                            "    poll_interval_ms: 500\n"
                            "    poll_max_interval_ms: 5000\n";
    const ConfigResult ok = ConfigLoader::loadString(yaml, QStringLiteral("c.yaml"), ProviderRegistry::types());
    QVERIFY2(ok.config, qPrintable(ok.error));
    const TaskSettings &t = ok.config->gateway.tasks;
    QCOMPARE(t.retentionHours, 48);
    QCOMPARE(t.pollTimeoutSeconds, 600);
    QCOMPARE(t.pollIntervalMs, 500);
    QCOMPARE(t.pollMaxIntervalMs, 5000);
    // Written back and read again: the same.
    const ConfigResult again = ConfigLoader::loadString(ConfigWriter::toYaml(*ok.config), QStringLiteral("w.yaml"),
                                                        ProviderRegistry::types());
    QVERIFY2(again.config, qPrintable(again.error));
    QCOMPARE(again.config->gateway.tasks.retentionHours, 48);
    QCOMPARE(again.config->gateway.tasks.pollMaxIntervalMs, 5000);
    // The defaults are not written at all.
    QVERIFY(!ConfigWriter::toYaml(Config()).contains("tasks"));

    const ConfigResult bad = ConfigLoader::loadString("gateway:\n  tasks:\n    retention_hours: soon\n",
                                                      QStringLiteral("c.yaml"), ProviderRegistry::types());
    QVERIFY(!bad.config);
    QVERIFY2(bad.error.startsWith(QStringLiteral("c.yaml:3: gateway.tasks.retention_hours")), qPrintable(bad.error));
    const ConfigResult inverted = ConfigLoader::loadString(
        "gateway:\n  tasks:\n    poll_interval_ms: 5000\n    poll_max_interval_ms: 1000\n", QStringLiteral("c.yaml"),
        ProviderRegistry::types());
    QVERIFY(!inverted.config);
    QVERIFY2(inverted.error.startsWith(QStringLiteral("c.yaml:4:")), qPrintable(inverted.error));
}

QTEST_GUILESS_MAIN(TestTasks)
#include "tst_tasks.moc"
