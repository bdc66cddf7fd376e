#include "translate/translate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <QUuid>

// Anthropic Messages ⇄ OpenAI chat completions. docs/compatibility.md lists every field and what is
// dropped.
namespace {

constexpr qint64 defaultAnthropicMaxTokens = 4096; // Anthropic requires max_tokens; OpenAI does not

// A string field of a JSON object, empty when absent: the lookup nearly every line here needs.
QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QString compactJson(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

std::nullopt_t fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

QString where(const char *field, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(QLatin1String(field)).arg(index);
}

QString typeOf(const QJsonObject &block)
{
    return str(block, "type");
}

QJsonObject roleMessage(const QString &role, const QJsonValue &content)
{
    return {{QStringLiteral("role"), role}, {QStringLiteral("content"), content}};
}

QJsonObject textPart(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}};
}

// Content is either a string or an array of blocks (both formats); anything else is a client error.
std::optional<QJsonArray> contentBlocks(const QJsonValue &content, const QString &at, QString *error)
{
    if (content.isString())
        return QJsonArray{textPart(content.toString())};
    if (!content.isArray())
        return fail(error, at + QStringLiteral(".content must be a string or an array of content blocks."));
    const QJsonArray blocks = content.toArray();
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        if (!blocks.at(i).isObject())
            return fail(error, at + QStringLiteral(".content[%1] must be an object.").arg(i));
    }
    return blocks;
}

// The schema of a tool that takes no arguments, for a definition that gives none.
QJsonObject emptySchema()
{
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), QJsonObject()}};
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

QString withPrefix(const QString &id, const QString &prefix)
{
    if (id.isEmpty())
        return prefix + QUuid::createUuid().toString(QUuid::Id128).left(24);
    return id.startsWith(prefix) ? id : prefix + id;
}

// ---- Anthropic → OpenAI -------------------------------------------------------------------------------

std::optional<QJsonObject> imageToOpenAi(const QJsonObject &block, const QString &at, QString *error)
{
    const QJsonObject source = block.value(QLatin1String("source")).toObject();
    const QString kind = typeOf(source);
    QString url;
    if (kind == QLatin1String("url")) {
        url = str(source, "url");
    } else if (kind == QLatin1String("base64")) {
        url = QStringLiteral("data:%1;base64,%2")
                  .arg(str(source, "media_type"),
                       str(source, "data"));
    } else {
        return fail(error, at + QStringLiteral(": image source type '%1' cannot be sent to an OpenAI-format "
                                               "provider (only 'url' and 'base64' can).").arg(kind));
    }
    if (url.isEmpty() || url == QLatin1String("data:;base64,"))
        return fail(error, at + QStringLiteral(": image has no data."));
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("image_url")},
                       {QStringLiteral("image_url"), QJsonObject{{QStringLiteral("url"), url}}}};
}

bool isThinking(const QString &type)
{
    return type == QLatin1String("thinking") || type == QLatin1String("redacted_thinking");
}

// One Anthropic user message can become several OpenAI messages: its tool_result blocks are OpenAI "tool"
// messages, which must come straight after the assistant's tool_calls, so they go first.
bool userToOpenAi(const QJsonObject &message, const QString &at, QJsonArray &out, QString *error)
{
    const QJsonValue content = message.value(QLatin1String("content"));
    if (content.isString()) {
        out.append(roleMessage(QStringLiteral("user"), content));
        return true;
    }
    const auto blocks = contentBlocks(content, at, error);
    if (!blocks)
        return false;
    QJsonArray parts;
    for (qsizetype i = 0; i < blocks->size(); ++i) {
        const QJsonObject block = blocks->at(i).toObject();
        const QString blockAt = at + QStringLiteral(".content[%1]").arg(i);
        const QString type = typeOf(block);
        if (type == QLatin1String("text")) {
            parts.append(textPart(str(block, "text")));
        } else if (type == QLatin1String("image")) {
            const auto image = imageToOpenAi(block, blockAt, error);
            if (!image)
                return false;
            parts.append(*image);
        } else if (type == QLatin1String("tool_result")) {
            const QString id = str(block, "tool_use_id");
            if (id.isEmpty()) {
                fail(error, blockAt + QStringLiteral(": tool_result without tool_use_id."));
                return false;
            }
            const QJsonValue result = block.value(QLatin1String("content"));
            QString text = result.toString();
            if (result.isArray()) {
                // OpenAI tool messages carry text only; images a tool returned follow as user content.
                QStringList texts;
                const QJsonArray resultBlocks = result.toArray();
                for (qsizetype j = 0; j < resultBlocks.size(); ++j) {
                    const QJsonObject r = resultBlocks.at(j).toObject();
                    const QString rAt = blockAt + QStringLiteral(".content[%1]").arg(j);
                    if (typeOf(r) == QLatin1String("text")) {
                        texts.append(str(r, "text"));
                    } else if (typeOf(r) == QLatin1String("image")) {
                        const auto image = imageToOpenAi(r, rAt, error);
                        if (!image)
                            return false;
                        parts.append(*image);
                    } else {
                        fail(error, rAt + QStringLiteral(": a tool result block of type '%1' cannot be "
                                                         "translated.").arg(typeOf(r)));
                        return false;
                    }
                }
                text = texts.join(QLatin1Char('\n'));
            } else if (!result.isString() && !result.isUndefined() && !result.isNull()) {
                fail(error, blockAt + QStringLiteral(".content must be a string or an array of blocks."));
                return false;
            }
            out.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("tool")},
                                   {QStringLiteral("tool_call_id"), id},
                                   {QStringLiteral("content"), text}});
        } else if (!isThinking(type)) {
            fail(error, blockAt + QStringLiteral(": content block type '%1' cannot be sent to an "
                                                 "OpenAI-format provider.").arg(type));
            return false;
        }
    }
    if (!parts.isEmpty())
        out.append(roleMessage(QStringLiteral("user"), parts));
    return true;
}

bool assistantToOpenAi(const QJsonObject &message, const QString &at, QJsonArray &out, QString *error)
{
    const QJsonValue content = message.value(QLatin1String("content"));
    if (content.isString()) {
        out.append(roleMessage(QStringLiteral("assistant"), content));
        return true;
    }
    const auto blocks = contentBlocks(content, at, error);
    if (!blocks)
        return false;
    QString text;
    QJsonArray toolCalls;
    for (qsizetype i = 0; i < blocks->size(); ++i) {
        const QJsonObject block = blocks->at(i).toObject();
        const QString blockAt = at + QStringLiteral(".content[%1]").arg(i);
        const QString type = typeOf(block);
        if (type == QLatin1String("text")) {
            text += str(block, "text");
        } else if (type == QLatin1String("tool_use")) {
            const QString id = str(block, "id");
            const QString name = str(block, "name");
            if (id.isEmpty() || name.isEmpty()) {
                fail(error, blockAt + QStringLiteral(": tool_use needs an id and a name."));
                return false;
            }
            const QJsonObject function{
                {QStringLiteral("name"), name},
                {QStringLiteral("arguments"), compactJson(block.value(QLatin1String("input")))}};
            toolCalls.append(QJsonObject{{QStringLiteral("id"), id},
                                         {QStringLiteral("type"), QStringLiteral("function")},
                                         {QStringLiteral("function"), function}});
        } else if (!isThinking(type)) {
            fail(error, blockAt
                            + QStringLiteral(": content block type '%1' cannot be sent to an OpenAI-format "
                                             "provider in an assistant message.").arg(type));
            return false;
        }
    }
    QJsonObject msg{{QStringLiteral("role"), QStringLiteral("assistant")}};
    // OpenAI's own answers have content null beside tool_calls; some servers reject "" there.
    msg.insert(QStringLiteral("content"),
               text.isEmpty() && !toolCalls.isEmpty() ? QJsonValue() : QJsonValue(text));
    if (!toolCalls.isEmpty())
        msg.insert(QStringLiteral("tool_calls"), toolCalls);
    out.append(msg);
    return true;
}

// ---- OpenAI → Anthropic -------------------------------------------------------------------------------

std::optional<QJsonObject> imageToAnthropic(const QJsonObject &part, const QString &at, QString *error)
{
    const QJsonValue imageUrl = part.value(QLatin1String("image_url"));
    const QString url = imageUrl.isString() ? imageUrl.toString() : str(imageUrl.toObject(), "url");
    QJsonObject source;
    if (url.startsWith(QLatin1String("data:"))) {
        const qsizetype marker = url.indexOf(QLatin1String(";base64,"));
        if (marker < 0)
            return fail(error, at + QStringLiteral(": only base64 data URLs can be sent to Anthropic."));
        source = {{QStringLiteral("type"), QStringLiteral("base64")},
                  {QStringLiteral("media_type"), url.mid(5, marker - 5)},
                  {QStringLiteral("data"), url.mid(marker + 8)}};
    } else if (url.startsWith(QLatin1String("http://")) || url.startsWith(QLatin1String("https://"))) {
        source = {{QStringLiteral("type"), QStringLiteral("url")}, {QStringLiteral("url"), url}};
    } else {
        return fail(error, at + QStringLiteral(": image_url must be an http(s) URL or a base64 data URL."));
    }
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("image")}, {QStringLiteral("source"), source}};
}

// Text parts only (system, tool and assistant messages); string content gives one part.
std::optional<QStringList> textsOf(const QJsonValue &content, const QString &at, QString *error)
{
    if (content.isNull() || content.isUndefined())
        return QStringList();
    if (content.isString())
        return QStringList{content.toString()};
    const auto parts = contentBlocks(content, at, error);
    if (!parts)
        return std::nullopt;
    QStringList texts;
    for (qsizetype i = 0; i < parts->size(); ++i) {
        const QJsonObject part = parts->at(i).toObject();
        const QString type = typeOf(part);
        if (type == QLatin1String("text"))
            texts.append(str(part, "text"));
        else if (type == QLatin1String("refusal"))
            texts.append(str(part, "refusal"));
        else
            return fail(error, at + QStringLiteral(".content[%1]: content part type '%2' is only allowed in "
                                                   "user messages.").arg(i).arg(type));
    }
    return texts;
}

// Anthropic wants user and assistant to alternate, so a message with the role of the previous one is
// appended to it (tool results after tool results, a user's text after tool results).
void appendMerged(QJsonArray &messages, const QString &role, const QJsonValue &content)
{
    if (!messages.isEmpty()) {
        QJsonObject last = messages.last().toObject();
        if (str(last, "role") == role) {
            const auto asBlocks = [](const QJsonValue &c) {
                return c.isString() ? QJsonArray{textPart(c.toString())} : c.toArray();
            };
            QJsonArray merged = asBlocks(last.value(QLatin1String("content")));
            for (const QJsonValue &block : asBlocks(content))
                merged.append(block);
            last.insert(QStringLiteral("content"), merged);
            messages.replace(messages.size() - 1, last);
            return;
        }
    }
    messages.append(QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("content"), content}});
}

std::optional<QJsonValue> userToAnthropic(const QJsonObject &message, const QString &at, QString *error)
{
    const QJsonValue content = message.value(QLatin1String("content"));
    if (content.isString())
        return content;
    const auto parts = contentBlocks(content, at, error);
    if (!parts)
        return std::nullopt;
    QJsonArray blocks;
    for (qsizetype i = 0; i < parts->size(); ++i) {
        const QJsonObject part = parts->at(i).toObject();
        const QString partAt = at + QStringLiteral(".content[%1]").arg(i);
        const QString type = typeOf(part);
        if (type == QLatin1String("text")) {
            blocks.append(textPart(str(part, "text")));
        } else if (type == QLatin1String("image_url")) {
            const auto image = imageToAnthropic(part, partAt, error);
            if (!image)
                return std::nullopt;
            blocks.append(*image);
        } else {
            return fail(error, partAt
                                   + QStringLiteral(": content part type '%1' cannot be sent to Anthropic.")
                                         .arg(type));
        }
    }
    return blocks;
}

std::optional<QJsonValue> assistantToAnthropic(const QJsonObject &message, const QString &at, QString *error)
{
    const auto texts = textsOf(message.value(QLatin1String("content")), at, error);
    if (!texts)
        return std::nullopt;
    const QJsonArray toolCalls = message.value(QLatin1String("tool_calls")).toArray();
    if (toolCalls.isEmpty() && message.value(QLatin1String("content")).isString())
        return message.value(QLatin1String("content"));
    QJsonArray blocks;
    // Anthropic rejects empty text blocks, which OpenAI clients send freely beside tool calls.
    for (const QString &text : *texts) {
        if (!text.isEmpty())
            blocks.append(textPart(text));
    }
    for (qsizetype i = 0; i < toolCalls.size(); ++i) {
        const QJsonObject call = toolCalls.at(i).toObject();
        const QString callAt = at + QStringLiteral(".tool_calls[%1]").arg(i);
        const QJsonObject function = call.value(QLatin1String("function")).toObject();
        const QString id = str(call, "id");
        const QString name = str(function, "name");
        if (id.isEmpty() || name.isEmpty())
            return fail(error, callAt + QStringLiteral(" needs an id and a function name."));
        const QString arguments = str(function, "arguments");
        QJsonObject input;
        if (!arguments.trimmed().isEmpty()) {
            const QJsonDocument doc = QJsonDocument::fromJson(arguments.toUtf8());
            if (!doc.isObject())
                return fail(error, callAt + QStringLiteral(".function.arguments is not a JSON object."));
            input = doc.object();
        }
        blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                                  {QStringLiteral("id"), id},
                                  {QStringLiteral("name"), name},
                                  {QStringLiteral("input"), input}});
    }
    return blocks;
}

std::optional<QJsonObject> toolResultToAnthropic(const QJsonObject &message, const QString &at,
                                                  QString *error)
{
    const QString id = str(message, "tool_call_id");
    if (id.isEmpty())
        return fail(error, at + QStringLiteral(": a tool message needs a tool_call_id."));
    const QJsonValue content = message.value(QLatin1String("content"));
    QJsonObject block{{QStringLiteral("type"), QStringLiteral("tool_result")},
                      {QStringLiteral("tool_use_id"), id}};
    if (content.isString()) {
        block.insert(QStringLiteral("content"), content);
    } else {
        const auto texts = textsOf(content, at, error);
        if (!texts)
            return std::nullopt;
        QJsonArray blocks;
        for (const QString &text : *texts)
            blocks.append(textPart(text));
        block.insert(QStringLiteral("content"), blocks);
    }
    return block;
}

QString finishToStopReason(const QString &finish, bool hasToolCalls)
{
    if (finish == QLatin1String("length"))
        return QStringLiteral("max_tokens");
    if (finish == QLatin1String("tool_calls") || finish == QLatin1String("function_call"))
        return QStringLiteral("tool_use");
    // Some OpenAI-compatible servers say "stop" after tool calls; Anthropic clients run tools on tool_use.
    if (hasToolCalls)
        return QStringLiteral("tool_use");
    return QStringLiteral("end_turn"); // stop, content_filter and anything unknown
}


} // namespace

QString Translate::anthropicStopReasonToFinish(const QString &stopReason)
{
    if (stopReason == QLatin1String("max_tokens"))
        return QStringLiteral("length");
    if (stopReason == QLatin1String("tool_use"))
        return QStringLiteral("tool_calls");
    if (stopReason == QLatin1String("refusal"))
        return QStringLiteral("content_filter");
    return QStringLiteral("stop"); // end_turn, stop_sequence, pause_turn
}

std::optional<QJsonObject> Translate::anthropicRequestToOpenAi(const QJsonObject &request, QString *error)
{
    QJsonObject out{{QStringLiteral("model"), request.value(QLatin1String("model"))}};
    QJsonArray messages;

    // Several system blocks become one system message: many OpenAI-compatible servers accept only one.
    const QJsonValue system = request.value(QLatin1String("system"));
    if (system.isArray()) {
        const auto texts = textsOf(system, QStringLiteral("system"), error);
        if (!texts)
            return std::nullopt;
        if (!texts->isEmpty())
            messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                        {QStringLiteral("content"), texts->join(QLatin1String("\n\n"))}});
    } else if (system.isString()) {
        if (!system.toString().isEmpty())
            messages.append(roleMessage(QStringLiteral("system"), system));
    } else if (!system.isUndefined() && !system.isNull()) {
        return fail(error, QStringLiteral("system must be a string or an array of text blocks."));
    }

    if (!request.value(QLatin1String("messages")).isArray())
        return fail(error, QStringLiteral("messages must be an array."));
    const QJsonArray input = request.value(QLatin1String("messages")).toArray();
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QString at = where("messages", i);
        if (!input.at(i).isObject())
            return fail(error, at + QStringLiteral(" must be an object."));
        const QJsonObject message = input.at(i).toObject();
        const QString role = str(message, "role");
        bool ok = false;
        if (role == QLatin1String("user"))
            ok = userToOpenAi(message, at, messages, error);
        else if (role == QLatin1String("assistant"))
            ok = assistantToOpenAi(message, at, messages, error);
        else
            return fail(error,
                        at + QStringLiteral(".role must be 'user' or 'assistant', not '%1'.").arg(role));
        if (!ok)
            return std::nullopt;
    }
    out.insert(QStringLiteral("messages"), messages);

    const QJsonArray tools = request.value(QLatin1String("tools")).toArray();
    if (!tools.isEmpty()) {
        QJsonArray openAiTools;
        for (qsizetype i = 0; i < tools.size(); ++i) {
            const QJsonObject tool = tools.at(i).toObject();
            const QString type = typeOf(tool);
            if (!type.isEmpty() && type != QLatin1String("custom"))
                return fail(error, where("tools", i)
                                       + QStringLiteral(": Anthropic server tool '%1' has no OpenAI "
                                                        "equivalent.").arg(type));
            const QString name = str(tool, "name");
            if (name.isEmpty())
                return fail(error, where("tools", i) + QStringLiteral(" needs a name."));
            QJsonObject function{{QStringLiteral("name"), name}};
            if (tool.contains(QLatin1String("description")))
                function.insert(QStringLiteral("description"), tool.value(QLatin1String("description")));
            function.insert(QStringLiteral("parameters"), tool.contains(QLatin1String("input_schema"))
                                                              ? tool.value(QLatin1String("input_schema"))
                                                              : emptySchema());
            openAiTools.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                                           {QStringLiteral("function"), function}});
        }
        out.insert(QStringLiteral("tools"), openAiTools);

        // OpenAI refuses tool_choice and parallel_tool_calls without tools, so they only come with them.
        const QJsonObject choice = request.value(QLatin1String("tool_choice")).toObject();
        const QString choiceType = typeOf(choice);
        if (choiceType == QLatin1String("auto")) {
            out.insert(QStringLiteral("tool_choice"), QStringLiteral("auto"));
        } else if (choiceType == QLatin1String("any")) {
            out.insert(QStringLiteral("tool_choice"), QStringLiteral("required"));
        } else if (choiceType == QLatin1String("none")) {
            out.insert(QStringLiteral("tool_choice"), QStringLiteral("none"));
        } else if (choiceType == QLatin1String("tool")) {
            const QString name = str(choice, "name");
            if (name.isEmpty())
                return fail(error, QStringLiteral("tool_choice of type 'tool' needs a name."));
            const QJsonObject function{{QStringLiteral("name"), name}};
            out.insert(QStringLiteral("tool_choice"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                                   {QStringLiteral("function"), function}});
        } else if (!choiceType.isEmpty()) {
            return fail(error, QStringLiteral("tool_choice type '%1' is not known.").arg(choiceType));
        }
        if (choice.value(QLatin1String("disable_parallel_tool_use")).toBool())
            out.insert(QStringLiteral("parallel_tool_calls"), false);
    }

    for (const char *key : {"max_tokens", "temperature", "top_p"}) {
        const QJsonValue v = request.value(QLatin1String(key));
        if (v.isDouble())
            out.insert(QLatin1String(key), v);
    }
    const QJsonArray stops = request.value(QLatin1String("stop_sequences")).toArray();
    if (!stops.isEmpty())
        out.insert(QStringLiteral("stop"), stops);
    if (request.value(QLatin1String("stream")).toBool()) {
        out.insert(QStringLiteral("stream"), true);
        // Without it OpenAI streams carry no usage, and Anthropic clients expect token counts.
        out.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    }
    const QJsonValue userId =
        request.value(QLatin1String("metadata")).toObject().value(QLatin1String("user_id"));
    if (userId.isString())
        out.insert(QStringLiteral("user"), userId);
    return out;
}

std::optional<QJsonObject> Translate::openAiRequestToAnthropic(const QJsonObject &request, QString *error)
{
    if (request.value(QLatin1String("n")).toInt(1) > 1)
        return fail(error, QStringLiteral("Anthropic returns one choice per request: n must be 1."));
    if (request.contains(QLatin1String("functions")) || request.contains(QLatin1String("function_call")))
        return fail(error, QStringLiteral("The deprecated functions/function_call fields cannot be "
                                          "translated; use tools and tool_choice."));

    QJsonObject out{{QStringLiteral("model"), request.value(QLatin1String("model"))}};
    QStringList system;
    QJsonArray messages;
    if (!request.value(QLatin1String("messages")).isArray())
        return fail(error, QStringLiteral("messages must be an array."));
    const QJsonArray input = request.value(QLatin1String("messages")).toArray();
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QString at = where("messages", i);
        if (!input.at(i).isObject())
            return fail(error, at + QStringLiteral(" must be an object."));
        const QJsonObject message = input.at(i).toObject();
        const QString role = str(message, "role");
        if (role == QLatin1String("system") || role == QLatin1String("developer")) {
            // Anthropic has no system turns inside the conversation: every system text goes to "system".
            const auto texts = textsOf(message.value(QLatin1String("content")), at, error);
            if (!texts)
                return std::nullopt;
            system += *texts;
        } else if (role == QLatin1String("user")) {
            const auto content = userToAnthropic(message, at, error);
            if (!content)
                return std::nullopt;
            appendMerged(messages, role, *content);
        } else if (role == QLatin1String("assistant")) {
            const auto content = assistantToAnthropic(message, at, error);
            if (!content)
                return std::nullopt;
            if (!(content->isArray() && content->toArray().isEmpty()))
                appendMerged(messages, role, *content);
        } else if (role == QLatin1String("tool")) {
            const auto result = toolResultToAnthropic(message, at, error);
            if (!result)
                return std::nullopt;
            appendMerged(messages, QStringLiteral("user"), QJsonArray{*result});
        } else {
            return fail(error, at + QStringLiteral(".role '%1' cannot be sent to Anthropic.").arg(role));
        }
    }
    if (system.size() == 1) {
        out.insert(QStringLiteral("system"), system.first());
    } else if (system.size() > 1) {
        QJsonArray blocks;
        for (const QString &text : std::as_const(system))
            blocks.append(textPart(text));
        out.insert(QStringLiteral("system"), blocks);
    }
    out.insert(QStringLiteral("messages"), messages);

    const QJsonValue maxTokens = request.contains(QLatin1String("max_completion_tokens"))
        ? request.value(QLatin1String("max_completion_tokens"))
        : request.value(QLatin1String("max_tokens"));
    out.insert(QStringLiteral("max_tokens"),
               maxTokens.isDouble() ? maxTokens.toInteger() : defaultAnthropicMaxTokens);

    const QJsonArray tools = request.value(QLatin1String("tools")).toArray();
    if (!tools.isEmpty()) {
        QJsonArray anthropicTools;
        for (qsizetype i = 0; i < tools.size(); ++i) {
            const QJsonObject tool = tools.at(i).toObject();
            const QJsonObject function = tool.value(QLatin1String("function")).toObject();
            const QString name = str(function, "name");
            if (typeOf(tool) != QLatin1String("function") || name.isEmpty())
                return fail(error,
                            where("tools", i) + QStringLiteral(" must be a function tool with a name."));
            QJsonObject t{{QStringLiteral("name"), name}};
            if (function.contains(QLatin1String("description")))
                t.insert(QStringLiteral("description"), function.value(QLatin1String("description")));
            // input_schema is required by Anthropic; OpenAI lets a function without parameters through.
            t.insert(QStringLiteral("input_schema"), function.contains(QLatin1String("parameters"))
                                                         ? function.value(QLatin1String("parameters"))
                                                         : emptySchema());
            anthropicTools.append(t);
        }
        out.insert(QStringLiteral("tools"), anthropicTools);

        const QJsonValue choice = request.value(QLatin1String("tool_choice"));
        QJsonObject anthropicChoice;
        if (choice.isString()) {
            const QString c = choice.toString();
            if (c == QLatin1String("auto"))
                anthropicChoice = {{QStringLiteral("type"), QStringLiteral("auto")}};
            else if (c == QLatin1String("none"))
                anthropicChoice = {{QStringLiteral("type"), QStringLiteral("none")}};
            else if (c == QLatin1String("required"))
                anthropicChoice = {{QStringLiteral("type"), QStringLiteral("any")}};
            else
                return fail(error, QStringLiteral("tool_choice '%1' is not known.").arg(c));
        } else if (choice.isObject()) {
            const QString name = choice.toObject().value(QLatin1String("function")).toObject()
                                     .value(QLatin1String("name")).toString();
            if (typeOf(choice.toObject()) != QLatin1String("function") || name.isEmpty())
                return fail(error, QStringLiteral("tool_choice must name a function: "
                                                  "{\"type\":\"function\",\"function\":{\"name\":...}}."));
            anthropicChoice = {{QStringLiteral("type"), QStringLiteral("tool")},
                               {QStringLiteral("name"), name}};
        }
        // Anthropic's {type:none} takes no disable_parallel_tool_use; nothing runs in parallel there anyway.
        if (request.value(QLatin1String("parallel_tool_calls")) == QJsonValue(false)
            && typeOf(anthropicChoice) != QLatin1String("none")) {
            if (anthropicChoice.isEmpty())
                anthropicChoice = {{QStringLiteral("type"), QStringLiteral("auto")}};
            anthropicChoice.insert(QStringLiteral("disable_parallel_tool_use"), true);
        }
        if (!anthropicChoice.isEmpty())
            out.insert(QStringLiteral("tool_choice"), anthropicChoice);
    }

    const QJsonValue temperature = request.value(QLatin1String("temperature"));
    if (temperature.isDouble()) // OpenAI goes to 2, Anthropic stops at 1
        out.insert(QStringLiteral("temperature"), qBound(0.0, temperature.toDouble(), 1.0));
    if (request.value(QLatin1String("top_p")).isDouble())
        out.insert(QStringLiteral("top_p"), request.value(QLatin1String("top_p")));
    const QJsonValue stop = request.value(QLatin1String("stop"));
    if (stop.isString())
        out.insert(QStringLiteral("stop_sequences"), QJsonArray{stop});
    else if (stop.isArray() && !stop.toArray().isEmpty())
        out.insert(QStringLiteral("stop_sequences"), stop);
    if (request.value(QLatin1String("stream")).toBool())
        out.insert(QStringLiteral("stream"), true);
    if (request.value(QLatin1String("user")).isString())
        out.insert(QStringLiteral("metadata"),
                   QJsonObject{{QStringLiteral("user_id"), request.value(QLatin1String("user"))}});
    return out;
}

QJsonObject Translate::anthropicResponseToOpenAi(const QJsonObject &response)
{
    if (response.value(QLatin1String("error")).isObject()) {
        const QJsonObject e = response.value(QLatin1String("error")).toObject();
        return {{QStringLiteral("error"),
                 QJsonObject{{QStringLiteral("message"), e.value(QLatin1String("message"))},
                             {QStringLiteral("type"), e.value(QLatin1String("type"))},
                             {QStringLiteral("param"), QJsonValue()},
                             {QStringLiteral("code"), QJsonValue()}}}};
    }
    QString text;
    QJsonArray toolCalls;
    const QJsonArray content = response.value(QLatin1String("content")).toArray();
    for (const QJsonValue &v : content) {
        const QJsonObject block = v.toObject();
        const QString type = typeOf(block);
        if (type == QLatin1String("text")) {
            text += str(block, "text");
        } else if (type == QLatin1String("tool_use")) {
            const QJsonObject function{
                {QStringLiteral("name"), block.value(QLatin1String("name"))},
                {QStringLiteral("arguments"), compactJson(block.value(QLatin1String("input")))}};
            toolCalls.append(QJsonObject{{QStringLiteral("id"), block.value(QLatin1String("id"))},
                                         {QStringLiteral("type"), QStringLiteral("function")},
                                         {QStringLiteral("function"), function}});
        }
        // thinking and redacted_thinking have no place in an OpenAI message: dropped.
    }
    QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                        {QStringLiteral("content"),
                         text.isEmpty() && !toolCalls.isEmpty() ? QJsonValue() : QJsonValue(text)}};
    if (!toolCalls.isEmpty())
        message.insert(QStringLiteral("tool_calls"), toolCalls);
    const QJsonObject choice{
        {QStringLiteral("index"), 0},
        {QStringLiteral("message"), message},
        {QStringLiteral("finish_reason"), Translate::anthropicStopReasonToFinish(str(response, "stop_reason"))}};

    QJsonObject out{{QStringLiteral("id"), response.value(QLatin1String("id"))},
                    {QStringLiteral("object"), QStringLiteral("chat.completion")},
                    {QStringLiteral("created"), QDateTime::currentSecsSinceEpoch()},
                    {QStringLiteral("model"), response.value(QLatin1String("model"))},
                    {QStringLiteral("choices"), QJsonArray{choice}}};
    const QJsonObject usage = response.value(QLatin1String("usage")).toObject();
    if (!usage.isEmpty()) {
        // Anthropic counts cache reads and writes apart from input_tokens; OpenAI's prompt_tokens holds all.
        const qint64 cacheRead = usage.value(QLatin1String("cache_read_input_tokens")).toInteger();
        const qint64 prompt = usage.value(QLatin1String("input_tokens")).toInteger() + cacheRead
            + usage.value(QLatin1String("cache_creation_input_tokens")).toInteger();
        const qint64 completion = usage.value(QLatin1String("output_tokens")).toInteger();
        out.insert(QStringLiteral("usage"),
                   QJsonObject{{QStringLiteral("prompt_tokens"), prompt},
                               {QStringLiteral("completion_tokens"), completion},
                               {QStringLiteral("total_tokens"), prompt + completion},
                               {QStringLiteral("prompt_tokens_details"),
                                QJsonObject{{QStringLiteral("cached_tokens"), cacheRead}}}});
    }
    return out;
}

QJsonObject Translate::openAiResponseToAnthropic(const QJsonObject &response)
{
    if (response.contains(QLatin1String("error"))) {
        const QJsonValue e = response.value(QLatin1String("error"));
        const QString message = e.isString() ? e.toString() : str(e.toObject(), "message");
        return {{QStringLiteral("type"), QStringLiteral("error")},
                {QStringLiteral("error"),
                 QJsonObject{{QStringLiteral("type"), anthropicErrorType(str(e.toObject(), "type"))},
                             {QStringLiteral("message"), message}}}};
    }
    const QJsonObject choice = response.value(QLatin1String("choices")).toArray().at(0).toObject();
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();
    QJsonArray content;
    const QJsonValue text = message.value(QLatin1String("content"));
    if (text.isString() && !text.toString().isEmpty()) {
        content.append(textPart(text.toString()));
    } else if (text.isArray()) {
        for (const QJsonValue &part : text.toArray()) {
            const QString partText = part.toObject().value(QLatin1String("text")).toString();
            if (!partText.isEmpty())
                content.append(textPart(partText));
        }
    }
    // A refusal is the only answer a client would see, so it is passed on as text.
    const QString refusal = str(message, "refusal");
    if (content.isEmpty() && !refusal.isEmpty())
        content.append(textPart(refusal));
    const QJsonArray toolCalls = message.value(QLatin1String("tool_calls")).toArray();
    for (const QJsonValue &v : toolCalls) {
        const QJsonObject call = v.toObject();
        const QJsonObject function = call.value(QLatin1String("function")).toObject();
        // Anthropic's input must be an object; arguments a model garbled cannot be repaired here.
        const QJsonObject input =
            QJsonDocument::fromJson(str(function, "arguments").toUtf8()).object();
        content.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                                   {QStringLiteral("id"), withPrefix(str(call, "id"),
                                                                     QStringLiteral("toolu_"))},
                                   {QStringLiteral("name"), function.value(QLatin1String("name"))},
                                   {QStringLiteral("input"), input}});
    }

    const QJsonObject usage = response.value(QLatin1String("usage")).toObject();
    const qint64 cached = usage.value(QLatin1String("prompt_tokens_details"))
                              .toObject()
                              .value(QLatin1String("cached_tokens"))
                              .toInteger();
    const QJsonObject anthropicUsage{
        {QStringLiteral("input_tokens"), usage.value(QLatin1String("prompt_tokens")).toInteger() - cached},
        {QStringLiteral("output_tokens"), usage.value(QLatin1String("completion_tokens")).toInteger()},
        {QStringLiteral("cache_read_input_tokens"), cached},
        {QStringLiteral("cache_creation_input_tokens"), 0}};
    return {{QStringLiteral("id"), withPrefix(str(response, "id"), QStringLiteral("msg_"))},
            {QStringLiteral("type"), QStringLiteral("message")},
            {QStringLiteral("role"), QStringLiteral("assistant")},
            {QStringLiteral("model"), response.value(QLatin1String("model"))},
            {QStringLiteral("content"), content},
            {QStringLiteral("stop_reason"),
             finishToStopReason(str(choice, "finish_reason"), !toolCalls.isEmpty())},
            {QStringLiteral("stop_sequence"), QJsonValue()},
            {QStringLiteral("usage"), anthropicUsage}};
}

qint64 Translate::estimateInputTokens(const QJsonObject &anthropicRequest)
{
    qint64 chars = 0;
    // Text blocks count their text, tool_use their input JSON, tool_result its content; images count nothing.
    const auto countContent = [&chars](const QJsonValue &content, const auto &self) -> void {
        if (content.isString()) {
            chars += content.toString().size();
            return;
        }
        for (const QJsonValue &v : content.toArray()) {
            const QJsonObject block = v.toObject();
            const QString type = typeOf(block);
            if (type == QLatin1String("text"))
                chars += str(block, "text").size();
            else if (type == QLatin1String("tool_use"))
                chars += str(block, "name").size()
                    + compactJson(block.value(QLatin1String("input"))).size();
            else if (type == QLatin1String("tool_result"))
                self(block.value(QLatin1String("content")), self);
            else if (type == QLatin1String("thinking"))
                chars += str(block, "thinking").size();
        }
    };
    countContent(anthropicRequest.value(QLatin1String("system")), countContent);
    for (const QJsonValue &m : anthropicRequest.value(QLatin1String("messages")).toArray())
        countContent(m.toObject().value(QLatin1String("content")), countContent);
    for (const QJsonValue &tool : anthropicRequest.value(QLatin1String("tools")).toArray())
        chars += compactJson(tool).size();
    return qMax<qint64>(1, (chars + 3) / 4);
}
