#include "clinvkapi.h"

#include "gateway.h"
#include "rest/backendsreport.h"
#include "rest/promptbatch.h"
#include "rest/promptchain.h"
#include "server/apicall.h"
#include "server/bodyvalidation.h"
#include "server/httpcompat.h"
#include "server/routetable.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace {

QJsonArray resultsJson(const QList<PromptResult> &results, const char *indexField, int indexBase)
{
    QJsonArray out;
    for (qsizetype i = 0; i < results.size(); ++i) {
        QJsonObject r = results.at(i).toJson();
        r.insert(QLatin1String(indexField), int(i) + indexBase);
        out.append(r);
    }
    return out;
}

struct Tally {
    int ok = 0, failed = 0, skipped = 0;
};

Tally tally(const QList<PromptResult> &results)
{
    Tally t;
    for (const PromptResult &r : results) {
        t.ok += r.state == PromptResult::State::Ok ? 1 : 0;
        t.failed += r.state == PromptResult::State::Error ? 1 : 0;
        t.skipped += r.state == PromptResult::State::Skipped ? 1 : 0;
    }
    return t;
}

} // namespace

ClinvkApi::ClinvkApi(Gateway *gateway, const RelayContext &relay, RouteTable &routes)
    : m_gateway(gateway), m_relay(relay)
{
    using Access = RouteTable::Access;
    routes.add("POST", QStringLiteral("/api/v1/prompt"), Access::Token, [this](ApiCall &call) { prompt(call); });
    routes.add("POST", QStringLiteral("/api/v1/parallel"), Access::Token, [this](ApiCall &call) { parallel(call); });
    routes.add("POST", QStringLiteral("/api/v1/compare"), Access::Token, [this](ApiCall &call) { compare(call); });
    routes.add("POST", QStringLiteral("/api/v1/chain"), Access::Token, [this](ApiCall &call) { chain(call); });
    routes.add("GET", QStringLiteral("/api/v1/backends"), Access::Token, [this](ApiCall &call) { backends(call); });
}

bool ClinvkApi::readBody(ApiCall &call, QJsonObject *body)
{
    if (const auto problem = BodyValidation::jsonObject(call.request.body, m_gateway->config().gateway.maxBodyBytes, body)) {
        call.sendError(*problem);
        return false;
    }
    return true;
}

PromptRunner::Context ClinvkApi::contextFor(const ApiCall &call) const
{
    PromptRunner::Context context;
    context.relay = m_relay;
    context.relayParent = m_gateway;
    context.endpoint = call.path;
    context.client = call.request.peer.toString();
    context.caller = call.caller;
    context.limiter = m_gateway->tokenLimiter();
    return context;
}

template <typename Job>
void ClinvkApi::answerWhenDone(ApiCall &call, Job *job, std::function<std::pair<int, QJsonObject>()> report)
{
    job->setParent(m_gateway);
    QPointer<HttpExchange> exchange = call.exchange;
    const HeaderList cors = call.cors;
    QObject::connect(job, &Job::finished, job, [job, exchange, cors, report = std::move(report)] {
        const auto [status, body] = report();
        if (exchange) {
            HeaderList headers = cors;
            headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
            exchange->respond(status, headers, QJsonDocument(body).toJson(QJsonDocument::Compact));
        }
        job->deleteLater();
    });
    // Nobody will read the answers: stop the providers' work (each prompt's log row then says 499).
    QObject::connect(call.exchange, &ClientExchange::clientGone, job, &Job::cancel);
    job->start();
}

void ClinvkApi::prompt(ApiCall &call)
{
    QJsonObject body;
    if (!readBody(call, &body))
        return;
    PromptSpec spec;
    call.publicModel = body.value(QLatin1String("model")).toString(body.value(QLatin1String("backend")).toString()).left(200);
    if (const auto problem = PromptSpecs::read(body, QString(), &spec)) {
        call.sendError(*problem);
        return;
    }
    auto *runner = new PromptRunner(contextFor(call), spec);
    answerWhenDone(call, runner, [runner] {
        const PromptResult &r = runner->result();
        // The HTTP status says what the prompt's relay said; the body is the result either way.
        const int status = r.ok() ? 200 : (r.httpStatus >= 400 && r.httpStatus != 499 ? r.httpStatus : 502);
        return std::pair{status, r.toJson()};
    });
}

void ClinvkApi::parallel(ApiCall &call)
{
    QJsonObject body;
    if (!readBody(call, &body))
        return;
    QJsonArray tasks;
    if (const auto problem = PromptSpecs::objectArray(body, QStringLiteral("tasks"), maxTasks, &tasks)) {
        call.sendError(*problem);
        return;
    }
    QList<PromptSpec> specs;
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        PromptSpec spec;
        if (const auto problem = PromptSpecs::read(tasks.at(i).toObject(), QStringLiteral("tasks[%1]").arg(i), &spec)) {
            call.sendError(*problem);
            return;
        }
        specs.append(spec);
    }
    int maxParallel = 0;
    if (const auto problem = PromptSpecs::positiveInt(body, QStringLiteral("max_parallel"),
                                                      qMin<int>(int(specs.size()), defaultParallel), &maxParallel)) {
        call.sendError(*problem);
        return;
    }
    const bool failFast = body.value(QLatin1String("fail_fast")).toBool();
    auto *batch = new PromptBatch(contextFor(call), specs, maxParallel, failFast);
    answerWhenDone(call, batch, [batch] {
        const QList<PromptResult> results = batch->results();
        const Tally t = tally(results);
        return std::pair{200, QJsonObject{{QStringLiteral("total_tasks"), results.size()},
                                          {QStringLiteral("completed"), t.ok},
                                          {QStringLiteral("failed"), t.failed},
                                          {QStringLiteral("skipped"), t.skipped},
                                          {QStringLiteral("total_duration_ms"), batch->elapsedMs()},
                                          {QStringLiteral("results"), resultsJson(results, "index", 0)}}};
    });
}

void ClinvkApi::compare(ApiCall &call)
{
    QJsonObject body;
    if (!readBody(call, &body))
        return;
    // clinvk names the list "backends"; here they are models, and both names are read.
    const QString listField = body.contains(QLatin1String("models")) ? QStringLiteral("models") : QStringLiteral("backends");
    const QJsonValue list = body.value(listField);
    if (!list.isArray() || list.toArray().isEmpty() || list.toArray().size() > maxModels) {
        call.sendError(BodyValidation::invalid(
            list.isUndefined() ? QStringLiteral("missing_required_parameter") : QStringLiteral("invalid_value"),
            QStringLiteral("'models' (or clinvk's 'backends') must be an array of 1 to %1 model names.").arg(maxModels),
            QStringLiteral("models")));
        return;
    }
    PromptSpec shared;
    if (const auto problem = PromptSpecs::read(body, QString(), &shared, false)) {
        call.sendError(*problem);
        return;
    }
    QList<PromptSpec> specs;
    QJsonArray names;
    const QJsonArray models = list.toArray();
    for (qsizetype i = 0; i < models.size(); ++i) {
        if (!models.at(i).isString() || models.at(i).toString().isEmpty()) {
            call.sendError(BodyValidation::invalid(QStringLiteral("invalid_type"),
                                                   QStringLiteral("'%1[%2]' must be a model name.").arg(listField).arg(i),
                                                   QStringLiteral("%1[%2]").arg(listField).arg(i)));
            return;
        }
        PromptSpec spec = shared;
        spec.model = models.at(i).toString();
        spec.name.clear();
        specs.append(spec);
        names.append(spec.model);
    }
    const bool sequential = body.value(QLatin1String("sequential")).toBool();
    auto *batch = new PromptBatch(contextFor(call), specs, sequential ? 1 : int(specs.size()), false);
    const QString prompt = shared.prompt;
    answerWhenDone(call, batch, [batch, prompt, names] {
        const QList<PromptResult> results = batch->results();
        const Tally t = tally(results);
        // The fastest successful model, for a side-by-side view's headline.
        QJsonValue fastest;
        qint64 best = -1;
        for (const PromptResult &r : results) {
            if (r.ok() && (best < 0 || r.latencyMs < best)) {
                best = r.latencyMs;
                fastest = r.model;
            }
        }
        return std::pair{200, QJsonObject{{QStringLiteral("prompt"), prompt},
                                          {QStringLiteral("models"), names},
                                          {QStringLiteral("backends"), names},
                                          {QStringLiteral("succeeded"), t.ok},
                                          {QStringLiteral("failed"), t.failed},
                                          {QStringLiteral("fastest"), fastest},
                                          {QStringLiteral("total_duration_ms"), batch->elapsedMs()},
                                          {QStringLiteral("results"), resultsJson(results, "index", 0)}}};
    });
}

void ClinvkApi::chain(ApiCall &call)
{
    QJsonObject body;
    if (!readBody(call, &body))
        return;
    QJsonArray stepsJson;
    if (const auto problem = PromptSpecs::objectArray(body, QStringLiteral("steps"), maxSteps, &stepsJson)) {
        call.sendError(*problem);
        return;
    }
    const QJsonValue input = body.value(QLatin1String("input"));
    if (!input.isUndefined() && !input.isNull() && !input.isString()) {
        call.sendError(BodyValidation::invalid(QStringLiteral("invalid_type"),
                                               QStringLiteral("'input' must be a string, not %1.").arg(BodyValidation::jsonTypeName(input)),
                                               QStringLiteral("input")));
        return;
    }
    QList<PromptSpec> steps;
    for (qsizetype i = 0; i < stepsJson.size(); ++i) {
        PromptSpec spec;
        if (const auto problem = PromptSpecs::read(stepsJson.at(i).toObject(), QStringLiteral("steps[%1]").arg(i), &spec)) {
            call.sendError(*problem);
            return;
        }
        steps.append(spec);
    }
    auto *chain = new PromptChain(contextFor(call), steps, input.toString());
    answerWhenDone(call, chain, [chain] {
        const QList<PromptResult> &results = chain->results();
        const int failed = chain->failedStep();
        const bool complete = failed == 0 && results.size() == chain->totalSteps();
        QJsonObject out{{QStringLiteral("status"), complete ? QStringLiteral("ok") : QStringLiteral("error")},
                        {QStringLiteral("total_steps"), chain->totalSteps()},
                        {QStringLiteral("completed_steps"), int(results.size()) - (failed > 0 ? 1 : 0)},
                        {QStringLiteral("failed_step"), failed > 0 ? QJsonValue(failed) : QJsonValue()},
                        {QStringLiteral("error"), failed > 0 ? QJsonValue(results.last().error) : QJsonValue()},
                        {QStringLiteral("output"), complete ? QJsonValue(results.last().output) : QJsonValue()},
                        {QStringLiteral("total_duration_ms"), chain->elapsedMs()},
                        {QStringLiteral("results"), resultsJson(results, "step", 1)}};
        return std::pair{200, out};
    });
}

void ClinvkApi::backends(ApiCall &call)
{
    call.sendJson(200, BackendsReport::build(*m_gateway->router(), QDateTime::currentMSecsSinceEpoch()));
}
