#include "translate.h"

#include "translate/geminiparts.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

// OpenAI chat completions → Gemini generateContent, and Gemini answers → OpenAI.
// What is carried and what is dropped: docs/compatibility.md, "OpenAI ⇄ Gemini".

namespace {

QString str(const char *s)
{
    return QString::fromLatin1(s);
}

// Gemini takes an OpenAPI subset; these JSON Schema keys make it reject the whole request.
QJsonValue cleanSchema(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(cleanSchema(v));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject in = value.toObject();
    for (auto it = in.begin(); it != in.end(); ++it) {
        if (it.key() == QLatin1String("$schema") || it.key() == QLatin1String("additionalProperties")
            || it.key() == QLatin1String("strict") || it.key() == QLatin1String("$id"))
            continue;
        out.insert(it.key(), cleanSchema(it.value()));
    }
    return out;
}

QString mimeTypeOfUrl(const QString &url)
{
    const QString path = url.section(QLatin1Char('?'), 0, 0).toLower();
    if (path.endsWith(QLatin1String(".png")))
        return str("image/png");
    if (path.endsWith(QLatin1String(".webp")))
        return str("image/webp");
    if (path.endsWith(QLatin1String(".gif")))
        return str("image/gif");
    if (path.endsWith(QLatin1String(".heic")))
        return str("image/heic");
    return str("image/jpeg");
}

std::optional<QJsonObject> imagePart(const QJsonObject &part, QString *error)
{
    const QJsonValue image = part.value(QLatin1String("image_url"));
    const QString url = image.isString() ? image.toString() : image.toObject().value(QLatin1String("url")).toString();
    if (url.isEmpty()) {
        *error = str("image_url parts need a 'url'.");
        return std::nullopt;
    }
    if (url.startsWith(QLatin1String("data:"))) {
        // data:<mime>;base64,<data>
        const qsizetype comma = url.indexOf(QLatin1Char(','));
        const QString meta = url.mid(5, comma - 5);
        if (comma < 0 || !meta.endsWith(QLatin1String(";base64"))) {
            *error = str("image data URLs must be base64-encoded (data:<type>;base64,...).");
            return std::nullopt;
        }
        return QJsonObject{{str("inlineData"), QJsonObject{{str("mimeType"), meta.chopped(7)},
                                                           {str("data"), url.mid(comma + 1)}}}};
    }
    return QJsonObject{{str("fileData"), QJsonObject{{str("mimeType"), mimeTypeOfUrl(url)}, {str("fileUri"), url}}}};
}

// The parts of one OpenAI message's content (a string or an array of parts).
std::optional<QJsonArray> contentParts(const QJsonValue &content, int index, QString *error)
{
    QJsonArray parts;
    if (content.isString()) {
        if (!content.toString().isEmpty())
            parts.append(QJsonObject{{str("text"), content.toString()}});
        return parts;
    }
    if (content.isNull() || content.isUndefined())
        return parts;
    if (!content.isArray()) {
        *error = QStringLiteral("messages[%1].content must be a string or an array of parts.").arg(index);
        return std::nullopt;
    }
    for (const QJsonValue &v : content.toArray()) {
        const QJsonObject part = v.toObject();
        const QString type = part.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            parts.append(QJsonObject{{str("text"), part.value(QLatin1String("text")).toString()}});
        } else if (type == QLatin1String("image_url")) {
            const auto image = imagePart(part, error);
            if (!image)
                return std::nullopt;
            parts.append(*image);
        } // other part types (audio, files) have no mapping here and are dropped
    }
    return parts;
}

QString textOf(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue &v : content.toArray())
        text += v.toObject().value(QLatin1String("text")).toString();
    return text;
}

void appendContent(QJsonArray &contents, const QString &role, const QJsonArray &parts)
{
    if (parts.isEmpty())
        return;
    // Gemini wants user and model turns to alternate: consecutive turns of one role become one.
    if (!contents.isEmpty()) {
        QJsonObject last = contents.last().toObject();
        if (last.value(QLatin1String("role")).toString() == role) {
            QJsonArray merged = last.value(QLatin1String("parts")).toArray();
            for (const QJsonValue &p : parts)
                merged.append(p);
            last.insert(str("parts"), merged);
            contents.replace(contents.size() - 1, last);
            return;
        }
    }
    contents.append(QJsonObject{{str("role"), role}, {str("parts"), parts}});
}

std::optional<QJsonObject> toolConfig(const QJsonValue &choice, QString *error)
{
    QJsonObject config;
    if (choice.isString()) {
        const QString c = choice.toString();
        if (c == QLatin1String("auto"))
            config.insert(str("mode"), str("AUTO"));
        else if (c == QLatin1String("none"))
            config.insert(str("mode"), str("NONE"));
        else if (c == QLatin1String("required"))
            config.insert(str("mode"), str("ANY"));
        else {
            *error = QStringLiteral("tool_choice '%1' is not one of auto, none, required.").arg(c);
            return std::nullopt;
        }
    } else {
        const QString name = choice.toObject().value(QLatin1String("function")).toObject().value(QLatin1String("name")).toString();
        if (name.isEmpty()) {
            *error = str("tool_choice must name a function.");
            return std::nullopt;
        }
        config.insert(str("mode"), str("ANY"));
        config.insert(str("allowedFunctionNames"), QJsonArray{name});
    }
    return QJsonObject{{str("functionCallingConfig"), config}};
}

} // namespace

std::optional<QJsonObject> Translate::openAiRequestToGemini(const QJsonObject &request, QString *error)
{
    const QJsonValue messagesValue = request.value(QLatin1String("messages"));
    if (!messagesValue.isArray()) {
        *error = str("'messages' must be an array.");
        return std::nullopt;
    }
    QJsonObject out;
    QJsonArray system;
    QJsonArray contents;
    QHash<QString, QString> toolNames; // tool_call_id → function name: Gemini results name the function
    const QJsonArray messages = messagesValue.toArray();
    for (int i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages.at(i).toObject();
        const QString role = m.value(QLatin1String("role")).toString();
        if (role == QLatin1String("system") || role == QLatin1String("developer")) {
            system.append(QJsonObject{{str("text"), textOf(m.value(QLatin1String("content")))}});
        } else if (role == QLatin1String("user")) {
            const auto parts = contentParts(m.value(QLatin1String("content")), i, error);
            if (!parts)
                return std::nullopt;
            appendContent(contents, str("user"), *parts);
        } else if (role == QLatin1String("assistant")) {
            auto parts = contentParts(m.value(QLatin1String("content")), i, error);
            if (!parts)
                return std::nullopt;
            for (const QJsonValue &v : m.value(QLatin1String("tool_calls")).toArray()) {
                const QJsonObject call = v.toObject();
                const QJsonObject fn = call.value(QLatin1String("function")).toObject();
                const QString name = fn.value(QLatin1String("name")).toString();
                const QString arguments = fn.value(QLatin1String("arguments")).toString();
                const QJsonDocument args = QJsonDocument::fromJson(arguments.isEmpty() ? "{}" : arguments.toUtf8());
                if (!args.isObject()) {
                    *error = QStringLiteral("messages[%1]: the arguments of tool call '%2' are not a JSON object.")
                                 .arg(i)
                                 .arg(call.value(QLatin1String("id")).toString());
                    return std::nullopt;
                }
                toolNames.insert(call.value(QLatin1String("id")).toString(), name);
                parts->append(QJsonObject{{str("functionCall"), QJsonObject{{str("name"), name}, {str("args"), args.object()}}}});
            }
            appendContent(contents, str("model"), *parts);
        } else if (role == QLatin1String("tool")) {
            const QString id = m.value(QLatin1String("tool_call_id")).toString();
            if (!toolNames.contains(id)) {
                *error = QStringLiteral("messages[%1]: tool_call_id '%2' answers no earlier tool call.").arg(i).arg(id);
                return std::nullopt;
            }
            const QString text = textOf(m.value(QLatin1String("content")));
            const QJsonDocument parsed = QJsonDocument::fromJson(text.toUtf8());
            // Gemini wants an object as a function's result; anything else is wrapped.
            const QJsonObject response = parsed.isObject() ? parsed.object() : QJsonObject{{str("content"), text}};
            appendContent(contents, str("user"),
                          QJsonArray{QJsonObject{{str("functionResponse"),
                                                  QJsonObject{{str("name"), toolNames.value(id)}, {str("response"), response}}}}});
        } else {
            *error = QStringLiteral("messages[%1].role '%2' is not one of system, developer, user, assistant, tool.")
                         .arg(i)
                         .arg(role);
            return std::nullopt;
        }
    }
    out.insert(str("contents"), contents);
    if (!system.isEmpty())
        out.insert(str("systemInstruction"), QJsonObject{{str("parts"), system}});

    QJsonArray declarations;
    for (const QJsonValue &v : request.value(QLatin1String("tools")).toArray()) {
        const QJsonObject fn = v.toObject().value(QLatin1String("function")).toObject();
        QJsonObject declaration{{str("name"), fn.value(QLatin1String("name"))}};
        if (fn.contains(QLatin1String("description")))
            declaration.insert(str("description"), fn.value(QLatin1String("description")));
        if (fn.contains(QLatin1String("parameters")))
            declaration.insert(str("parameters"), cleanSchema(fn.value(QLatin1String("parameters"))));
        declarations.append(declaration);
    }
    if (!declarations.isEmpty())
        out.insert(str("tools"), QJsonArray{QJsonObject{{str("functionDeclarations"), declarations}}});
    if (request.contains(QLatin1String("tool_choice"))) {
        const auto config = toolConfig(request.value(QLatin1String("tool_choice")), error);
        if (!config)
            return std::nullopt;
        out.insert(str("toolConfig"), *config);
    }

    QJsonObject generation;
    const QJsonValue maxTokens = request.contains(QLatin1String("max_completion_tokens"))
        ? request.value(QLatin1String("max_completion_tokens"))
        : request.value(QLatin1String("max_tokens"));
    if (maxTokens.isDouble())
        generation.insert(str("maxOutputTokens"), maxTokens);
    if (request.value(QLatin1String("temperature")).isDouble())
        generation.insert(str("temperature"), request.value(QLatin1String("temperature")));
    if (request.value(QLatin1String("top_p")).isDouble())
        generation.insert(str("topP"), request.value(QLatin1String("top_p")));
    if (request.value(QLatin1String("n")).isDouble())
        generation.insert(str("candidateCount"), request.value(QLatin1String("n")));
    const QJsonValue stop = request.value(QLatin1String("stop"));
    if (stop.isString())
        generation.insert(str("stopSequences"), QJsonArray{stop});
    else if (stop.isArray())
        generation.insert(str("stopSequences"), stop);
    const QJsonObject format = request.value(QLatin1String("response_format")).toObject();
    const QString formatType = format.value(QLatin1String("type")).toString();
    if (formatType == QLatin1String("json_object") || formatType == QLatin1String("json_schema"))
        generation.insert(str("responseMimeType"), str("application/json"));
    if (formatType == QLatin1String("json_schema"))
        generation.insert(str("responseSchema"),
                          cleanSchema(format.value(QLatin1String("json_schema")).toObject().value(QLatin1String("schema"))));
    if (!generation.isEmpty())
        out.insert(str("generationConfig"), generation);
    return out;
}

QJsonObject Translate::geminiResponseToOpenAi(const QJsonObject &response, const QString &model)
{
    const QJsonObject candidate = response.value(QLatin1String("candidates")).toArray().first().toObject();
    const GeminiParts::Answer answer = GeminiParts::answerOf(candidate, 0);
    const QString &text = answer.text;
    const QJsonArray &toolCalls = answer.toolCalls;
    QJsonObject message{{str("role"), str("assistant")},
                        {str("content"), text.isEmpty() && !toolCalls.isEmpty() ? QJsonValue() : QJsonValue(text)}};
    if (!toolCalls.isEmpty())
        message.insert(str("tool_calls"), toolCalls);
    const bool blocked = response.value(QLatin1String("promptFeedback")).toObject().contains(QLatin1String("blockReason"))
        && candidate.isEmpty();
    const QString finish = GeminiParts::finishReason(candidate.value(QLatin1String("finishReason")).toString(),
                                                     !toolCalls.isEmpty(), blocked);
    const QJsonObject usage = GeminiParts::usage(response.value(QLatin1String("usageMetadata")).toObject());
    const QString responseId = response.value(QLatin1String("responseId")).toString();
    return QJsonObject{
        {str("id"), QString(QStringLiteral("chatcmpl-") + (responseId.isEmpty() ? str("gemini") : responseId))},
        {str("object"), str("chat.completion")},
        {str("created"), QJsonValue(QDateTime::currentSecsSinceEpoch())},
        {str("model"), model},
        {str("choices"), QJsonArray{QJsonObject{{str("index"), 0}, {str("message"), message}, {str("finish_reason"), finish}}}},
        {str("usage"), usage},
    };
}
