#include "bodyvalidation.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace BodyValidation {

GatewayError invalid(const QString &code, const QString &message, const QString &param)
{
    return GatewayError::make(ErrorKind::InvalidRequest, code, message, param);
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: return QStringLiteral("missing");
    }
    return QStringLiteral("unknown");
}

std::optional<GatewayError> jsonObject(const QByteArray &raw, qint64 maxBytes, QJsonObject *out)
{
    if (raw.size() > maxBytes)
        return GatewayError::make(ErrorKind::PayloadTooLarge, QStringLiteral("request_too_large"),
                                  QStringLiteral("The request body is %1 bytes; this gateway accepts at most %2.")
                                      .arg(raw.size())
                                      .arg(maxBytes));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("invalid_json"), QStringLiteral("The request body is not valid JSON (%1 at byte %2).")
                                                           .arg(parseError.errorString())
                                                           .arg(parseError.offset));
    if (!doc.isObject())
        return invalid(QStringLiteral("invalid_json"), QStringLiteral("The request body must be a JSON object."));
    *out = doc.object();
    return std::nullopt;
}

namespace {

std::optional<GatewayError> validateModelAndStream(const QJsonObject &body)
{
    const QJsonValue model = body.value(QLatin1String("model"));
    if (model.isUndefined())
        return invalid(QStringLiteral("missing_required_parameter"), QStringLiteral("'model' is required."),
                       QStringLiteral("model"));
    if (!model.isString() || model.toString().trimmed().isEmpty())
        return invalid(QStringLiteral("invalid_type"),
                       QStringLiteral("'model' must be a non-empty string, not %1.").arg(jsonTypeName(model)),
                       QStringLiteral("model"));
    const QJsonValue stream = body.value(QLatin1String("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool())
        return invalid(QStringLiteral("invalid_type"),
                       QStringLiteral("'stream' must be true or false, not %1.").arg(jsonTypeName(stream)),
                       QStringLiteral("stream"));
    return std::nullopt;
}

} // namespace

std::optional<GatewayError> openAiBody(const QJsonObject &body, ApiKind kind)
{
    if (const auto problem = validateModelAndStream(body))
        return problem;
    if (kind == ApiKind::ChatCompletions) {
        const QJsonValue messages = body.value(QLatin1String("messages"));
        if (messages.isUndefined())
            return invalid(QStringLiteral("missing_required_parameter"), QStringLiteral("'messages' is required."),
                           QStringLiteral("messages"));
        if (!messages.isArray())
            return invalid(QStringLiteral("invalid_type"),
                           QStringLiteral("'messages' must be an array, not %1.").arg(jsonTypeName(messages)),
                           QStringLiteral("messages"));
        if (messages.toArray().isEmpty())
            return invalid(QStringLiteral("invalid_value"), QStringLiteral("'messages' must not be empty."),
                           QStringLiteral("messages"));
        const QJsonArray list = messages.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isObject() || !list.at(i).toObject().value(QLatin1String("role")).isString())
                return invalid(QStringLiteral("invalid_type"),
                               QStringLiteral("'messages[%1]' must be an object with a string 'role'.").arg(i),
                               QStringLiteral("messages"));
        }
    } else {
        const QJsonValue input = body.value(QLatin1String("input"));
        if (!input.isString() && !input.isArray())
            return invalid(QStringLiteral("invalid_type"),
                           QStringLiteral("'input' must be a string or an array, not %1.").arg(jsonTypeName(input)),
                           QStringLiteral("input"));
    }
    return std::nullopt;
}

std::optional<GatewayError> anthropicBody(const QJsonObject &body, ApiKind kind)
{
    if (const auto problem = validateModelAndStream(body))
        return problem;
    const QJsonValue messages = body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty())
        return invalid(QStringLiteral("invalid_value"), QStringLiteral("messages: must be a non-empty array."),
                       QStringLiteral("messages"));
    const QJsonArray list = messages.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString role = list.at(i).toObject().value(QLatin1String("role")).toString();
        if (role != QLatin1String("user") && role != QLatin1String("assistant"))
            return invalid(QStringLiteral("invalid_value"),
                           QStringLiteral("messages.%1.role: must be 'user' or 'assistant'.").arg(i),
                           QStringLiteral("messages"));
    }
    if (kind == ApiKind::ChatCompletions) {
        const QJsonValue maxTokens = body.value(QLatin1String("max_tokens"));
        if (maxTokens.isUndefined())
            return invalid(QStringLiteral("missing_required_parameter"), QStringLiteral("max_tokens: Field required"),
                           QStringLiteral("max_tokens"));
        if (!maxTokens.isDouble() || maxTokens.toDouble() < 1 || maxTokens.toDouble() != double(maxTokens.toInteger()))
            return invalid(QStringLiteral("invalid_type"),
                           QStringLiteral("max_tokens: must be a positive integer, not %1.").arg(jsonTypeName(maxTokens)),
                           QStringLiteral("max_tokens"));
    }
    return std::nullopt;
}

} // namespace BodyValidation
