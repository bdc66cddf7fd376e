#include "configwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

namespace {

std::string s(const QString &text) { return text.toStdString(); }

void emitTimeouts(YAML::Emitter &out, const Timeouts &t)
{
    out << YAML::Key << "timeouts" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "connect_ms" << YAML::Value << t.connectMs;
    out << YAML::Key << "first_byte_ms" << YAML::Value << t.firstByteMs;
    out << YAML::Key << "idle_ms" << YAML::Value << t.idleMs;
    out << YAML::EndMap;
}

} // namespace

QByteArray ConfigWriter::toYaml(const Config &config)
{
    const GatewaySettings defaults;
    const GatewaySettings &g = config.gateway;
    YAML::Emitter out;
    out << YAML::BeginMap;

    // Co-Link keys. The client token is a secret: it lives in the keychain, never here.
    if (!config.colink.serverUrl.isEmpty())
        out << YAML::Key << "server_url" << YAML::Value << s(config.colink.serverUrl);
    out << YAML::Key << "max_parallel" << YAML::Value << config.colink.maxParallel;
    if (config.colink.enabled)
        out << YAML::Key << "node" << YAML::Value << YAML::BeginMap << YAML::Key << "enabled" << YAML::Value
            << *config.colink.enabled << YAML::EndMap;
    // Node tokens are written as hashes only, whatever form they were read in.
    if (!config.hub.nodeTokens.isEmpty()) {
        out << YAML::Key << "hub" << YAML::Value << YAML::BeginMap << YAML::Key << "node_tokens" << YAML::Value
            << YAML::BeginSeq;
        for (const AccessToken &t : config.hub.nodeTokens) {
            out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << s(t.name) << YAML::Key << "sha256"
                << YAML::Value << t.sha256Hex.toStdString() << YAML::EndMap;
        }
        out << YAML::EndSeq << YAML::EndMap;
    }

    out << YAML::Key << "gateway" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "listen" << YAML::Value
        << s((g.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + g.host + QLatin1Char(']') : g.host)
             + QLatin1Char(':') + QString::number(g.port));
    if (!g.accessTokens.isEmpty()) {
        out << YAML::Key << "access_tokens" << YAML::Value << YAML::BeginSeq;
        for (const AccessToken &t : g.accessTokens) {
            out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << s(t.name) << YAML::Key << "sha256"
                << YAML::Value << t.sha256Hex.toStdString() << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (!g.corsOrigins.isEmpty()) {
        out << YAML::Key << "cors_origins" << YAML::Value << YAML::BeginSeq;
        for (const QString &o : g.corsOrigins)
            out << s(o);
        out << YAML::EndSeq;
    }
    out << YAML::Key << "ban_seconds" << YAML::Value << g.banSeconds;
    out << YAML::Key << "max_attempts" << YAML::Value << g.maxAttempts;
    const Timeouts &t = g.timeouts;
    const Timeouts &d = defaults.timeouts;
    if (t.connectMs != d.connectMs || t.firstByteMs != d.firstByteMs || t.idleMs != d.idleMs)
        emitTimeouts(out, t);
    out << YAML::Key << "max_body_bytes" << YAML::Value << g.maxBodyBytes;
    if (g.headerTimeoutMs != defaults.headerTimeoutMs)
        out << YAML::Key << "header_timeout_ms" << YAML::Value << g.headerTimeoutMs;
    if (g.maxConnectionsPerClient != defaults.maxConnectionsPerClient)
        out << YAML::Key << "max_connections_per_client" << YAML::Value << g.maxConnectionsPerClient;
    out << YAML::Key << "log" << YAML::Value << YAML::BeginMap << YAML::Key << "retention_days" << YAML::Value
        << g.logRetentionDays << YAML::Key << "max_rows" << YAML::Value << g.logMaxRows << YAML::EndMap;
    const TaskSettings &tasks = g.tasks;
    const TaskSettings &taskDefaults = defaults.tasks;
    if (tasks.retentionHours != taskDefaults.retentionHours || tasks.pollTimeoutSeconds != taskDefaults.pollTimeoutSeconds
        || tasks.pollIntervalMs != taskDefaults.pollIntervalMs || tasks.pollMaxIntervalMs != taskDefaults.pollMaxIntervalMs) {
        out << YAML::Key << "tasks" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "retention_hours" << YAML::Value << tasks.retentionHours;
        out << YAML::Key << "poll_timeout_seconds" << YAML::Value << tasks.pollTimeoutSeconds;
        out << YAML::Key << "poll_interval_ms" << YAML::Value << tasks.pollIntervalMs;
        out << YAML::Key << "poll_max_interval_ms" << YAML::Value << tasks.pollMaxIntervalMs;
        out << YAML::EndMap;
    }
    out << YAML::EndMap;

    out << YAML::Key << "providers" << YAML::Value << YAML::BeginSeq;
    for (const ProviderConfig &p : config.providers) {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << s(p.name);
        out << YAML::Key << "type" << YAML::Value << s(p.type);
        if (!p.baseUrl.isEmpty())
            out << YAML::Key << "base_url" << YAML::Value << s(p.baseUrl);
        // Only a reference to an environment variable is safe to write; a literal key is not.
        if (p.keySource == KeySource::Environment)
            out << YAML::Key << "api_key" << YAML::Value << s(QStringLiteral("env:") + p.keyLiteral);
        else if (p.keySource == KeySource::None)
            out << YAML::Key << "api_key" << YAML::Value << "none"; // absent would mean "in the keychain"
        if (p.weight != 1)
            out << YAML::Key << "weight" << YAML::Value << p.weight;
        if (p.priority != 0)
            out << YAML::Key << "priority" << YAML::Value << p.priority;
        if (p.maxParallel != 0)
            out << YAML::Key << "max_parallel" << YAML::Value << p.maxParallel;
        if (!p.enabled)
            out << YAML::Key << "enabled" << YAML::Value << false;
        if (!p.streaming)
            out << YAML::Key << "streaming" << YAML::Value << false;
        if (p.imagesViaChat)
            out << YAML::Key << "images_via" << YAML::Value << "chat";
        if (p.timeouts)
            emitTimeouts(out, *p.timeouts);
        out << YAML::Key << "models" << YAML::Value << YAML::BeginSeq;
        for (const ModelMapping &m : p.models) {
            out << YAML::BeginMap << YAML::Key << "local" << YAML::Value << s(m.localName) << YAML::Key
                << "server_mapping" << YAML::Value << s(m.publicName) << YAML::EndMap;
        }
        out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq;
    if (!config.prices.isEmpty()) {
        out << YAML::Key << "prices" << YAML::Value << YAML::BeginMap;
        for (auto it = config.prices.cbegin(); it != config.prices.cend(); ++it) {
            out << YAML::Key << s(it.key()) << YAML::Value << YAML::BeginMap << YAML::Key << "input_per_million"
                << YAML::Value << it->inputPerMillion << YAML::Key << "output_per_million" << YAML::Value
                << it->outputPerMillion << YAML::EndMap;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

bool ConfigWriter::writeFile(const Config &config, const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = path + QStringLiteral(": cannot write: ") + file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(toYaml(config));
    if (!file.commit()) {
        *error = path + QStringLiteral(": cannot write: ") + file.errorString();
        return false;
    }
    return true;
}
