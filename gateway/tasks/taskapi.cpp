#include "taskapi.h"

#include "gateway.h"
#include "routing/router.h"
#include "server/apicall.h"
#include "server/bodyvalidation.h"
#include "server/errorresponse.h"
#include "server/httpcompat.h"
#include "server/routetable.h"
#include "tasks/taskservice.h"
#include "tokens/tokenlimiter.h"

#include <QJsonDocument>
#include <QPointer>

namespace {

using BodyValidation::invalid;
using BodyValidation::jsonTypeName;

ApiKind kindOf(TaskType type)
{
    return type == TaskType::Video ? ApiKind::VideoGenerations : ApiKind::ImageGenerations;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<GatewayError> requireString(const QJsonObject &body, const QString &key)
{
    const QJsonValue value = body.value(key);
    if (value.isUndefined())
        return invalid(QStringLiteral("missing_required_parameter"), QStringLiteral("'%1' is required.").arg(key), key);
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return invalid(QStringLiteral("invalid_type"),
                       QStringLiteral("'%1' must be a non-empty string, not %2.").arg(key, jsonTypeName(value)), key);
    return std::nullopt;
}

} // namespace

TaskApi::TaskApi(Gateway *gateway, TaskService *tasks)
    : m_gateway(gateway), m_tasks(tasks)
{
}

void TaskApi::addRoutes(RouteTable &routes)
{
    using Access = RouteTable::Access;
    routes.add("POST", QStringLiteral("/v1/images/generations"), Access::Token,
               [this](ApiCall &call) { generate(call, TaskType::Image); });
    routes.add("POST", QStringLiteral("/v1/videos/generations"), Access::Token,
               [this](ApiCall &call) { generate(call, TaskType::Video); });
    routes.add("GET", QStringLiteral("/v1/tasks/{id}"), Access::Token, [this](ApiCall &call) { answerTask(call); });
    routes.add("POST", QStringLiteral("/v1/tasks/{id}/cancel"), Access::Token,
               [this](ApiCall &call) { cancelTask(call); });
}

std::optional<GatewayError> TaskApi::validate(const QJsonObject &body, TaskType type)
{
    for (const QString &key : {QStringLiteral("model"), QStringLiteral("prompt")}) {
        if (auto problem = requireString(body, key))
            return problem;
    }
    const QJsonValue n = body.value(QLatin1String("n"));
    if (!n.isUndefined() && !n.isNull()) {
        if (!n.isDouble() || n.toDouble() != double(n.toInteger()))
            return invalid(QStringLiteral("invalid_type"),
                           QStringLiteral("'n' must be an integer, not %1.").arg(jsonTypeName(n)), QStringLiteral("n"));
        if (n.toInteger() < 1 || n.toInteger() > 10)
            return invalid(QStringLiteral("invalid_value"),
                           QStringLiteral("'n' must be between 1 and 10, not %1.").arg(n.toInteger()), QStringLiteral("n"));
    }
    for (const QString &key : {QStringLiteral("size"), QStringLiteral("quality"), QStringLiteral("style"),
                              QStringLiteral("response_format"), QStringLiteral("aspect_ratio")}) {
        const QJsonValue value = body.value(key);
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return invalid(QStringLiteral("invalid_type"),
                           QStringLiteral("'%1' must be a string, not %2.").arg(key, jsonTypeName(value)), key);
    }
    const QString format = body.value(QLatin1String("response_format")).toString();
    if (type == TaskType::Image && !format.isEmpty() && format != QLatin1String("url")
        && format != QLatin1String("b64_json"))
        return invalid(QStringLiteral("invalid_value"),
                       QStringLiteral("'response_format' must be 'url' or 'b64_json', not '%1'.").arg(format),
                       QStringLiteral("response_format"));
    const QJsonValue async = body.value(QLatin1String("async"));
    if (!async.isUndefined() && !async.isNull() && !async.isBool())
        return invalid(QStringLiteral("invalid_type"),
                       QStringLiteral("'async' must be true or false, not %1.").arg(jsonTypeName(async)),
                       QStringLiteral("async"));
    return std::nullopt;
}

bool TaskApi::prefersAsync(const HttpRequest &request)
{
    for (const QByteArray &preference : request.header("Prefer").split(',')) {
        if (preference.split(';').first().trimmed().toLower() == "respond-async")
            return true;
    }
    return false;
}

QByteArray TaskApi::ownerOf(const ApiCall &call)
{
    // Keyed by the token's SHA-256, as the config stores tokens: a task stays its creator's across restarts
    // and renames, and the token itself is never written down. Without tokens every client is the same one
    // (authentication leaves no caller then).
    return call.caller ? call.caller->sha256Hex : QByteArray();
}

std::optional<QJsonObject> TaskApi::parseBody(ApiCall &call) const
{
    QJsonObject body;
    if (const auto problem = BodyValidation::jsonObject(call.request.body, m_gateway->config().gateway.maxBodyBytes, &body)) {
        call.sendError(*problem);
        return std::nullopt;
    }
    return body;
}

void TaskApi::generate(ApiCall &call, TaskType type)
{
    std::optional<QJsonObject> parsed = parseBody(call);
    if (!parsed)
        return;
    QJsonObject body = *parsed;
    const QJsonValue model = body.value(QLatin1String("model"));
    call.publicModel = model.isString() ? model.toString().left(200) : QString();
    if (const auto problem = validate(body, type)) {
        call.sendError(*problem);
        return;
    }
    const ApiKind kind = kindOf(type);
    // A model nobody serves (or only providers that cannot make images) is refused now, not as a failed task.
    // Bans and busy providers are not: the relay may still find one, or say why when it runs.
    GatewayError whyNot;
    if (!m_gateway->router()->pick(call.publicModel, kind, {}, &whyNot, RouteScope::ProvidersOnly)
        && (whyNot.kind == ErrorKind::NotFound || whyNot.kind == ErrorKind::NotImplemented)) {
        call.sendError(whyNot);
        return;
    }
    // The caller's token must allow the model, and an image or a video counts against its quota.
    if (const TokenRecord *token = call.limitedToken()) {
        if (const auto denied = m_gateway->tokenLimiter()->admitModelCall(*token, call.publicModel, true, &call.quotaCounted)) {
            call.sendError(*denied);
            return;
        }
    }
    // Video generations take minutes everywhere; nobody wants to hold a connection open for them.
    const bool async = type == TaskType::Video || body.value(QLatin1String("async")).toBool() || prefersAsync(call.request);
    body.remove(QStringLiteral("async")); // ours, not the provider's: OpenAI refuses unknown parameters

    TaskJob::Submission submission;
    submission.kind = kind;
    submission.body = body;
    submission.endpoint = call.path;
    submission.client = call.request.peer.toString();
    if (call.caller) {
        submission.token = call.caller->name;
        submission.tokenId = call.caller->id;
        submission.quotaCounted = call.quotaCounted;
    }

    if (async) {
        const Task task = m_tasks->startTask(type, call.publicModel, ownerOf(call), submission);
        call.sendRaw(202, "application/json", compact(task.toJson()),
                     {{QByteArrayLiteral("Location"), "/v1/tasks/" + task.id.toLatin1()}});
        return;
    }

    // Synchronous: the same job, answered when it ends; a provider's own task is polled meanwhile.
    TaskJob *job = m_tasks->startUnstored(type, call.publicModel, submission);
    QPointer<HttpExchange> exchange = call.exchange;
    const HeaderList cors = call.cors;
    QObject::connect(exchange, &ClientExchange::clientGone, job, &TaskJob::cancel);
    QObject::connect(job, &TaskJob::finished, job, [exchange, cors, job] {
        if (!exchange)
            return;
        const Task &task = job->task();
        HeaderList headers = cors;
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        if (task.status == TaskStatus::Completed)
            exchange->respond(200, headers, compact(task.result));
        else
            exchange->respond(task.errorStatus >= 400 ? task.errorStatus : 502, headers,
                              compact(QJsonObject{{QStringLiteral("error"), task.error}}));
    });
}

GatewayError TaskApi::unknownTask(const QString &id)
{
    return GatewayError::make(ErrorKind::NotFound, QStringLiteral("task_not_found"),
                              QStringLiteral("No task '%1' here: it never existed, belongs to another access token, "
                                             "or finished longer ago than gateway.tasks.retention_hours.")
                                  .arg(id.left(100)),
                              QStringLiteral("id"));
}

void TaskApi::answerTask(ApiCall &call)
{
    const QString id = call.params.value(0);
    const std::optional<Task> task = m_tasks->find(id, ownerOf(call));
    if (!task) {
        call.sendError(unknownTask(id));
        return;
    }
    call.sendJson(200, task->toJson());
}

void TaskApi::cancelTask(ApiCall &call)
{
    const QString id = call.params.value(0);
    Task task;
    switch (m_tasks->cancel(id, ownerOf(call), &task)) {
    case TaskService::CancelOutcome::NotFound:
        call.sendError(unknownTask(id));
        return;
    case TaskService::CancelOutcome::AlreadyFinished:
        call.publicModel = task.model;
        call.sendError(GatewayError::make(ErrorKind::Conflict, QStringLiteral("task_already_finished"),
                                          QStringLiteral("Task '%1' is already %2; only a pending or processing task can be "
                                                         "cancelled.")
                                              .arg(id, Task::statusName(task.status))));
        return;
    case TaskService::CancelOutcome::Cancelled:
        call.publicModel = task.model;
        call.sendJson(200, task.toJson());
        call.logAnsweredHere(200, {});
        return;
    }
}
