#include "metrics.h"

#include <QStringList>

namespace {

const QChar sep(0x1f);

// Label values are escaped as the exposition format asks: backslash, double quote and newline.
QByteArray label(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 10);
}

} // namespace

void Metrics::Histogram::observe(double value)
{
    for (std::size_t i = 0; i < bucketBounds.size(); ++i) {
        if (value <= bucketBounds[i])
            ++buckets[i];
    }
    ++count;
    sum += value;
}

void Metrics::requestFinished(const QString &model, const QString &provider, int status, double latencySeconds,
                              double ttfbSeconds)
{
    ++m_requests[model + sep + provider + sep + QString::number(status)];
    m_latency[model].observe(latencySeconds);
    if (ttfbSeconds >= 0)
        m_ttfb[model].observe(ttfbSeconds);
}

void Metrics::attemptFinished(const QString &provider, const QString &outcome)
{
    ++m_attempts[provider + sep + outcome];
}

void Metrics::renderHistogram(QByteArray &out, const char *name, const QHash<QString, Histogram> &byModel) const
{
    out += QByteArray("# TYPE ") + name + " histogram\n";
    for (auto it = byModel.cbegin(); it != byModel.cend(); ++it) {
        const QByteArray model = label(it.key());
        for (std::size_t i = 0; i < bucketBounds.size(); ++i)
            out += name + QByteArray("_bucket{model=\"") + model + "\",le=\"" + number(bucketBounds[i]) + "\"} "
                + QByteArray::number(it->buckets[i]) + '\n';
        out += name + QByteArray("_bucket{model=\"") + model + "\",le=\"+Inf\"} " + QByteArray::number(it->count) + '\n';
        out += name + QByteArray("_sum{model=\"") + model + "\"} " + number(it->sum) + '\n';
        out += name + QByteArray("_count{model=\"") + model + "\"} " + QByteArray::number(it->count) + '\n';
    }
}

QByteArray Metrics::render(const Gauges &gauges) const
{
    QByteArray out;
    out += "# HELP switchyard_requests_total Client requests by public model, provider and HTTP status.\n"
           "# TYPE switchyard_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        const QStringList parts = it.key().split(sep);
        out += "switchyard_requests_total{model=\"" + label(parts.value(0)) + "\",provider=\"" + label(parts.value(1))
            + "\",status=\"" + label(parts.value(2)) + "\"} " + QByteArray::number(it.value()) + '\n';
    }
    out += "# HELP switchyard_upstream_attempts_total Upstream attempts by provider and outcome.\n"
           "# TYPE switchyard_upstream_attempts_total counter\n";
    for (auto it = m_attempts.cbegin(); it != m_attempts.cend(); ++it) {
        const QStringList parts = it.key().split(sep);
        out += "switchyard_upstream_attempts_total{provider=\"" + label(parts.value(0)) + "\",outcome=\""
            + label(parts.value(1)) + "\"} " + QByteArray::number(it.value()) + '\n';
    }
    out += "# HELP switchyard_request_duration_seconds Time from request to the end of the answer.\n";
    renderHistogram(out, "switchyard_request_duration_seconds", m_latency);
    out += "# HELP switchyard_time_to_first_byte_seconds Time from request to the first byte sent to the client.\n";
    renderHistogram(out, "switchyard_time_to_first_byte_seconds", m_ttfb);
    out += "# HELP switchyard_in_flight Requests being answered now.\n# TYPE switchyard_in_flight gauge\n"
           "switchyard_in_flight " + QByteArray::number(m_inFlight) + '\n';
    out += "# HELP switchyard_active_bans Backends (provider or provider/model) banned now.\n"
           "# TYPE switchyard_active_bans gauge\nswitchyard_active_bans " + QByteArray::number(gauges.activeBans) + '\n';
    out += "# HELP switchyard_providers_key_invalid Providers whose API key was rejected.\n"
           "# TYPE switchyard_providers_key_invalid gauge\nswitchyard_providers_key_invalid "
        + QByteArray::number(gauges.providersKeyInvalid) + '\n';
    out += "# HELP switchyard_hub_nodes Co-Link nodes connected to this gateway's hub.\n"
           "# TYPE switchyard_hub_nodes gauge\nswitchyard_hub_nodes " + QByteArray::number(gauges.hubNodes) + '\n';
    out += "# HELP switchyard_hub_nodes_in_flight Calls running on hub nodes.\n"
           "# TYPE switchyard_hub_nodes_in_flight gauge\nswitchyard_hub_nodes_in_flight "
        + QByteArray::number(gauges.hubNodesInFlight) + '\n';
    out += "# HELP switchyard_node_connected 1 while node mode is connected to its Co-Link server.\n"
           "# TYPE switchyard_node_connected gauge\nswitchyard_node_connected " + QByteArray::number(gauges.nodeConnected) + '\n';
    out += "# HELP switchyard_node_in_flight Calls this machine runs for its Co-Link server.\n"
           "# TYPE switchyard_node_in_flight gauge\nswitchyard_node_in_flight " + QByteArray::number(gauges.nodeInFlight) + '\n';
    return out;
}
