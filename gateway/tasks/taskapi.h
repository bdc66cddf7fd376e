#pragma once

#include "core/gatewayerror.h"
#include "tasks/task.h"

#include <QJsonObject>
#include <optional>

class ApiCall;
class Gateway;
class RouteTable;
class TaskService;
struct HttpRequest;

// The HTTP side of tasks: POST /v1/images/generations (synchronous, or a task with "async": true or
// "Prefer: respond-async"), POST /v1/videos/generations (always a task), GET /v1/tasks/{id} and
// POST /v1/tasks/{id}/cancel. Validates bodies and decides who owns a task; TaskService does the rest.
class TaskApi final
{
public:
    TaskApi(Gateway *gateway, TaskService *tasks);
    void addRoutes(RouteTable &routes);

    // The checks made before anything is relayed, in OpenAI's error shape; body is a parsed JSON object.
    static std::optional<GatewayError> validate(const QJsonObject &body, TaskType type);
    // "Prefer: respond-async" (RFC 7240), alone or among other preferences.
    static bool prefersAsync(const HttpRequest &request);

private:
    void generate(ApiCall &call, TaskType type);
    void answerTask(ApiCall &call);
    void cancelTask(ApiCall &call);
    static QByteArray ownerOf(const ApiCall &call);
    std::optional<QJsonObject> parseBody(ApiCall &call) const;
    static GatewayError unknownTask(const QString &id);

    Gateway *m_gateway;
    TaskService *m_tasks;
};
