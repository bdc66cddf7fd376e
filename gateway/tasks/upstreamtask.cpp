#include "upstreamtask.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace UpstreamTask {

bool isTaskObject(const QJsonObject &answer)
{
    return !idOf(answer).isEmpty() && answer.value(QLatin1String("status")).isString()
           && !answer.value(QLatin1String("data")).isArray();
}

QString idOf(const QJsonObject &answer)
{
    const QJsonValue id = answer.value(QLatin1String("id"));
    if (id.isString())
        return id.toString();
    // Some task APIs answer with {"task_id": ...} instead.
    return answer.value(QLatin1String("task_id")).toString();
}

QJsonObject errorObject(const QString &type, const QString &code, const QString &message)
{
    return QJsonObject{{QStringLiteral("message"), message},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("param"), QJsonValue()},
                       {QStringLiteral("code"), code.isEmpty() ? QJsonValue() : QJsonValue(code)}};
}

namespace {

QJsonObject upstreamError(const QJsonValue &value, const QString &fallback)
{
    if (value.isObject()) {
        const QJsonObject e = value.toObject();
        QString message = e.value(QLatin1String("message")).toString();
        if (message.isEmpty())
            message = fallback;
        const QJsonValue code = e.value(QLatin1String("code"));
        return errorObject(QStringLiteral("api_error"),
                           code.isString() ? code.toString()
                           : code.isDouble() ? QString::number(code.toInteger())
                                             : QStringLiteral("upstream_task_failed"),
                           message);
    }
    const QString message = value.isString() && !value.toString().isEmpty() ? value.toString() : fallback;
    return errorObject(QStringLiteral("api_error"), QStringLiteral("upstream_task_failed"), message);
}

} // namespace

State parse(const QJsonObject &answer)
{
    State state;
    const QString status = answer.value(QLatin1String("status")).toString().trimmed().toLower();
    static const QStringList pending{QStringLiteral("pending"), QStringLiteral("queued"), QStringLiteral("submitted"),
                                     QStringLiteral("waiting"), QStringLiteral("created")};
    static const QStringList done{QStringLiteral("completed"), QStringLiteral("succeeded"), QStringLiteral("success"),
                                  QStringLiteral("done"), QStringLiteral("finished")};
    static const QStringList failed{QStringLiteral("failed"), QStringLiteral("failure"), QStringLiteral("error")};
    static const QStringList cancelled{QStringLiteral("cancelled"), QStringLiteral("canceled")};
    if (pending.contains(status))
        state.status = TaskStatus::Pending;
    else if (done.contains(status))
        state.status = TaskStatus::Completed;
    else if (failed.contains(status))
        state.status = TaskStatus::Failed;
    else if (cancelled.contains(status))
        state.status = TaskStatus::Cancelled;

    const QJsonValue progress = answer.value(QLatin1String("progress"));
    if (progress.isDouble())
        state.progress = qBound(0, int(progress.toDouble()), 100);

    if (state.status == TaskStatus::Completed) {
        const qint64 created = answer.value(QLatin1String("created")).toInteger(QDateTime::currentSecsSinceEpoch());
        if (const auto result = normalizedResult(answer, created)) {
            state.result = *result;
            state.progress = 100;
        } else {
            // "Completed" with nothing to show is a failure the client must hear about, not an empty success.
            state.status = TaskStatus::Failed;
            state.error = errorObject(QStringLiteral("api_error"), QStringLiteral("upstream_invalid_response"),
                                      QStringLiteral("The provider reported the task completed but returned no results."));
        }
    } else if (state.status == TaskStatus::Failed) {
        state.error = upstreamError(answer.value(QLatin1String("error")), QStringLiteral("The provider's task failed."));
    } else if (state.status == TaskStatus::Cancelled) {
        state.status = TaskStatus::Failed; // the client did not cancel it: for the client it failed
        state.error = errorObject(QStringLiteral("api_error"), QStringLiteral("upstream_task_cancelled"),
                                  QStringLiteral("The provider cancelled the task."));
    }
    return state;
}

std::optional<QJsonObject> normalizedResult(const QJsonObject &answer, qint64 createdSeconds)
{
    const qint64 created = answer.value(QLatin1String("created")).toInteger(createdSeconds);
    const QJsonValue data = answer.value(QLatin1String("data"));
    if (data.isArray()) {
        QJsonObject result = answer;
        result.insert(QStringLiteral("created"), created);
        return result;
    }
    QJsonArray items;
    // The Akash Chat proxy's image model: {"code": 200, "data": {"jobId", "prompt", "pic": url}}.
    const QJsonObject akash = data.toObject();
    if (akash.value(QLatin1String("pic")).isString())
        items.append(QJsonObject{{QStringLiteral("url"), akash.value(QLatin1String("pic")).toString()},
                                 {QStringLiteral("revised_prompt"), akash.value(QLatin1String("prompt")).toString()}});
    for (const QJsonValue &r : answer.value(QLatin1String("results")).toArray()) {
        if (r.isString())
            items.append(QJsonObject{{QStringLiteral("url"), r.toString()}});
        else if (r.isObject())
            items.append(r);
    }
    if (items.isEmpty())
        return std::nullopt;
    return QJsonObject{{QStringLiteral("created"), created}, {QStringLiteral("data"), items}};
}

QJsonObject errorFromBody(const QByteArray &body, const QString &fallbackMessage)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonValue error = root.value(QLatin1String("error"));
    if (error.isObject()) {
        QJsonObject e = error.toObject();
        if (e.value(QLatin1String("message")).toString().isEmpty())
            e.insert(QStringLiteral("message"), fallbackMessage);
        if (!e.contains(QLatin1String("type")))
            e.insert(QStringLiteral("type"), QStringLiteral("api_error"));
        if (!e.contains(QLatin1String("param")))
            e.insert(QStringLiteral("param"), QJsonValue());
        if (!e.contains(QLatin1String("code")))
            e.insert(QStringLiteral("code"), QJsonValue());
        return e;
    }
    const QString message = error.isString() ? error.toString() : root.value(QLatin1String("message")).toString();
    return errorObject(QStringLiteral("api_error"), QStringLiteral("upstream_error"),
                       message.isEmpty() ? fallbackMessage : message);
}

} // namespace UpstreamTask
