#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

// One long generation as the client sees it: submitted with POST /v1/images|videos/generations, read with
// GET /v1/tasks/{id}. The same record is what TaskStore keeps in SQLite.
enum class TaskStatus { Pending, Processing, Completed, Failed, Cancelled };
enum class TaskType { Image, Video };

struct Task final {
    QString id;            // "task_" + 32 hex digits
    QByteArray owner;      // SHA-256 (hex) of the access token that created it; empty when no tokens are set
    TaskType type = TaskType::Image;
    QString model;         // the public model name the client asked for
    TaskStatus status = TaskStatus::Pending;
    int progress = 0;      // 0-100
    qint64 createdMs = 0;  // wall clock
    qint64 updatedMs = 0;
    qint64 finishedMs = 0; // 0 while running

    // Where the work is, for a provider that runs it as its own task (submit, then poll); kept so that a
    // restarted gateway can go on polling.
    QString provider;
    QString localModel;
    QString upstreamId;

    QJsonObject result;    // completed: an OpenAI images response ({created, data: [{url}|{b64_json}]})
    QJsonObject error;     // failed or cancelled: OpenAI's inner error object {message, type, param, code}
    int errorStatus = 0;   // the HTTP status a synchronous caller gets for that error

    bool finished() const
    {
        return status == TaskStatus::Completed || status == TaskStatus::Failed || status == TaskStatus::Cancelled;
    }
    // The object GET /v1/tasks/{id} answers with.
    QJsonObject toJson() const;

    static QString statusName(TaskStatus status);
    static std::optional<TaskStatus> statusFromName(const QString &name);
    static QString typeName(TaskType type);
    static TaskType typeFromName(const QString &name);
    static QString newId();
};
