#include "promptspec.h"

#include "server/bodyvalidation.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString param(const QString &where, const QString &field)
{
    return where.isEmpty() ? field : where + QLatin1Char('.') + field;
}

QString inWhere(const QString &where)
{
    return where.isEmpty() ? QString() : QStringLiteral(" in %1").arg(where);
}

// A string field that may be absent; a present one must be a string.
std::optional<GatewayError> optionalString(const QJsonObject &item, const QString &where, const QString &field,
                                           QString *out)
{
    const QJsonValue v = item.value(field);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString())
        return BodyValidation::invalid(QStringLiteral("invalid_type"),
                                       QStringLiteral("'%1'%2 must be a string, not %3.")
                                           .arg(field, inWhere(where), BodyValidation::jsonTypeName(v)),
                                       param(where, field));
    *out = v.toString();
    return std::nullopt;
}

} // namespace

QJsonObject PromptSpec::chatBody() const
{
    QJsonArray messages;
    if (!system.isEmpty())
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), system}});
    messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), prompt}});
    QJsonObject body = sampling;
    body.insert(QStringLiteral("model"), model);
    body.insert(QStringLiteral("messages"), messages);
    body.insert(QStringLiteral("stream"), false);
    return body;
}

namespace PromptSpecs {

std::optional<GatewayError> readSampling(const QJsonObject &item, const QString &where, QJsonObject *out)
{
    struct Field {
        const char *name;
        bool integer;
    };
    for (const Field f : {Field{"max_tokens", true}, Field{"temperature", false}, Field{"top_p", false},
                          Field{"seed", true}}) {
        const QString name = QString::fromLatin1(f.name);
        const QJsonValue v = item.value(name);
        if (v.isUndefined() || v.isNull())
            continue;
        const bool ok = v.isDouble() && (!f.integer || v.toDouble() == double(qint64(v.toDouble())));
        if (!ok)
            return BodyValidation::invalid(QStringLiteral("invalid_type"),
                                           QStringLiteral("'%1'%2 must be %3, not %4.")
                                               .arg(name, inWhere(where),
                                                    f.integer ? QStringLiteral("an integer") : QStringLiteral("a number"),
                                                    BodyValidation::jsonTypeName(v)),
                                           param(where, name));
        out->insert(name, v);
    }
    const QJsonValue stop = item.value(QLatin1String("stop"));
    if (stop.isString() || stop.isArray())
        out->insert(QStringLiteral("stop"), stop);
    else if (!stop.isUndefined() && !stop.isNull())
        return BodyValidation::invalid(QStringLiteral("invalid_type"),
                                       QStringLiteral("'stop'%1 must be a string or an array of strings.").arg(inWhere(where)),
                                       param(where, QStringLiteral("stop")));
    return std::nullopt;
}

std::optional<GatewayError> read(const QJsonObject &item, const QString &where, PromptSpec *out, bool needModel,
                                 bool needPrompt)
{
    QString model, backend;
    if (auto e = optionalString(item, where, QStringLiteral("model"), &model))
        return e;
    if (auto e = optionalString(item, where, QStringLiteral("backend"), &backend))
        return e;
    out->model = model.isEmpty() ? backend : model;
    if (needModel && out->model.isEmpty())
        return BodyValidation::invalid(QStringLiteral("missing_required_parameter"),
                                       QStringLiteral("'model'%1 is required (clinvk's 'backend' is accepted too): "
                                                      "one of the names GET /v1/models lists.")
                                           .arg(inWhere(where)),
                                       param(where, QStringLiteral("model")));

    QString prompt, promptTemplate;
    if (auto e = optionalString(item, where, QStringLiteral("prompt"), &prompt))
        return e;
    if (auto e = optionalString(item, where, QStringLiteral("prompt_template"), &promptTemplate))
        return e;
    out->prompt = prompt.isEmpty() ? promptTemplate : prompt;
    if (needPrompt && out->prompt.isEmpty())
        return BodyValidation::invalid(QStringLiteral("missing_required_parameter"),
                                       QStringLiteral("'prompt'%1 is required and must not be empty.").arg(inWhere(where)),
                                       param(where, QStringLiteral("prompt")));

    QString system, systemPrompt;
    if (auto e = optionalString(item, where, QStringLiteral("system_prompt"), &systemPrompt))
        return e;
    if (auto e = optionalString(item, where, QStringLiteral("system"), &system))
        return e;
    out->system = systemPrompt.isEmpty() ? system : systemPrompt;
    QString name, id;
    if (auto e = optionalString(item, where, QStringLiteral("name"), &name))
        return e;
    if (auto e = optionalString(item, where, QStringLiteral("id"), &id))
        return e;
    out->name = name.isEmpty() ? id : name;
    return readSampling(item, where, &out->sampling);
}

std::optional<GatewayError> objectArray(const QJsonObject &body, const QString &field, int maxItems, QJsonArray *out)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull())
        return BodyValidation::invalid(QStringLiteral("missing_required_parameter"),
                                       QStringLiteral("'%1' is required: an array of objects.").arg(field), field);
    if (!v.isArray())
        return BodyValidation::invalid(QStringLiteral("invalid_type"),
                                       QStringLiteral("'%1' must be an array, not %2.").arg(field, BodyValidation::jsonTypeName(v)),
                                       field);
    const QJsonArray array = v.toArray();
    if (array.isEmpty() || array.size() > maxItems)
        return BodyValidation::invalid(QStringLiteral("invalid_value"),
                                       QStringLiteral("'%1' must hold between 1 and %2 items; it holds %3.")
                                           .arg(field)
                                           .arg(maxItems)
                                           .arg(array.size()),
                                       field);
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return BodyValidation::invalid(QStringLiteral("invalid_type"),
                                           QStringLiteral("'%1[%2]' must be an object, not %3.")
                                               .arg(field)
                                               .arg(i)
                                               .arg(BodyValidation::jsonTypeName(array.at(i))),
                                           QStringLiteral("%1[%2]").arg(field).arg(i));
    }
    *out = array;
    return std::nullopt;
}

std::optional<GatewayError> positiveInt(const QJsonObject &body, const QString &field, int fallback, int *out)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull() || (v.isDouble() && v.toDouble() == 0)) {
        *out = fallback; // clinvk treats 0 as "not set"
        return std::nullopt;
    }
    if (!v.isDouble() || v.toDouble() < 1 || v.toDouble() != double(int(v.toDouble())))
        return BodyValidation::invalid(QStringLiteral("invalid_value"),
                                       QStringLiteral("'%1' must be a positive integer.").arg(field), field);
    *out = v.toInt();
    return std::nullopt;
}

} // namespace PromptSpecs
