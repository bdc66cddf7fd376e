#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

// Pure conversions between the chat formats Switchyard speaks. OpenAI chat completions is the pivot:
// every other format converts to and from it, so N formats need 2N converters rather than N².
// Same-format traffic never comes here; it passes through untouched but for the model name.
//
// Request converters return nullopt and set *error (a client-facing message) when the input cannot be
// expressed in the target format at all. Fields that merely have no equivalent are dropped deliberately;
// docs/compatibility.md lists them.
namespace Translate {

// Requests, from the client's format to OpenAI and from OpenAI to the provider's format.
std::optional<QJsonObject> anthropicRequestToOpenAi(const QJsonObject &request, QString *error);
std::optional<QJsonObject> openAiRequestToAnthropic(const QJsonObject &request, QString *error);
// Gemini carries the model in the URL and streaming in the method name, so the body has neither.
std::optional<QJsonObject> openAiRequestToGemini(const QJsonObject &request, QString *error);

// Complete (non-stream) responses, from the provider's format to OpenAI and from OpenAI to the client's.
QJsonObject anthropicResponseToOpenAi(const QJsonObject &response);
// An Anthropic stop_reason → OpenAI finish_reason (whole answers and streams alike).
QString anthropicStopReasonToFinish(const QString &stopReason);
// Gemini answers do not name the model; the caller passes the one it asked for.
QJsonObject geminiResponseToOpenAi(const QJsonObject &response, const QString &model);
QJsonObject openAiResponseToAnthropic(const QJsonObject &response);

// A rough token count for providers that have no counter (Anthropic count_tokens): about 4 characters a
// token over every text the request carries.
qint64 estimateInputTokens(const QJsonObject &anthropicRequest);

} // namespace Translate
