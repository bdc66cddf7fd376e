#pragma once

#include "task.h"

#include <QList>
#include <QString>
#include <optional>

// Tasks in SQLite (tasks.sqlite in the data dir), so they outlive the gateway process. Used on the gateway's
// thread with its own connection: a task is written a handful of times in its life (created, progress, done),
// unlike the request log's row per request, and GET /v1/tasks/{id} must read what was just written.
class TaskStore final
{
    Q_DISABLE_COPY_MOVE(TaskStore)

public:
    TaskStore() = default;
    ~TaskStore();

    bool open(const QString &path, QString *error);
    bool isOpen() const { return !m_connection.isEmpty(); }
    void close();

    void save(const Task &task);          // insert or replace
    std::optional<Task> load(const QString &id);
    QList<Task> unfinished();             // pending or processing: running when the gateway last stopped
    // Deletes tasks that finished before cutoffMs (wall clock); returns how many.
    int pruneFinishedBefore(qint64 cutoffMs);

private:
    QString m_connection;
};
