#pragma once

#include "config/config.h"
#include "core/clock.h"
#include "gateway.h"

#include <QTemporaryDir>
#include <QUrl>
#include <memory>

// A real gateway on 127.0.0.1 with a free port, a manual clock and a throwaway data directory.
class GatewayFixture final
{
public:
    GatewayFixture();
    ~GatewayFixture();

    // Applies the config (keys from literals and the environment) and starts listening (port 0: any).
    bool start(const Config &config, QString *error = nullptr, quint16 port = 0);
    void stop() { m_gateway.reset(); }
    QUrl url(const QString &path) const;
    Gateway *gateway() const { return m_gateway.get(); }
    ManualClock &clock() { return m_clock; }
    QString dataDir() const { return m_dir.path(); }

    // A provider entry pointing at base with one model mapping public → local.
    static ProviderConfig provider(const QString &name, const QString &base, const QString &publicName,
                                   const QString &localName, int priority = 0);

    // Set before start(); tests shorten the Co-Link timings.
    HubTimings hubTimings;
    NodeTimings nodeTimings;

private:
    ManualClock m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<Gateway> m_gateway;
};
