#pragma once

#include "rest/promptrunner.h"

#include <QJsonObject>
#include <functional>

class ApiCall;
class Gateway;
class RouteTable;

// clinvk serve's multi-backend REST API over this gateway's models: /api/v1/prompt, /parallel, /compare,
// /chain and /backends (docs/rest.md). Every prompt is relayed as a /v1/chat/completions call would be;
// this class only reads requests, runs PromptRunner / PromptBatch / PromptChain and writes their reports.
class ClinvkApi final
{
public:
    ClinvkApi(Gateway *gateway, const RelayContext &relay, RouteTable &routes);

    static constexpr int maxTasks = 64;       // /parallel
    static constexpr int maxModels = 16;      // /compare
    static constexpr int maxSteps = 16;       // /chain
    static constexpr int defaultParallel = 8; // /parallel without max_parallel

private:
    void prompt(ApiCall &call);
    void parallel(ApiCall &call);
    void compare(ApiCall &call);
    void chain(ApiCall &call);
    void backends(ApiCall &call);

    // The body as a JSON object, or false after answering the error.
    bool readBody(ApiCall &call, QJsonObject *body);
    PromptRunner::Context contextFor(const ApiCall &call) const;
    // Answers call's client once job's finished() fires, with the report; cancels the job if the client leaves.
    template <typename Job>
    void answerWhenDone(ApiCall &call, Job *job, std::function<std::pair<int, QJsonObject>()> report);

    Gateway *m_gateway;
    RelayContext m_relay;
};
