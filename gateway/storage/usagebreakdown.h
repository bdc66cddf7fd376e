#pragma once

#include <QList>
#include <QString>
#include <optional>

class QSqlDatabase;

// Traffic of a time range split by access token, public model or provider, for GET /api/v1/usage and the
// token list. Each row is also split by model, so a cost can be put on it whatever the grouping.

enum class UsageGrouping { Token, Model, Provider };

struct UsageBreakdownQuery final {
    qint64 sinceMs = 0; // inclusive, wall clock
    qint64 untilMs = 0; // exclusive
    UsageGrouping groupBy = UsageGrouping::Model;
    std::optional<qint64> tokenId; // only this token's requests
};

struct UsageBreakdownRow final {
    QString key;   // the token, model or provider; empty when the request had none
    QString model; // the public model
    qint64 requests = 0;
    qint64 errors = 0; // status >= 400
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
};

struct UsageBreakdown final {
    QList<UsageBreakdownRow> rows; // by key, then model
    QString error;
};

// Runs on the thread that owns the connection (the request log's writer thread).
UsageBreakdown queryUsageBreakdown(const QSqlDatabase &database, const UsageBreakdownQuery &query);

struct TokenTotals final {
    qint64 requests = 0; // counted against the request quota
    qint64 tokens = 0;   // prompt + completion
};
