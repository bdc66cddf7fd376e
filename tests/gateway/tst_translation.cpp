#include "fakeproviders.h"
#include "gatewayfixture.h"
#include "providers/adapter.h"
#include "storage/requestlog.h"
#include "server/sseparser.h"
#include "testhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// Every client format against every provider format, over real sockets: the gateway in the middle, fakes that
// speak each provider's real wire format behind it.

namespace {

QJsonObject parse(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QJsonObject weatherSchema()
{
    return parse(R"({"type":"object","properties":{"city":{"type":"string"}},"required":["city"]})");
}

enum class Scenario { Text, Tools, ToolResult };

// The request a client of this format sends for a scenario.
QJsonObject clientRequest(WireFormat client, Scenario scenario, const QString &model, bool stream)
{
    QJsonObject body;
    if (client == WireFormat::OpenAi) {
        body = parse(R"({"messages":[{"role":"system","content":"be brief"},{"role":"user","content":"hello there"}]})");
        if (scenario != Scenario::Text)
            body.insert(QStringLiteral("tools"),
                        QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                                               {QStringLiteral("function"),
                                                QJsonObject{{QStringLiteral("name"), QStringLiteral("get_weather")},
                                                            {QStringLiteral("description"), QStringLiteral("Weather now")},
                                                            {QStringLiteral("parameters"), weatherSchema()}}}}});
        // moc loses track of a raw string holding \" and then finds no test class: quotes in JSON
        // strings are written \u0022 here instead.
        if (scenario == Scenario::ToolResult)
            body.insert(QStringLiteral("messages"), parse(R"({"m":[
                {"role":"user","content":"weather in Paris?"},
                {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                  "function":{"name":"get_weather","arguments":"{\u0022city\u0022:\u0022Paris\u0022}"}}]},
                {"role":"tool","tool_call_id":"call_1","content":"sunny"}]})").value(QLatin1String("m")));
        if (stream)
            body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    } else {
        body = parse(R"({"max_tokens":100,"system":"be brief","messages":[{"role":"user","content":"hello there"}]})");
        if (scenario != Scenario::Text)
            body.insert(QStringLiteral("tools"),
                        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("get_weather")},
                                               {QStringLiteral("description"), QStringLiteral("Weather now")},
                                               {QStringLiteral("input_schema"), weatherSchema()}}});
        if (scenario == Scenario::ToolResult)
            body.insert(QStringLiteral("messages"), parse(R"({"m":[
                {"role":"user","content":"weather in Paris?"},
                {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}]},
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"sunny"}]}]})")
                                                        .value(QLatin1String("m")));
    }
    body.insert(QStringLiteral("model"), model);
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    return body;
}

// What a client made of the answer, whatever its format.
struct Reply {
    QString text;
    QString toolName;
    QString toolArguments; // as streamed or sent: a JSON text
    QString stop;
    qint64 inputTokens = -1;
    qint64 outputTokens = -1;
    QStringList events; // Anthropic stream event names, or "data" / "[DONE]" for OpenAI
};

Reply readOpenAi(const QByteArray &body, bool stream)
{
    Reply r;
    if (!stream) {
        const QJsonObject o = parse(body);
        const QJsonObject choice = o.value(QLatin1String("choices")).toArray().first().toObject();
        const QJsonObject message = choice.value(QLatin1String("message")).toObject();
        r.text = message.value(QLatin1String("content")).toString();
        const QJsonObject call = message.value(QLatin1String("tool_calls")).toArray().first().toObject();
        r.toolName = call.value(QLatin1String("function")).toObject().value(QLatin1String("name")).toString();
        r.toolArguments = call.value(QLatin1String("function")).toObject().value(QLatin1String("arguments")).toString();
        r.stop = choice.value(QLatin1String("finish_reason")).toString();
        r.inputTokens = o.value(QLatin1String("usage")).toObject().value(QLatin1String("prompt_tokens")).toInteger(-1);
        r.outputTokens = o.value(QLatin1String("usage")).toObject().value(QLatin1String("completion_tokens")).toInteger(-1);
        return r;
    }
    SseParser sse;
    for (const SseParser::Event &e : sse.feed(body)) {
        if (e.data == "[DONE]") {
            r.events << QStringLiteral("[DONE]");
            continue;
        }
        r.events << QStringLiteral("data");
        const QJsonObject chunk = parse(e.data);
        if (chunk.value(QLatin1String("usage")).isObject()) {
            r.inputTokens = chunk.value(QLatin1String("usage")).toObject().value(QLatin1String("prompt_tokens")).toInteger(-1);
            r.outputTokens =
                chunk.value(QLatin1String("usage")).toObject().value(QLatin1String("completion_tokens")).toInteger(-1);
        }
        for (const QJsonValue &c : chunk.value(QLatin1String("choices")).toArray()) {
            const QJsonObject delta = c.toObject().value(QLatin1String("delta")).toObject();
            r.text += delta.value(QLatin1String("content")).toString();
            for (const QJsonValue &t : delta.value(QLatin1String("tool_calls")).toArray()) {
                const QJsonObject fn = t.toObject().value(QLatin1String("function")).toObject();
                r.toolName += fn.value(QLatin1String("name")).toString();
                r.toolArguments += fn.value(QLatin1String("arguments")).toString();
            }
            if (c.toObject().value(QLatin1String("finish_reason")).isString())
                r.stop = c.toObject().value(QLatin1String("finish_reason")).toString();
        }
    }
    return r;
}

Reply readAnthropic(const QByteArray &body, bool stream)
{
    Reply r;
    if (!stream) {
        const QJsonObject o = parse(body);
        for (const QJsonValue &v : o.value(QLatin1String("content")).toArray()) {
            const QJsonObject block = v.toObject();
            if (block.value(QLatin1String("type")).toString() == QLatin1String("text"))
                r.text += block.value(QLatin1String("text")).toString();
            if (block.value(QLatin1String("type")).toString() == QLatin1String("tool_use")) {
                r.toolName = block.value(QLatin1String("name")).toString();
                r.toolArguments = QString::fromUtf8(
                    QJsonDocument(block.value(QLatin1String("input")).toObject()).toJson(QJsonDocument::Compact));
            }
        }
        r.stop = o.value(QLatin1String("stop_reason")).toString();
        r.inputTokens = o.value(QLatin1String("usage")).toObject().value(QLatin1String("input_tokens")).toInteger(-1);
        r.outputTokens = o.value(QLatin1String("usage")).toObject().value(QLatin1String("output_tokens")).toInteger(-1);
        return r;
    }
    SseParser sse;
    for (const SseParser::Event &e : sse.feed(body)) {
        r.events << QString::fromUtf8(e.event);
        const QJsonObject data = parse(e.data);
        if (data.value(QLatin1String("type")).toString() != QString::fromUtf8(e.event))
            r.events << QStringLiteral("MISMATCHED-TYPE");
        if (e.event == "message_start")
            r.inputTokens = data.value(QLatin1String("message")).toObject().value(QLatin1String("usage")).toObject()
                                .value(QLatin1String("input_tokens")).toInteger(-1);
        if (e.event == "content_block_start") {
            const QJsonObject block = data.value(QLatin1String("content_block")).toObject();
            r.toolName += block.value(QLatin1String("name")).toString();
        }
        if (e.event == "content_block_delta") {
            const QJsonObject delta = data.value(QLatin1String("delta")).toObject();
            r.text += delta.value(QLatin1String("text")).toString();
            r.toolArguments += delta.value(QLatin1String("partial_json")).toString();
        }
        if (e.event == "message_delta") {
            // Anthropic repeats the cumulative input count here; the SDKs take it over message_start's.
            const QJsonValue input = data.value(QLatin1String("usage")).toObject().value(QLatin1String("input_tokens"));
            if (input.isDouble())
                r.inputTokens = input.toInteger();
            r.stop = data.value(QLatin1String("delta")).toObject().value(QLatin1String("stop_reason")).toString();
            r.outputTokens = data.value(QLatin1String("usage")).toObject().value(QLatin1String("output_tokens")).toInteger(-1);
        }
    }
    return r;
}

Config configOf(const FakeProviders &fakes)
{
    Config config;
    config.providers = fakes.providers;
    return config;
}

QByteArray pathFor(WireFormat client)
{
    return client == WireFormat::Anthropic ? "/v1/messages" : "/v1/chat/completions";
}

TestHttp::Headers headersFor(WireFormat client)
{
    if (client == WireFormat::Anthropic)
        return {{"anthropic-version", "2023-06-01"}, {"x-api-key", "unused"}};
    return {};
}

} // namespace

Q_DECLARE_METATYPE(WireFormat)
Q_DECLARE_METATYPE(Scenario)
Q_DECLARE_METATYPE(Dialect)

class TestTranslation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyClientOnEveryProvider_data();
    void everyClientOnEveryProvider();
    void sameFormatPassesThroughUntouched_data();
    void sameFormatPassesThroughUntouched();
    void providerThatCannotStreamServesAStream_data();
    void providerThatCannotStreamServesAStream();
    void upstreamErrorsComeInTheClientsFormat_data();
    void upstreamErrorsComeInTheClientsFormat();
    void gatewayErrorsOnMessagesAreAnthropicShaped_data();
    void gatewayErrorsOnMessagesAreAnthropicShaped();
    void countTokensIsForwardedOrEstimated();
    void prefixedPathsServeTheSameApi();
    void modelsListInAnthropicShape();
    void cutTranslatedStreamEndsWithAnErrorEvent();
};

void TestTranslation::everyClientOnEveryProvider_data()
{
    QTest::addColumn<WireFormat>("client");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<Scenario>("scenario");
    const QList<std::pair<const char *, WireFormat>> clients{{"openai", WireFormat::OpenAi},
                                                              {"anthropic", WireFormat::Anthropic}};
    for (const auto &[clientName, client] : clients) {
        for (const char *model : {"m-openai", "m-anthropic", "m-gemini"}) {
            for (const bool stream : {false, true}) {
                for (const auto &[scenarioName, scenario] :
                     {std::pair{"text", Scenario::Text}, std::pair{"tools", Scenario::Tools},
                      std::pair{"tool result", Scenario::ToolResult}}) {
                    QTest::addRow("%s client, %s, %s, %s", clientName, model, stream ? "stream" : "whole", scenarioName)
                        << client << QString::fromLatin1(model) << stream << scenario;
                }
            }
        }
    }
}

void TestTranslation::everyClientOnEveryProvider()
{
    QFETCH(WireFormat, client);
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QFETCH(Scenario, scenario);
    FakeProviders providers;
    QVERIFY(providers.start());
    GatewayFixture fx;
    QVERIFY(fx.start(configOf(providers)));

    const QJsonObject request = clientRequest(client, scenario, model, stream);
    const auto r = TestHttp::post(fx.url(QString::fromLatin1(pathFor(client))),
                                  QJsonDocument(request).toJson(QJsonDocument::Compact), headersFor(client));
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.headers.value("content-type").startsWith(stream ? "text/event-stream" : "application/json"), true);
    const Reply reply = client == WireFormat::Anthropic ? readAnthropic(r.body, stream) : readOpenAi(r.body, stream);

    // The provider was asked in its own format, for its own model name.
    FakeUpstream &upstream = providers.byModel(model);
    QCOMPARE(upstream.requestCount(), 1);
    const FakeUpstream::Received &seen = upstream.received().first();
    if (&upstream == &providers.openAi) {
        QCOMPARE(seen.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(seen.json.value(QLatin1String("model")).toString(), QStringLiteral("gpt-local"));
    } else if (&upstream == &providers.anthropic) {
        QCOMPARE(seen.path, QByteArray("/v1/messages"));
        QCOMPARE(seen.headers.value("anthropic-version"), QByteArray("2023-06-01"));
        QCOMPARE(seen.headers.value("x-api-key"), QByteArray("sk-test-an-0123456789"));
        QCOMPARE(seen.json.value(QLatin1String("model")).toString(), QStringLiteral("claude-local"));
        QVERIFY(seen.json.value(QLatin1String("max_tokens")).toInteger() > 0);
        if (scenario != Scenario::ToolResult)
            QVERIFY(seen.json.contains(QLatin1String("system")));
    } else {
        QCOMPARE(seen.path, stream ? QByteArray("/v1beta/models/gemini-local:streamGenerateContent?alt=sse")
                                   : QByteArray("/v1beta/models/gemini-local:generateContent"));
        QCOMPARE(seen.headers.value("x-goog-api-key"), QByteArray("sk-test-ge-0123456789"));
        QVERIFY(seen.json.contains(QLatin1String("contents")));
        QVERIFY(!seen.json.contains(QLatin1String("model")));
    }

    // The client got the provider's answer, in its own format.
    const bool anthropic = client == WireFormat::Anthropic;
    switch (scenario) {
    case Scenario::Text:
        QCOMPARE(reply.text, QStringLiteral("echo: hello there"));
        QCOMPARE(reply.stop, anthropic ? QStringLiteral("end_turn") : QStringLiteral("stop"));
        break;
    case Scenario::Tools:
        QCOMPARE(reply.toolName, QStringLiteral("get_weather"));
        QCOMPARE(parse(reply.toolArguments.toUtf8()), parse(R"({"city":"Paris"})"));
        QCOMPARE(reply.stop, anthropic ? QStringLiteral("tool_use") : QStringLiteral("tool_calls"));
        break;
    case Scenario::ToolResult:
        // Gemini needs an object as a function's result, so the plain "sunny" arrives wrapped in one.
        QVERIFY2(reply.text.startsWith(QLatin1String("tool said: ")) && reply.text.contains(QLatin1String("sunny")),
                 qPrintable(reply.text));
        break;
    }
    QCOMPARE(reply.inputTokens, 11);
    QCOMPARE(reply.outputTokens, 7);
    if (stream && anthropic) {
        QCOMPARE(reply.events.first(), QStringLiteral("message_start"));
        QCOMPARE(reply.events.last(), QStringLiteral("message_stop"));
        QVERIFY(!reply.events.contains(QStringLiteral("MISMATCHED-TYPE")));
    } else if (stream) {
        QCOMPARE(reply.events.last(), QStringLiteral("[DONE]"));
    }

    // The log has the call with its usage.
    fx.gateway()->requestLog()->flush();
    const auto rows = fx.gateway()->requestLog()->recent(5);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().promptTokens, 11);
    QCOMPARE(rows.first().completionTokens, 7);
}

void TestTranslation::sameFormatPassesThroughUntouched_data()
{
    QTest::addColumn<WireFormat>("client");
    QTest::addColumn<QString>("model");
    QTest::newRow("openai") << WireFormat::OpenAi << QStringLiteral("m-openai");
    QTest::newRow("anthropic") << WireFormat::Anthropic << QStringLiteral("m-anthropic");
}

void TestTranslation::sameFormatPassesThroughUntouched()
{
    QFETCH(WireFormat, client);
    QFETCH(QString, model);
    FakeProviders providers;
    QVERIFY(providers.start());
    GatewayFixture fx;
    QVERIFY(fx.start(configOf(providers)));
    QJsonObject request = clientRequest(client, Scenario::Tools, model, true);
    // Fields the gateway knows nothing about must still reach a provider of the same format.
    request.insert(QStringLiteral("x_vendor_extension"), QJsonObject{{QStringLiteral("keep"), true}});
    const auto r = TestHttp::post(fx.url(QString::fromLatin1(pathFor(client))),
                                  QJsonDocument(request).toJson(QJsonDocument::Compact), headersFor(client));
    QCOMPARE(r.status, 200);
    FakeUpstream &upstream = providers.byModel(model);
    QJsonObject expected = request;
    expected.insert(QStringLiteral("model"), upstream.received().first().json.value(QLatin1String("model")));
    QCOMPARE(upstream.received().first().json, expected);
    // The answer is the provider's own bytes: its ids survive.
    QVERIFY(r.body.contains(client == WireFormat::Anthropic ? "toolu_fake_1" : "call_fake_1"));
}

void TestTranslation::providerThatCannotStreamServesAStream_data()
{
    QTest::addColumn<WireFormat>("client");
    QTest::newRow("openai client") << WireFormat::OpenAi;
    QTest::newRow("anthropic client") << WireFormat::Anthropic;
}

void TestTranslation::providerThatCannotStreamServesAStream()
{
    QFETCH(WireFormat, client);
    FakeProviders providers;
    QVERIFY(providers.start(/*geminiStreams=*/false));
    GatewayFixture fx;
    QVERIFY(fx.start(configOf(providers)));
    for (const Scenario scenario : {Scenario::Text, Scenario::Tools}) {
        const QJsonObject request = clientRequest(client, scenario, QStringLiteral("m-gemini"), true);
        const auto r = TestHttp::post(fx.url(QString::fromLatin1(pathFor(client))),
                                      QJsonDocument(request).toJson(QJsonDocument::Compact), headersFor(client));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), QByteArray("text/event-stream"));
        QVERIFY(providers.gemini.received().last().path.endsWith(":generateContent"));
        const Reply reply = client == WireFormat::Anthropic ? readAnthropic(r.body, true) : readOpenAi(r.body, true);
        if (reply.text.isEmpty() && scenario == Scenario::Text)
            qWarning() << r.body;
        if (scenario == Scenario::Text)
            QCOMPARE(reply.text, QStringLiteral("echo: hello there"));
        else
            QCOMPARE(parse(reply.toolArguments.toUtf8()), parse(R"({"city":"Paris"})"));
        QCOMPARE(reply.outputTokens, 7);
    }
}

void TestTranslation::upstreamErrorsComeInTheClientsFormat_data()
{
    QTest::addColumn<WireFormat>("client");
    QTest::addColumn<QString>("model");
    QTest::addColumn<Dialect>("dialect");
    QTest::newRow("anthropic client, openai provider") << WireFormat::Anthropic << QStringLiteral("m-openai") << Dialect::OpenAi;
    QTest::newRow("openai client, anthropic provider") << WireFormat::OpenAi << QStringLiteral("m-anthropic") << Dialect::Anthropic;
    QTest::newRow("anthropic client, gemini provider") << WireFormat::Anthropic << QStringLiteral("m-gemini") << Dialect::Gemini;
    QTest::newRow("openai client, gemini provider") << WireFormat::OpenAi << QStringLiteral("m-gemini") << Dialect::Gemini;
}

void TestTranslation::upstreamErrorsComeInTheClientsFormat()
{
    QFETCH(WireFormat, client);
    QFETCH(QString, model);
    QFETCH(Dialect, dialect);
    FakeProviders providers;
    QVERIFY(providers.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Status;
    b.status = 400;
    b.dialect = dialect;
    b.body = "temperature is out of range";
    providers.byModel(model).setBehavior(b);
    GatewayFixture fx;
    QVERIFY(fx.start(configOf(providers)));
    const auto r = TestHttp::post(fx.url(QString::fromLatin1(pathFor(client))),
                                  QJsonDocument(clientRequest(client, Scenario::Text, model, false)).toJson(),
                                  headersFor(client));
    QCOMPARE(r.status, 400);
    const QJsonObject error = parse(r.body);
    if (client == WireFormat::Anthropic) {
        QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("invalid_request_error"));
    } else {
        QCOMPARE(error.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("invalid_request_error"));
    }
    QVERIFY(error.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString()
                .contains(QLatin1String("temperature is out of range")));
    QCOMPARE(providers.byModel(model).requestCount(), 1); // a 400 is not retried
}

void TestTranslation::gatewayErrorsOnMessagesAreAnthropicShaped_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::newRow("malformed json") << QByteArray("{\"model\":") << 400 << QStringLiteral("invalid_request_error");
    QTest::newRow("missing max_tokens") << QByteArray(R"({"model":"m-openai","messages":[{"role":"user","content":"x"}]})")
                                        << 400 << QStringLiteral("invalid_request_error");
    QTest::newRow("bad role") << QByteArray(R"({"model":"m-openai","max_tokens":5,"messages":[{"role":"system","content":"x"}]})")
                              << 400 << QStringLiteral("invalid_request_error");
    QTest::newRow("content of a wrong type")
        << QByteArray(R"({"model":"m-openai","max_tokens":5,"messages":[{"role":"user","content":42}]})") << 400
        << QStringLiteral("invalid_request_error");
    QTest::newRow("unknown model") << QByteArray(R"({"model":"nope","max_tokens":5,"messages":[{"role":"user","content":"x"}]})")
                                   << 404 << QStringLiteral("not_found_error");
}

void TestTranslation::gatewayErrorsOnMessagesAreAnthropicShaped()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, type);
    FakeProviders providers;
    QVERIFY(providers.start());
    GatewayFixture fx;
    QVERIFY(fx.start(configOf(providers)));
    const auto r = TestHttp::post(fx.url(QStringLiteral("/v1/messages")), body, headersFor(WireFormat::Anthropic));
    QCOMPARE(r.status, status);
    const QJsonObject error = parse(r.body);
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(error.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(), type);
    QVERIFY(!error.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(providers.openAi.requestCount(), 0);
}

void TestTranslation::countTokensIsForwardedOrEstimated()
{
    FakeProviders providers;
    QVERIFY(providers.start());
    GatewayFixture fx;
    QVERIFY(fx.start(configOf(providers)));
    const auto count = [&](const QString &model) {
        const QJsonObject body{{QStringLiteral("model"), model},
                               {QStringLiteral("messages"), parse(R"({"m":[{"role":"user","content":"hello there, how is the weather today?"}]})")
                                                                .value(QLatin1String("m"))}};
        return TestHttp::post(fx.url(QStringLiteral("/v1/messages/count_tokens")), QJsonDocument(body).toJson(),
                              headersFor(WireFormat::Anthropic));
    };
    const auto forwarded = count(QStringLiteral("m-anthropic"));
    QCOMPARE(forwarded.status, 200);
    QCOMPARE(parse(forwarded.body).value(QLatin1String("input_tokens")).toInteger(), 11); // the fake's count
    QCOMPARE(providers.anthropic.received().first().path, QByteArray("/v1/messages/count_tokens"));
    QCOMPARE(providers.anthropic.received().first().json.value(QLatin1String("model")).toString(),
             QStringLiteral("claude-local"));

    const auto estimated = count(QStringLiteral("m-openai"));
    QCOMPARE(estimated.status, 200);
    const qint64 n = parse(estimated.body).value(QLatin1String("input_tokens")).toInteger();
    QVERIFY2(n >= 5 && n <= 40, qPrintable(QString::number(n))); // 38 characters of text, about 4 a token
    QCOMPARE(providers.openAi.requestCount(), 0);

    QCOMPARE(count(QStringLiteral("nope")).status, 404);
}

void TestTranslation::prefixedPathsServeTheSameApi()
{
    FakeProviders providers;
    QVERIFY(providers.start());
    GatewayFixture fx;
    QVERIFY(fx.start(configOf(providers)));
    const auto viaAnthropic = TestHttp::post(
        fx.url(QStringLiteral("/anthropic/v1/messages")),
        QJsonDocument(clientRequest(WireFormat::Anthropic, Scenario::Text, QStringLiteral("m-openai"), false)).toJson(),
        headersFor(WireFormat::Anthropic));
    QCOMPARE(viaAnthropic.status, 200);
    QCOMPARE(readAnthropic(viaAnthropic.body, false).text, QStringLiteral("echo: hello there"));
    const auto viaOpenAi = TestHttp::post(
        fx.url(QStringLiteral("/openai/v1/chat/completions")),
        QJsonDocument(clientRequest(WireFormat::OpenAi, Scenario::Text, QStringLiteral("m-anthropic"), false)).toJson());
    QCOMPARE(viaOpenAi.status, 200);
    QCOMPARE(readOpenAi(viaOpenAi.body, false).text, QStringLiteral("echo: hello there"));
    const auto unknown = TestHttp::get(fx.url(QStringLiteral("/anthropic/v1/nothing")));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(parse(unknown.body).value(QLatin1String("type")).toString(), QStringLiteral("error"));
}

void TestTranslation::modelsListInAnthropicShape()
{
    FakeProviders providers;
    QVERIFY(providers.start());
    GatewayFixture fx;
    QVERIFY(fx.start(configOf(providers)));
    const auto r = TestHttp::get(fx.url(QStringLiteral("/v1/models")), headersFor(WireFormat::Anthropic));
    QCOMPARE(r.status, 200);
    const QJsonObject list = parse(r.body);
    QCOMPARE(list.value(QLatin1String("has_more")).toBool(true), false);
    QStringList ids;
    for (const QJsonValue &m : list.value(QLatin1String("data")).toArray()) {
        QCOMPARE(m.toObject().value(QLatin1String("type")).toString(), QStringLiteral("model"));
        ids << m.toObject().value(QLatin1String("id")).toString();
    }
    ids.sort();
    QCOMPARE(ids, (QStringList{QStringLiteral("m-anthropic"), QStringLiteral("m-gemini"), QStringLiteral("m-openai")}));
    // Without anthropic-version it is OpenAI's list.
    QCOMPARE(parse(TestHttp::get(fx.url(QStringLiteral("/v1/models"))).body).value(QLatin1String("object")).toString(),
             QStringLiteral("list"));
}

void TestTranslation::cutTranslatedStreamEndsWithAnErrorEvent()
{
    FakeProviders providers;
    QVERIFY(providers.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::CutMidStream;
    b.cutAfterChunks = 2;
    providers.openAi.setBehavior(b);
    GatewayFixture fx;
    QVERIFY(fx.start(configOf(providers)));
    const auto r = TestHttp::post(
        fx.url(QStringLiteral("/v1/messages")),
        QJsonDocument(clientRequest(WireFormat::Anthropic, Scenario::Text, QStringLiteral("m-openai"), true)).toJson(),
        headersFor(WireFormat::Anthropic));
    QCOMPARE(r.status, 200);
    const Reply reply = readAnthropic(r.body, true);
    QCOMPARE(reply.events.first(), QStringLiteral("message_start"));
    QCOMPARE(reply.events.last(), QStringLiteral("error"));
    QVERIFY(!reply.events.contains(QStringLiteral("message_stop")));
}

QTEST_GUILESS_MAIN(TestTranslation)
#include "tst_translation.moc"
