#pragma once

#include "config/config.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

// What the request log says about a period of local calendar days: traffic per provider per day and latency
// percentiles per day. Built by RequestLog::usage(); the Usage page charts it.

// One provider on one day.
struct UsageCell final {
    QDate day; // local calendar day
    QString provider; // empty: answered by Switchyard itself (refused, unknown model, ...)
    qint64 requests = 0;
    qint64 errors = 0; // status >= 400, cancelled requests (499) included
    qint64 promptTokens = 0; // requests whose count is unknown add nothing
    qint64 completionTokens = 0;

    friend bool operator==(const UsageCell &, const UsageCell &) = default;
};

// Latency of one day's successful requests (status < 400), nearest-rank percentiles: pN is the smallest
// latency that at least N % of the samples do not exceed. Failures are left out because a refusal answered
// in a millisecond or a timeout would say nothing about how fast the providers answer.
struct DayLatency final {
    QDate day;
    qint64 samples = 0;
    qint64 p50Ms = 0;
    qint64 p90Ms = 0;
    qint64 p99Ms = 0;

    friend bool operator==(const DayLatency &, const DayLatency &) = default;
};

// Tokens of one public model over the whole period, to put a price on them.
struct ModelTokens final {
    QString model;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;

    friend bool operator==(const ModelTokens &, const ModelTokens &) = default;
};

struct UsageReport final {
    QDate firstDay; // inclusive
    QDate lastDay; // inclusive
    QList<UsageCell> cells; // by day, then provider; only pairs with requests
    QList<DayLatency> latency; // by day; only days with a successful request
    QList<ModelTokens> models; // by model; only models that used tokens
    QString error; // set when the log could not be read

    qint64 totalRequests() const;
    qint64 totalErrors() const;
    qint64 totalPromptTokens() const;
    qint64 totalCompletionTokens() const;
    // Every provider in cells, sorted; "" (Switchyard itself) sorts first.
    QStringList providers() const;
    // What the period's tokens cost at prices; models that used tokens without a price go to *unpriced.
    double estimatedCost(const QMap<QString, ModelPrice> &prices, QStringList *unpriced = nullptr) const;
    int dayCount() const { return firstDay.isValid() ? int(firstDay.daysTo(lastDay)) + 1 : 0; }

    friend bool operator==(const UsageReport &, const UsageReport &) = default;
};
