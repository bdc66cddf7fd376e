#include "server/sseparser.h"
#include "translate/streamtranslate.h"
#include "translate/translate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// Table-driven tests of OpenAI → Gemini requests, Gemini → OpenAI answers and streams, and a whole answer
// replayed as a stream.

namespace {

// moc loses track of a raw string holding \" (and then finds no test class), so quotes inside JSON strings
// are written \u0022 in the literals below.
QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON literal in test: %s", qPrintable(error.errorString()));
    return doc.object();
}

// Only the keys the expected object names are compared, so ids and timestamps need not be predicted.
bool containsAll(const QJsonValue &actual, const QJsonValue &expected, QString *where)
{
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!actual.toObject().contains(it.key())) {
                *where = QStringLiteral("missing key ") + it.key();
                return false;
            }
            if (!containsAll(actual.toObject().value(it.key()), it.value(), where)) {
                *where = it.key() + QLatin1Char('.') + *where;
                return false;
            }
        }
        return true;
    }
    if (expected.isArray()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        if (a.size() != e.size()) {
            *where = QStringLiteral("array of %1 instead of %2").arg(a.size()).arg(e.size());
            return false;
        }
        for (qsizetype i = 0; i < e.size(); ++i) {
            if (!containsAll(a.at(i), e.at(i), where)) {
                *where = QStringLiteral("[%1].").arg(i) + *where;
                return false;
            }
        }
        return true;
    }
    if (actual != expected) {
        *where = QStringLiteral("got %1").arg(QString::fromUtf8(QJsonDocument(QJsonArray{actual}).toJson(QJsonDocument::Compact)));
        return false;
    }
    return true;
}

} // namespace

class TestTranslateGemini final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requests_data();
    void requests();
    void requestsRefused_data();
    void requestsRefused();
    void responses_data();
    void responses();
    void streamBecomesChunks();
    void wholeAnswerReplaysAsTheSameStream_data();
    void wholeAnswerReplaysAsTheSameStream();
};

void TestTranslateGemini::requests_data()
{
    QTest::addColumn<QJsonObject>("openai");
    QTest::addColumn<QJsonObject>("gemini");
    QTest::newRow("system, developer and turns") << json(R"({"model":"m","messages":[
            {"role":"system","content":"be brief"},{"role":"developer","content":[{"type":"text","text":"no emoji"}]},
            {"role":"user","content":"hi"},{"role":"assistant","content":"hello"},{"role":"user","content":"how?"}]})")
        << json(R"({"systemInstruction":{"parts":[{"text":"be brief"},{"text":"no emoji"}]},
            "contents":[{"role":"user","parts":[{"text":"hi"}]},{"role":"model","parts":[{"text":"hello"}]},
                        {"role":"user","parts":[{"text":"how?"}]}]})");
    QTest::newRow("consecutive user turns merge") << json(R"({"messages":[{"role":"user","content":"a"},{"role":"user","content":"b"}]})")
        << json(R"({"contents":[{"role":"user","parts":[{"text":"a"},{"text":"b"}]}]})");
    QTest::newRow("images: data URL and http URL") << json(R"({"messages":[{"role":"user","content":[
            {"type":"text","text":"what?"},
            {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
            {"type":"image_url","image_url":{"url":"https://example.com/cat.webp?x=1"}}]}]})")
        << json(R"({"contents":[{"role":"user","parts":[{"text":"what?"},
            {"inlineData":{"mimeType":"image/png","data":"iVBORw0KGgo="}},
            {"fileData":{"mimeType":"image/webp","fileUri":"https://example.com/cat.webp?x=1"}}]}]})");
    QTest::newRow("tools, schema keys Gemini rejects are stripped") << json(R"({"messages":[{"role":"user","content":"w"}],
            "tools":[{"type":"function","function":{"name":"get_weather","description":"now","strict":true,
              "parameters":{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","additionalProperties":false,
                "properties":{"city":{"type":"string"},"where":{"type":"object","additionalProperties":false,"properties":{}}}}}}]})")
        << json(R"({"tools":[{"functionDeclarations":[{"name":"get_weather","description":"now",
              "parameters":{"type":"object","properties":{"city":{"type":"string"},"where":{"type":"object","properties":{}}}}}]}]})");
    QTest::newRow("tool_choice auto") << json(R"({"messages":[{"role":"user","content":"w"}],"tool_choice":"auto"})")
                                      << json(R"({"toolConfig":{"functionCallingConfig":{"mode":"AUTO"}}})");
    QTest::newRow("tool_choice none") << json(R"({"messages":[{"role":"user","content":"w"}],"tool_choice":"none"})")
                                      << json(R"({"toolConfig":{"functionCallingConfig":{"mode":"NONE"}}})");
    QTest::newRow("tool_choice required") << json(R"({"messages":[{"role":"user","content":"w"}],"tool_choice":"required"})")
                                          << json(R"({"toolConfig":{"functionCallingConfig":{"mode":"ANY"}}})");
    QTest::newRow("tool_choice one function") << json(R"({"messages":[{"role":"user","content":"w"}],
            "tool_choice":{"type":"function","function":{"name":"get_weather"}}})")
        << json(R"({"toolConfig":{"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["get_weather"]}}})");
    QTest::newRow("parallel tool calls and their results") << json(R"({"messages":[{"role":"user","content":"w"},
            {"role":"assistant","content":null,"tool_calls":[
              {"id":"c1","type":"function","function":{"name":"get_weather","arguments":"{\u0022city\u0022:\u0022Paris\u0022}"}},
              {"id":"c2","type":"function","function":{"name":"get_time","arguments":""}}]},
            {"role":"tool","tool_call_id":"c1","content":"{\u0022sky\u0022:\u0022sunny\u0022}"},
            {"role":"tool","tool_call_id":"c2","content":"noon"}]})")
        << json(R"({"contents":[{"role":"user","parts":[{"text":"w"}]},
            {"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}}},
                                     {"functionCall":{"name":"get_time","args":{}}}]},
            {"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"sky":"sunny"}}},
                                    {"functionResponse":{"name":"get_time","response":{"content":"noon"}}}]}]})");
    QTest::newRow("generation settings") << json(R"({"messages":[{"role":"user","content":"w"}],"max_tokens":50,
            "temperature":0.2,"top_p":0.9,"n":2,"stop":"END","response_format":{"type":"json_object"}})")
        << json(R"({"generationConfig":{"maxOutputTokens":50,"temperature":0.2,"topP":0.9,"candidateCount":2,
            "stopSequences":["END"],"responseMimeType":"application/json"}})");
    QTest::newRow("max_completion_tokens wins, stop list, json schema") << json(R"({"messages":[{"role":"user","content":"w"}],
            "max_tokens":10,"max_completion_tokens":70,"stop":["a","b"],
            "response_format":{"type":"json_schema","json_schema":{"name":"x","strict":true,
              "schema":{"type":"object","additionalProperties":false,"properties":{"n":{"type":"integer"}}}}}})")
        << json(R"({"generationConfig":{"maxOutputTokens":70,"stopSequences":["a","b"],"responseMimeType":"application/json",
            "responseSchema":{"type":"object","properties":{"n":{"type":"integer"}}}}})");
}

void TestTranslateGemini::requests()
{
    QFETCH(QJsonObject, openai);
    QFETCH(QJsonObject, gemini);
    QString error;
    const auto out = Translate::openAiRequestToGemini(openai, &error);
    QVERIFY2(out, qPrintable(error));
    QString where;
    QVERIFY2(containsAll(*out, gemini, &where),
             qPrintable(where + QStringLiteral(" in ") + QString::fromUtf8(QJsonDocument(*out).toJson(QJsonDocument::Compact))));
    QVERIFY(!out->contains(QLatin1String("model"))); // Gemini takes the model in the URL
    QVERIFY(!out->contains(QLatin1String("stream")));
}

void TestTranslateGemini::requestsRefused_data()
{
    QTest::addColumn<QJsonObject>("openai");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("messages not an array") << json(R"({"messages":"hi"})") << QStringLiteral("messages");
    QTest::newRow("content of a wrong type") << json(R"({"messages":[{"role":"user","content":42}]})")
                                             << QStringLiteral("messages[0].content");
    QTest::newRow("unknown role") << json(R"({"messages":[{"role":"wizard","content":"x"}]})") << QStringLiteral("wizard");
    QTest::newRow("tool result for no call") << json(R"({"messages":[{"role":"tool","tool_call_id":"nope","content":"x"}]})")
                                             << QStringLiteral("nope");
    QTest::newRow("arguments not JSON")
        << json("{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                "\"function\":{\"name\":\"f\",\"arguments\":\"{city: Paris\"}}]}]}")
        << QStringLiteral("c1");
    QTest::newRow("image data URL not base64") << json(R"({"messages":[{"role":"user","content":[
            {"type":"image_url","image_url":{"url":"data:image/png,rawbytes"}}]}]})")
                                               << QStringLiteral("base64");
    QTest::newRow("unknown tool_choice") << json(R"({"messages":[{"role":"user","content":"x"}],"tool_choice":"sometimes"})")
                                         << QStringLiteral("sometimes");
}

void TestTranslateGemini::requestsRefused()
{
    QFETCH(QJsonObject, openai);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!Translate::openAiRequestToGemini(openai, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestTranslateGemini::responses_data()
{
    QTest::addColumn<QJsonObject>("gemini");
    QTest::addColumn<QJsonObject>("openai");
    QTest::newRow("text with usage and cache") << json(R"({"candidates":[{"content":{"role":"model","parts":[
            {"text":"Hel"},{"text":"lo"},{"text":"thinking...","thought":true}]},"finishReason":"STOP","index":0}],
            "usageMetadata":{"promptTokenCount":11,"candidatesTokenCount":7,"thoughtsTokenCount":3,
              "cachedContentTokenCount":4,"totalTokenCount":21},"responseId":"r1"})")
        << json(R"({"id":"chatcmpl-r1","object":"chat.completion","model":"gem","choices":[{"index":0,
            "message":{"role":"assistant","content":"Hello"},"finish_reason":"stop"}],
            "usage":{"prompt_tokens":11,"completion_tokens":10,"total_tokens":21,"prompt_tokens_details":{"cached_tokens":4}}})");
    QTest::newRow("function calls") << json(R"({"candidates":[{"content":{"role":"model","parts":[
            {"functionCall":{"name":"get_weather","args":{"city":"Paris"}}},{"functionCall":{"name":"get_time","args":{}}}]},
            "finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":1,"candidatesTokenCount":2}})")
        << json(R"({"choices":[{"message":{"role":"assistant","content":null,"tool_calls":[
            {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\u0022city\u0022:\u0022Paris\u0022}"}},
            {"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{}"}}]},"finish_reason":"tool_calls"}]})");
    QTest::newRow("max tokens") << json(R"({"candidates":[{"content":{"parts":[{"text":"cut"}]},"finishReason":"MAX_TOKENS"}]})")
                                << json(R"({"choices":[{"message":{"content":"cut"},"finish_reason":"length"}]})");
    QTest::newRow("safety") << json(R"({"candidates":[{"content":{"parts":[]},"finishReason":"SAFETY"}]})")
                            << json(R"({"choices":[{"finish_reason":"content_filter"}]})");
    QTest::newRow("recitation") << json(R"({"candidates":[{"finishReason":"RECITATION"}]})")
                                << json(R"({"choices":[{"finish_reason":"content_filter"}]})");
    QTest::newRow("blocked prompt") << json(R"({"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":5}})")
                                    << json(R"({"choices":[{"message":{"content":""},"finish_reason":"content_filter"}],
                                               "usage":{"prompt_tokens":5,"completion_tokens":0}})");
}

void TestTranslateGemini::responses()
{
    QFETCH(QJsonObject, gemini);
    QFETCH(QJsonObject, openai);
    const QJsonObject out = Translate::geminiResponseToOpenAi(gemini, QStringLiteral("gem"));
    QString where;
    QVERIFY2(containsAll(out, openai, &where),
             qPrintable(where + QStringLiteral(" in ") + QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact))));
    QVERIFY(out.value(QLatin1String("created")).toInteger() > 0);
}

void TestTranslateGemini::streamBecomesChunks()
{
    // As Gemini sends it with alt=sse: CRLF framing, text in pieces, a whole functionCall, then finish and usage.
    const QByteArray wire =
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"It is \"}],\"role\":\"model\"},\"index\":0}]}\r\n\r\n"
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"sunny \"}],\"role\":\"model\"},\"index\":0}]}\r\n\r\n"
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"today.\"}],\"role\":\"model\"},\"index\":0}]}\r\n\r\n"
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\"}}}],"
        "\"role\":\"model\"},\"index\":0}]}\r\n\r\n"
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
        "\"usageMetadata\":{\"promptTokenCount\":11,\"candidatesTokenCount\":7,\"totalTokenCount\":18}}\r\n\r\n";
    // Every way of splitting the bytes gives the same chunks.
    QList<QJsonObject> reference;
    for (qsizetype cut = 0; cut <= wire.size(); cut += 7) {
        SseParser sse;
        GeminiChunkSource source(QStringLiteral("gem"));
        QList<QJsonObject> chunks;
        for (const QByteArray &piece : {wire.left(cut), wire.mid(cut)})
            for (const SseParser::Event &e : sse.feed(piece))
                chunks += source.onEvent(e);
        chunks += source.onEnd();
        QVERIFY(source.complete());
        for (QJsonObject &c : chunks) { // ids and times differ between sources
            c.remove(QStringLiteral("id"));
            c.remove(QStringLiteral("created"));
        }
        if (reference.isEmpty())
            reference = chunks;
        QCOMPARE(chunks, reference);
    }
    QString text;
    QStringList finishes;
    QJsonArray calls;
    for (const QJsonObject &c : reference) {
        QCOMPARE(c.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion.chunk"));
        QCOMPARE(c.value(QLatin1String("model")).toString(), QStringLiteral("gem"));
        const QJsonObject choice = c.value(QLatin1String("choices")).toArray().first().toObject();
        const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
        text += delta.value(QLatin1String("content")).toString();
        for (const QJsonValue &call : delta.value(QLatin1String("tool_calls")).toArray())
            calls.append(call);
        if (choice.value(QLatin1String("finish_reason")).isString())
            finishes << choice.value(QLatin1String("finish_reason")).toString();
    }
    QCOMPARE(reference.first().value(QLatin1String("choices")).toArray().first().toObject()
                 .value(QLatin1String("delta")).toObject().value(QLatin1String("role")).toString(),
             QStringLiteral("assistant"));
    QCOMPARE(text, QStringLiteral("It is sunny today."));
    QCOMPARE(calls.size(), 1);
    const QJsonObject expectedCall = json(R"({"index":0,"id":"call_1","type":"function",
        "function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}})");
    const QJsonObject expectedUsage = json(R"({"prompt_tokens":11,"completion_tokens":7,"total_tokens":18})");
    QString where;
    QVERIFY2(containsAll(calls.first(), expectedCall, &where), qPrintable(where));
    QCOMPARE(finishes, QStringList{QStringLiteral("tool_calls")});
    QVERIFY2(containsAll(reference.last().value(QLatin1String("usage")), expectedUsage, &where), qPrintable(where));
}

void TestTranslateGemini::wholeAnswerReplaysAsTheSameStream_data()
{
    QTest::addColumn<QJsonObject>("response");
    QTest::newRow("text") << json(R"({"id":"x","object":"chat.completion","created":5,"model":"m","choices":[{"index":0,
        "message":{"role":"assistant","content":"Hello there"},"finish_reason":"stop"}],
        "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}})");
    QTest::newRow("tool calls") << json(R"({"id":"x","object":"chat.completion","created":5,"model":"m","choices":[{"index":0,
        "message":{"role":"assistant","content":null,"tool_calls":[
          {"id":"a","type":"function","function":{"name":"f","arguments":"{\"k\":1}"}},
          {"id":"b","type":"function","function":{"name":"g","arguments":"{}"}}]},"finish_reason":"tool_calls"}]})");
}

void TestTranslateGemini::wholeAnswerReplaysAsTheSameStream()
{
    QFETCH(QJsonObject, response);
    const QList<QJsonObject> chunks = Translate::responseToChunks(response);
    QString content;
    QJsonArray calls;
    QString finish;
    QJsonValue usage(QJsonValue::Undefined); // as value() gives for a missing key
    for (const QJsonObject &c : chunks) {
        QCOMPARE(c.value(QLatin1String("id")), response.value(QLatin1String("id")));
        const QJsonObject choice = c.value(QLatin1String("choices")).toArray().first().toObject();
        const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
        content += delta.value(QLatin1String("content")).toString();
        for (const QJsonValue &call : delta.value(QLatin1String("tool_calls")).toArray()) {
            QJsonObject whole = call.toObject();
            QCOMPARE(whole.take(QStringLiteral("index")).toInt(), calls.size());
            calls.append(whole);
        }
        if (choice.value(QLatin1String("finish_reason")).isString())
            finish = choice.value(QLatin1String("finish_reason")).toString();
        if (c.contains(QLatin1String("usage")))
            usage = c.value(QLatin1String("usage"));
    }
    const QJsonObject choice = response.value(QLatin1String("choices")).toArray().first().toObject();
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();
    QCOMPARE(content, message.value(QLatin1String("content")).toString());
    QCOMPARE(calls, message.value(QLatin1String("tool_calls")).toArray());
    QCOMPARE(finish, choice.value(QLatin1String("finish_reason")).toString());
    QCOMPARE(usage, response.value(QLatin1String("usage")));
}

QTEST_GUILESS_MAIN(TestTranslateGemini)
#include "tst_translate_gemini.moc"
