#include "fakedialect.h"
#include "server/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

#include <bit>

Q_DECLARE_METATYPE(Dialect)

// The fakes are what every translation test trusts to be "the provider", so they are checked against the
// real formats here: required fields, SSE framing, and that streams reassemble to what the plain answer says.
class TestFakeDialect final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void answers_data();
    void answers();
    void errors_data();
    void errors();
    void malformedRequestsGetTheProvidersError_data();
    void malformedRequestsGetTheProvidersError();
    void openAiStreamHasNoUsageUnlessAsked();
    void openAiEmbeddings();
    void openAiEmbeddingsInBase64();
    void tokenCounts();
    void geminiModelComesFromThePath_data();
    void geminiModelComesFromThePath();
    void modelLists_data();
    void modelLists();
};

namespace {

const QString Echo = QStringLiteral("echo: hello there");
const QString Weather = QStringLiteral("get_weather");

// One answer, reduced to what a client would take from it.
struct Outcome final {
    QString model;
    QString text;
    QString toolId;
    QString toolName;
    QJsonObject toolArgs;
    QString finish;
    int inputTokens = -1;
    int outputTokens = -1;
    int textPieces = 0; // stream events that carried text
    int argPieces = 0; // stream events that carried tool arguments
};

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning() << "not a JSON object:" << json << error.errorString();
    return doc.object();
}

QByteArray header(const FakeAnswer &answer, const QByteArray &name)
{
    for (const auto &h : answer.headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QJsonObject obj(const QJsonValue &v, const char *key)
{
    return v.toObject().value(QLatin1String(key)).toObject();
}

QJsonValue val(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key));
}

// Each element must be one whole event: fed alone to a fresh parser it gives exactly one event and leaves
// nothing. The whole stream fed at once, and byte by byte, must give the same events.
void parseEvents(const FakeAnswer &answer, QList<SseParser::Event> &out)
{
    QByteArray all;
    for (const QByteArray &e : answer.events) {
        SseParser one;
        const QList<SseParser::Event> got = one.feed(e);
        QCOMPARE(got.size(), 1);
        QCOMPARE(one.buffered(), 0);
        out << got.first();
        all += e;
    }
    SseParser whole;
    QCOMPARE(whole.feed(all).size(), out.size());
    SseParser bytes;
    qsizetype count = 0;
    for (char c : all)
        count += bytes.feed(QByteArray(1, c)).size();
    QCOMPARE(count, out.size());
}

// ---- OpenAI ----

void decodeOpenAiMessage(const QJsonObject &message, Outcome &o)
{
    QCOMPARE(val(message, "role").toString(), QStringLiteral("assistant"));
    const QJsonArray calls = val(message, "tool_calls").toArray();
    if (calls.isEmpty()) {
        QVERIFY(val(message, "content").isString());
        o.text = val(message, "content").toString();
        return;
    }
    QVERIFY2(val(message, "content").isNull(), "a tool call has content: null");
    QCOMPARE(calls.size(), 1);
    const QJsonObject call = calls.first().toObject();
    QCOMPARE(val(call, "type").toString(), QStringLiteral("function"));
    o.toolId = val(call, "id").toString();
    o.toolName = obj(call, "function").value(QLatin1String("name")).toString();
    const QJsonValue args = obj(call, "function").value(QLatin1String("arguments"));
    QVERIFY2(args.isString(), "OpenAI arguments are a JSON string, not an object");
    o.toolArgs = parse(args.toString().toUtf8());
}

void decodeOpenAi(const FakeAnswer &a, Outcome &o)
{
    if (!a.isStream()) {
        QCOMPARE(header(a, "content-type"), QByteArray("application/json"));
        const QJsonObject body = parse(a.body);
        QCOMPARE(val(body, "object").toString(), QStringLiteral("chat.completion"));
        QVERIFY(val(body, "id").toString().startsWith(QLatin1String("chatcmpl-")));
        QVERIFY(val(body, "created").isDouble());
        o.model = val(body, "model").toString();
        const QJsonArray choices = val(body, "choices").toArray();
        QCOMPARE(choices.size(), 1);
        const QJsonObject choice = choices.first().toObject();
        QCOMPARE(val(choice, "index").toInt(-1), 0);
        o.finish = val(choice, "finish_reason").toString();
        decodeOpenAiMessage(obj(choice, "message"), o);
        if (QTest::currentTestFailed())
            return;
        const QJsonObject usage = obj(body, "usage");
        o.inputTokens = val(usage, "prompt_tokens").toInt(-1);
        o.outputTokens = val(usage, "completion_tokens").toInt(-1);
        QCOMPARE(val(usage, "total_tokens").toInt(-1), o.inputTokens + o.outputTokens);
        return;
    }

    QCOMPARE(header(a, "content-type"), QByteArray("text/event-stream"));
    for (const QByteArray &e : a.events)
        QVERIFY2(e.startsWith("data: ") && e.endsWith("\n\n") && !e.endsWith("\r\n\r\n"), e.constData());
    QList<SseParser::Event> events;
    parseEvents(a, events);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(events.last().data, QByteArray("[DONE]"));
    events.removeLast();
    bool first = true;
    for (const SseParser::Event &e : std::as_const(events)) {
        QVERIFY(e.event.isEmpty());
        const QJsonObject chunk = parse(e.data);
        QCOMPARE(val(chunk, "object").toString(), QStringLiteral("chat.completion.chunk"));
        QVERIFY(val(chunk, "id").toString().startsWith(QLatin1String("chatcmpl-")));
        QVERIFY(val(chunk, "created").isDouble());
        o.model = val(chunk, "model").toString();
        QVERIFY(val(chunk, "choices").isArray());
        const QJsonArray choices = val(chunk, "choices").toArray();
        if (choices.isEmpty()) {
            // Only the usage chunk has no choices, and it comes last.
            QVERIFY2(&e == &events.constLast(), "the usage chunk is the last before [DONE]");
            const QJsonObject usage = obj(chunk, "usage");
            o.inputTokens = val(usage, "prompt_tokens").toInt(-1);
            o.outputTokens = val(usage, "completion_tokens").toInt(-1);
            QCOMPARE(val(usage, "total_tokens").toInt(-1), o.inputTokens + o.outputTokens);
            continue;
        }
        // With include_usage, OpenAI sends "usage": null in every chunk but the last.
        QVERIFY(!chunk.contains(QLatin1String("usage")) || val(chunk, "usage").isNull());
        const QJsonObject choice = choices.first().toObject();
        QCOMPARE(val(choice, "index").toInt(-1), 0);
        QVERIFY(choice.contains(QLatin1String("finish_reason")));
        if (!val(choice, "finish_reason").isNull())
            o.finish = val(choice, "finish_reason").toString();
        const QJsonObject delta = obj(choice, "delta");
        if (first)
            QCOMPARE(val(delta, "role").toString(), QStringLiteral("assistant"));
        if (!val(delta, "content").toString().isEmpty()) {
            o.text += val(delta, "content").toString();
            ++o.textPieces;
        }
        const QJsonArray calls = val(delta, "tool_calls").toArray();
        for (const QJsonValue &c : calls) {
            const QJsonObject call = c.toObject();
            QCOMPARE(val(call, "index").toInt(-1), 0);
            const QJsonObject function = obj(call, "function");
            if (first) {
                // The first piece names the call; the arguments follow in later chunks.
                QCOMPARE(val(call, "type").toString(), QStringLiteral("function"));
                o.toolId = val(call, "id").toString();
                o.toolName = val(function, "name").toString();
                QCOMPARE(val(function, "arguments").toString(QStringLiteral("missing")), QString());
            } else {
                QVERIFY(!call.contains(QLatin1String("id")));
                o.argPieces += val(function, "arguments").toString().isEmpty() ? 0 : 1;
            }
        }
        first = false;
    }
    // Reassemble the arguments by concatenating the pieces, as a client does.
    QString arguments;
    for (const SseParser::Event &e : std::as_const(events)) {
        const QJsonArray choices = val(parse(e.data), "choices").toArray();
        for (const QJsonValue &c : obj(choices.first(), "delta").value(QLatin1String("tool_calls")).toArray())
            arguments += obj(c, "function").value(QLatin1String("arguments")).toString();
    }
    if (!arguments.isEmpty())
        o.toolArgs = parse(arguments.toUtf8());
}

// ---- Anthropic ----

void decodeAnthropicMessage(const QJsonObject &m, Outcome &o)
{
    QCOMPARE(val(m, "id").toString(), QStringLiteral("msg_fake"));
    QCOMPARE(val(m, "type").toString(), QStringLiteral("message"));
    QCOMPARE(val(m, "role").toString(), QStringLiteral("assistant"));
    QVERIFY(m.contains(QLatin1String("stop_sequence")) && val(m, "stop_sequence").isNull());
    QVERIFY(m.contains(QLatin1String("stop_reason")));
    QVERIFY(val(m, "content").isArray());
    o.model = val(m, "model").toString();
}

void decodeAnthropic(const FakeAnswer &a, Outcome &o)
{
    if (!a.isStream()) {
        QCOMPARE(header(a, "content-type"), QByteArray("application/json"));
        const QJsonObject m = parse(a.body);
        decodeAnthropicMessage(m, o);
        if (QTest::currentTestFailed())
            return;
        o.finish = val(m, "stop_reason").toString();
        const QJsonArray content = val(m, "content").toArray();
        QCOMPARE(content.size(), 1);
        const QJsonObject block = content.first().toObject();
        if (val(block, "type").toString() == QLatin1String("text")) {
            o.text = val(block, "text").toString();
        } else {
            QCOMPARE(val(block, "type").toString(), QStringLiteral("tool_use"));
            o.toolId = val(block, "id").toString();
            o.toolName = val(block, "name").toString();
            QVERIFY2(val(block, "input").isObject(), "Anthropic tool input is an object");
            o.toolArgs = obj(block, "input");
        }
        o.inputTokens = val(obj(m, "usage"), "input_tokens").toInt(-1);
        o.outputTokens = val(obj(m, "usage"), "output_tokens").toInt(-1);
        return;
    }

    QCOMPARE(header(a, "content-type"), QByteArray("text/event-stream"));
    for (const QByteArray &e : a.events)
        QVERIFY2(e.startsWith("event: ") && e.endsWith("\n\n") && !e.endsWith("\r\n\r\n"), e.constData());
    QList<SseParser::Event> events;
    parseEvents(a, events);
    if (QTest::currentTestFailed())
        return;
    QByteArrayList names;
    QString partialJson;
    QString blockType;
    for (const SseParser::Event &e : std::as_const(events)) {
        const QJsonObject data = parse(e.data);
        // The SSE event name and the data's type always agree in Anthropic streams.
        QCOMPARE(val(data, "type").toString().toUtf8(), e.event);
        names << e.event;
        if (e.event == "message_start") {
            const QJsonObject m = obj(data, "message");
            decodeAnthropicMessage(m, o);
            QVERIFY(val(m, "content").toArray().isEmpty());
            QVERIFY(val(m, "stop_reason").isNull());
            o.inputTokens = val(obj(m, "usage"), "input_tokens").toInt(-1);
            QCOMPARE(val(obj(m, "usage"), "output_tokens").toInt(-1), 1);
        } else if (e.event == "content_block_start") {
            QCOMPARE(val(data, "index").toInt(-1), 0);
            const QJsonObject block = obj(data, "content_block");
            blockType = val(block, "type").toString();
            if (blockType == QLatin1String("tool_use")) {
                o.toolId = val(block, "id").toString();
                o.toolName = val(block, "name").toString();
                QCOMPARE(obj(block, "input"), QJsonObject());
            } else {
                QCOMPARE(blockType, QStringLiteral("text"));
                QCOMPARE(val(block, "text").toString(QStringLiteral("missing")), QString());
            }
        } else if (e.event == "content_block_delta") {
            QCOMPARE(val(data, "index").toInt(-1), 0);
            const QJsonObject delta = obj(data, "delta");
            if (blockType == QLatin1String("tool_use")) {
                QCOMPARE(val(delta, "type").toString(), QStringLiteral("input_json_delta"));
                partialJson += val(delta, "partial_json").toString();
                ++o.argPieces;
            } else {
                QCOMPARE(val(delta, "type").toString(), QStringLiteral("text_delta"));
                o.text += val(delta, "text").toString();
                ++o.textPieces;
            }
        } else if (e.event == "message_delta") {
            o.finish = val(obj(data, "delta"), "stop_reason").toString();
            QVERIFY(obj(data, "delta").contains(QLatin1String("stop_sequence")));
            o.outputTokens = val(obj(data, "usage"), "output_tokens").toInt(-1);
        }
    }
    if (!partialJson.isEmpty())
        o.toolArgs = parse(partialJson.toUtf8());
    QByteArrayList expected { "message_start", "content_block_start", "ping" };
    for (int i = 0; i < o.textPieces + o.argPieces; ++i)
        expected << "content_block_delta";
    expected << "content_block_stop"
             << "message_delta"
             << "message_stop";
    QCOMPARE(names, expected);
}

// ---- Gemini ----

// Adds what one GenerateContentResponse carries; last tells whether it ended the answer (has a finishReason).
void decodeGeminiResponse(const QJsonObject &r, Outcome &o, bool &last)
{
    const QJsonArray candidates = val(r, "candidates").toArray();
    QCOMPARE(candidates.size(), 1);
    const QJsonObject candidate = candidates.first().toObject();
    QCOMPARE(val(candidate, "index").toInt(-1), 0);
    QCOMPARE(obj(candidate, "content").value(QLatin1String("role")).toString(), QStringLiteral("model"));
    QCOMPARE(val(r, "responseId").toString(), QStringLiteral("fake-1"));
    o.model = val(r, "modelVersion").toString();
    const QJsonArray parts = obj(candidate, "content").value(QLatin1String("parts")).toArray();
    QVERIFY(!parts.isEmpty());
    for (const QJsonValue &p : parts) {
        const QJsonObject part = p.toObject();
        if (part.contains(QLatin1String("text"))) {
            o.text += val(part, "text").toString();
            ++o.textPieces;
        } else {
            QVERIFY(part.contains(QLatin1String("functionCall")));
            const QJsonObject call = obj(part, "functionCall");
            QVERIFY2(!call.contains(QLatin1String("id")), "a Gemini functionCall has no id");
            o.toolName = val(call, "name").toString();
            QVERIFY2(val(call, "args").isObject(), "Gemini args are an object");
            o.toolArgs = obj(call, "args");
            ++o.argPieces;
        }
    }
    last = candidate.contains(QLatin1String("finishReason"));
    // Only the last response carries the finish reason and the usage.
    QCOMPARE(r.contains(QLatin1String("usageMetadata")), last);
    if (!last)
        return;
    o.finish = val(candidate, "finishReason").toString();
    const QJsonObject usage = obj(r, "usageMetadata");
    o.inputTokens = val(usage, "promptTokenCount").toInt(-1);
    o.outputTokens = val(usage, "candidatesTokenCount").toInt(-1);
    QCOMPARE(val(usage, "totalTokenCount").toInt(-1), o.inputTokens + o.outputTokens);
}

void decodeGemini(const FakeAnswer &a, Outcome &o)
{
    if (!a.isStream()) {
        QCOMPARE(header(a, "content-type"), QByteArray("application/json"));
        bool last = false;
        decodeGeminiResponse(parse(a.body), o, last);
        QVERIFY2(last, "a whole Gemini answer has a finishReason");
        return;
    }
    QCOMPARE(header(a, "content-type"), QByteArray("text/event-stream"));
    // Gemini frames events with CRLF.
    for (const QByteArray &e : a.events)
        QVERIFY2(e.startsWith("data: {") && e.endsWith("}\r\n\r\n"), e.constData());
    QList<SseParser::Event> events;
    parseEvents(a, events);
    if (QTest::currentTestFailed())
        return;
    for (qsizetype i = 0; i < events.size(); ++i) {
        QVERIFY(events.at(i).event.isEmpty());
        QVERIFY2(events.at(i).data != "[DONE]", "Gemini sends no [DONE]");
        bool last = false;
        decodeGeminiResponse(parse(events.at(i).data), o, last);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(last, i == events.size() - 1);
    }
}

Outcome decode(Dialect dialect, const FakeAnswer &a)
{
    Outcome o;
    switch (dialect) {
    case Dialect::OpenAi:
        decodeOpenAi(a, o);
        break;
    case Dialect::Anthropic:
        decodeAnthropic(a, o);
        break;
    case Dialect::Gemini:
        decodeGemini(a, o);
        break;
    }
    return o;
}

// ---- requests ----

enum class Scenario { Text, StreamText, Tools, StreamTools, ToolResult };

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// Two tools, so that "the first declared" is tested, not "the only one".
QJsonObject openAiRequest(Scenario s)
{
    QJsonObject r = json(R"({"model":"gpt-fake","messages":[{"role":"system","content":"be brief"},
                             {"role":"user","content":"hello there"}]})");
    if (s == Scenario::StreamText) // text parts must be joined with no separator
        r = json(R"({"model":"gpt-fake","messages":[{"role":"user","content":[{"type":"text","text":"hello "},
                   {"type":"text","text":"there"}]}]})");
    if (s == Scenario::Tools || s == Scenario::StreamTools || s == Scenario::ToolResult)
        r.insert(QStringLiteral("tools"),
            json(R"({"t":[
            {"type":"function","function":{"name":"get_weather","parameters":{"type":"object",
             "properties":{"city":{"type":"string"}},"required":["city"]}}},
            {"type":"function","function":{"name":"get_time","parameters":{"type":"object"}}}]})")
                .value(QLatin1String("t")));
    if (s == Scenario::ToolResult)
        r.insert(QStringLiteral("messages"),
            json(R"({"m":[{"role":"user","content":"weather in Paris?"},
            {"role":"assistant","content":null,"tool_calls":[{"id":"call_fake_1","type":"function",
             "function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
            {"role":"tool","tool_call_id":"call_fake_1","content":"sunny"}]})")
                .value(QLatin1String("m")));
    if (s == Scenario::StreamText || s == Scenario::StreamTools) {
        r.insert(QStringLiteral("stream"), true);
        r.insert(QStringLiteral("stream_options"), QJsonObject { { QStringLiteral("include_usage"), true } });
    }
    return r;
}

QJsonObject anthropicRequest(Scenario s)
{
    QJsonObject r = json(R"({"model":"claude-fake","max_tokens":100,"system":"be brief",
                             "messages":[{"role":"user","content":"hello there"}]})");
    if (s == Scenario::StreamText)
        r.insert(QStringLiteral("messages"),
            json(R"({"m":[{"role":"user","content":[{"type":"text","text":"hello "},
                                                   {"type":"text","text":"there"}]}]})")
                .value(QLatin1String("m")));
    if (s == Scenario::Tools || s == Scenario::StreamTools || s == Scenario::ToolResult)
        r.insert(QStringLiteral("tools"),
            json(R"({"t":[
            {"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}},
             "required":["city"]}},
            {"name":"get_time","input_schema":{"type":"object"}}]})")
                .value(QLatin1String("t")));
    if (s == Scenario::ToolResult)
        r.insert(QStringLiteral("messages"),
            json(R"({"m":[{"role":"user","content":"weather in Paris?"},
            {"role":"assistant","content":[{"type":"tool_use","id":"toolu_fake_1","name":"get_weather",
             "input":{"city":"Paris"}}]},
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_fake_1","content":"sunny"}]}]})")
                .value(QLatin1String("m")));
    if (s == Scenario::StreamText || s == Scenario::StreamTools)
        r.insert(QStringLiteral("stream"), true);
    return r;
}

QJsonObject geminiRequest(Scenario s)
{
    QJsonObject r = json(R"({"systemInstruction":{"parts":[{"text":"be brief"}]},
                             "contents":[{"role":"user","parts":[{"text":"hello "},{"text":"there"}]}]})");
    if (s == Scenario::Tools || s == Scenario::StreamTools || s == Scenario::ToolResult)
        r.insert(QStringLiteral("tools"),
            json(R"({"t":[{"functionDeclarations":[
            {"name":"get_weather","parameters":{"type":"OBJECT","properties":{"city":{"type":"STRING"}}}},
            {"name":"get_time"}]}]})")
                .value(QLatin1String("t")));
    if (s == Scenario::ToolResult)
        r.insert(QStringLiteral("contents"),
            json(R"({"c":[{"role":"user","parts":[{"text":"weather in Paris?"}]},
            {"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}}}]},
            {"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"weather":"sunny"}}}]}]})")
                .value(QLatin1String("c")));
    return r;
}

} // namespace

void TestFakeDialect::answers_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("text"); // empty: a tool call is expected
    QTest::addColumn<QString>("toolName");
    QTest::addColumn<QString>("toolId");
    QTest::addColumn<QString>("finish");

    const struct {
        Scenario scenario;
        const char *name;
        bool stream;
    } scenarios[] = { { Scenario::Text, "text", false }, { Scenario::StreamText, "stream text", true },
        { Scenario::Tools, "tools", false }, { Scenario::StreamTools, "stream tools", true },
        { Scenario::ToolResult, "tool result", false } };
    for (const auto &s : scenarios) {
        const bool tool = s.scenario == Scenario::Tools || s.scenario == Scenario::StreamTools;
        const bool result = s.scenario == Scenario::ToolResult;
        const QString text = tool ? QString() : result ? QStringLiteral("tool said: sunny") : Echo;

        QTest::addRow("openai %s", s.name)
            << Dialect::OpenAi << QByteArray("/v1/chat/completions") << openAiRequest(s.scenario) << s.stream
            << QStringLiteral("gpt-fake") << text << (tool ? Weather : QString())
            << (tool ? QStringLiteral("call_fake_1") : QString())
            << (tool ? QStringLiteral("tool_calls") : QStringLiteral("stop"));
        QTest::addRow("anthropic %s", s.name)
            << Dialect::Anthropic << QByteArray("/v1/messages") << anthropicRequest(s.scenario) << s.stream
            << QStringLiteral("claude-fake") << text << (tool ? Weather : QString())
            << (tool ? QStringLiteral("toolu_fake_1") : QString())
            << (tool ? QStringLiteral("tool_use") : QStringLiteral("end_turn"));
        // Gemini streams by the path, and its tool result is the response object as compact JSON.
        const QByteArray path = s.stream
            ? QByteArray("/v1beta/models/gemini-fake:streamGenerateContent?alt=sse")
            : QByteArray("/v1beta/models/gemini-fake:generateContent");
        QTest::addRow("gemini %s", s.name)
            << Dialect::Gemini << path << geminiRequest(s.scenario) << s.stream
            << QStringLiteral("gemini-fake")
            << (result ? QStringLiteral("tool said: {\"weather\":\"sunny\"}") : text)
            << (tool ? Weather : QString()) << QString() << QStringLiteral("STOP");
    }
}

void TestFakeDialect::answers()
{
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, path);
    QFETCH(QJsonObject, request);
    QFETCH(bool, stream);
    QFETCH(QString, model);
    QFETCH(QString, text);
    QFETCH(QString, toolName);
    QFETCH(QString, toolId);
    QFETCH(QString, finish);

    const FakeAnswer a = FakeDialect::answer(dialect, path, request);
    QCOMPARE(a.status, 200);
    QCOMPARE(a.isStream(), stream);
    QVERIFY(stream ? a.body.isEmpty() : !a.body.isEmpty());

    const Outcome o = decode(dialect, a);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(o.model, model);
    QCOMPARE(o.finish, finish);
    QCOMPARE(o.inputTokens, 11);
    QCOMPARE(o.outputTokens, 7);
    if (!text.isEmpty()) {
        QCOMPARE(o.text, text);
        QVERIFY(o.toolName.isEmpty());
        if (stream)
            QCOMPARE(o.textPieces, 3); // split, so that clients must reassemble
    } else {
        QVERIFY(o.text.isEmpty());
        QCOMPARE(o.toolName, toolName);
        QCOMPARE(o.toolId, toolId);
        QCOMPARE(o.toolArgs, (QJsonObject { { QStringLiteral("city"), QStringLiteral("Paris") } }));
        if (stream)
            QCOMPARE(o.argPieces, dialect == Dialect::Gemini ? 1 : 2); // Gemini sends a call whole
    }
}

void TestFakeDialect::errors_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type"); // OpenAI error.type, Anthropic error.type, Gemini error.status

    const QList<QPair<int, const char *>> openAi { { 400, "invalid_request_error" },
        { 401, "invalid_request_error" }, { 404, "invalid_request_error" }, { 429, "invalid_request_error" },
        { 500, "server_error" }, { 503, "server_error" } };
    const QList<QPair<int, const char *>> anthropic { { 400, "invalid_request_error" },
        { 401, "authentication_error" }, { 403, "permission_error" }, { 404, "not_found_error" },
        { 429, "rate_limit_error" }, { 500, "api_error" }, { 529, "overloaded_error" } };
    const QList<QPair<int, const char *>> gemini { { 400, "INVALID_ARGUMENT" }, { 401, "UNAUTHENTICATED" },
        { 403, "PERMISSION_DENIED" }, { 404, "NOT_FOUND" }, { 429, "RESOURCE_EXHAUSTED" },
        { 500, "INTERNAL" }, { 503, "UNAVAILABLE" } };
    for (const auto &[status, type] : openAi)
        QTest::addRow("openai %d", status) << Dialect::OpenAi << status << QString::fromLatin1(type);
    for (const auto &[status, type] : anthropic)
        QTest::addRow("anthropic %d", status) << Dialect::Anthropic << status << QString::fromLatin1(type);
    for (const auto &[status, type] : gemini)
        QTest::addRow("gemini %d", status) << Dialect::Gemini << status << QString::fromLatin1(type);
}

void TestFakeDialect::errors()
{
    QFETCH(Dialect, dialect);
    QFETCH(int, status);
    QFETCH(QString, type);

    const QString message = QStringLiteral("it went wrong");
    const FakeAnswer a = FakeDialect::error(dialect, status, message);
    QCOMPARE(a.status, status);
    QVERIFY(!a.isStream());
    QCOMPARE(header(a, "content-type"), QByteArray("application/json"));
    const QJsonObject body = parse(a.body);
    switch (dialect) {
    case Dialect::OpenAi: {
        QCOMPARE(body.keys(), QStringList { QStringLiteral("error") });
        const QJsonObject e = obj(body, "error");
        QCOMPARE(val(e, "message").toString(), message);
        QCOMPARE(val(e, "type").toString(), type);
        QVERIFY(e.contains(QLatin1String("param")) && val(e, "param").isNull());
        QVERIFY(e.contains(QLatin1String("code")) && val(e, "code").isNull());
        break;
    }
    case Dialect::Anthropic: {
        QCOMPARE(val(body, "type").toString(), QStringLiteral("error"));
        const QJsonObject e = obj(body, "error");
        QCOMPARE(val(e, "type").toString(), type);
        QCOMPARE(val(e, "message").toString(), message);
        break;
    }
    case Dialect::Gemini: {
        const QJsonObject e = obj(body, "error");
        QCOMPARE(val(e, "code").toInt(-1), status);
        QCOMPARE(val(e, "message").toString(), message);
        QCOMPARE(val(e, "status").toString(), type);
        break;
    }
    }
}

void TestFakeDialect::malformedRequestsGetTheProvidersError_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QJsonObject>("request");

    QTest::newRow("openai messages is a string") << Dialect::OpenAi << QByteArray("/v1/chat/completions")
                                                 << json(R"({"model":"gpt-fake","messages":"x"})");
    QTest::newRow("openai no messages")
        << Dialect::OpenAi << QByteArray("/v1/chat/completions") << json(R"({"model":"gpt-fake"})");
    QTest::newRow("anthropic no max_tokens")
        << Dialect::Anthropic << QByteArray("/v1/messages")
        << json(R"({"model":"claude-fake","messages":[{"role":"user","content":"hi"}]})");
    QTest::newRow("anthropic messages is a string")
        << Dialect::Anthropic << QByteArray("/v1/messages")
        << json(R"({"model":"claude-fake","max_tokens":5,"messages":"x"})");
    QTest::newRow("gemini no contents") << Dialect::Gemini << QByteArray("/v1beta/models/g:generateContent")
                                        << json(R"({"generationConfig":{}})");
}

void TestFakeDialect::malformedRequestsGetTheProvidersError()
{
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, path);
    QFETCH(QJsonObject, request);

    const FakeAnswer a = FakeDialect::answer(dialect, path, request);
    QCOMPARE(a.status, 400);
    QVERIFY(!a.isStream());
    const QJsonObject e = obj(parse(a.body), "error");
    QVERIFY(!val(e, "message").toString().isEmpty());
    if (dialect == Dialect::Gemini)
        QCOMPARE(val(e, "status").toString(), QStringLiteral("INVALID_ARGUMENT"));
    else
        QCOMPARE(val(e, "type").toString(), QStringLiteral("invalid_request_error"));
}

void TestFakeDialect::openAiStreamHasNoUsageUnlessAsked()
{
    QJsonObject request = openAiRequest(Scenario::StreamText);
    request.remove(QStringLiteral("stream_options"));
    const FakeAnswer a = FakeDialect::answer(Dialect::OpenAi, "/v1/chat/completions", request);
    QVERIFY(a.isStream());
    QList<SseParser::Event> events;
    parseEvents(a, events);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(events.last().data, QByteArray("[DONE]"));
    QString text;
    for (qsizetype i = 0; i + 1 < events.size(); ++i) {
        const QJsonObject chunk = parse(events.at(i).data);
        QVERIFY2(!chunk.contains(QLatin1String("usage")), events.at(i).data.constData());
        QCOMPARE(val(chunk, "choices").toArray().size(), 1);
        text += obj(val(chunk, "choices").toArray().first(), "delta")
                    .value(QLatin1String("content"))
                    .toString();
    }
    QCOMPARE(text, Echo);
}

void TestFakeDialect::openAiEmbeddings()
{
    const FakeAnswer a = FakeDialect::answer(
        Dialect::OpenAi, "/v1/embeddings", json(R"({"model":"embed-fake","input":"hello"})"));
    QCOMPARE(a.status, 200);
    QCOMPARE(header(a, "content-type"), QByteArray("application/json"));
    const QJsonObject body = parse(a.body);
    QCOMPARE(val(body, "object").toString(), QStringLiteral("list"));
    QCOMPARE(val(body, "model").toString(), QStringLiteral("embed-fake"));
    const QJsonArray data = val(body, "data").toArray();
    QCOMPARE(data.size(), 1);
    const QJsonObject item = data.first().toObject();
    QCOMPARE(val(item, "object").toString(), QStringLiteral("embedding"));
    QCOMPARE(val(item, "index").toInt(-1), 0);
    const QJsonArray vector = val(item, "embedding").toArray();
    QCOMPARE(vector.size(), 3);
    for (const QJsonValue &v : vector)
        QVERIFY(v.isDouble());
    QCOMPARE(val(obj(body, "usage"), "prompt_tokens").toInt(-1), 3);
    QCOMPARE(val(obj(body, "usage"), "total_tokens").toInt(-1), 3);
}

void TestFakeDialect::openAiEmbeddingsInBase64()
{
    // What the openai SDKs send unless told otherwise.
    const FakeAnswer a = FakeDialect::answer(Dialect::OpenAi, "/v1/embeddings",
        json(R"({"model":"embed-fake","input":"hello","encoding_format":"base64"})"));
    QCOMPARE(a.status, 200);
    const QJsonArray data = val(parse(a.body), "data").toArray();
    QCOMPARE(data.size(), 1);
    const QJsonValue embedding = val(data.first().toObject(), "embedding");
    QVERIFY(embedding.isString());
    const QByteArray bytes = QByteArray::fromBase64(embedding.toString().toLatin1());
    QCOMPARE(bytes.size(), 12);
    const float expected[] = { 0.1f, 0.2f, 0.3f };
    for (int i = 0; i < 3; ++i)
        QCOMPARE(std::bit_cast<float>(qFromLittleEndian<quint32>(bytes.constData() + 4 * i)), expected[i]);
}

void TestFakeDialect::tokenCounts()
{
    const FakeAnswer anthropic = FakeDialect::answer(Dialect::Anthropic, "/v1/messages/count_tokens",
        json(R"({"model":"claude-fake","messages":[{"role":"user","content":"hello there"}]})"));
    QCOMPARE(anthropic.status, 200);
    QCOMPARE(parse(anthropic.body), json(R"({"input_tokens":11})"));

    const FakeAnswer gemini = FakeDialect::answer(
        Dialect::Gemini, "/v1beta/models/gemini-fake:countTokens", geminiRequest(Scenario::Text));
    QCOMPARE(gemini.status, 200);
    QCOMPARE(parse(gemini.body), json(R"({"totalTokens":11})"));
}

void TestFakeDialect::geminiModelComesFromThePath_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("model");
    QTest::newRow("generate") << QByteArray("/v1beta/models/gemini-2.5-flash:generateContent")
                              << QStringLiteral("gemini-2.5-flash");
    QTest::newRow("stream with query")
        << QByteArray("/v1beta/models/gemini-x:streamGenerateContent?alt=sse&key=k")
        << QStringLiteral("gemini-x");
}

void TestFakeDialect::geminiModelComesFromThePath()
{
    QFETCH(QByteArray, path);
    QFETCH(QString, model);
    QCOMPARE(FakeDialect::geminiModelFromPath(path), model);
    const FakeAnswer a = FakeDialect::answer(Dialect::Gemini, path, geminiRequest(Scenario::Text));
    QCOMPARE(val(parse(a.isStream() ? a.events.first().mid(6) : a.body), "modelVersion").toString(), model);
}

void TestFakeDialect::modelLists_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QStringList>("ids"); // empty: the defaults, through answer()
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("openai chosen")
        << Dialect::OpenAi << QByteArray("/v1/models") << QStringList { "a", "b" }
        << QByteArray(R"({"object":"list","data":[)"
                      R"({"id":"a","object":"model","created":1700000000,"owned_by":"system"},)"
                      R"({"id":"b","object":"model","created":1700000000,"owned_by":"system"}]})");
    QTest::newRow("anthropic chosen")
        << Dialect::Anthropic << QByteArray("/v1/models?limit=1000") << QStringList { "claude-x" }
        << QByteArray(
               R"({"data":[{"type":"model","id":"claude-x","display_name":"CLAUDE-X",)"
               R"("created_at":"2025-02-19T00:00:00Z"}],)"
               R"("has_more":false,"first_id":"claude-x","last_id":"claude-x"})");
    QTest::newRow("gemini chosen, with its embedding model")
        << Dialect::Gemini << QByteArray("/v1beta/models?pageSize=1000") << QStringList { "gemini-x" }
        << QByteArray(
               R"({"models":[{"name":"models/gemini-x","version":"001","displayName":"GEMINI-X",)"
               R"("inputTokenLimit":1048576,"outputTokenLimit":8192,)"
               R"("supportedGenerationMethods":["generateContent","countTokens"]},)"
               R"({"name":"models/text-embedding-004","version":"001","displayName":"TEXT-EMBEDDING-004",)"
               R"("inputTokenLimit":1048576,"outputTokenLimit":8192,)"
               R"("supportedGenerationMethods":["embedContent"]}]})");
    QTest::newRow("openai defaults through answer()")
        << Dialect::OpenAi << QByteArray("/v1/models") << QStringList()
        << QByteArray(
               R"({"object":"list","data":[)"
               R"({"id":"gpt-4o-mini","object":"model","created":1700000000,"owned_by":"system"},)"
               R"({"id":"gpt-4o","object":"model","created":1700000000,"owned_by":"system"},)"
               R"({"id":"text-embedding-3-small","object":"model",)"
               R"("created":1700000000,"owned_by":"system"}]})");
}

void TestFakeDialect::modelLists()
{
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, path);
    QFETCH(QStringList, ids);
    QFETCH(QByteArray, expected);
    const FakeAnswer a = ids.isEmpty() ? FakeDialect::answer(dialect, path, QJsonObject())
                                       : FakeDialect::modelList(dialect, ids);
    QCOMPARE(a.status, 200);
    QVERIFY(!a.isStream());
    QCOMPARE(header(a, "content-type"), QByteArray("application/json"));
    QCOMPARE(parse(a.body), parse(expected));
}

QTEST_GUILESS_MAIN(TestFakeDialect)
#include "tst_fakedialect.moc"
