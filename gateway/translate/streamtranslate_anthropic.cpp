#include "translate/streamtranslate.h"
#include "translate/translate.h"

#include "core/logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace {

// A string field of a JSON object, empty when absent: the lookup nearly every line here needs.
QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QString newId(const QString &prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128).left(24);
}

QString withPrefix(const QString &id, const QString &prefix)
{
    if (id.isEmpty())
        return newId(prefix);
    return id.startsWith(prefix) ? id : prefix + id;
}


QString finishToStopReason(const QString &finish, bool sentToolCalls)
{
    if (finish == QLatin1String("length"))
        return QStringLiteral("max_tokens");
    if (finish == QLatin1String("tool_calls") || finish == QLatin1String("function_call") || sentToolCalls)
        return QStringLiteral("tool_use");
    return QStringLiteral("end_turn");
}

QString anthropicErrorType(const QString &type)
{
    static const QStringList known{
        QStringLiteral("invalid_request_error"), QStringLiteral("authentication_error"),
        QStringLiteral("permission_error"),      QStringLiteral("not_found_error"),
        QStringLiteral("request_too_large"),     QStringLiteral("rate_limit_error"),
        QStringLiteral("api_error"),             QStringLiteral("overloaded_error")};
    return known.contains(type) ? type : QStringLiteral("api_error");
}

} // namespace

// ---- AnthropicChunkSource ----------------------------------------------------------------------------

AnthropicChunkSource::AnthropicChunkSource(const QString &model)
    : m_model(model)
    , m_id(newId(QStringLiteral("msg_")))
    , m_created(QDateTime::currentSecsSinceEpoch())
{
}

namespace {

QJsonObject makeChunk(const QString &id, qint64 created, const QString &model, const QJsonObject &delta,
                      const QJsonValue &finishReason = QJsonValue())
{
    const QJsonObject choice{{QStringLiteral("index"), 0},
                             {QStringLiteral("delta"), delta},
                             {QStringLiteral("finish_reason"), finishReason}};
    return {{QStringLiteral("id"), id},
            {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
            {QStringLiteral("created"), created},
            {QStringLiteral("model"), model},
            {QStringLiteral("choices"), QJsonArray{choice}}};
}

QJsonObject toolCallDelta(int index, const QJsonObject &fields)
{
    QJsonObject call = fields;
    call.insert(QStringLiteral("index"), index);
    return {{QStringLiteral("tool_calls"), QJsonArray{call}}};
}

constexpr int maxContentBlocks = 10'000;

// Anthropic's input counts (when present) as OpenAI's: prompt tokens include cache reads and writes.
void readInputUsage(const QJsonObject &usage, qint64 &promptTokens, qint64 &cachedTokens)
{
    if (!usage.contains(QLatin1String("input_tokens")))
        return;
    cachedTokens = usage.value(QLatin1String("cache_read_input_tokens")).toInteger();
    promptTokens = usage.value(QLatin1String("input_tokens")).toInteger() + cachedTokens
        + usage.value(QLatin1String("cache_creation_input_tokens")).toInteger();
}

// content_block_delta's data: the block index and {type, <field>: value}.
QJsonObject blockDelta(int index, const char *type, const char *field, const QString &value)
{
    const QJsonObject delta{{QStringLiteral("type"), QLatin1String(type)}, {QLatin1String(field), value}};
    return {{QStringLiteral("index"), index}, {QStringLiteral("delta"), delta}};
}

} // namespace

QList<QJsonObject> AnthropicChunkSource::onEvent(const SseParser::Event &event)
{
    const QJsonObject data = QJsonDocument::fromJson(event.data).object();
    // The event name is authoritative, but data.type says the same and covers servers that omit "event:".
    const QString name = event.event.isEmpty() ? str(data, "type") : QString::fromUtf8(event.event);
    const auto chunk = [this](const QJsonObject &delta, const QJsonValue &finish = QJsonValue()) {
        return makeChunk(m_id, m_created, m_model, delta, finish);
    };

    if (name == QLatin1String("message_start")) {
        const QJsonObject message = data.value(QLatin1String("message")).toObject();
        if (message.contains(QLatin1String("id")))
            m_id = str(message, "id");
        if (m_model.isEmpty())
            m_model = str(message, "model");
        readInputUsage(message.value(QLatin1String("usage")).toObject(), m_inputTokens, m_cachedTokens);
        return {chunk({{QStringLiteral("role"), QStringLiteral("assistant")},
                       {QStringLiteral("content"), QString()}})};
    }

    if (name == QLatin1String("content_block_start")) {
        const int index = data.value(QLatin1String("index")).toInt();
        const QJsonObject block = data.value(QLatin1String("content_block")).toObject();
        const QString type = str(block, "type");
        // The index sizes a list: a nonsense one from a broken upstream must not allocate gigabytes.
        if (index < 0 || index > maxContentBlocks)
            return {};
        while (m_blockToTool.size() <= index)
            m_blockToTool.append(-1);
        if (type == QLatin1String("tool_use")) {
            m_blockToTool[index] = ++m_toolIndex;
            const QJsonObject function{{QStringLiteral("name"), block.value(QLatin1String("name"))},
                                       {QStringLiteral("arguments"), QString()}};
            const QJsonObject call{{QStringLiteral("id"), block.value(QLatin1String("id"))},
                                   {QStringLiteral("type"), QStringLiteral("function")},
                                   {QStringLiteral("function"), function}};
            return {chunk(toolCallDelta(m_toolIndex, call))};
        }
        const QString text = str(block, "text");
        if (type == QLatin1String("text") && !text.isEmpty())
            return {chunk({{QStringLiteral("content"), text}})};
        return {};
    }

    if (name == QLatin1String("content_block_delta")) {
        const int index = data.value(QLatin1String("index")).toInt();
        const QJsonObject delta = data.value(QLatin1String("delta")).toObject();
        const QString type = str(delta, "type");
        if (type == QLatin1String("text_delta"))
            return {chunk({{QStringLiteral("content"), delta.value(QLatin1String("text"))}})};
        if (type == QLatin1String("input_json_delta")) {
            const QString json = str(delta, "partial_json");
            const int tool = index < m_blockToTool.size() ? m_blockToTool.at(index) : -1;
            if (json.isEmpty() || tool < 0)
                return {};
            return {chunk(toolCallDelta(
                tool, {{QStringLiteral("function"), QJsonObject{{QStringLiteral("arguments"), json}}}}))};
        }
        return {}; // thinking_delta, signature_delta, citations_delta
    }

    if (name == QLatin1String("message_delta")) {
        const QJsonObject usage = data.value(QLatin1String("usage")).toObject();
        // Newer API versions repeat the input counts here, cumulative; they win over message_start's.
        readInputUsage(usage, m_inputTokens, m_cachedTokens);
        const qint64 prompt = qMax<qint64>(0, m_inputTokens);
        const qint64 completion = usage.value(QLatin1String("output_tokens")).toInteger();
        QJsonObject out = chunk({}, Translate::anthropicStopReasonToFinish(data.value(QLatin1String("delta")).toObject()
                                                           .value(QLatin1String("stop_reason")).toString()));
        out.insert(QStringLiteral("usage"),
                   QJsonObject{{QStringLiteral("prompt_tokens"), prompt},
                               {QStringLiteral("completion_tokens"), completion},
                               {QStringLiteral("total_tokens"), prompt + completion},
                               {QStringLiteral("prompt_tokens_details"),
                                QJsonObject{{QStringLiteral("cached_tokens"),
                                             qMax<qint64>(0, m_cachedTokens)}}}});
        return {out};
    }

    if (name == QLatin1String("message_stop")) {
        m_complete = true;
        return {};
    }

    if (name == QLatin1String("error")) {
        const QJsonObject e = data.value(QLatin1String("error")).toObject();
        return {QJsonObject{{QStringLiteral("error"),
                             QJsonObject{{QStringLiteral("message"), str(e, "message")},
                                         {QStringLiteral("type"), str(e, "type")}}}}};
    }
    return {}; // ping, content_block_stop and event types added later
}

QList<QJsonObject> AnthropicChunkSource::onEnd()
{
    // message_delta already carried the finish and the usage; a stream without it was cut, which
    // complete() tells the caller.
    return {};
}

// ---- AnthropicChunkSink ------------------------------------------------------------------------------

AnthropicChunkSink::AnthropicChunkSink(const QString &model)
    : m_model(model)
{
}

QByteArray AnthropicChunkSink::event(const char *name, const QJsonObject &data) const
{
    QJsonObject body = data;
    body.insert(QStringLiteral("type"), QLatin1String(name));
    return QByteArrayLiteral("event: ") + name + QByteArrayLiteral("\ndata: ")
        + QJsonDocument(body).toJson(QJsonDocument::Compact) + QByteArrayLiteral("\n\n");
}

QByteArray AnthropicChunkSink::start(const QJsonObject &firstChunk)
{
    m_started = true;
    const QString model = m_model.isEmpty() ? str(firstChunk, "model") : m_model;
    const QJsonObject message{
        {QStringLiteral("id"), withPrefix(str(firstChunk, "id"), QStringLiteral("msg_"))},
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("model"), model},
        {QStringLiteral("content"), QJsonArray()},
        {QStringLiteral("stop_reason"), QJsonValue()},
        {QStringLiteral("stop_sequence"), QJsonValue()},
        {QStringLiteral("usage"),
         QJsonObject{{QStringLiteral("input_tokens"), m_inputTokens}, {QStringLiteral("output_tokens"), 0}}}};
    return event("message_start", {{QStringLiteral("message"), message}}) + event("ping", {});
}

QByteArray AnthropicChunkSink::openBlock(const QJsonObject &contentBlock)
{
    QByteArray out = closeBlock();
    m_blockIndex = m_blockCount++;
    m_blockIsText = contentBlock.value(QLatin1String("type")) == QLatin1String("text");
    out += event("content_block_start",
                 {{QStringLiteral("index"), m_blockIndex}, {QStringLiteral("content_block"), contentBlock}});
    return out;
}

QByteArray AnthropicChunkSink::closeBlock()
{
    if (m_blockIndex < 0)
        return {};
    const QByteArray out = event("content_block_stop", {{QStringLiteral("index"), m_blockIndex}});
    m_blockIndex = -1;
    return out;
}

QByteArray AnthropicChunkSink::finish()
{
    QByteArray out = closeBlock();
    QJsonObject usage{{QStringLiteral("output_tokens"), m_outputTokens}};
    if (m_sawUsage) {
        // message_start went out before OpenAI reported the prompt size; Anthropic repeats it here too.
        usage.insert(QStringLiteral("input_tokens"), m_inputTokens);
        usage.insert(QStringLiteral("cache_read_input_tokens"), m_cachedTokens);
    }
    // A stream that ends without a finish_reason still owes the client a stop_reason it can act on.
    const QString stopReason = m_stopReason.isEmpty() ? finishToStopReason(QString(), !m_openToolId.isEmpty())
                                                      : m_stopReason;
    const QJsonObject delta{
        {QStringLiteral("stop_reason"), stopReason},
        {QStringLiteral("stop_sequence"), QJsonValue()}};
    out += event("message_delta", {{QStringLiteral("delta"), delta}, {QStringLiteral("usage"), usage}});
    out += event("message_stop", {});
    m_ended = true;
    return out;
}

QByteArray AnthropicChunkSink::onChunk(const QJsonObject &chunk)
{
    if (m_ended)
        return {};
    if (chunk.contains(QLatin1String("error"))) {
        // Anthropic ends a failed stream with the error event alone: no message_stop follows.
        const QJsonValue e = chunk.value(QLatin1String("error"));
        const QString message = e.isString() ? e.toString() : str(e.toObject(), "message");
        m_ended = true;
        return event("error",
                     {{QStringLiteral("error"),
                       QJsonObject{{QStringLiteral("type"),
                                    anthropicErrorType(e.toObject().value(QLatin1String("type")).toString())},
                                   {QStringLiteral("message"), message}}}});
    }

    // Usage first: in the rare stream whose first chunk has it, message_start can say the input size.
    const QJsonObject usage = chunk.value(QLatin1String("usage")).toObject();
    if (!usage.isEmpty()) {
        m_sawUsage = true;
        m_cachedTokens = usage.value(QLatin1String("prompt_tokens_details"))
                             .toObject()
                             .value(QLatin1String("cached_tokens"))
                             .toInteger();
        m_inputTokens = usage.value(QLatin1String("prompt_tokens")).toInteger() - m_cachedTokens;
        m_outputTokens = usage.value(QLatin1String("completion_tokens")).toInteger();
    }
    QByteArray out;
    if (!m_started)
        out += start(chunk);

    const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
    const QJsonObject choice = choices.isEmpty() ? QJsonObject() : choices.at(0).toObject();
    const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();

    QString text = str(delta, "content");
    if (text.isEmpty())
        text = str(delta, "refusal");
    if (!text.isEmpty()) {
        if (m_blockIndex < 0 || !m_blockIsText)
            out += openBlock(
                {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), QString()}});
        out += event("content_block_delta", blockDelta(m_blockIndex, "text_delta", "text", text));
    }

    for (const QJsonValue &v : delta.value(QLatin1String("tool_calls")).toArray()) {
        const QJsonObject call = v.toObject();
        const int index = call.value(QLatin1String("index")).toInt(-1);
        const QString id = str(call, "id");
        const QJsonObject function = call.value(QLatin1String("function")).toObject();
        const QString name = str(function, "name");
        const bool toolOpen = m_blockIndex >= 0 && !m_blockIsText;
        const bool sameTool = toolOpen && (index < 0 || index == m_openToolIndex)
            && (id.isEmpty() || id == m_openToolId);
        if (!sameTool) {
            // Only the first piece of a call names it; a nameless piece here belongs to a block already
            // closed, and Anthropic has no way to reopen one.
            if (id.isEmpty() && name.isEmpty()) {
                qCWarning(lcRelay) << "tool call piece for a closed tool_use block dropped, index" << index;
                continue;
            }
            m_openToolIndex = index;
            m_openToolId = id.isEmpty() ? newId(QStringLiteral("toolu_")) : id;
            out += openBlock({{QStringLiteral("type"), QStringLiteral("tool_use")},
                              {QStringLiteral("id"), withPrefix(m_openToolId, QStringLiteral("toolu_"))},
                              {QStringLiteral("name"), name},
                              {QStringLiteral("input"), QJsonObject()}});
        }
        const QString arguments = str(function, "arguments");
        if (!arguments.isEmpty())
            out += event("content_block_delta",
                         blockDelta(m_blockIndex, "input_json_delta", "partial_json", arguments));
    }

    const QString finishReason = str(choice, "finish_reason");
    if (!finishReason.isEmpty()) {
        m_stopReason = finishToStopReason(finishReason, !m_openToolId.isEmpty());
        out += closeBlock();
    }
    // With stream_options.include_usage the counts come in a chunk of their own after the finish, so
    // message_delta waits for them, or for onEnd() when they never come.
    if (!m_stopReason.isEmpty() && m_sawUsage)
        out += finish();
    return out;
}

QByteArray AnthropicChunkSink::onEnd()
{
    if (m_ended)
        return {};
    QByteArray out;
    if (!m_started)
        out += start({});
    return out + finish();
}
