#include "pollingjob.h"

#include "core/logging.h"
#include "providers/adapter.h"
#include "upstream/upstreamcall.h"

#include <QJsonDocument>
#include <QUrl>

#include <limits>

namespace {

constexpr qint64 maxPollAnswerBytes = 64 * 1024 * 1024; // a completed task may carry base64 images

} // namespace

PollingJob::PollingJob(UpstreamPool *pool, BackendPtr backend, QString upstreamId, const TaskSettings &settings,
                       qint64 remainingMs, QObject *parent)
    : QObject(parent), m_pool(pool), m_backend(std::move(backend)), m_upstreamId(std::move(upstreamId)),
      m_settings(settings), m_remainingMs(remainingMs), m_nextIntervalMs(settings.pollIntervalMs)
{
    m_waitTimer.setSingleShot(true);
    m_requestTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    connect(&m_waitTimer, &QTimer::timeout, this, &PollingJob::pollNow);
    connect(&m_requestTimer, &QTimer::timeout, this, [this] {
        if (m_call) {
            m_call->disconnect(this);
            m_call->abort();
            m_call->deleteLater();
            m_call = nullptr;
        }
        pollFailed(QStringLiteral("no answer within %1 ms").arg(m_requestTimer.interval()));
    });
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] {
        giveUp(QStringLiteral("task_timeout"),
               QStringLiteral("Provider '%1' did not finish the task within %2 seconds (gateway.tasks.poll_timeout_seconds).")
                   .arg(m_backend->config.name)
                   .arg(m_settings.pollTimeoutSeconds),
               504);
    });
}

PollingJob::~PollingJob()
{
    stop();
}

void PollingJob::start()
{
    m_elapsed.start();
    m_deadlineTimer.start(int(qBound(qint64(1), m_remainingMs, qint64(std::numeric_limits<int>::max()))));
    // The submit answer already told the state; the first poll waits one interval, as EvoLink's docs do.
    m_waitTimer.start(m_nextIntervalMs);
}

void PollingJob::stop()
{
    m_stopped = true;
    m_waitTimer.stop();
    m_requestTimer.stop();
    m_deadlineTimer.stop();
    if (m_call) {
        UpstreamCall *call = m_call;
        m_call = nullptr;
        call->disconnect(this);
        call->abort();
        call->deleteLater();
    }
}

void PollingJob::pollNow()
{
    if (m_stopped)
        return;
    const QString base = m_backend->config.baseUrl.isEmpty() ? m_backend->adapter->defaultBaseUrl()
                                                             : m_backend->config.baseUrl;
    UpstreamRequest request;
    request.url = QUrl(base + QStringLiteral("/tasks/") + QString::fromLatin1(QUrl::toPercentEncoding(m_upstreamId)));
    if (!m_backend->apiKey.isEmpty())
        request.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_backend->apiKey.toUtf8()});
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    m_body.clear();
    m_call = new UpstreamCall(m_pool, QByteArrayLiteral("GET"), std::move(request), this);
    connect(m_call, &UpstreamCall::bodyData, this, [this](const QByteArray &bytes) {
        if (m_body.size() + bytes.size() <= maxPollAnswerBytes)
            m_body += bytes;
    });
    connect(m_call, &UpstreamCall::finished, this, &PollingJob::onPollFinished);
    m_requestTimer.start(m_backend->timeouts.connectMs + m_backend->timeouts.firstByteMs);
    m_call->start();
}

void PollingJob::onPollFinished()
{
    m_requestTimer.stop();
    UpstreamCall *call = m_call;
    m_call = nullptr;
    const int status = call->status();
    const bool cut = call->failure() != UpstreamExchange::Failure::None;
    const QString why = call->errorString();
    call->disconnect(this);
    call->deleteLater();

    if (status == 0 || cut) {
        pollFailed(QStringLiteral("could not be reached: %1").arg(why));
        return;
    }
    if (status == 429 || status == 408 || status >= 500) {
        pollFailed(QStringLiteral("answered %1").arg(status));
        return;
    }
    if (status < 200 || status >= 300) {
        // The provider does not know the task (404), or no longer accepts our key: polling again won't help.
        QString upstream = m_backend->adapter->errorMessageOf(m_body);
        if (m_backend->apiKey.size() >= 8) // providers sometimes echo the key they were given
            upstream.replace(m_backend->apiKey, redactSecret(m_backend->apiKey));
        giveUp(QStringLiteral("upstream_task_lost"),
               QStringLiteral("Provider '%1' answered %2 when asked about its task %3%4")
                   .arg(m_backend->config.name)
                   .arg(status)
                   .arg(m_upstreamId, upstream.isEmpty() ? QString() : QStringLiteral(": ") + upstream),
               502);
        return;
    }
    const QJsonObject answer = QJsonDocument::fromJson(m_body).object();
    if (answer.isEmpty() || !answer.value(QLatin1String("status")).isString()) {
        pollFailed(QStringLiteral("answered something that is not a task object"));
        return;
    }
    m_failures = 0;
    const UpstreamTask::State state = UpstreamTask::parse(answer);
    if (state.status == TaskStatus::Completed || state.status == TaskStatus::Failed) {
        m_stopped = true;
        m_deadlineTimer.stop();
        Q_EMIT finished(state, state.status == TaskStatus::Failed ? 502 : 200);
        return;
    }
    Q_EMIT progressed(state);
    scheduleNext();
}

void PollingJob::pollFailed(const QString &why)
{
    ++m_failures;
    qCInfo(lcTasks).noquote() << "polling" << m_backend->config.name << "task" << m_upstreamId << why;
    if (m_failures >= maxConsecutiveFailures) {
        giveUp(QStringLiteral("upstream_error"),
               QStringLiteral("Provider '%1' failed %2 polls in a row of its task %3; the last one %4.")
                   .arg(m_backend->config.name)
                   .arg(m_failures)
                   .arg(m_upstreamId, why),
               502);
        return;
    }
    scheduleNext();
}

void PollingJob::scheduleNext()
{
    if (m_stopped)
        return;
    m_nextIntervalMs = qMin(m_nextIntervalMs * 2, m_settings.pollMaxIntervalMs);
    m_waitTimer.start(m_nextIntervalMs);
}

void PollingJob::giveUp(const QString &code, const QString &message, int status)
{
    stop();
    UpstreamTask::State state;
    state.status = TaskStatus::Failed;
    state.error = UpstreamTask::errorObject(QStringLiteral("api_error"), code, message);
    Q_EMIT finished(state, status);
}
