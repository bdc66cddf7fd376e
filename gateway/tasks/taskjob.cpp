#include "taskjob.h"

#include "core/logging.h"
#include "routing/router.h"
#include "server/memoryexchange.h"
#include "tasks/pollingjob.h"

#include <QDateTime>
#include <QJsonDocument>

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

TaskJob::TaskJob(Task task, const RelayContext &relay, UpstreamPool *pool, const TaskSettings &settings,
                 QObject *parent)
    : QObject(parent), m_task(std::move(task)), m_relay(relay), m_pool(pool), m_settings(settings)
{
}

TaskJob::~TaskJob()
{
    // The gateway is going away (or the job was cancelled): the upstream call dies with us, the stored task
    // stays as it was, so the next start resumes or reports it.
    if (m_polling)
        m_polling->stop();
    if (m_call) {
        m_call->disconnect(this);
        delete m_call.data();
    }
}

void TaskJob::submit(const Submission &submission)
{
    if (m_task.finished())
        return; // cancelled before it started (a synchronous caller that hung up at once)
    // Base64 images are large, but an answer past 64 MB is not one the gateway should hold.
    m_exchange = new MemoryExchange(64 * 1024 * 1024, this);
    connect(m_exchange, &MemoryExchange::completed, this, &TaskJob::onSubmitAnswered);

    InboundCall inbound;
    inbound.request.format = WireFormat::OpenAi;
    inbound.request.kind = submission.kind;
    inbound.request.body = submission.body;
    inbound.request.pivot = submission.body;
    inbound.endpoint = submission.endpoint;
    inbound.publicModel = m_task.model;
    inbound.client = submission.client;
    inbound.receivedAtMs = nowMs();
    inbound.token = submission.token;
    inbound.tokenId = submission.tokenId;
    inbound.quotaCounted = submission.quotaCounted;
    // Co-Link nodes relay chat only; image and video calls stay with this machine's providers.
    inbound.localProvidersOnly = true;
    auto *call = new RelayCall(m_relay, std::move(inbound), m_exchange);
    call->setParent(this);
    m_call = call;
    m_task.status = TaskStatus::Processing;
    m_task.updatedMs = nowMs();
    Q_EMIT changed();
    call->start(); // may answer at once (no provider for the model), before returning
}

void TaskJob::onSubmitAnswered()
{
    const int status = m_exchange->status();
    const QByteArray body = m_exchange->body();
    const std::optional<Candidate> candidate = m_call ? m_call->candidate() : std::nullopt;
    if (m_exchange->aborted()) {
        fail(UpstreamTask::errorObject(QStringLiteral("api_error"), QStringLiteral("upstream_interrupted"),
                                       QStringLiteral("The provider broke off its answer.")),
             502);
        return;
    }
    if (status < 200 || status >= 300) {
        // The relay's own error (every candidate failed, unknown model) or the provider's 4xx, both in
        // OpenAI's shape already.
        fail(UpstreamTask::errorFromBody(body, QStringLiteral("The provider answered %1.").arg(status)), status);
        return;
    }
    QJsonParseError parseError;
    const QJsonObject answer = QJsonDocument::fromJson(body, &parseError).object();
    if (answer.isEmpty()) {
        fail(UpstreamTask::errorObject(QStringLiteral("api_error"), QStringLiteral("upstream_invalid_response"),
                                       QStringLiteral("The provider's answer is not a JSON object.")),
             502);
        return;
    }
    if (UpstreamTask::isTaskObject(answer) && candidate) {
        // EvoLink and its kind: the generation runs as the provider's own task, which we now follow.
        m_task.provider = candidate->backend->config.name;
        m_task.localModel = candidate->localModel;
        m_task.upstreamId = UpstreamTask::idOf(answer);
        applyUpstreamState(UpstreamTask::parse(answer));
        if (!m_task.finished())
            startPolling(candidate->backend);
        return;
    }
    if (const auto result = UpstreamTask::normalizedResult(answer, m_task.createdMs / 1000)) {
        complete(*result);
        return;
    }
    fail(UpstreamTask::errorObject(QStringLiteral("api_error"), QStringLiteral("upstream_invalid_response"),
                                   QStringLiteral("The provider's answer holds neither images nor a task to follow.")),
         502);
}

void TaskJob::resumePolling(const BackendPtr &backend)
{
    qCInfo(lcTasks) << "resuming" << m_task.id << "on" << m_task.provider << "task" << m_task.upstreamId;
    startPolling(backend);
}

void TaskJob::startPolling(const BackendPtr &backend)
{
    const qint64 deadline = m_task.createdMs + qint64(m_settings.pollTimeoutSeconds) * 1000;
    m_polling = new PollingJob(m_pool, backend, m_task.upstreamId, m_settings, deadline - nowMs(), this);
    connect(m_polling, &PollingJob::progressed, this, &TaskJob::applyUpstreamState);
    connect(m_polling, &PollingJob::finished, this, [this](const UpstreamTask::State &state, int errorStatus) {
        if (state.status == TaskStatus::Completed)
            complete(state.result);
        else
            fail(state.error, errorStatus);
    });
    Q_EMIT changed(); // the upstream id is worth storing before the first poll
    m_polling->start();
}

void TaskJob::applyUpstreamState(const UpstreamTask::State &state)
{
    if (state.status == TaskStatus::Completed) {
        complete(state.result);
        return;
    }
    if (state.status == TaskStatus::Failed) {
        fail(state.error, 502);
        return;
    }
    const int progress = qMax(m_task.progress, state.progress.value_or(m_task.progress));
    if (state.status == m_task.status && progress == m_task.progress)
        return;
    m_task.status = state.status;
    m_task.progress = progress;
    m_task.updatedMs = nowMs();
    Q_EMIT changed();
}

void TaskJob::complete(const QJsonObject &result)
{
    m_task.result = result;
    m_task.progress = 100;
    end(TaskStatus::Completed);
}

void TaskJob::fail(const QJsonObject &error, int status)
{
    m_task.error = error;
    m_task.errorStatus = status;
    end(TaskStatus::Failed);
}

void TaskJob::cancel()
{
    if (m_task.finished())
        return;
    stopWork();
    m_task.error = UpstreamTask::errorObject(QStringLiteral("invalid_request_error"), QStringLiteral("task_cancelled"),
                                             QStringLiteral("The task was cancelled."));
    m_task.errorStatus = 499;
    end(TaskStatus::Cancelled);
}

void TaskJob::stopWork()
{
    if (m_polling)
        m_polling->stop();
    // The relay hears "client gone", aborts its upstream call and logs the request as 499.
    if (m_exchange)
        m_exchange->cancel();
}

void TaskJob::end(TaskStatus status)
{
    if (m_task.finished())
        return;
    if (m_polling)
        m_polling->stop();
    m_task.status = status;
    m_task.updatedMs = m_task.finishedMs = nowMs();
    qCInfo(lcTasks) << m_task.id << Task::statusName(status);
    Q_EMIT changed();
    Q_EMIT finished();
}
