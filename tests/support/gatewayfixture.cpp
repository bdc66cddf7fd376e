#include "gatewayfixture.h"

#include "secrets/keyresolver.h"
#include "secrets/secretstore.h"

GatewayFixture::GatewayFixture() = default;
GatewayFixture::~GatewayFixture() = default;

bool GatewayFixture::start(const Config &config, QString *error, quint16 port)
{
    GatewayOptions options;
    options.dataDir = m_dir.path();
    options.clock = &m_clock;
    options.hubTimings = hubTimings;
    options.nodeTimings = nodeTimings;
    m_gateway = std::make_unique<Gateway>(options);
    QString why;
    if (!m_gateway->open(&why)) {
        if (error)
            *error = why;
        return false;
    }
    MemorySecretStore store;
    resolveProviderKeys(config, &store, [this, &config](const ResolvedKeys &keys) { m_gateway->applyConfig(config, keys); });
    if (!m_gateway->listen(config.gateway.host, port, &why)) {
        if (error)
            *error = why;
        return false;
    }
    return true;
}

QUrl GatewayFixture::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_gateway->port()).arg(path));
}

ProviderConfig GatewayFixture::provider(const QString &name, const QString &base, const QString &publicName,
                                        const QString &localName, int priority)
{
    ProviderConfig p;
    p.name = name;
    p.type = QStringLiteral("openai");
    p.baseUrl = base;
    p.keySource = KeySource::Literal;
    p.keyLiteral = QStringLiteral("sk-test-") + name + QStringLiteral("-0123456789");
    p.priority = priority;
    p.models = {ModelMapping{publicName, localName}};
    return p;
}
