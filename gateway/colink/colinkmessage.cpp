#include "colinkmessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace Colink {

namespace {

QByteArray frame(const char *type, const QJsonObject &data)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject withId(const QString &requestId)
{
    return QJsonObject{{QStringLiteral("request_id"), requestId}};
}

} // namespace

std::optional<Message> parse(const QByteArray &frame)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject root = doc.object();
    const QJsonValue type = root.value(QLatin1String("type"));
    if (!type.isString())
        return std::nullopt;
    return Message{type.toString(), root.value(QLatin1String("data")).toObject()};
}

QByteArray registerNode(int maxParallel, const QStringList &models, const QString &nodeName)
{
    QJsonObject data{{QStringLiteral("max_parallel"), maxParallel},
                     {QStringLiteral("models"), QJsonArray::fromStringList(models)}};
    // An addition of ours; the reference server decodes into a struct and ignores unknown fields.
    if (!nodeName.isEmpty())
        data.insert(QStringLiteral("name"), nodeName);
    return frame("REGISTER", data);
}

QByteArray call(const QString &requestId, const QString &model, const QJsonObject &payload)
{
    QJsonObject data = withId(requestId);
    data.insert(QStringLiteral("model"), model);
    data.insert(QStringLiteral("payload"), payload);
    return frame("CALL", data);
}

QByteArray stream(const QString &requestId, const QJsonObject &chunk)
{
    QJsonObject data = withId(requestId);
    data.insert(QStringLiteral("chunk"), chunk);
    return frame("STREAM", data);
}

QByteArray finish(const QString &requestId)
{
    return frame("FINISH", withId(requestId));
}

QByteArray error(const QString &requestId, int code, const QString &message)
{
    QJsonObject data = withId(requestId);
    data.insert(QStringLiteral("code"), code);
    data.insert(QStringLiteral("message"), message);
    return frame("ERROR", data);
}

QByteArray cancel(const QString &requestId)
{
    return frame("CANCEL", withId(requestId));
}

QString newRequestId()
{
    return QStringLiteral("req-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace Colink
