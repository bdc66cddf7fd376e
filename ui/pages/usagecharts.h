#pragma once

#include "storage/usagereport.h"

#include <QColor>
#include <QCoreApplication>

class QCategoryAxis;
class QChart;

// Draws a UsageReport into the Usage page's charts. Each call replaces what the chart showed; a provider
// has the same colour in every chart.
class UsageCharts final {
    Q_DECLARE_TR_FUNCTIONS(UsageCharts)

public:
    enum class Measure { Requests, Tokens };

    // Stacked bars, one set per provider (named as the Logs page names it), one bar per day of the period.
    static void fillPerProvider(QChart *chart, const UsageReport &report, Measure measure);
    // p50, p90 and p99 lines over the days of the period; days without a successful request have no point.
    static void fillLatency(QChart *chart, const UsageReport &report);

private:
    static void clear(QChart *chart);
    static QStringList dayLabels(const UsageReport &report);
    static QCategoryAxis *dayAxis(const UsageReport &report);
    static QColor providerColor(const QStringList &providers, const QString &provider);
};
