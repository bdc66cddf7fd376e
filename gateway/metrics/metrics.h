#pragma once

#include <QHash>
#include <QString>
#include <array>

// Counters and histograms for GET /metrics, in the Prometheus text format. Main thread only.
class Metrics final
{
public:
    void requestFinished(const QString &model, const QString &provider, int status, double latencySeconds,
                         double ttfbSeconds);
    void attemptFinished(const QString &provider, const QString &outcome);
    void inFlightChanged(int delta) { m_inFlight += delta; }
    int inFlight() const { return m_inFlight; }

    struct Gauges {
        int activeBans = 0;
        int providersKeyInvalid = 0;
        int hubNodes = 0;       // Co-Link nodes connected to this gateway
        int hubNodesInFlight = 0;
        int nodeConnected = 0;  // 1 while node mode is connected to its server
        int nodeInFlight = 0;   // calls this machine runs for its server
    };
    QByteArray render(const Gauges &gauges) const;

private:
    static constexpr std::array<double, 14> bucketBounds{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                                         1,     2.5,  5,     10,   30,   60,  120};
    struct Histogram {
        std::array<quint64, bucketBounds.size()> buckets{};
        quint64 count = 0;
        double sum = 0;
        void observe(double value);
    };
    void renderHistogram(QByteArray &out, const char *name, const QHash<QString, Histogram> &byModel) const;

    QHash<QString, quint64> m_requests; // key: model \x1f provider \x1f status
    QHash<QString, quint64> m_attempts; // key: provider \x1f outcome
    QHash<QString, Histogram> m_latency;
    QHash<QString, Histogram> m_ttfb;
    int m_inFlight = 0;
};
