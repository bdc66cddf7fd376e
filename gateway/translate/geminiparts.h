#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Pieces of a Gemini answer in OpenAI terms, shared by the whole-answer and the stream translation.
namespace GeminiParts {

// usageMetadata → OpenAI usage (thinking tokens count as completion tokens: they are billed as output).
QJsonObject usage(const QJsonObject &usageMetadata);
// A functionCall part → an OpenAI tool call with id call_<index + 1>.
QJsonObject toolCall(const QJsonObject &functionCall, int index);
// The answer in a candidate's parts: its text, and its function calls as OpenAI tool calls numbered from
// firstToolIndex. Thought parts (thinking summaries) are not part of the answer.
struct Answer {
    QString text;
    QJsonArray toolCalls;
};
Answer answerOf(const QJsonObject &candidate, int firstToolIndex);
// finishReason → OpenAI finish_reason.
QString finishReason(const QString &geminiReason, bool calledTools, bool promptBlocked);

} // namespace GeminiParts
