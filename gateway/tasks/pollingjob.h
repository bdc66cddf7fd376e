#pragma once

#include "config/config.h"
#include "routing/backend.h"
#include "tasks/upstreamtask.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class UpstreamCall;
class UpstreamPool;

// Follows one task that a provider runs itself: GET <base_url>/tasks/{id} (EvoLink's task API) with a
// growing pause between polls (pollIntervalMs doubling up to pollMaxIntervalMs), until the provider says it
// finished or the deadline passes. Network trouble and 5xx/429 answers are retried at the next poll; a 4xx
// ends it (the provider no longer knows the task). One poll in flight at a time; stop() aborts it.
class PollingJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PollingJob)

public:
    PollingJob(UpstreamPool *pool, BackendPtr backend, QString upstreamId, const TaskSettings &settings,
               qint64 remainingMs, QObject *parent = nullptr);
    ~PollingJob() override;

    void start();
    // No further polls or signals; an answer in flight is abandoned.
    void stop();

    // Consecutive failed polls (unreachable, 5xx, garbage) after which the task is given up.
    static constexpr int maxConsecutiveFailures = 10;

Q_SIGNALS:
    void progressed(const UpstreamTask::State &state);
    // Completed or failed (then state.error says why, with errorStatus for a synchronous caller).
    void finished(const UpstreamTask::State &state, int errorStatus);

private:
    void pollNow();
    void onPollFinished();
    void pollFailed(const QString &why);
    void scheduleNext();
    void giveUp(const QString &code, const QString &message, int status);

    UpstreamPool *m_pool;
    BackendPtr m_backend;
    QString m_upstreamId;
    TaskSettings m_settings;
    qint64 m_remainingMs;
    int m_nextIntervalMs;
    int m_failures = 0;
    bool m_stopped = false;

    QPointer<UpstreamCall> m_call;
    QByteArray m_body;
    QTimer m_waitTimer;     // between polls
    QTimer m_requestTimer;  // one poll's answer
    QTimer m_deadlineTimer; // the whole task
    QElapsedTimer m_elapsed;
};
