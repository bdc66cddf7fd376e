#include "taskservice.h"

#include "core/logging.h"
#include "routing/router.h"
#include "tasks/upstreamtask.h"

#include <QDateTime>

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

TaskService::TaskService(const RelayContext &relay, UpstreamPool *pool, QObject *parent)
    : QObject(parent), m_relay(relay), m_pool(pool)
{
    m_pruneTimer.setInterval(10 * 60 * 1000);
    connect(&m_pruneTimer, &QTimer::timeout, this, &TaskService::prune);
}

TaskService::~TaskService()
{
    // Jobs stop without touching the store: what was running stays "processing" there, for the next start.
    for (const QPointer<TaskJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->disconnect(this);
    }
    qDeleteAll(findChildren<TaskJob *>(Qt::FindDirectChildrenOnly));
}

bool TaskService::open(const QString &databasePath, QString *error)
{
    if (!m_store.open(databasePath, error))
        return false;
    m_pruneTimer.start(); // the first pruning waits for configure(): the retention may be longer than the default
    return true;
}

void TaskService::configure(const TaskSettings &settings)
{
    m_settings = settings;
    prune();
    if (!m_resumed) {
        m_resumed = true;
        resumeInterrupted();
    }
}

Task TaskService::newTask(TaskType type, const QString &model, const QByteArray &owner) const
{
    Task task;
    task.id = Task::newId();
    task.owner = owner;
    task.type = type;
    task.model = model;
    task.createdMs = task.updatedMs = nowMs();
    return task;
}

TaskJob *TaskService::makeJob(const Task &task, bool stored)
{
    auto *job = new TaskJob(task, m_relay, m_pool, m_settings, this);
    if (stored) {
        m_jobs.insert(task.id, job);
        connect(job, &TaskJob::changed, this, [this, job] { m_store.save(job->task()); });
        connect(job, &TaskJob::finished, this, [this, job] { m_jobs.remove(job->task().id); });
    }
    // Deferred: finished() may come from deep inside the job's own call stack.
    connect(job, &TaskJob::finished, job, &QObject::deleteLater);
    return job;
}

Task TaskService::startTask(TaskType type, const QString &model, const QByteArray &owner,
                            const TaskJob::Submission &submission)
{
    const Task task = newTask(type, model, owner);
    m_store.save(task);
    TaskJob *job = makeJob(task, true);
    job->submit(submission);
    return task; // as created: the client's first view is "pending", whatever happened since
}

TaskJob *TaskService::startUnstored(TaskType type, const QString &model, const TaskJob::Submission &submission)
{
    TaskJob *job = makeJob(newTask(type, model, {}), false);
    // Submitting on the next turn of the event loop lets the caller connect to the job first.
    QMetaObject::invokeMethod(job, [job, submission] { job->submit(submission); }, Qt::QueuedConnection);
    return job;
}

bool TaskService::expired(const Task &task) const
{
    return task.finishedMs > 0 && task.finishedMs < nowMs() - qint64(m_settings.retentionHours) * 3'600'000;
}

std::optional<Task> TaskService::find(const QString &id, const QByteArray &owner)
{
    std::optional<Task> task;
    if (const QPointer<TaskJob> job = m_jobs.value(id))
        task = job->task();
    else
        task = m_store.load(id);
    // Another token's task is reported as unknown: its existence is nobody else's business.
    if (!task || task->owner != owner || expired(*task))
        return std::nullopt;
    return task;
}

TaskService::CancelOutcome TaskService::cancel(const QString &id, const QByteArray &owner, Task *out)
{
    const std::optional<Task> task = find(id, owner);
    if (!task)
        return CancelOutcome::NotFound;
    if (task->finished()) {
        *out = *task;
        return CancelOutcome::AlreadyFinished;
    }
    if (const QPointer<TaskJob> job = m_jobs.value(id)) {
        job->cancel();
        *out = job->task();
        return CancelOutcome::Cancelled;
    }
    // Stored as running but not running here (the config naming its provider is not applied yet).
    Task cancelled = *task;
    cancelled.status = TaskStatus::Cancelled;
    cancelled.updatedMs = cancelled.finishedMs = nowMs();
    cancelled.error = UpstreamTask::errorObject(QStringLiteral("invalid_request_error"), QStringLiteral("task_cancelled"),
                                                QStringLiteral("The task was cancelled."));
    cancelled.errorStatus = 499;
    m_store.save(cancelled);
    *out = cancelled;
    return CancelOutcome::Cancelled;
}

void TaskService::resumeInterrupted()
{
    for (Task task : m_store.unfinished()) {
        BackendPtr backend;
        if (!task.upstreamId.isEmpty()) {
            for (const BackendPtr &b : m_relay.router->backends()) {
                if (b->config.name == task.provider)
                    backend = b;
            }
        }
        if (backend) {
            TaskJob *job = makeJob(task, true);
            job->resumePolling(backend);
            continue;
        }
        const QString why = task.upstreamId.isEmpty()
            ? QStringLiteral("The task was interrupted by a gateway restart before its provider answered; submit it again.")
            : QStringLiteral("The task was interrupted by a gateway restart, and its provider '%1' is no longer "
                             "configured to follow it; submit it again.")
                  .arg(task.provider);
        task.status = TaskStatus::Failed;
        task.updatedMs = task.finishedMs = nowMs();
        task.error = UpstreamTask::errorObject(QStringLiteral("api_error"), QString::fromLatin1(interruptedCode), why);
        task.errorStatus = 503;
        m_store.save(task);
        qCInfo(lcTasks) << task.id << "failed: interrupted by a restart";
    }
}

void TaskService::prune()
{
    const int removed = m_store.pruneFinishedBefore(nowMs() - qint64(m_settings.retentionHours) * 3'600'000);
    if (removed > 0)
        qCInfo(lcTasks) << "removed" << removed << "expired tasks";
}
