#include "promptresult.h"

#include "server/memoryexchange.h"
#include "storage/requestrecord.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonValue count(qint64 n)
{
    return n < 0 ? QJsonValue() : QJsonValue(n);
}

// message.content is a string from OpenAI-format providers, and may be a list of parts from others.
QString textOf(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue &part : content.toArray())
        text += part.toObject().value(QLatin1String("text")).toString();
    return text;
}

} // namespace

PromptResult PromptResult::fromRelay(const MemoryExchange &answer, const RequestRecord &record)
{
    PromptResult r;
    r.model = record.publicModel;
    r.provider = record.provider;
    r.localModel = record.localModel;
    r.latencyMs = record.latencyMs;
    r.attempts = record.attempts;
    r.promptTokens = record.promptTokens;
    r.completionTokens = record.completionTokens;
    r.httpStatus = record.status;
    const QJsonObject body = QJsonDocument::fromJson(answer.body()).object();

    if (record.status >= 200 && record.status < 300 && !answer.aborted()) {
        const QJsonObject choice = body.value(QLatin1String("choices")).toArray().at(0).toObject();
        if (choice.isEmpty()) {
            r.state = State::Error;
            r.httpStatus = 502;
            r.errorCode = QStringLiteral("invalid_response");
            r.error = QStringLiteral("The provider's answer holds no choice to read the output from.");
            return r;
        }
        r.state = State::Ok;
        r.output = textOf(choice.value(QLatin1String("message")).toObject().value(QLatin1String("content")));
        r.finishReason = choice.value(QLatin1String("finish_reason")).toString();
        const QJsonObject usage = body.value(QLatin1String("usage")).toObject();
        if (r.promptTokens < 0 && usage.contains(QLatin1String("prompt_tokens")))
            r.promptTokens = usage.value(QLatin1String("prompt_tokens")).toInteger();
        if (r.completionTokens < 0 && usage.contains(QLatin1String("completion_tokens")))
            r.completionTokens = usage.value(QLatin1String("completion_tokens")).toInteger();
        return r;
    }

    r.state = State::Error;
    const QJsonObject error = body.value(QLatin1String("error")).toObject();
    r.error = error.value(QLatin1String("message")).toString();
    const QJsonValue code = error.value(QLatin1String("code"));
    r.errorCode = code.isString() ? code.toString() : error.value(QLatin1String("type")).toString();
    if (r.error.isEmpty())
        r.error = record.error;
    if (answer.aborted() && r.httpStatus < 400) {
        // The relay had sent a 200 when the provider failed: the answer is incomplete, not an answer.
        r.httpStatus = 502;
        r.errorCode = QStringLiteral("upstream_interrupted");
    }
    if (record.status == 499) {
        r.errorCode = QStringLiteral("cancelled");
        r.error = QStringLiteral("Cancelled: the client of this request went away.");
    }
    if (r.error.isEmpty())
        r.error = QStringLiteral("The call failed with HTTP status %1.").arg(r.httpStatus);
    return r;
}

PromptResult PromptResult::failed(const QString &model, int httpStatus, const QString &code, const QString &message)
{
    PromptResult r;
    r.model = model;
    r.state = State::Error;
    r.httpStatus = httpStatus;
    r.errorCode = code;
    r.error = message;
    return r;
}

PromptResult PromptResult::skipped(const QString &model, const QString &why)
{
    PromptResult r;
    r.model = model;
    r.state = State::Skipped;
    r.errorCode = QStringLiteral("skipped");
    r.error = why;
    return r;
}

QJsonObject PromptResult::toJson() const
{
    const QString stateName = state == State::Ok ? QStringLiteral("ok")
                              : state == State::Error ? QStringLiteral("error")
                                                      : QStringLiteral("skipped");
    const bool bothCounts = promptTokens >= 0 && completionTokens >= 0;
    QJsonObject out{
        {QStringLiteral("model"), model},
        {QStringLiteral("backend"), model}, // clinvk's name for what was asked for
        {QStringLiteral("provider"), orNull(provider)},
        {QStringLiteral("local_model"), orNull(localModel)},
        {QStringLiteral("status"), stateName},
        {QStringLiteral("http_status"), httpStatus == 0 ? QJsonValue() : QJsonValue(httpStatus)},
        {QStringLiteral("exit_code"), ok() ? 0 : 1},
        {QStringLiteral("output"), output},
        {QStringLiteral("finish_reason"), orNull(finishReason)},
        {QStringLiteral("error"), orNull(error)},
        {QStringLiteral("error_code"), orNull(errorCode)},
        {QStringLiteral("latency_ms"), latencyMs},
        {QStringLiteral("duration_ms"), latencyMs},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("usage"),
         QJsonObject{{QStringLiteral("prompt_tokens"), count(promptTokens)},
                     {QStringLiteral("completion_tokens"), count(completionTokens)},
                     {QStringLiteral("total_tokens"), bothCounts ? QJsonValue(promptTokens + completionTokens) : QJsonValue()}}},
        {QStringLiteral("token_usage"),
         QJsonObject{{QStringLiteral("input_tokens"), count(promptTokens)},
                     {QStringLiteral("output_tokens"), count(completionTokens)}}},
    };
    if (!name.isEmpty())
        out.insert(QStringLiteral("name"), name);
    return out;
}
