#pragma once

#include "config/config.h"
#include "providers/adapter.h"
#include "routing/backend.h"
#include "server/relaycall.h"
#include "tasks/task.h"
#include "tasks/upstreamtask.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class MemoryExchange;
class PollingJob;
class UpstreamPool;

// Runs one task to its end: the generation request goes through a RelayCall (routing, failover, bans, the
// request log) into memory; a result ends it, an upstream task object (EvoLink) hands it to a PollingJob.
// Reports every change of the task; its owner (TaskService) stores it and deletes the job once finished.
class TaskJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskJob)

public:
    struct Submission {
        ApiKind kind = ApiKind::ImageGenerations;
        QJsonObject body;   // as the provider gets it, but for the model
        QString endpoint;   // for the request log
        QString client;
        // The access token that asked, for usage per token and its quota (see RequestRecord).
        QString token;
        qint64 tokenId = 0;
        bool quotaCounted = false;
    };

    TaskJob(Task task, const RelayContext &relay, UpstreamPool *pool, const TaskSettings &settings,
            QObject *parent = nullptr);
    ~TaskJob() override;

    const Task &task() const { return m_task; }

    void submit(const Submission &submission);
    // A task whose provider was still working on it when the gateway stopped: poll it again.
    void resumePolling(const BackendPtr &backend);
    // Aborts the upstream call or the polling; the task ends cancelled.
    void cancel();

Q_SIGNALS:
    void changed();   // status, progress or where it runs
    void finished();  // the task reached completed, failed or cancelled

private:
    void onSubmitAnswered();
    void startPolling(const BackendPtr &backend);
    void applyUpstreamState(const UpstreamTask::State &state);
    void complete(const QJsonObject &result);
    void fail(const QJsonObject &error, int status);
    void end(TaskStatus status);
    void stopWork();

    Task m_task;
    RelayContext m_relay;
    UpstreamPool *m_pool;
    TaskSettings m_settings;
    QPointer<MemoryExchange> m_exchange;
    QPointer<RelayCall> m_call;
    QPointer<PollingJob> m_polling;
};
