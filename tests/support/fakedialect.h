#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// The wire format a fake provider speaks.
enum class Dialect { OpenAi, Anthropic, Gemini };

// One provider answer, ready to be written by a fake server: either a whole body or a list of SSE events.
struct FakeAnswer final {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // at least Content-Type
    QByteArray body; // a non-stream answer (or an error body)
    QList<QByteArray> events; // a stream: each element one complete, already-framed SSE event
    bool isStream() const { return !events.isEmpty(); }
};

// What OpenAI, Anthropic and Gemini really answer, as pure functions (no sockets), so that fakes of every
// dialect behave the same way and tests can tell a translation bug from a fake's quirk:
// - tools declared and the last message is not a tool result: one call of the first tool with
// {"city":"Paris"};
// - the last message is a tool result: the text "tool said: <result>";
// - otherwise: the text "echo: <last user message>".
// Usage is always 11 input and 7 output tokens. Streams split text in 3 pieces and tool arguments in 2.
// GET <base>/models lists defaultModelIds() in the provider's list format (see modelList()).
namespace FakeDialect {

// path is the request target as received (e.g. "/v1/chat/completions", "/v1/messages",
// "/v1beta/models/gemini-x:streamGenerateContent?alt=sse", "/v1beta/models/gemini-x:generateContent").
// A request the real provider would reject as malformed gets that provider's 400 error.
FakeAnswer answer(Dialect dialect, const QByteArray &path, const QJsonObject &request);

// An error answer with the provider's error body and type for that status.
FakeAnswer error(Dialect dialect, int status, const QString &message);

// A models list as the provider answers GET <base>/models:
// - OpenAI: {"object":"list","data":[{"id","object":"model","created","owned_by"}]};
// - Anthropic: {"data":[{"type":"model","id","display_name","created_at"}],"has_more":false,...};
// - Gemini: {"models":[{"name":"models/<id>",...,"supportedGenerationMethods":[...]}]}, the ids able to
//   generateContent, followed by one embedding model (models/text-embedding-004) that cannot, as Google lists
//   both kinds together.
FakeAnswer modelList(Dialect dialect, const QStringList &ids);
// What a fake lists when a test chooses no ids.
QStringList defaultModelIds(Dialect dialect);

// The model a Gemini path names ("/v1beta/models/gemini-x:generateContent" -> "gemini-x").
QString geminiModelFromPath(const QByteArray &path);

} // namespace FakeDialect
