#include "usagereport.h"

#include <QSet>

#include <algorithm>

namespace {

template<typename Field> qint64 sum(const QList<UsageCell> &cells, Field field)
{
    qint64 total = 0;
    for (const UsageCell &c : cells)
        total += c.*field;
    return total;
}

} // namespace

qint64 UsageReport::totalRequests() const
{
    return sum(cells, &UsageCell::requests);
}

qint64 UsageReport::totalErrors() const
{
    return sum(cells, &UsageCell::errors);
}

qint64 UsageReport::totalPromptTokens() const
{
    return sum(cells, &UsageCell::promptTokens);
}

qint64 UsageReport::totalCompletionTokens() const
{
    return sum(cells, &UsageCell::completionTokens);
}

QStringList UsageReport::providers() const
{
    QSet<QString> seen;
    for (const UsageCell &c : cells)
        seen.insert(c.provider);
    QStringList names(seen.cbegin(), seen.cend());
    std::sort(names.begin(), names.end());
    return names;
}

double UsageReport::estimatedCost(const QMap<QString, ModelPrice> &prices, QStringList *unpriced) const
{
    double cost = 0;
    for (const ModelTokens &m : models) {
        const auto price = prices.constFind(m.model);
        if (price != prices.cend())
            cost += price->costOf(m.promptTokens, m.completionTokens);
        else if (unpriced)
            *unpriced << m.model;
    }
    return cost;
}
