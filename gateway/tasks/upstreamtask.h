#pragma once

#include "task.h"

#include <QJsonObject>
#include <optional>

// A provider's own task, as EvoLink's task API describes it: submitting a generation answers with
// {id, status: "pending", progress: 0, ...}; GET <base>/tasks/{id} then reports status and progress until
// "completed" with "results": [urls], or "failed" with an error. Pure functions: no I/O.
namespace UpstreamTask {

// What one answer of the provider says about its task.
struct State final {
    TaskStatus status = TaskStatus::Processing;
    std::optional<int> progress;  // unset: the answer did not say
    QJsonObject result;           // Completed: as an OpenAI images response
    QJsonObject error;            // Failed or Cancelled: OpenAI's inner error object
};

// Whether a successful generation answer is a task to poll rather than the result: it names an id and a
// status and carries no "data". OpenAI's images answers never have a status, EvoLink's always do.
bool isTaskObject(const QJsonObject &answer);
QString idOf(const QJsonObject &answer);

// Reads a task object (the submit answer or a poll answer). Unknown status words count as still running.
State parse(const QJsonObject &answer);

// A finished generation's answer as an OpenAI images response: "data" kept as it is, EvoLink's "results"
// (URLs) and the Akash proxy's data.pic turned into data: [{url}]. nullopt when it holds no result at all.
std::optional<QJsonObject> normalizedResult(const QJsonObject &answer, qint64 createdSeconds);

// OpenAI's inner error object from an error body in OpenAI's shape, or a plain message.
QJsonObject errorFromBody(const QByteArray &body, const QString &fallbackMessage);
QJsonObject errorObject(const QString &type, const QString &code, const QString &message);

} // namespace UpstreamTask
