#include "fakedialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <QtEndian>

#include <bit>
#include <optional>

namespace {

constexpr int InputTokens = 11;
constexpr int OutputTokens = 7;
constexpr int Created = 1700000000;

// The one tool call every fake makes, and the two pieces real providers would stream it in.
QJsonObject toolArguments()
{
    return QJsonObject { { QStringLiteral("city"), QStringLiteral("Paris") } };
}
const QStringList &argumentPieces()
{
    static const QStringList pieces { QStringLiteral("{\"city\":"), QStringLiteral("\"Paris\"}") };
    return pieces;
}

// What the fake decided to say, before it is put in a dialect's clothes.
struct Turn final {
    bool toolCall = false;
    QString text; // when !toolCall
    QString toolName; // when toolCall
};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray pathOnly(const QByteArray &path)
{
    const qsizetype query = path.indexOf('?');
    return query < 0 ? path : path.left(query);
}

// A string, or the text of an array of parts/blocks ({"type":"text","text":...} or Gemini's {"text":...}),
// joined with no separator.
QString joinedText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString text;
    const QJsonArray parts = content.toArray();
    for (const QJsonValue &part : parts) {
        const QJsonObject p = part.toObject();
        const QString type = p.value(QLatin1String("type")).toString();
        if (p.value(QLatin1String("text")).isString() && (type.isEmpty() || type == QLatin1String("text")))
            text += p.value(QLatin1String("text")).toString();
    }
    return text;
}

// Three roughly equal pieces, never cutting a surrogate pair (each piece is JSON-encoded on its own).
QStringList splitInThree(const QString &text)
{
    QStringList pieces;
    qsizetype start = 0;
    for (int i = 1; i <= 3; ++i) {
        qsizetype end = i == 3 ? text.size() : (text.size() * i + 2) / 3;
        if (end > start && end < text.size() && text.at(end - 1).isHighSurrogate())
            ++end;
        end = qMax(end, start);
        pieces << text.mid(start, end - start);
        start = end;
    }
    return pieces;
}

QList<QPair<QByteArray, QByteArray>> jsonHeaders()
{
    return { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") } };
}

QList<QPair<QByteArray, QByteArray>> sseHeaders()
{
    return { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream") },
        { QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache") } };
}

FakeAnswer jsonAnswer(const QJsonObject &body)
{
    FakeAnswer a;
    a.headers = jsonHeaders();
    a.body = compact(body);
    return a;
}

FakeAnswer streamAnswer(const QList<QByteArray> &events)
{
    FakeAnswer a;
    a.headers = sseHeaders();
    a.events = events;
    return a;
}

// ---- OpenAI chat completions
// -------------------------------------------------------------------------------

std::optional<QString> openAiMalformed(const QJsonObject &request)
{
    const QJsonValue messages = request.value(QLatin1String("messages"));
    if (messages.isUndefined())
        return QStringLiteral("Missing required parameter: 'messages'.");
    if (!messages.isArray())
        return QStringLiteral(
            "Invalid type for 'messages': expected an array of objects, but got %1 instead.")
            .arg(messages.isString() ? QStringLiteral("a string") : QStringLiteral("another type"));
    if (messages.toArray().isEmpty())
        return QStringLiteral(
            "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an "
            "empty array instead.");
    if (!request.value(QLatin1String("model")).isString())
        return QStringLiteral("you must provide a model parameter");
    return std::nullopt;
}

Turn openAiTurn(const QJsonObject &request)
{
    const QJsonArray messages = request.value(QLatin1String("messages")).toArray();
    const QJsonObject last = messages.last().toObject();
    if (last.value(QLatin1String("role")).toString() == QLatin1String("tool"))
        return { false, QStringLiteral("tool said: ") + joinedText(last.value(QLatin1String("content"))),
            {} };
    const QJsonArray tools = request.value(QLatin1String("tools")).toArray();
    if (!tools.isEmpty()) {
        const QJsonObject function = tools.first().toObject().value(QLatin1String("function")).toObject();
        return { true, {}, function.value(QLatin1String("name")).toString() };
    }
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject m = messages.at(i).toObject();
        if (m.value(QLatin1String("role")).toString() == QLatin1String("user"))
            return { false, QStringLiteral("echo: ") + joinedText(m.value(QLatin1String("content"))), {} };
    }
    return { false, QStringLiteral("echo: "), {} };
}

QJsonObject openAiUsage()
{
    return QJsonObject { { QStringLiteral("prompt_tokens"), InputTokens },
        { QStringLiteral("completion_tokens"), OutputTokens },
        { QStringLiteral("total_tokens"), InputTokens + OutputTokens } };
}

QJsonObject openAiToolCall(const QString &name)
{
    return QJsonObject {
        { QStringLiteral("id"), QStringLiteral("call_fake_1") },
        { QStringLiteral("type"), QStringLiteral("function") },
        { QStringLiteral("function"),
            QJsonObject { { QStringLiteral("name"), name },
                { QStringLiteral("arguments"),
                    QString::fromUtf8(QJsonDocument(toolArguments()).toJson(QJsonDocument::Compact)) } } },
    };
}

FakeAnswer openAiCompletion(const QString &model, const Turn &turn)
{
    QJsonObject message { { QStringLiteral("role"), QStringLiteral("assistant") },
        { QStringLiteral("refusal"), QJsonValue::Null } };
    if (turn.toolCall) {
        message.insert(QStringLiteral("content"), QJsonValue::Null);
        message.insert(QStringLiteral("tool_calls"), QJsonArray { openAiToolCall(turn.toolName) });
    } else {
        message.insert(QStringLiteral("content"), turn.text);
    }
    return jsonAnswer(QJsonObject {
        { QStringLiteral("id"), QStringLiteral("chatcmpl-fake") },
        { QStringLiteral("object"), QStringLiteral("chat.completion") },
        { QStringLiteral("created"), Created },
        { QStringLiteral("model"), model },
        { QStringLiteral("choices"),
            QJsonArray { QJsonObject { { QStringLiteral("index"), 0 }, { QStringLiteral("message"), message },
                { QStringLiteral("logprobs"), QJsonValue::Null },
                { QStringLiteral("finish_reason"),
                    turn.toolCall ? QStringLiteral("tool_calls") : QStringLiteral("stop") } } } },
        { QStringLiteral("usage"), openAiUsage() },
    });
}

FakeAnswer openAiStream(const QString &model, const Turn &turn, bool includeUsage)
{
    // With include_usage, OpenAI puts "usage": null in every chunk and the totals in a last chunk with no
    // choices.
    auto chunk = [&](const QJsonArray &choices, const QJsonValue &usage) {
        QJsonObject c { { QStringLiteral("id"), QStringLiteral("chatcmpl-fake") },
            { QStringLiteral("object"), QStringLiteral("chat.completion.chunk") },
            { QStringLiteral("created"), Created }, { QStringLiteral("model"), model },
            { QStringLiteral("choices"), choices } };
        if (includeUsage)
            c.insert(QStringLiteral("usage"), usage);
        return QByteArray("data: " + compact(c) + "\n\n");
    };
    auto choice = [&](const QJsonObject &delta, const QJsonValue &finish) {
        return QJsonArray { QJsonObject { { QStringLiteral("index"), 0 }, { QStringLiteral("delta"), delta },
            { QStringLiteral("logprobs"), QJsonValue::Null }, { QStringLiteral("finish_reason"), finish } } };
    };

    QList<QByteArray> events;
    if (turn.toolCall) {
        QJsonObject first = openAiToolCall(turn.toolName);
        first.insert(QStringLiteral("index"), 0);
        first.insert(QStringLiteral("function"),
            QJsonObject {
                { QStringLiteral("name"), turn.toolName }, { QStringLiteral("arguments"), QString() } });
        events << chunk(choice(QJsonObject { { QStringLiteral("role"), QStringLiteral("assistant") },
                                   { QStringLiteral("content"), QJsonValue::Null },
                                   { QStringLiteral("tool_calls"), QJsonArray { first } } },
                            QJsonValue::Null),
            QJsonValue::Null);
        for (const QString &piece : argumentPieces()) {
            const QJsonObject call { { QStringLiteral("index"), 0 },
                { QStringLiteral("function"), QJsonObject { { QStringLiteral("arguments"), piece } } } };
            events << chunk(choice(QJsonObject { { QStringLiteral("tool_calls"), QJsonArray { call } } },
                                QJsonValue::Null),
                QJsonValue::Null);
        }
    } else {
        events << chunk(choice(QJsonObject { { QStringLiteral("role"), QStringLiteral("assistant") },
                                   { QStringLiteral("content"), QString() },
                                   { QStringLiteral("refusal"), QJsonValue::Null } },
                            QJsonValue::Null),
            QJsonValue::Null);
        for (const QString &piece : splitInThree(turn.text))
            events << chunk(choice(QJsonObject { { QStringLiteral("content"), piece } }, QJsonValue::Null),
                QJsonValue::Null);
    }
    events << chunk(
        choice(QJsonObject(), turn.toolCall ? QStringLiteral("tool_calls") : QStringLiteral("stop")),
        QJsonValue::Null);
    if (includeUsage)
        events << chunk(QJsonArray(), openAiUsage());
    events << QByteArrayLiteral("data: [DONE]\n\n");
    return streamAnswer(events);
}

FakeAnswer openAiEmbeddings(const QJsonObject &request)
{
    if (!request.contains(QLatin1String("input")))
        return FakeDialect::error(
            Dialect::OpenAi, 400, QStringLiteral("Missing required parameter: 'input'."));
    // The OpenAI SDKs ask for base64 by default and decode it themselves: little-endian float32s.
    static constexpr float Vector[] = { 0.1f, 0.2f, 0.3f };
    QJsonValue embedding;
    if (request.value(QLatin1String("encoding_format")).toString() == QLatin1String("base64")) {
        QByteArray bytes;
        for (float f : Vector) {
            const quint32 le = qToLittleEndian(std::bit_cast<quint32>(f));
            bytes.append(reinterpret_cast<const char *>(&le), sizeof le);
        }
        embedding = QString::fromLatin1(bytes.toBase64());
    } else {
        embedding = QJsonArray { Vector[0], Vector[1], Vector[2] };
    }
    return jsonAnswer(QJsonObject {
        { QStringLiteral("object"), QStringLiteral("list") },
        { QStringLiteral("data"),
            QJsonArray { QJsonObject { { QStringLiteral("object"), QStringLiteral("embedding") },
                { QStringLiteral("index"), 0 }, { QStringLiteral("embedding"), embedding } } } },
        { QStringLiteral("model"), request.value(QLatin1String("model")).toString() },
        { QStringLiteral("usage"),
            QJsonObject { { QStringLiteral("prompt_tokens"), 3 }, { QStringLiteral("total_tokens"), 3 } } },
    });
}

FakeAnswer openAiAnswer(const QByteArray &path, const QJsonObject &request)
{
    if (pathOnly(path).endsWith("/embeddings"))
        return openAiEmbeddings(request);
    if (const auto problem = openAiMalformed(request))
        return FakeDialect::error(Dialect::OpenAi, 400, *problem);
    const QString model = request.value(QLatin1String("model")).toString();
    const Turn turn = openAiTurn(request);
    if (!request.value(QLatin1String("stream")).toBool())
        return openAiCompletion(model, turn);
    const bool includeUsage = request.value(QLatin1String("stream_options"))
                                  .toObject()
                                  .value(QLatin1String("include_usage"))
                                  .toBool();
    return openAiStream(model, turn, includeUsage);
}

// ---- Anthropic Messages ----------------------------------------------------------------------------------

std::optional<QString> anthropicMalformed(const QJsonObject &request)
{
    if (!request.value(QLatin1String("model")).isString())
        return QStringLiteral("model: Field required");
    if (!request.value(QLatin1String("max_tokens")).isDouble())
        return QStringLiteral("max_tokens: Field required");
    const QJsonValue messages = request.value(QLatin1String("messages"));
    if (messages.isUndefined())
        return QStringLiteral("messages: Field required");
    if (!messages.isArray())
        return QStringLiteral("messages: Input should be a valid list");
    if (messages.toArray().isEmpty())
        return QStringLiteral("messages: at least one message is required");
    return std::nullopt;
}

Turn anthropicTurn(const QJsonObject &request)
{
    const QJsonArray messages = request.value(QLatin1String("messages")).toArray();
    const QJsonObject last = messages.last().toObject();
    if (last.value(QLatin1String("role")).toString() == QLatin1String("user")) {
        const QJsonArray blocks = last.value(QLatin1String("content")).toArray();
        for (const QJsonValue &block : blocks) {
            const QJsonObject b = block.toObject();
            if (b.value(QLatin1String("type")).toString() == QLatin1String("tool_result"))
                return { false, QStringLiteral("tool said: ") + joinedText(b.value(QLatin1String("content"))),
                    {} };
        }
    }
    const QJsonArray tools = request.value(QLatin1String("tools")).toArray();
    if (!tools.isEmpty())
        return { true, {}, tools.first().toObject().value(QLatin1String("name")).toString() };
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject m = messages.at(i).toObject();
        if (m.value(QLatin1String("role")).toString() == QLatin1String("user"))
            return { false, QStringLiteral("echo: ") + joinedText(m.value(QLatin1String("content"))), {} };
    }
    return { false, QStringLiteral("echo: "), {} };
}

QJsonObject anthropicToolUse(const QString &name, const QJsonObject &input)
{
    return QJsonObject { { QStringLiteral("type"), QStringLiteral("tool_use") },
        { QStringLiteral("id"), QStringLiteral("toolu_fake_1") }, { QStringLiteral("name"), name },
        { QStringLiteral("input"), input } };
}

QJsonObject anthropicMessage(
    const QString &model, const QJsonArray &content, const QJsonValue &stopReason, int outputTokens)
{
    return QJsonObject {
        { QStringLiteral("id"), QStringLiteral("msg_fake") },
        { QStringLiteral("type"), QStringLiteral("message") },
        { QStringLiteral("role"), QStringLiteral("assistant") },
        { QStringLiteral("model"), model },
        { QStringLiteral("content"), content },
        { QStringLiteral("stop_reason"), stopReason },
        { QStringLiteral("stop_sequence"), QJsonValue::Null },
        { QStringLiteral("usage"),
            QJsonObject { { QStringLiteral("input_tokens"), InputTokens },
                { QStringLiteral("output_tokens"), outputTokens } } },
    };
}

QByteArray anthropicEvent(const QJsonObject &data)
{
    return "event: " + data.value(QLatin1String("type")).toString().toUtf8() + "\ndata: " + compact(data)
        + "\n\n";
}

FakeAnswer anthropicStream(const QString &model, const Turn &turn)
{
    const QString stopReason = turn.toolCall ? QStringLiteral("tool_use") : QStringLiteral("end_turn");
    QList<QByteArray> events;
    // Anthropic reports one output token at the start and the real count in message_delta.
    events << anthropicEvent(QJsonObject { { QStringLiteral("type"), QStringLiteral("message_start") },
        { QStringLiteral("message"), anthropicMessage(model, QJsonArray(), QJsonValue::Null, 1) } });
    const QJsonObject block = turn.toolCall
        ? anthropicToolUse(turn.toolName, QJsonObject())
        : QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
              { QStringLiteral("text"), QString() } };
    events << anthropicEvent(QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_start") },
        { QStringLiteral("index"), 0 }, { QStringLiteral("content_block"), block } });
    events << anthropicEvent(QJsonObject { { QStringLiteral("type"), QStringLiteral("ping") } });
    const QStringList pieces = turn.toolCall ? argumentPieces() : splitInThree(turn.text);
    for (const QString &piece : pieces) {
        const QJsonObject delta = turn.toolCall
            ? QJsonObject { { QStringLiteral("type"), QStringLiteral("input_json_delta") },
                  { QStringLiteral("partial_json"), piece } }
            : QJsonObject { { QStringLiteral("type"), QStringLiteral("text_delta") },
                  { QStringLiteral("text"), piece } };
        events << anthropicEvent(
            QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_delta") },
                { QStringLiteral("index"), 0 }, { QStringLiteral("delta"), delta } });
    }
    events << anthropicEvent(QJsonObject {
        { QStringLiteral("type"), QStringLiteral("content_block_stop") }, { QStringLiteral("index"), 0 } });
    events << anthropicEvent(QJsonObject { { QStringLiteral("type"), QStringLiteral("message_delta") },
        { QStringLiteral("delta"),
            QJsonObject { { QStringLiteral("stop_reason"), stopReason },
                { QStringLiteral("stop_sequence"), QJsonValue::Null } } },
        { QStringLiteral("usage"), QJsonObject { { QStringLiteral("output_tokens"), OutputTokens } } } });
    events << anthropicEvent(QJsonObject { { QStringLiteral("type"), QStringLiteral("message_stop") } });
    return streamAnswer(events);
}

FakeAnswer anthropicAnswer(const QByteArray &path, const QJsonObject &request)
{
    // count_tokens takes the same body as messages but without max_tokens.
    if (pathOnly(path).endsWith("/count_tokens")) {
        if (!request.value(QLatin1String("messages")).isArray())
            return FakeDialect::error(Dialect::Anthropic, 400, QStringLiteral("messages: Field required"));
        return jsonAnswer(QJsonObject { { QStringLiteral("input_tokens"), InputTokens } });
    }
    if (const auto problem = anthropicMalformed(request))
        return FakeDialect::error(Dialect::Anthropic, 400, *problem);
    const QString model = request.value(QLatin1String("model")).toString();
    const Turn turn = anthropicTurn(request);
    if (request.value(QLatin1String("stream")).toBool())
        return anthropicStream(model, turn);
    const QJsonObject block = turn.toolCall
        ? anthropicToolUse(turn.toolName, toolArguments())
        : QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
              { QStringLiteral("text"), turn.text } };
    return jsonAnswer(anthropicMessage(model, QJsonArray { block },
        turn.toolCall ? QStringLiteral("tool_use") : QStringLiteral("end_turn"), OutputTokens));
}

// ---- Gemini generateContent ------------------------------------------------------------------------------

Turn geminiTurn(const QJsonObject &request)
{
    const QJsonArray contents = request.value(QLatin1String("contents")).toArray();
    const QJsonArray lastParts = contents.last().toObject().value(QLatin1String("parts")).toArray();
    for (const QJsonValue &part : lastParts) {
        const QJsonObject p = part.toObject();
        if (p.contains(QLatin1String("functionResponse"))) {
            const QJsonObject response = p.value(QLatin1String("functionResponse"))
                                             .toObject()
                                             .value(QLatin1String("response"))
                                             .toObject();
            return { false, QStringLiteral("tool said: ") + QString::fromUtf8(compact(response)), {} };
        }
    }
    // Gemini accepts the proto field names too, so a client may send function_declarations.
    const QJsonArray tools = request.value(QLatin1String("tools")).toArray();
    for (const QJsonValue &tool : tools) {
        const QJsonObject t = tool.toObject();
        QJsonArray declarations = t.value(QLatin1String("functionDeclarations")).toArray();
        if (declarations.isEmpty())
            declarations = t.value(QLatin1String("function_declarations")).toArray();
        if (!declarations.isEmpty())
            return { true, {}, declarations.first().toObject().value(QLatin1String("name")).toString() };
    }
    for (qsizetype i = contents.size() - 1; i >= 0; --i) {
        const QJsonObject c = contents.at(i).toObject();
        // The role may be left out in a request; Gemini then takes it as the user's.
        const QString role = c.value(QLatin1String("role")).toString();
        if (role.isEmpty() || role == QLatin1String("user"))
            return { false, QStringLiteral("echo: ") + joinedText(c.value(QLatin1String("parts"))), {} };
    }
    return { false, QStringLiteral("echo: "), {} };
}

QJsonObject geminiResponse(const QString &model, const QJsonArray &parts, bool last)
{
    QJsonObject candidate { { QStringLiteral("content"),
                                QJsonObject { { QStringLiteral("role"), QStringLiteral("model") },
                                    { QStringLiteral("parts"), parts } } },
        { QStringLiteral("index"), 0 } };
    QJsonObject response { { QStringLiteral("modelVersion"), model },
        { QStringLiteral("responseId"), QStringLiteral("fake-1") } };
    if (last) {
        candidate.insert(QStringLiteral("finishReason"), QStringLiteral("STOP"));
        response.insert(QStringLiteral("usageMetadata"),
            QJsonObject { { QStringLiteral("promptTokenCount"), InputTokens },
                { QStringLiteral("candidatesTokenCount"), OutputTokens },
                { QStringLiteral("totalTokenCount"), InputTokens + OutputTokens } });
    }
    response.insert(QStringLiteral("candidates"), QJsonArray { candidate });
    return response;
}

FakeAnswer geminiAnswer(const QByteArray &path, const QJsonObject &request)
{
    const QString model = FakeDialect::geminiModelFromPath(path);
    const QByteArray target = pathOnly(path);
    if (target.endsWith(":countTokens"))
        return jsonAnswer(QJsonObject { { QStringLiteral("totalTokens"), InputTokens } });
    const QJsonValue contents = request.value(QLatin1String("contents"));
    if (!contents.isArray() || contents.toArray().isEmpty())
        return FakeDialect::error(Dialect::Gemini, 400,
            QStringLiteral("* GenerateContentRequest.contents: contents is not specified\n"));
    const Turn turn = geminiTurn(request);
    const QJsonObject call { { QStringLiteral("functionCall"),
        QJsonObject {
            { QStringLiteral("name"), turn.toolName }, { QStringLiteral("args"), toolArguments() } } } };
    if (!target.endsWith(":streamGenerateContent")) {
        const QJsonArray parts { turn.toolCall ? call
                                               : QJsonObject { { QStringLiteral("text"), turn.text } } };
        return jsonAnswer(geminiResponse(model, parts, true));
    }
    // Gemini frames its SSE with CRLF, sends no [DONE], and sends a function call whole in one event.
    auto event
        = [](const QJsonObject &response) { return QByteArray("data: " + compact(response) + "\r\n\r\n"); };
    QList<QByteArray> events;
    if (turn.toolCall) {
        events << event(geminiResponse(model, QJsonArray { call }, true));
    } else {
        const QStringList pieces = splitInThree(turn.text);
        for (qsizetype i = 0; i < pieces.size(); ++i)
            events << event(
                geminiResponse(model, QJsonArray { QJsonObject { { QStringLiteral("text"), pieces.at(i) } } },
                    i == pieces.size() - 1));
    }
    return streamAnswer(events);
}

} // namespace

namespace FakeDialect {

QString geminiModelFromPath(const QByteArray &path)
{
    const QByteArray target = pathOnly(path);
    const qsizetype start = target.lastIndexOf("models/");
    if (start < 0)
        return {};
    const QByteArray rest = target.mid(start + 7);
    const qsizetype colon = rest.indexOf(':');
    return QString::fromUtf8(colon < 0 ? rest : rest.left(colon));
}

FakeAnswer answer(Dialect dialect, const QByteArray &path, const QJsonObject &request)
{
    // Chat paths never end in /models (Gemini's are .../models/<id>:generateContent).
    if (pathOnly(path).endsWith("/models"))
        return modelList(dialect, defaultModelIds(dialect));
    switch (dialect) {
    case Dialect::OpenAi:
        return openAiAnswer(path, request);
    case Dialect::Anthropic:
        return anthropicAnswer(path, request);
    case Dialect::Gemini:
        return geminiAnswer(path, request);
    }
    return error(dialect, 500, QStringLiteral("unknown dialect"));
}

QStringList defaultModelIds(Dialect dialect)
{
    switch (dialect) {
    case Dialect::OpenAi:
        return { QStringLiteral("gpt-4o-mini"), QStringLiteral("gpt-4o"),
            QStringLiteral("text-embedding-3-small") };
    case Dialect::Anthropic:
        return { QStringLiteral("claude-sonnet-4-20250514"), QStringLiteral("claude-3-5-haiku-20241022") };
    case Dialect::Gemini:
        return { QStringLiteral("gemini-2.0-flash"), QStringLiteral("gemini-2.5-pro") };
    }
    return {};
}

FakeAnswer modelList(Dialect dialect, const QStringList &ids)
{
    QJsonArray entries;
    switch (dialect) {
    case Dialect::OpenAi:
        for (const QString &id : ids)
            entries << QJsonObject { { QStringLiteral("id"), id },
                { QStringLiteral("object"), QStringLiteral("model") }, { QStringLiteral("created"), Created },
                { QStringLiteral("owned_by"), QStringLiteral("system") } };
        return jsonAnswer(QJsonObject {
            { QStringLiteral("object"), QStringLiteral("list") }, { QStringLiteral("data"), entries } });
    case Dialect::Anthropic:
        for (const QString &id : ids)
            entries << QJsonObject { { QStringLiteral("type"), QStringLiteral("model") },
                { QStringLiteral("id"), id }, { QStringLiteral("display_name"), id.toUpper() },
                { QStringLiteral("created_at"), QStringLiteral("2025-02-19T00:00:00Z") } };
        return jsonAnswer(
            QJsonObject { { QStringLiteral("data"), entries }, { QStringLiteral("has_more"), false },
                { QStringLiteral("first_id"),
                    ids.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(ids.first()) },
                { QStringLiteral("last_id"),
                    ids.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(ids.last()) } });
    case Dialect::Gemini: {
        auto entry = [](const QString &id, const QJsonArray &methods) {
            return QJsonObject { { QStringLiteral("name"), QString(QStringLiteral("models/") + id) },
                { QStringLiteral("version"), QStringLiteral("001") },
                { QStringLiteral("displayName"), id.toUpper() },
                { QStringLiteral("inputTokenLimit"), 1048576 }, { QStringLiteral("outputTokenLimit"), 8192 },
                { QStringLiteral("supportedGenerationMethods"), methods } };
        };
        for (const QString &id : ids)
            entries << entry(
                id, QJsonArray { QStringLiteral("generateContent"), QStringLiteral("countTokens") });
        entries << entry(QStringLiteral("text-embedding-004"), QJsonArray { QStringLiteral("embedContent") });
        return jsonAnswer(QJsonObject { { QStringLiteral("models"), entries } });
    }
    }
    return error(dialect, 500, QStringLiteral("unknown dialect"));
}

FakeAnswer error(Dialect dialect, int status, const QString &message)
{
    QJsonObject body;
    switch (dialect) {
    case Dialect::OpenAi:
        body = QJsonObject { { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("message"), message },
                { QStringLiteral("type"),
                    status >= 500 ? QStringLiteral("server_error")
                                  : QStringLiteral("invalid_request_error") },
                { QStringLiteral("param"), QJsonValue::Null },
                { QStringLiteral("code"), QJsonValue::Null } } } };
        break;
    case Dialect::Anthropic: {
        QString type;
        switch (status) {
        case 400:
            type = QStringLiteral("invalid_request_error");
            break;
        case 401:
            type = QStringLiteral("authentication_error");
            break;
        case 403:
            type = QStringLiteral("permission_error");
            break;
        case 404:
            type = QStringLiteral("not_found_error");
            break;
        case 413:
            type = QStringLiteral("request_too_large");
            break;
        case 429:
            type = QStringLiteral("rate_limit_error");
            break;
        case 529:
            type = QStringLiteral("overloaded_error");
            break;
        default:
            type = status >= 500 ? QStringLiteral("api_error") : QStringLiteral("invalid_request_error");
            break;
        }
        body = QJsonObject { { QStringLiteral("type"), QStringLiteral("error") },
            { QStringLiteral("error"),
                QJsonObject { { QStringLiteral("type"), type }, { QStringLiteral("message"), message } } } };
        break;
    }
    case Dialect::Gemini: {
        QString code;
        switch (status) {
        case 400:
            code = QStringLiteral("INVALID_ARGUMENT");
            break;
        case 401:
            code = QStringLiteral("UNAUTHENTICATED");
            break;
        case 403:
            code = QStringLiteral("PERMISSION_DENIED");
            break;
        case 404:
            code = QStringLiteral("NOT_FOUND");
            break;
        case 429:
            code = QStringLiteral("RESOURCE_EXHAUSTED");
            break;
        case 503:
            code = QStringLiteral("UNAVAILABLE");
            break;
        case 504:
            code = QStringLiteral("DEADLINE_EXCEEDED");
            break;
        default:
            code = status >= 500 ? QStringLiteral("INTERNAL") : QStringLiteral("INVALID_ARGUMENT");
            break;
        }
        body = QJsonObject { { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), status }, { QStringLiteral("message"), message },
                { QStringLiteral("status"), code } } } };
        break;
    }
    }
    FakeAnswer a = jsonAnswer(body);
    a.status = status;
    return a;
}

} // namespace FakeDialect
