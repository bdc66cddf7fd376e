#pragma once

#include "core/gatewayerror.h"
#include "providers/adapter.h"

#include <QJsonObject>
#include <optional>

// The checks the gateway makes on a request body before it relays it: the fields it relies on itself
// (model, stream, messages...), told in the client's terms. The provider checks the rest.
namespace BodyValidation {

// A 400 invalid_request_error with OpenAI's code and param fields.
GatewayError invalid(const QString &code, const QString &message, const QString &param = {});
// "a string", "an array"...: for messages that say what was sent instead.
QString jsonTypeName(const QJsonValue &value);

// The body as a JSON object: 413 past maxBytes, 400 invalid_json when it is not JSON or not an object.
std::optional<GatewayError> jsonObject(const QByteArray &raw, qint64 maxBytes, QJsonObject *out);

std::optional<GatewayError> openAiBody(const QJsonObject &body, ApiKind kind);
// The Messages API's own rules, so a Claude client hears about its mistakes as Anthropic would tell it.
std::optional<GatewayError> anthropicBody(const QJsonObject &body, ApiKind kind);

} // namespace BodyValidation
