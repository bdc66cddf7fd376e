#include "server/sseparser.h"
#include "translate/streamtranslate.h"
#include "translate/translate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// Table-driven tests of the Anthropic ⇄ OpenAI conversions: requests, responses, streams both ways.
class TestTranslate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anthropicRequestToOpenAi_data();
    void anthropicRequestToOpenAi();
    void openAiRequestToAnthropic_data();
    void openAiRequestToAnthropic();
    void invalidRequests_data();
    void invalidRequests();
    void requestRoundTrip_data();
    void requestRoundTrip();
    void anthropicResponseToOpenAi_data();
    void anthropicResponseToOpenAi();
    void openAiResponseToAnthropic_data();
    void openAiResponseToAnthropic();
    void stopReasonToFinishReason_data();
    void stopReasonToFinishReason();
    void finishReasonToStopReason_data();
    void finishReasonToStopReason();
    void estimateInputTokens_data();
    void estimateInputTokens();

    void sourceTranslatesRecordedStream();
    void sourceSingleEvents_data();
    void sourceSingleEvents();
    void sinkProducesAnthropicStream();
    void sinkEdgeCases_data();
    void sinkEdgeCases();
    void streamRoundTrip();
};

namespace {

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (!doc.isObject())
        qFatal("test JSON does not parse: %s in %s", qPrintable(err.errorString()), json.constData());
    return doc.object();
}

QJsonArray parseArray(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isArray())
        qFatal("test JSON array does not parse: %s", json.constData());
    return doc.array();
}

// Keys of a QJsonObject are sorted, so the compact form is canonical and QCOMPARE shows the difference.
QByteArray canonical(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray canonical(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

// A realistic Anthropic stream: a thinking block (dropped in OpenAI form), text, then two parallel tool
// calls whose input arrives in pieces split mid-token.
const QByteArray recordedAnthropicStream = R"sse(event: message_start
data: {"type":"message_start","message":{"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":472,"cache_creation_input_tokens":0,"cache_read_input_tokens":128,"output_tokens":2}}}

event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}

event: ping
data: {"type": "ping"}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Two tools are needed."}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: content_block_start
data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Okay, let me"}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":" check both."}}

event: content_block_stop
data: {"type":"content_block_stop","index":1}

event: content_block_start
data: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{}}}

event: content_block_delta
data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\"location\": \"San Fra"}}

event: content_block_delta
data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"ncisco, CA\", \"unit\": \"fahrenheit\"}"}}

event: content_block_stop
data: {"type":"content_block_stop","index":2}

event: content_block_start
data: {"type":"content_block_start","index":3,"content_block":{"type":"tool_use","id":"toolu_01B2Vd3dT9zQ7xW1mJpL8kRe","name":"get_time","input":{}}}

event: content_block_delta
data: {"type":"content_block_delta","index":3,"delta":{"type":"input_json_delta","partial_json":"{\"timezone\":"}}

event: content_block_delta
data: {"type":"content_block_delta","index":3,"delta":{"type":"input_json_delta","partial_json":" \"America/Los_Angeles\"}"}}

event: content_block_stop
data: {"type":"content_block_stop","index":3}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}

event: message_stop
data: {"type":"message_stop"}

)sse";

// What an Anthropic client rebuilds from a stream, with the protocol checked on the way: blocks open in
// index order, deltas go to the open block only, every block is closed before message_delta.
struct Assembled {
    QStringList events;
    QString messageId;
    QJsonArray blocks; // {type:text,text} / {type:tool_use,id,name,input} / {type:thinking}
    QString stopReason;
    qint64 outputTokens = -1;
    QJsonObject deltaUsage;
    QString error; // protocol violation, empty when the stream is valid
};

Assembled assemble(const QList<SseParser::Event> &events)
{
    Assembled a;
    int open = -1;
    QString json;
    const auto violation = [&a](const QString &what) {
        if (a.error.isEmpty())
            a.error = what;
    };
    for (const SseParser::Event &e : events) {
        const QString name = QString::fromUtf8(e.event);
        a.events.append(name);
        const QJsonObject data = QJsonDocument::fromJson(e.data).object();
        if (data.value(QLatin1String("type")).toString() != name)
            violation(QStringLiteral("data.type differs from event name ") + name);
        const int index = data.value(QLatin1String("index")).toInt(-1);
        if (name == QLatin1String("message_start")) {
            a.messageId = data.value(QLatin1String("message")).toObject().value(QLatin1String("id")).toString();
        } else if (name == QLatin1String("content_block_start")) {
            if (open >= 0 || index != a.blocks.size())
                violation(QStringLiteral("content_block_start %1 while %2 open").arg(index).arg(open));
            open = index;
            json.clear();
            a.blocks.append(data.value(QLatin1String("content_block")).toObject());
        } else if (name == QLatin1String("content_block_delta")) {
            if (index != open)
                violation(QStringLiteral("delta for block %1 while %2 open").arg(index).arg(open));
            const QJsonObject delta = data.value(QLatin1String("delta")).toObject();
            QJsonObject block = a.blocks.isEmpty() ? QJsonObject() : a.blocks.last().toObject();
            const QString type = delta.value(QLatin1String("type")).toString();
            if (type == QLatin1String("text_delta"))
                block.insert(QStringLiteral("text"), QString(block.value(QLatin1String("text")).toString()
                                                             + delta.value(QLatin1String("text")).toString()));
            else if (type == QLatin1String("input_json_delta"))
                json += delta.value(QLatin1String("partial_json")).toString();
            if (!a.blocks.isEmpty())
                a.blocks.replace(a.blocks.size() - 1, block);
        } else if (name == QLatin1String("content_block_stop")) {
            if (index != open)
                violation(QStringLiteral("stop for block %1 while %2 open").arg(index).arg(open));
            QJsonObject block = a.blocks.last().toObject();
            if (block.value(QLatin1String("type")) == QLatin1String("tool_use")) {
                const QJsonDocument input = QJsonDocument::fromJson(json.toUtf8());
                if (!json.isEmpty() && !input.isObject())
                    violation(QStringLiteral("tool input is not whole JSON: ") + json);
                block.insert(QStringLiteral("input"), input.object());
            }
            a.blocks.replace(a.blocks.size() - 1, block);
            open = -1;
        } else if (name == QLatin1String("message_delta")) {
            if (open >= 0)
                violation(QStringLiteral("message_delta with block %1 open").arg(open));
            a.stopReason = data.value(QLatin1String("delta")).toObject().value(QLatin1String("stop_reason")).toString();
            a.deltaUsage = data.value(QLatin1String("usage")).toObject();
            a.outputTokens = a.deltaUsage.value(QLatin1String("output_tokens")).toInteger(-1);
        }
    }
    return a;
}

QList<SseParser::Event> parseSse(const QByteArray &bytes)
{
    SseParser parser;
    QList<SseParser::Event> events = parser.feed(bytes);
    if (parser.buffered() != 0)
        qWarning("SSE stream ends with an unfinished event");
    return events;
}

// Everything but the fields every chunk repeats (checked apart), so expected chunks stay short.
QJsonObject stripChunk(const QJsonObject &chunk)
{
    QJsonObject c = chunk;
    for (const char *key : {"id", "object", "created", "model"})
        c.remove(QLatin1String(key));
    return c;
}

} // namespace

// ---- Requests -----------------------------------------------------------------------------------------

void TestTranslate::anthropicRequestToOpenAi_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("system string, multi-turn")
        << QByteArray(R"({"model":"claude-x","max_tokens":100,"system":"Be brief.","messages":[
              {"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},{"role":"user","content":"Bye"}]})")
        << QByteArray(R"({"model":"claude-x","max_tokens":100,"messages":[{"role":"system","content":"Be brief."},
              {"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},{"role":"user","content":"Bye"}]})");
    QTest::newRow("system blocks join into one message, cache_control dropped")
        << QByteArray(R"({"model":"m","system":[{"type":"text","text":"A","cache_control":{"type":"ephemeral"}},
              {"type":"text","text":"B"}],"messages":[{"role":"user","content":[{"type":"text","text":"Q",
              "cache_control":{"type":"ephemeral"}}]}]})")
        << QByteArray(R"({"model":"m","messages":[{"role":"system","content":"A\n\nB"},
              {"role":"user","content":[{"type":"text","text":"Q"}]}]})");
    QTest::newRow("images by URL and base64")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"Same?"},
              {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}},
              {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}]})")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"Same?"},
              {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg"}},
              {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]})");

    const QByteArray toolDef = R"("tools":[{"name":"get_weather","description":"Weather now",
        "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}])";
    const QByteArray openAiToolDef = R"("tools":[{"type":"function","function":{"name":"get_weather",
        "description":"Weather now","parameters":{"type":"object","properties":{"city":{"type":"string"}},
        "required":["city"]}}}])";
    const auto toolRow = [&](const char *name, const QByteArray &choice, const QByteArray &openAiChoice) {
        QTest::newRow(name) << QByteArray(R"({"model":"m","messages":[],)" + toolDef + choice + "}")
                            << QByteArray(R"({"model":"m","messages":[],)" + openAiToolDef + openAiChoice + "}");
    };
    toolRow("tools, no tool_choice", "", "");
    toolRow("tool_choice auto", R"(,"tool_choice":{"type":"auto"})", R"(,"tool_choice":"auto")");
    toolRow("tool_choice any", R"(,"tool_choice":{"type":"any"})", R"(,"tool_choice":"required")");
    toolRow("tool_choice none", R"(,"tool_choice":{"type":"none"})", R"(,"tool_choice":"none")");
    toolRow("tool_choice tool", R"(,"tool_choice":{"type":"tool","name":"get_weather"})",
            R"(,"tool_choice":{"type":"function","function":{"name":"get_weather"}})");
    toolRow("disable_parallel_tool_use", R"(,"tool_choice":{"type":"auto","disable_parallel_tool_use":true})",
            R"(,"tool_choice":"auto","parallel_tool_calls":false)");
    QTest::newRow("tool_choice without tools is dropped")
        << QByteArray(R"({"model":"m","messages":[],"tool_choice":{"type":"any"}})")
        << QByteArray(R"({"model":"m","messages":[]})");
    QTest::newRow("tool without input_schema")
        << QByteArray(R"({"model":"m","messages":[],"tools":[{"name":"now"}]})")
        << QByteArray(R"({"model":"m","messages":[],"tools":[{"type":"function","function":{"name":"now",
              "parameters":{"type":"object","properties":{}}}}]})");

    QTest::newRow("parallel tool calls and results, thinking dropped")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"Weather in Paris and Rome?"},
              {"role":"assistant","content":[{"type":"thinking","thinking":"two calls","signature":"sig"},
                {"type":"text","text":"Let me check."},
                {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                {"type":"tool_use","id":"toolu_2","name":"get_weather","input":{"city":"Rome"}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},
                {"type":"tool_result","tool_use_id":"toolu_2","content":[{"type":"text","text":"21C"},
                  {"type":"text","text":"sunny"}]},
                {"type":"text","text":"Which is warmer?"}]}]})")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"Weather in Paris and Rome?"},
              {"role":"assistant","content":"Let me check.","tool_calls":[
                {"id":"toolu_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                {"id":"toolu_2","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\"}"}}]},
              {"role":"tool","tool_call_id":"toolu_1","content":"18C"},
              {"role":"tool","tool_call_id":"toolu_2","content":"21C\nsunny"},
              {"role":"user","content":[{"type":"text","text":"Which is warmer?"}]}]})");
    QTest::newRow("tool call alone has null content")
        << QByteArray(R"({"model":"m","messages":[{"role":"assistant","content":[
              {"type":"tool_use","id":"toolu_9","name":"now","input":{}}]}]})")
        << QByteArray(R"({"model":"m","messages":[{"role":"assistant","content":null,"tool_calls":[
              {"id":"toolu_9","type":"function","function":{"name":"now","arguments":"{}"}}]}]})");
    QTest::newRow("image in a tool result follows as user content")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1",
              "content":[{"type":"text","text":"shot"},{"type":"image","source":{"type":"url","url":"https://x/s.png"}}]}]}]})")
        << QByteArray(R"({"model":"m","messages":[{"role":"tool","tool_call_id":"t1","content":"shot"},
              {"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/s.png"}}]}]})");
    QTest::newRow("sampling, stop sequences, stream, metadata")
        << QByteArray(R"({"model":"m","messages":[],"max_tokens":512,"temperature":0.3,"top_p":0.9,"top_k":40,
              "stop_sequences":["END","###"],"stream":true,"metadata":{"user_id":"u-42"}})")
        << QByteArray(R"({"model":"m","messages":[],"max_tokens":512,"temperature":0.3,"top_p":0.9,
              "stop":["END","###"],"stream":true,"stream_options":{"include_usage":true},"user":"u-42"})");
    QTest::newRow("stream false stays off")
        << QByteArray(R"({"model":"m","messages":[],"stream":false})") << QByteArray(R"({"model":"m","messages":[]})");
}

void TestTranslate::anthropicRequestToOpenAi()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QString error;
    const auto got = Translate::anthropicRequestToOpenAi(parse(input), &error);
    QVERIFY2(got, qPrintable(error));
    QCOMPARE(canonical(*got), canonical(parse(expected)));
}

void TestTranslate::openAiRequestToAnthropic_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("system, multi-turn, max_tokens default")
        << QByteArray(R"({"model":"gpt-x","messages":[{"role":"system","content":"Be brief."},
              {"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},{"role":"user","content":"Bye"}]})")
        << QByteArray(R"({"model":"gpt-x","system":"Be brief.","max_tokens":4096,"messages":[
              {"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},{"role":"user","content":"Bye"}]})");
    QTest::newRow("several system and developer messages become blocks")
        << QByteArray(R"({"model":"m","messages":[{"role":"system","content":"A"},
              {"role":"developer","content":[{"type":"text","text":"B"}]},{"role":"user","content":"Q"},
              {"role":"system","content":"C"}]})")
        << QByteArray(R"({"model":"m","max_tokens":4096,"system":[{"type":"text","text":"A"},
              {"type":"text","text":"B"},{"type":"text","text":"C"}],"messages":[{"role":"user","content":"Q"}]})");
    QTest::newRow("max_completion_tokens wins over max_tokens")
        << QByteArray(R"({"model":"m","messages":[],"max_tokens":10,"max_completion_tokens":20})")
        << QByteArray(R"({"model":"m","messages":[],"max_tokens":20})");
    QTest::newRow("max_tokens")
        << QByteArray(R"({"model":"m","messages":[],"max_tokens":10})")
        << QByteArray(R"({"model":"m","messages":[],"max_tokens":10})");
    QTest::newRow("images by URL and data URL")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"Same?"},
              {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg","detail":"high"}},
              {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]})")
        << QByteArray(R"({"model":"m","max_tokens":4096,"messages":[{"role":"user","content":[
              {"type":"text","text":"Same?"},
              {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}},
              {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}]})");

    const QByteArray toolDef = R"("tools":[{"type":"function","function":{"name":"get_weather",
        "description":"Weather now","parameters":{"type":"object","properties":{"city":{"type":"string"}}},"strict":true}}])";
    const QByteArray anthropicToolDef = R"("tools":[{"name":"get_weather","description":"Weather now",
        "input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}])";
    const auto toolRow = [&](const char *name, const QByteArray &choice, const QByteArray &anthropicChoice) {
        QTest::newRow(name) << QByteArray(R"({"model":"m","messages":[],)" + toolDef + choice + "}")
                            << QByteArray(R"({"model":"m","messages":[],"max_tokens":4096,)" + anthropicToolDef
                                          + anthropicChoice + "}");
    };
    toolRow("tools, no tool_choice", "", "");
    toolRow("tool_choice auto", R"(,"tool_choice":"auto")", R"(,"tool_choice":{"type":"auto"})");
    toolRow("tool_choice none", R"(,"tool_choice":"none")", R"(,"tool_choice":{"type":"none"})");
    toolRow("tool_choice required", R"(,"tool_choice":"required")", R"(,"tool_choice":{"type":"any"})");
    toolRow("tool_choice function", R"(,"tool_choice":{"type":"function","function":{"name":"get_weather"}})",
            R"(,"tool_choice":{"type":"tool","name":"get_weather"})");
    toolRow("parallel_tool_calls false", R"(,"tool_choice":"required","parallel_tool_calls":false)",
            R"(,"tool_choice":{"type":"any","disable_parallel_tool_use":true})");
    toolRow("parallel_tool_calls false alone", R"(,"parallel_tool_calls":false)",
            R"(,"tool_choice":{"type":"auto","disable_parallel_tool_use":true})");
    toolRow("parallel_tool_calls false with none", R"(,"tool_choice":"none","parallel_tool_calls":false)",
            R"(,"tool_choice":{"type":"none"})");
    toolRow("parallel_tool_calls true", R"(,"parallel_tool_calls":true)", "");
    QTest::newRow("function without parameters")
        << QByteArray(R"({"model":"m","messages":[],"tools":[{"type":"function","function":{"name":"now"}}]})")
        << QByteArray(R"({"model":"m","messages":[],"max_tokens":4096,"tools":[{"name":"now",
              "input_schema":{"type":"object","properties":{}}}]})");

    QTest::newRow("parallel tool calls, results merged into one user message")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"Paris and Rome?"},
              {"role":"assistant","content":"","tool_calls":[
                {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                {"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\"}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"18C"},
              {"role":"tool","tool_call_id":"call_2","content":[{"type":"text","text":"21C"}]},
              {"role":"user","content":"Which is warmer?"}]})")
        << QByteArray(R"({"model":"m","max_tokens":4096,"messages":[{"role":"user","content":"Paris and Rome?"},
              {"role":"assistant","content":[
                {"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}},
                {"type":"tool_use","id":"call_2","name":"get_weather","input":{"city":"Rome"}}]},
              {"role":"user","content":[
                {"type":"tool_result","tool_use_id":"call_1","content":"18C"},
                {"type":"tool_result","tool_use_id":"call_2","content":[{"type":"text","text":"21C"}]},
                {"type":"text","text":"Which is warmer?"}]}]})");
    QTest::newRow("text beside a tool call, empty arguments")
        << QByteArray(R"({"model":"m","messages":[{"role":"assistant","content":"Checking.","tool_calls":[
                {"id":"call_1","type":"function","function":{"name":"now","arguments":""}}]}]})")
        << QByteArray(R"({"model":"m","max_tokens":4096,"messages":[{"role":"assistant","content":[
                {"type":"text","text":"Checking."},{"type":"tool_use","id":"call_1","name":"now","input":{}}]}]})");
    QTest::newRow("consecutive user messages merge")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"one"},{"role":"user","content":[
              {"type":"text","text":"two"}]},{"role":"assistant","content":"ok"},{"role":"assistant","content":"more"}]})")
        << QByteArray(R"({"model":"m","max_tokens":4096,"messages":[{"role":"user","content":[
              {"type":"text","text":"one"},{"type":"text","text":"two"}]},{"role":"assistant","content":[
              {"type":"text","text":"ok"},{"type":"text","text":"more"}]}]})");
    QTest::newRow("stop string, sampling, stream, user; unmapped fields dropped")
        << QByteArray(R"({"model":"m","messages":[],"stop":"END","temperature":0.5,"top_p":0.8,"stream":true,
              "stream_options":{"include_usage":true},"user":"u-42","n":1,"seed":7,"frequency_penalty":0.1,
              "presence_penalty":0.2,"logit_bias":{"50256":-100},"response_format":{"type":"json_object"}})")
        << QByteArray(R"({"model":"m","messages":[],"max_tokens":4096,"stop_sequences":["END"],"temperature":0.5,
              "top_p":0.8,"stream":true,"metadata":{"user_id":"u-42"}})");
    QTest::newRow("stop array; temperature above Anthropic's range is clamped")
        << QByteArray(R"({"model":"m","messages":[],"stop":["a","b"],"temperature":1.7})")
        << QByteArray(R"({"model":"m","messages":[],"max_tokens":4096,"stop_sequences":["a","b"],"temperature":1})");
}

void TestTranslate::openAiRequestToAnthropic()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QString error;
    const auto got = Translate::openAiRequestToAnthropic(parse(input), &error);
    QVERIFY2(got, qPrintable(error));
    QCOMPARE(canonical(*got), canonical(parse(expected)));
}

void TestTranslate::invalidRequests_data()
{
    QTest::addColumn<bool>("fromAnthropic");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("anthropic: messages missing") << true << QByteArray(R"({"model":"m"})")
                                                  << QStringLiteral("messages must be an array");
    QTest::newRow("anthropic: content is a number")
        << true << QByteArray(R"({"messages":[{"role":"user","content":42}]})")
        << QStringLiteral("messages[0].content must be a string or an array");
    QTest::newRow("anthropic: tool_result without tool_use_id")
        << true << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"tool_result","content":"x"}]}]})")
        << QStringLiteral("messages[0].content[0]: tool_result without tool_use_id");
    QTest::newRow("anthropic: system role in messages")
        << true << QByteArray(R"({"messages":[{"role":"system","content":"x"}]})")
        << QStringLiteral("role must be 'user' or 'assistant'");
    QTest::newRow("anthropic: system is a number") << true << QByteArray(R"({"system":1,"messages":[]})")
                                                    << QStringLiteral("system must be a string");
    QTest::newRow("anthropic: document block")
        << true << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"document","source":{}}]}]})")
        << QStringLiteral("content block type 'document'");
    QTest::newRow("anthropic: image from the files API")
        << true
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"image","source":{"type":"file","file_id":"f"}}]}]})")
        << QStringLiteral("image source type 'file'");
    QTest::newRow("anthropic: tool_use without id")
        << true << QByteArray(R"({"messages":[{"role":"assistant","content":[{"type":"tool_use","name":"f","input":{}}]}]})")
        << QStringLiteral("tool_use needs an id");
    QTest::newRow("anthropic: server tool")
        << true << QByteArray(R"({"messages":[],"tools":[{"type":"web_search_20250305","name":"web_search"}]})")
        << QStringLiteral("server tool 'web_search_20250305'");

    QTest::newRow("openai: tool message without tool_call_id")
        << false << QByteArray(R"({"messages":[{"role":"tool","content":"18C"}]})")
        << QStringLiteral("messages[0]: a tool message needs a tool_call_id");
    QTest::newRow("openai: user content is an object")
        << false << QByteArray(R"({"messages":[{"role":"user","content":{"text":"x"}}]})")
        << QStringLiteral("messages[0].content must be a string or an array");
    QTest::newRow("openai: image URL scheme")
        << false
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"ftp://x/y.png"}}]}]})")
        << QStringLiteral("image_url must be an http(s) URL");
    QTest::newRow("openai: data URL without base64")
        << false
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/svg+xml,<svg/>"}}]}]})")
        << QStringLiteral("only base64 data URLs");
    QTest::newRow("openai: audio input")
        << false << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{}}]}]})")
        << QStringLiteral("content part type 'input_audio'");
    QTest::newRow("openai: several choices") << false << QByteArray(R"({"messages":[],"n":2})")
                                              << QStringLiteral("n must be 1");
    QTest::newRow("openai: legacy functions")
        << false << QByteArray(R"({"messages":[],"functions":[{"name":"f"}]})") << QStringLiteral("functions");
    QTest::newRow("openai: function role") << false
                                           << QByteArray(R"({"messages":[{"role":"function","name":"f","content":"x"}]})")
                                           << QStringLiteral("role 'function'");
    QTest::newRow("openai: arguments not JSON")
        << false
        << QByteArray(R"({"messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function",
              "function":{"name":"f","arguments":"{oops"}}]}]})")
        << QStringLiteral("messages[0].tool_calls[0].function.arguments is not a JSON object");
    QTest::newRow("openai: unknown tool_choice")
        << false << QByteArray(R"({"messages":[],"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"sometimes"})")
        << QStringLiteral("tool_choice 'sometimes'");
    QTest::newRow("openai: non-function tool")
        << false << QByteArray(R"({"messages":[],"tools":[{"type":"custom","custom":{"name":"f"}}]})")
        << QStringLiteral("tools[0] must be a function tool");
}

void TestTranslate::invalidRequests()
{
    QFETCH(bool, fromAnthropic);
    QFETCH(QByteArray, input);
    QFETCH(QString, expectedError);
    QString error;
    const auto got = fromAnthropic ? Translate::anthropicRequestToOpenAi(parse(input), &error)
                                   : Translate::openAiRequestToAnthropic(parse(input), &error);
    QVERIFY2(!got, got ? canonical(*got).constData() : "");
    QVERIFY2(error.contains(expectedError), qPrintable(error));
}

void TestTranslate::requestRoundTrip_data()
{
    QTest::addColumn<QByteArray>("anthropic");
    QTest::newRow("chat") << QByteArray(R"({"model":"m","max_tokens":300,"system":"S","temperature":0.2,
        "stop_sequences":["X"],"stream":true,"metadata":{"user_id":"u"},"messages":[{"role":"user","content":"a"},
        {"role":"assistant","content":"b"},{"role":"user","content":[{"type":"text","text":"c"},
        {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQ"}}]}]})");
    QTest::newRow("tools") << QByteArray(R"({"model":"m","max_tokens":300,"tools":[{"name":"f","description":"d",
        "input_schema":{"type":"object","properties":{"x":{"type":"integer"}}}}],
        "tool_choice":{"type":"any","disable_parallel_tool_use":true},"messages":[{"role":"user","content":"go"},
        {"role":"assistant","content":[{"type":"text","text":"ok"},{"type":"tool_use","id":"toolu_1","name":"f",
        "input":{"x":1}},{"type":"tool_use","id":"toolu_2","name":"f","input":{"x":2}}]},
        {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"one"},
        {"type":"tool_result","tool_use_id":"toolu_2","content":"two"},{"type":"text","text":"and?"}]}]})");
}

void TestTranslate::requestRoundTrip()
{
    QFETCH(QByteArray, anthropic);
    QString error;
    const auto openAi = Translate::anthropicRequestToOpenAi(parse(anthropic), &error);
    QVERIFY2(openAi, qPrintable(error));
    const auto back = Translate::openAiRequestToAnthropic(*openAi, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(canonical(*back), canonical(parse(anthropic)));
}

// ---- Responses ----------------------------------------------------------------------------------------

void TestTranslate::anthropicResponseToOpenAi_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("text, usage with cache reads and writes")
        << QByteArray(R"({"id":"msg_1","type":"message","role":"assistant","model":"claude-x","content":[
              {"type":"text","text":"Hello "},{"type":"text","text":"there."}],"stop_reason":"end_turn",
              "stop_sequence":null,"usage":{"input_tokens":10,"cache_read_input_tokens":100,
              "cache_creation_input_tokens":20,"output_tokens":5}})")
        << QByteArray(R"({"id":"msg_1","object":"chat.completion","model":"claude-x","choices":[{"index":0,
              "message":{"role":"assistant","content":"Hello there."},"finish_reason":"stop"}],
              "usage":{"prompt_tokens":130,"completion_tokens":5,"total_tokens":135,
              "prompt_tokens_details":{"cached_tokens":100}}})");
    QTest::newRow("thinking dropped, text and parallel tool calls")
        << QByteArray(R"({"id":"msg_2","type":"message","role":"assistant","model":"claude-x","content":[
              {"type":"thinking","thinking":"hmm","signature":"s"},{"type":"text","text":"Checking."},
              {"type":"tool_use","id":"toolu_a","name":"get_weather","input":{"city":"Paris"}},
              {"type":"tool_use","id":"toolu_b","name":"get_weather","input":{"city":"Rome"}}],
              "stop_reason":"tool_use","usage":{"input_tokens":50,"output_tokens":30}})")
        << QByteArray(R"({"id":"msg_2","object":"chat.completion","model":"claude-x","choices":[{"index":0,
              "message":{"role":"assistant","content":"Checking.","tool_calls":[
                {"id":"toolu_a","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                {"id":"toolu_b","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\"}"}}]},
              "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":50,"completion_tokens":30,"total_tokens":80,
              "prompt_tokens_details":{"cached_tokens":0}}})");
    QTest::newRow("tool call alone: content null")
        << QByteArray(R"({"id":"msg_3","model":"c","content":[{"type":"tool_use","id":"toolu_c","name":"now",
              "input":{}}],"stop_reason":"tool_use"})")
        << QByteArray(R"({"id":"msg_3","object":"chat.completion","model":"c","choices":[{"index":0,
              "message":{"role":"assistant","content":null,"tool_calls":[{"id":"toolu_c","type":"function",
              "function":{"name":"now","arguments":"{}"}}]},"finish_reason":"tool_calls"}]})");
}

void TestTranslate::anthropicResponseToOpenAi()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QJsonObject got = Translate::anthropicResponseToOpenAi(parse(input));
    QVERIFY(got.value(QLatin1String("created")).toInteger() > 1'600'000'000);
    got.remove(QLatin1String("created"));
    QCOMPARE(canonical(got), canonical(parse(expected)));
}

void TestTranslate::openAiResponseToAnthropic_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("text, cached tokens taken out of input_tokens")
        << QByteArray(R"({"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-x",
              "choices":[{"index":0,"message":{"role":"assistant","content":"Hello.","refusal":null},
              "finish_reason":"stop","logprobs":null}],"usage":{"prompt_tokens":130,"completion_tokens":5,
              "total_tokens":135,"prompt_tokens_details":{"cached_tokens":100}}})")
        << QByteArray(R"({"id":"msg_chatcmpl-1","type":"message","role":"assistant","model":"gpt-x","content":[
              {"type":"text","text":"Hello."}],"stop_reason":"end_turn","stop_sequence":null,"usage":{
              "input_tokens":30,"output_tokens":5,"cache_read_input_tokens":100,"cache_creation_input_tokens":0}})");
    QTest::newRow("parallel tool calls, ids prefixed only when needed")
        << QByteArray(R"({"id":"msg_kept","model":"gpt-x","choices":[{"index":0,"message":{"role":"assistant",
              "content":null,"tool_calls":[
                {"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                {"id":"toolu_b","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\"}"}}]},
              "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":40,"completion_tokens":20,"total_tokens":60}})")
        << QByteArray(R"({"id":"msg_kept","type":"message","role":"assistant","model":"gpt-x","content":[
              {"type":"tool_use","id":"toolu_call_a","name":"get_weather","input":{"city":"Paris"}},
              {"type":"tool_use","id":"toolu_b","name":"get_weather","input":{"city":"Rome"}}],
              "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":40,"output_tokens":20,
              "cache_read_input_tokens":0,"cache_creation_input_tokens":0}})");
    QTest::newRow("refusal becomes text")
        << QByteArray(R"({"id":"c","model":"g","choices":[{"index":0,"message":{"role":"assistant","content":null,
              "refusal":"I can't help with that."},"finish_reason":"stop"}]})")
        << QByteArray(R"({"id":"msg_c","type":"message","role":"assistant","model":"g","content":[
              {"type":"text","text":"I can't help with that."}],"stop_reason":"end_turn","stop_sequence":null,
              "usage":{"input_tokens":0,"output_tokens":0,"cache_read_input_tokens":0,"cache_creation_input_tokens":0}})");
    QTest::newRow("error body")
        << QByteArray(R"({"error":{"message":"Rate limit reached","type":"rate_limit_error","code":"rate_limit_exceeded"}})")
        << QByteArray(R"({"type":"error","error":{"type":"rate_limit_error","message":"Rate limit reached"}})");
    QTest::newRow("error of an unknown type")
        << QByteArray(R"({"error":{"message":"boom","type":"server_error"}})")
        << QByteArray(R"({"type":"error","error":{"type":"api_error","message":"boom"}})");
}

void TestTranslate::openAiResponseToAnthropic()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(canonical(Translate::openAiResponseToAnthropic(parse(input))), canonical(parse(expected)));
}

void TestTranslate::stopReasonToFinishReason_data()
{
    QTest::addColumn<QString>("stopReason");
    QTest::addColumn<QString>("finishReason");
    QTest::newRow("end_turn") << QStringLiteral("end_turn") << QStringLiteral("stop");
    QTest::newRow("max_tokens") << QStringLiteral("max_tokens") << QStringLiteral("length");
    QTest::newRow("stop_sequence") << QStringLiteral("stop_sequence") << QStringLiteral("stop");
    QTest::newRow("tool_use") << QStringLiteral("tool_use") << QStringLiteral("tool_calls");
    QTest::newRow("refusal") << QStringLiteral("refusal") << QStringLiteral("content_filter");
    QTest::newRow("pause_turn") << QStringLiteral("pause_turn") << QStringLiteral("stop");
}

void TestTranslate::stopReasonToFinishReason()
{
    QFETCH(QString, stopReason);
    QFETCH(QString, finishReason);
    const QJsonObject response{{QStringLiteral("id"), QStringLiteral("msg_1")},
                               {QStringLiteral("content"), QJsonArray()},
                               {QStringLiteral("stop_reason"), stopReason}};
    const QJsonObject choice =
        Translate::anthropicResponseToOpenAi(response).value(QLatin1String("choices")).toArray().at(0).toObject();
    QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(), finishReason);

    // The stream path has its own copy of the table: it must agree.
    AnthropicChunkSource source(QStringLiteral("m"));
    const QByteArray data = R"({"type":"message_delta","delta":{"stop_reason":")" + stopReason.toUtf8()
        + R"("},"usage":{"output_tokens":1}})";
    const auto chunks = source.onEvent({"message_delta", data});
    QCOMPARE(chunks.size(), 1);
    QCOMPARE(chunks.at(0).value(QLatin1String("choices")).toArray().at(0).toObject()
                 .value(QLatin1String("finish_reason")).toString(),
             finishReason);
}

void TestTranslate::finishReasonToStopReason_data()
{
    QTest::addColumn<QString>("finishReason");
    QTest::addColumn<bool>("withToolCall");
    QTest::addColumn<QString>("stopReason");
    QTest::newRow("stop") << QStringLiteral("stop") << false << QStringLiteral("end_turn");
    QTest::newRow("length") << QStringLiteral("length") << false << QStringLiteral("max_tokens");
    QTest::newRow("tool_calls") << QStringLiteral("tool_calls") << true << QStringLiteral("tool_use");
    QTest::newRow("function_call") << QStringLiteral("function_call") << false << QStringLiteral("tool_use");
    QTest::newRow("content_filter") << QStringLiteral("content_filter") << false << QStringLiteral("end_turn");
    QTest::newRow("stop after a tool call") << QStringLiteral("stop") << true << QStringLiteral("tool_use");
}

void TestTranslate::finishReasonToStopReason()
{
    QFETCH(QString, finishReason);
    QFETCH(bool, withToolCall);
    QFETCH(QString, stopReason);
    QJsonObject message = parse(R"({"role":"assistant","content":"x"})");
    const QJsonObject toolCall =
        parse(R"({"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}})");
    if (withToolCall)
        message.insert(QStringLiteral("tool_calls"), QJsonArray{toolCall});
    const QJsonObject response{
        {QStringLiteral("id"), QStringLiteral("c")},
        {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                           {QStringLiteral("message"), message},
                                                           {QStringLiteral("finish_reason"), finishReason}}}}};
    QCOMPARE(Translate::openAiResponseToAnthropic(response).value(QLatin1String("stop_reason")).toString(),
             stopReason);

    // And the stream sink, which learns of tool calls from earlier chunks.
    AnthropicChunkSink sink(QStringLiteral("m"));
    QByteArray bytes;
    if (withToolCall) {
        const QJsonObject delta{{QStringLiteral("tool_calls"), QJsonArray{toolCall}}};
        const QJsonObject choice{{QStringLiteral("index"), 0}, {QStringLiteral("delta"), delta}};
        bytes += sink.onChunk({{QStringLiteral("choices"), QJsonArray{choice}}});
    }
    bytes += sink.onChunk({{QStringLiteral("choices"),
                            QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                   {QStringLiteral("delta"), QJsonObject()},
                                                   {QStringLiteral("finish_reason"), finishReason}}}}});
    bytes += sink.onEnd();
    const Assembled a = assemble(parseSse(bytes));
    QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
    QCOMPARE(a.stopReason, stopReason);
}

void TestTranslate::estimateInputTokens_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("empty request counts one") << QByteArray("{}") << qint64(1);
    QTest::newRow("system and text: 4+8 chars") << QByteArray(R"({"system":"abcd","messages":[{"role":"user","content":"abcdefgh"}]})")
                                                << qint64(3);
    QTest::newRow("rounds up: 13 chars") << QByteArray(R"({"system":[{"type":"text","text":"abcde"}],
        "messages":[{"role":"user","content":[{"type":"text","text":"abcdefgh"}]}]})") << qint64(4);
    // {"name":"f"} is 12 characters.
    QTest::newRow("tool definitions") << QByteArray(R"({"tools":[{"name":"f"}],"messages":[{"role":"user","content":"abcd"}]})")
                                      << qint64(4);
    // tool_use: name "f" (1) + {"a":1} (7); tool_result: "xyzw" (4) → 12.
    QTest::newRow("tool inputs and results") << QByteArray(R"({"messages":[{"role":"assistant","content":[
        {"type":"tool_use","id":"t","name":"f","input":{"a":1}}]},{"role":"user","content":[
        {"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"xyzw"}]}]}]})") << qint64(3);
    QTest::newRow("images count nothing") << QByteArray(R"({"messages":[{"role":"user","content":[
        {"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAAAAAAAAAAAAAAAAAAAAAA"}}]}]})")
                                          << qint64(1);
}

void TestTranslate::estimateInputTokens()
{
    QFETCH(QByteArray, request);
    QFETCH(qint64, expected);
    QCOMPARE(Translate::estimateInputTokens(parse(request)), expected);
}

// ---- Streams ------------------------------------------------------------------------------------------

void TestTranslate::sourceTranslatesRecordedStream()
{
    AnthropicChunkSource source(QStringLiteral("claude-sonnet-4-5"));
    SseParser parser;
    QList<QJsonObject> chunks;
    // Fed in uneven slices, as the network delivers it.
    for (qsizetype at = 0; at < recordedAnthropicStream.size(); at += 97) {
        for (const SseParser::Event &e : parser.feed(recordedAnthropicStream.mid(at, 97))) {
            QVERIFY(!source.complete());
            chunks += source.onEvent(e);
        }
    }
    QVERIFY(source.complete());
    QVERIFY(source.onEnd().isEmpty());

    QJsonArray stripped;
    for (const QJsonObject &c : std::as_const(chunks)) {
        QCOMPARE(c.value(QLatin1String("id")).toString(), QStringLiteral("msg_01XFDUDYJgAACzvnptvVoYEL"));
        QCOMPARE(c.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion.chunk"));
        QCOMPARE(c.value(QLatin1String("model")).toString(), QStringLiteral("claude-sonnet-4-5"));
        QVERIFY(c.value(QLatin1String("created")).toInteger() > 1'600'000'000);
        stripped.append(stripChunk(c));
    }
    const auto delta = [](const char *d, const char *finish = "null") -> QByteArray {
        return QByteArray(R"({"choices":[{"index":0,"delta":)") + d + R"(,"finish_reason":)" + finish + "}]}";
    };
    QByteArray expected = "[" + delta(R"({"role":"assistant","content":""})") + ","
        + delta(R"({"content":"Okay, let me"})") + "," + delta(R"({"content":" check both."})") + ","
        + delta(R"({"tool_calls":[{"index":0,"id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","type":"function",
                   "function":{"name":"get_weather","arguments":""}}]})") + ","
        + delta(R"({"tool_calls":[{"index":0,"function":{"arguments":"{\"location\": \"San Fra"}}]})") + ","
        + delta(R"({"tool_calls":[{"index":0,"function":{"arguments":"ncisco, CA\", \"unit\": \"fahrenheit\"}"}}]})") + ","
        + delta(R"({"tool_calls":[{"index":1,"id":"toolu_01B2Vd3dT9zQ7xW1mJpL8kRe","type":"function",
                   "function":{"name":"get_time","arguments":""}}]})") + ","
        + delta(R"({"tool_calls":[{"index":1,"function":{"arguments":"{\"timezone\":"}}]})") + ","
        + delta(R"({"tool_calls":[{"index":1,"function":{"arguments":" \"America/Los_Angeles\"}"}}]})") + ",";
    // 472 uncached + 128 read from the cache: OpenAI's prompt_tokens holds both.
    QByteArray last = delta("{}", R"("tool_calls")");
    last.chop(1);
    expected += last + R"(,"usage":{"prompt_tokens":600,"completion_tokens":89,"total_tokens":689,
                 "prompt_tokens_details":{"cached_tokens":128}}}])";
    QCOMPARE(canonical(stripped), canonical(parseArray(expected)));
}

void TestTranslate::sourceSingleEvents_data()
{
    QTest::addColumn<QByteArray>("eventName");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expected"); // array of chunks without id/object/created/model

    QTest::newRow("ping") << QByteArray("ping") << QByteArray(R"({"type":"ping"})") << QByteArray("[]");
    QTest::newRow("error event becomes an error object")
        << QByteArray("error") << QByteArray(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})")
        << QByteArray(R"([{"error":{"type":"overloaded_error","message":"Overloaded"}}])");
    QTest::newRow("thinking start dropped") << QByteArray("content_block_start")
                                            << QByteArray(R"({"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}})")
                                            << QByteArray("[]");
    QTest::newRow("text start with text")
        << QByteArray("content_block_start")
        << QByteArray(R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":"Hi"}})")
        << QByteArray(R"([{"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}])");
    QTest::newRow("event name missing: data.type decides")
        << QByteArray() << QByteArray(R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x"}})")
        << QByteArray(R"([{"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":null}]}])");
    QTest::newRow("max_tokens with usage in message_delta")
        << QByteArray("message_delta")
        << QByteArray(R"({"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"input_tokens":7,
              "cache_read_input_tokens":3,"cache_creation_input_tokens":0,"output_tokens":12}})")
        << QByteArray(R"([{"choices":[{"index":0,"delta":{},"finish_reason":"length"}],"usage":{"prompt_tokens":10,
              "completion_tokens":12,"total_tokens":22,"prompt_tokens_details":{"cached_tokens":3}}}])");
}

void TestTranslate::sourceSingleEvents()
{
    QFETCH(QByteArray, eventName);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expected);
    AnthropicChunkSource source(QStringLiteral("m"));
    QJsonArray got;
    for (const QJsonObject &c : source.onEvent({eventName, data}))
        got.append(stripChunk(c));
    QCOMPARE(canonical(got), canonical(parseArray(expected)));
    QVERIFY(!source.complete());
}

void TestTranslate::sinkProducesAnthropicStream()
{
    const QList<QByteArray> chunks = {
        R"({"id":"chatcmpl-9","object":"chat.completion.chunk","created":1,"model":"gpt-x","choices":[{"index":0,
            "delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null})",
        R"({"id":"chatcmpl-9","choices":[{"index":0,"delta":{"content":"Checking "},"finish_reason":null}],"usage":null})",
        R"({"id":"chatcmpl-9","choices":[{"index":0,"delta":{"content":"both."},"finish_reason":null}],"usage":null})",
        R"({"id":"chatcmpl-9","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function",
            "function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]})",
        R"({"id":"chatcmpl-9","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"loc"}}]},
            "finish_reason":null}]})",
        R"({"id":"chatcmpl-9","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ation\": \"Par"}}]},
            "finish_reason":null}]})",
        R"({"id":"chatcmpl-9","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"is\"}"}}]},
            "finish_reason":null}]})",
        R"({"id":"chatcmpl-9","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_2","type":"function",
            "function":{"name":"get_time","arguments":"{\"tz\":"}}]},"finish_reason":null}]})",
        R"({"id":"chatcmpl-9","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":" \"CET\"}"}}]},
            "finish_reason":null}]})",
        R"({"id":"chatcmpl-9","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":null})",
        R"({"id":"chatcmpl-9","choices":[],"usage":{"prompt_tokens":120,"completion_tokens":40,"total_tokens":160,
            "prompt_tokens_details":{"cached_tokens":20}}})",
    };
    AnthropicChunkSink sink(QStringLiteral("claude-alias"));
    QByteArray bytes;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const QByteArray out = sink.onChunk(parse(chunks.at(i)));
        // The finish chunk must not end the message: output_tokens only arrive with the next one.
        if (i == chunks.size() - 2)
            QVERIFY2(!out.contains("message_delta"), out.constData());
        bytes += out;
    }
    bytes += sink.onEnd();
    QVERIFY(bytes.endsWith("\n\n"));

    const QList<SseParser::Event> events = parseSse(bytes);
    const Assembled a = assemble(events);
    QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
    const QStringList expectedEvents = {
        QStringLiteral("message_start"),       QStringLiteral("ping"),
        QStringLiteral("content_block_start"), QStringLiteral("content_block_delta"),
        QStringLiteral("content_block_delta"), QStringLiteral("content_block_stop"),
        QStringLiteral("content_block_start"), QStringLiteral("content_block_delta"),
        QStringLiteral("content_block_delta"), QStringLiteral("content_block_delta"),
        QStringLiteral("content_block_stop"),  QStringLiteral("content_block_start"),
        QStringLiteral("content_block_delta"), QStringLiteral("content_block_delta"),
        QStringLiteral("content_block_stop"),  QStringLiteral("message_delta"),
        QStringLiteral("message_stop")};
    QCOMPARE(a.events, expectedEvents);
    QCOMPARE(canonical(a.blocks), canonical(parseArray(R"([{"type":"text","text":"Checking both."},
        {"type":"tool_use","id":"toolu_call_1","name":"get_weather","input":{"location":"Paris"}},
        {"type":"tool_use","id":"toolu_call_2","name":"get_time","input":{"tz":"CET"}}])")));
    QCOMPARE(a.stopReason, QStringLiteral("tool_use"));
    QCOMPARE(a.outputTokens, qint64(40));
    QCOMPARE(a.deltaUsage.value(QLatin1String("input_tokens")).toInteger(), qint64(100));
    QCOMPARE(a.deltaUsage.value(QLatin1String("cache_read_input_tokens")).toInteger(), qint64(20));

    const QJsonObject start = QJsonDocument::fromJson(events.first().data).object();
    QCOMPARE(canonical(start), canonical(parse(R"({"type":"message_start","message":{"id":"msg_chatcmpl-9",
        "type":"message","role":"assistant","model":"claude-alias","content":[],"stop_reason":null,
        "stop_sequence":null,"usage":{"input_tokens":0,"output_tokens":0}}})")));
    QCOMPARE(events.at(2).data, QByteArray(R"({"content_block":{"text":"","type":"text"},"index":0,"type":"content_block_start"})"));
    QCOMPARE(events.at(6).data, QByteArray(R"({"content_block":{"id":"toolu_call_1","input":{},"name":"get_weather","type":"tool_use"},"index":1,"type":"content_block_start"})"));
    QCOMPARE(bytes.count("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"), 1);
    QVERIFY(sink.onEnd().isEmpty());
}

void TestTranslate::sinkEdgeCases_data()
{
    QTest::addColumn<QByteArray>("chunks"); // JSON array of OpenAI chunks, then onEnd()
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QByteArray>("blocks"); // what a client reassembles
    QTest::addColumn<QString>("stopReason");

    const QString start = QStringLiteral("message_start"), ping = QStringLiteral("ping"),
                  cbStart = QStringLiteral("content_block_start"), cbDelta = QStringLiteral("content_block_delta"),
                  cbStop = QStringLiteral("content_block_stop"), mDelta = QStringLiteral("message_delta"),
                  mStop = QStringLiteral("message_stop"), error = QStringLiteral("error");

    QTest::newRow("nothing received: still a valid stream")
        << QByteArray("[]") << QStringList{start, ping, mDelta, mStop} << QByteArray("[]") << QStringLiteral("end_turn");
    QTest::newRow("no usage: message_delta at onEnd")
        << QByteArray(R"([{"id":"x","choices":[{"index":0,"delta":{"content":"Hi"}}]},
                         {"id":"x","choices":[{"index":0,"delta":{},"finish_reason":"length"}]}])")
        << QStringList{start, ping, cbStart, cbDelta, cbStop, mDelta, mStop}
        << QByteArray(R"([{"type":"text","text":"Hi"}])") << QStringLiteral("max_tokens");
    QTest::newRow("usage on the finish chunk ends at once, later chunks ignored")
        << QByteArray(R"([{"id":"x","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":"stop"}],
                          "usage":{"prompt_tokens":3,"completion_tokens":1}},
                         {"id":"x","choices":[{"index":0,"delta":{"content":"late"}}]}])")
        << QStringList{start, ping, cbStart, cbDelta, cbStop, mDelta, mStop}
        << QByteArray(R"([{"type":"text","text":"Hi"}])") << QStringLiteral("end_turn");
    QTest::newRow("parallel tool calls whole in one chunk")
        << QByteArray(R"([{"id":"x","choices":[{"index":0,"delta":{"tool_calls":[
                            {"index":0,"id":"call_a","type":"function","function":{"name":"f","arguments":"{\"n\":1}"}},
                            {"index":1,"id":"call_b","type":"function","function":{"name":"f","arguments":"{\"n\":2}"}}]}}]},
                         {"id":"x","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}])")
        << QStringList{start, ping, cbStart, cbDelta, cbStop, cbStart, cbDelta, cbStop, mDelta, mStop}
        << QByteArray(R"([{"type":"tool_use","id":"toolu_call_a","name":"f","input":{"n":1}},
                          {"type":"tool_use","id":"toolu_call_b","name":"f","input":{"n":2}}])")
        << QStringLiteral("tool_use");
    QTest::newRow("every tool call at index 0, told apart by id")
        << QByteArray(R"([{"id":"x","choices":[{"index":0,"delta":{"tool_calls":[
                            {"index":0,"id":"call_a","function":{"name":"f","arguments":"{\"n\":"}}]}}]},
                         {"id":"x","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"1}"}}]}}]},
                         {"id":"x","choices":[{"index":0,"delta":{"tool_calls":[
                            {"index":0,"id":"call_b","function":{"name":"g","arguments":"{}"}}]}}]},
                         {"id":"x","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}])")
        << QStringList{start, ping, cbStart, cbDelta, cbDelta, cbStop, cbStart, cbDelta, cbStop, mDelta, mStop}
        << QByteArray(R"([{"type":"tool_use","id":"toolu_call_a","name":"f","input":{"n":1}},
                          {"type":"tool_use","id":"toolu_call_b","name":"g","input":{}}])")
        << QStringLiteral("tool_use");
    QTest::newRow("text after a tool call opens a new block")
        << QByteArray(R"([{"id":"x","choices":[{"index":0,"delta":{"tool_calls":[
                            {"index":0,"id":"call_a","function":{"name":"f","arguments":"{}"}}]}}]},
                         {"id":"x","choices":[{"index":0,"delta":{"content":"done"}}]}])")
        << QStringList{start, ping, cbStart, cbDelta, cbStop, cbStart, cbDelta, cbStop, mDelta, mStop}
        << QByteArray(R"([{"type":"tool_use","id":"toolu_call_a","name":"f","input":{}},{"type":"text","text":"done"}])")
        << QStringLiteral("tool_use");
    QTest::newRow("error mid-stream ends it without message_stop")
        << QByteArray(R"([{"id":"x","choices":[{"index":0,"delta":{"content":"Hi"}}]},
                         {"error":{"message":"upstream went away","type":"server_error"}},
                         {"id":"x","choices":[{"index":0,"delta":{"content":"late"}}]}])")
        << QStringList{start, ping, cbStart, cbDelta, error} << QByteArray(R"([{"type":"text","text":"Hi"}])")
        << QString();
}

void TestTranslate::sinkEdgeCases()
{
    QFETCH(QByteArray, chunks);
    QFETCH(QStringList, events);
    QFETCH(QByteArray, blocks);
    QFETCH(QString, stopReason);
    AnthropicChunkSink sink(QStringLiteral("m"));
    QByteArray bytes;
    for (const QJsonValue &c : parseArray(chunks))
        bytes += sink.onChunk(c.toObject());
    bytes += sink.onEnd();
    const QList<SseParser::Event> parsed = parseSse(bytes);
    const Assembled a = assemble(parsed);
    QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
    QCOMPARE(a.events, events);
    QCOMPARE(canonical(a.blocks), canonical(parseArray(blocks)));
    QCOMPARE(a.stopReason, stopReason);
    QVERIFY(a.messageId.startsWith(QLatin1String("msg_")));
    if (events.last() == QLatin1String("error")) {
        QCOMPARE(canonical(QJsonDocument::fromJson(parsed.last().data).object()),
                 canonical(parse(R"({"type":"error","error":{"type":"api_error","message":"upstream went away"}})")));
    }
}

void TestTranslate::streamRoundTrip()
{
    // Anthropic stream → OpenAI chunks → Anthropic stream: a client must rebuild the same answer.
    const QList<SseParser::Event> original = parseSse(recordedAnthropicStream);
    const Assembled expected = assemble(original);
    QVERIFY2(expected.error.isEmpty(), qPrintable(expected.error));

    AnthropicChunkSource source(QStringLiteral("claude-sonnet-4-5"));
    AnthropicChunkSink sink(QStringLiteral("claude-sonnet-4-5"));
    QByteArray bytes;
    for (const SseParser::Event &e : original) {
        for (const QJsonObject &chunk : source.onEvent(e))
            bytes += sink.onChunk(chunk);
    }
    for (const QJsonObject &chunk : source.onEnd())
        bytes += sink.onChunk(chunk);
    bytes += sink.onEnd();
    const Assembled got = assemble(parseSse(bytes));
    QVERIFY2(got.error.isEmpty(), qPrintable(got.error));

    // Thinking is dropped on the way through OpenAI; everything else must survive.
    QJsonArray withoutThinking;
    for (const QJsonValue &b : expected.blocks) {
        if (b.toObject().value(QLatin1String("type")) != QLatin1String("thinking"))
            withoutThinking.append(b);
    }
    QCOMPARE(withoutThinking.size(), 3);
    QCOMPARE(canonical(got.blocks), canonical(withoutThinking));
    QCOMPARE(got.messageId, expected.messageId);
    QCOMPARE(got.stopReason, expected.stopReason);
    QCOMPARE(got.outputTokens, expected.outputTokens);
    QCOMPARE(got.deltaUsage.value(QLatin1String("input_tokens")).toInteger(), qint64(472));
    QCOMPARE(got.deltaUsage.value(QLatin1String("cache_read_input_tokens")).toInteger(), qint64(128));
    QCOMPARE(got.events.count(QStringLiteral("message_stop")), 1);
}

QTEST_GUILESS_MAIN(TestTranslate)
#include "tst_translate_anthropic.moc"
