#pragma once

#include <QJsonObject>
#include <QString>

class MemoryExchange;
struct RequestRecord;

// The outcome of one prompt of the /api/v1 endpoints, in the shape every one of them reports: the brief's
// fields (model, provider, status, latency_ms, usage) and clinvk's names for the same facts (backend,
// exit_code, duration_ms, token_usage), so a client written for either reads it unchanged.
struct PromptResult final {
    enum class State { Ok, Error, Skipped };

    QString model;
    QString name;
    QString provider;   // who answered, or was tried last; empty when no provider was reached
    QString localModel;
    State state = State::Skipped;
    int httpStatus = 0; // what /v1/chat/completions would have answered for this prompt
    QString output;
    QString finishReason;
    QString error;
    QString errorCode;
    qint64 latencyMs = 0;
    int attempts = 0;
    qint64 promptTokens = -1; // -1: the provider did not say
    qint64 completionTokens = -1;

    bool ok() const { return state == State::Ok; }
    QJsonObject toJson() const;

    // Reads a finished relay's answer (an OpenAI chat.completion or error body) and its request-log row.
    static PromptResult fromRelay(const MemoryExchange &answer, const RequestRecord &record);
    static PromptResult failed(const QString &model, int httpStatus, const QString &code, const QString &message);
    static PromptResult skipped(const QString &model, const QString &why);
};
