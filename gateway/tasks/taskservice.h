#pragma once

#include "config/config.h"
#include "server/relaycall.h"
#include "tasks/task.h"
#include "tasks/taskjob.h"
#include "tasks/taskstore.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

class UpstreamPool;

// The gateway's tasks: creates and runs them (one TaskJob each), keeps every change in the TaskStore, answers
// lookups for their owner only, and after a restart takes up what was left running: a task its provider was
// running (an upstream task id is stored) is polled again; any other is failed, since the call that carried
// it died with the previous process.
class TaskService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskService)

public:
    TaskService(const RelayContext &relay, UpstreamPool *pool, QObject *parent = nullptr);
    ~TaskService() override;

    bool open(const QString &databasePath, QString *error);
    // Settings, and the providers tasks may resume on; the first call resumes the tasks a restart interrupted.
    void configure(const TaskSettings &settings);

    // A stored task, running in the background; the client reads it with find().
    Task startTask(TaskType type, const QString &model, const QByteArray &owner, const TaskJob::Submission &submission);
    // A task nobody will look up by id (a synchronous call): not stored; the caller watches the job's
    // finished() and owns nothing; the job deletes itself after finished().
    TaskJob *startUnstored(TaskType type, const QString &model, const TaskJob::Submission &submission);

    // nullopt: no such task for this owner (or it expired).
    std::optional<Task> find(const QString &id, const QByteArray &owner);
    enum class CancelOutcome { Cancelled, NotFound, AlreadyFinished };
    CancelOutcome cancel(const QString &id, const QByteArray &owner, Task *task);

    int runningCount() const { return int(m_jobs.size()); }
    static constexpr const char *interruptedCode = "interrupted_by_restart";

private:
    Task newTask(TaskType type, const QString &model, const QByteArray &owner) const;
    TaskJob *makeJob(const Task &task, bool stored);
    void resumeInterrupted();
    void prune();
    bool expired(const Task &task) const;

    RelayContext m_relay;
    UpstreamPool *m_pool;
    TaskSettings m_settings;
    TaskStore m_store;
    QHash<QString, QPointer<TaskJob>> m_jobs; // stored tasks still running, by id
    QTimer m_pruneTimer;
    bool m_resumed = false;
};
