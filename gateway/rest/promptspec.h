#pragma once

#include "core/gatewayerror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

// One prompt of the /api/v1 endpoints, as clinvk's requests give it: a model (clinvk says "backend"), the
// prompt, an optional system prompt and sampling settings. Becomes an OpenAI chat request for the relay.
struct PromptSpec final {
    QString model;        // the public model name
    QString prompt;
    QString system;
    QString name;         // optional label (clinvk's step "name", a task's "id"/"name")
    QJsonObject sampling; // max_tokens, temperature, top_p, stop, seed: passed on as they are

    // The body a /v1/chat/completions client would send for this prompt.
    QJsonObject chatBody() const;
};

namespace PromptSpecs {

// Reads one item. where names it in error messages and the error's param ("tasks[2]"); an empty where
// means the request body itself. needPrompt: false where another field supplies the prompt (compare).
// Field names: model or backend (model wins, as clinvk's "model" overrides its backend's default),
// prompt (or prompt_template in a chain step), system_prompt or system, name, and the sampling fields.
std::optional<GatewayError> read(const QJsonObject &item, const QString &where, PromptSpec *out, bool needModel = true,
                                 bool needPrompt = true);

// The sampling fields of item, type-checked.
std::optional<GatewayError> readSampling(const QJsonObject &item, const QString &where, QJsonObject *out);

// An array field of at most maxItems objects (tasks, steps), or the error that says what is wrong.
std::optional<GatewayError> objectArray(const QJsonObject &body, const QString &field, int maxItems, QJsonArray *out);

// An optional positive integer field such as max_parallel; fallback when absent.
std::optional<GatewayError> positiveInt(const QJsonObject &body, const QString &field, int fallback, int *out);


} // namespace PromptSpecs
