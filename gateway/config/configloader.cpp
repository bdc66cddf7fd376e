#include "configloader.h"

#include "core/logging.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <cmath>

namespace {

// Thrown inside the loader only; turned into ConfigResult::error at the boundary.
struct ConfigError {
    QString message;
};

class Reader
{
public:
    Reader(QString fileName, QStringList knownTypes)
        : m_file(std::move(fileName)), m_knownTypes(std::move(knownTypes)) {}

    Config read(const YAML::Node &root);
    QStringList warnings;

private:
    [[noreturn]] void fail(const YAML::Node &node, const QString &key, const QString &what) const;
    QString where(const YAML::Node &node) const;
    void warnUnknownKeys(const YAML::Node &map, const QString &path, const QSet<QString> &known);

    QString string(const YAML::Node &node, const QString &key) const;
    qint64 integer(const YAML::Node &node, const QString &key, qint64 min, qint64 max) const;
    bool boolean(const YAML::Node &node, const QString &key) const;
    double number(const YAML::Node &node, const QString &key, double min, double max) const;
    void requireMap(const YAML::Node &node, const QString &key) const;
    void requireSequence(const YAML::Node &node, const QString &key) const;

    void readGateway(const YAML::Node &node, GatewaySettings &out);
    void readHub(const YAML::Node &node, HubSettings &out);
    void readPrices(const YAML::Node &node, QMap<QString, ModelPrice> &out);
    void readTasks(const YAML::Node &node, TaskSettings &out);
    AccessToken readHashedToken(const YAML::Node &node, const QString &path);
    void readTimeouts(const YAML::Node &node, const QString &path, Timeouts &out);
    ProviderConfig readProvider(const YAML::Node &node, const QString &path, int index,
                                const Timeouts &gatewayTimeouts);

    QString m_file;
    QStringList m_knownTypes;
};

QString Reader::where(const YAML::Node &node) const
{
    if (!node)
        return m_file;
    const YAML::Mark mark = node.Mark();
    if (mark.is_null())
        return m_file;
    return m_file + QLatin1Char(':') + QString::number(mark.line + 1);
}

void Reader::fail(const YAML::Node &node, const QString &key, const QString &what) const
{
    throw ConfigError{where(node) + QStringLiteral(": ") + key + QStringLiteral(": ") + what};
}

void Reader::warnUnknownKeys(const YAML::Node &map, const QString &path, const QSet<QString> &known)
{
    for (const auto &kv : map) {
        const QString key = QString::fromStdString(kv.first.Scalar());
        if (!known.contains(key))
            warnings << where(kv.first) + QStringLiteral(": ") + path + key
                            + QStringLiteral(": unknown key, ignored");
    }
}

void Reader::requireMap(const YAML::Node &node, const QString &key) const
{
    if (!node.IsMap())
        fail(node, key, QStringLiteral("expected a mapping"));
}

void Reader::requireSequence(const YAML::Node &node, const QString &key) const
{
    if (!node.IsSequence())
        fail(node, key, QStringLiteral("expected a list"));
}

QString Reader::string(const YAML::Node &node, const QString &key) const
{
    if (!node || node.IsNull()) // absent keys are "zombie" nodes in yaml-cpp
        return {};
    if (!node.IsScalar())
        fail(node, key, QStringLiteral("expected a text value"));
    return QString::fromStdString(node.Scalar()).trimmed();
}

qint64 Reader::integer(const YAML::Node &node, const QString &key, qint64 min, qint64 max) const
{
    if (!node.IsScalar())
        fail(node, key, QStringLiteral("expected a whole number"));
    bool ok = false;
    const qint64 value = QString::fromStdString(node.Scalar()).trimmed().toLongLong(&ok);
    if (!ok)
        fail(node, key, QStringLiteral("expected a whole number, got '%1'").arg(QString::fromStdString(node.Scalar())));
    if (value < min || value > max)
        fail(node, key, QStringLiteral("%1 is out of range (%2 to %3)").arg(value).arg(min).arg(max));
    return value;
}

bool Reader::boolean(const YAML::Node &node, const QString &key) const
{
    const QString text = node.IsScalar() ? QString::fromStdString(node.Scalar()).trimmed().toLower() : QString();
    if (text == QLatin1String("true") || text == QLatin1String("yes") || text == QLatin1String("on"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("no") || text == QLatin1String("off"))
        return false;
    fail(node, key, QStringLiteral("expected true or false"));
}

double Reader::number(const YAML::Node &node, const QString &key, double min, double max) const
{
    if (!node.IsScalar())
        fail(node, key, QStringLiteral("expected a number"));
    bool ok = false;
    const double value = QString::fromStdString(node.Scalar()).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        fail(node, key, QStringLiteral("expected a number, got '%1'").arg(QString::fromStdString(node.Scalar())));
    if (value < min || value > max)
        fail(node, key, QStringLiteral("%1 is out of range (%2 to %3)").arg(value).arg(min).arg(max));
    return value;
}

// prices: { model: { input_per_million: 0.15, output_per_million: 0.6 } }
void Reader::readPrices(const YAML::Node &node, QMap<QString, ModelPrice> &out)
{
    if (node.IsNull())
        return;
    requireMap(node, QStringLiteral("prices"));
    for (const auto &kv : node) {
        const QString model = QString::fromStdString(kv.first.Scalar()).trimmed();
        const QString path = QStringLiteral("prices.") + model;
        if (model.isEmpty())
            fail(kv.first, QStringLiteral("prices"), QStringLiteral("a model name is empty"));
        const YAML::Node &price = kv.second;
        requireMap(price, path);
        warnUnknownKeys(price, path + QLatin1Char('.'),
                        {QStringLiteral("input_per_million"), QStringLiteral("output_per_million")});
        if (!price["input_per_million"] && !price["output_per_million"])
            fail(price, path, QStringLiteral("give input_per_million, output_per_million or both"));
        ModelPrice p;
        if (price["input_per_million"])
            p.inputPerMillion = number(price["input_per_million"], path + QStringLiteral(".input_per_million"), 0, 1e9);
        if (price["output_per_million"])
            p.outputPerMillion = number(price["output_per_million"], path + QStringLiteral(".output_per_million"), 0, 1e9);
        out.insert(model, p);
    }
}

void Reader::readTimeouts(const YAML::Node &node, const QString &path, Timeouts &out)
{
    requireMap(node, path);
    warnUnknownKeys(node, path + QLatin1Char('.'),
                    {QStringLiteral("connect_ms"), QStringLiteral("first_byte_ms"), QStringLiteral("idle_ms")});
    constexpr qint64 maxMs = 24LL * 3600 * 1000;
    if (node["connect_ms"])
        out.connectMs = int(integer(node["connect_ms"], path + QStringLiteral(".connect_ms"), 1, maxMs));
    if (node["first_byte_ms"])
        out.firstByteMs = int(integer(node["first_byte_ms"], path + QStringLiteral(".first_byte_ms"), 1, maxMs));
    if (node["idle_ms"])
        out.idleMs = int(integer(node["idle_ms"], path + QStringLiteral(".idle_ms"), 1, maxMs));
}

void Reader::readTasks(const YAML::Node &node, TaskSettings &out)
{
    const QString path = QStringLiteral("gateway.tasks");
    requireMap(node, path);
    warnUnknownKeys(node, path + QLatin1Char('.'),
                    {QStringLiteral("retention_hours"), QStringLiteral("poll_timeout_seconds"),
                     QStringLiteral("poll_interval_ms"), QStringLiteral("poll_max_interval_ms")});
    if (node["retention_hours"])
        out.retentionHours = int(integer(node["retention_hours"], path + QStringLiteral(".retention_hours"), 1, 24 * 365));
    if (node["poll_timeout_seconds"])
        out.pollTimeoutSeconds =
            int(integer(node["poll_timeout_seconds"], path + QStringLiteral(".poll_timeout_seconds"), 10, 7 * 86400));
    if (node["poll_interval_ms"])
        out.pollIntervalMs = int(integer(node["poll_interval_ms"], path + QStringLiteral(".poll_interval_ms"), 100, 600'000));
    if (node["poll_max_interval_ms"])
        out.pollMaxIntervalMs =
            int(integer(node["poll_max_interval_ms"], path + QStringLiteral(".poll_max_interval_ms"), 100, 600'000));
    if (out.pollMaxIntervalMs < out.pollIntervalMs)
        fail(node["poll_max_interval_ms"] ? node["poll_max_interval_ms"] : node, path + QStringLiteral(".poll_max_interval_ms"),
             QStringLiteral("must not be less than poll_interval_ms (%1)").arg(out.pollIntervalMs));
}

void Reader::readHub(const YAML::Node &node, HubSettings &out)
{
    requireMap(node, QStringLiteral("hub"));
    warnUnknownKeys(node, QStringLiteral("hub."), {QStringLiteral("node_tokens")});
    const auto tokens = node["node_tokens"];
    if (!tokens || tokens.IsNull())
        return;
    requireSequence(tokens, QStringLiteral("hub.node_tokens"));
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const QString path = QStringLiteral("hub.node_tokens[%1]").arg(i);
        const YAML::Node t = tokens[i];
        AccessToken token;
        if (t.IsScalar()) {
            // The token itself, as Co-Link servers hand them out; only its hash is kept in memory.
            const QString plain = string(t, path);
            if (plain.size() < 8)
                fail(t, path, QStringLiteral("a node token needs at least 8 characters"));
            token.name = redactSecret(plain);
            token.sha256Hex = QCryptographicHash::hash(plain.toUtf8(), QCryptographicHash::Sha256).toHex();
        } else {
            token = readHashedToken(t, path);
        }
        out.nodeTokens << token;
    }
}

AccessToken Reader::readHashedToken(const YAML::Node &t, const QString &path)
{
    requireMap(t, path);
    AccessToken token;
    token.name = string(t["name"], path + QStringLiteral(".name"));
    token.sha256Hex = string(t["sha256"], path + QStringLiteral(".sha256")).toLower().toLatin1();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(QString::fromLatin1(token.sha256Hex)).hasMatch())
        fail(t, path + QStringLiteral(".sha256"),
             QStringLiteral("expected the token's SHA-256 as 64 hex digits (see 'switchyard token hash')"));
    return token;
}

void Reader::readGateway(const YAML::Node &node, GatewaySettings &out)
{
    requireMap(node, QStringLiteral("gateway"));
    warnUnknownKeys(node, QStringLiteral("gateway."),
                    {QStringLiteral("listen"), QStringLiteral("access_tokens"), QStringLiteral("cors_origins"),
                     QStringLiteral("ban_seconds"), QStringLiteral("max_attempts"), QStringLiteral("timeouts"),
                     QStringLiteral("max_body_bytes"), QStringLiteral("header_timeout_ms"),
                     QStringLiteral("max_connections_per_client"),
                     QStringLiteral("log"), QStringLiteral("tasks")});
    if (const auto listen = node["listen"]) {
        if (!ConfigLoader::parseListen(string(listen, QStringLiteral("gateway.listen")), &out.host, &out.port))
            fail(listen, QStringLiteral("gateway.listen"), QStringLiteral("expected HOST:PORT, e.g. 127.0.0.1:8790"));
    }
    if (const auto tokens = node["access_tokens"]) {
        requireSequence(tokens, QStringLiteral("gateway.access_tokens"));
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const QString path = QStringLiteral("gateway.access_tokens[%1]").arg(i);
            const AccessToken token = readHashedToken(tokens[i], path);
            out.accessTokens << token;
        }
    }
    if (const auto origins = node["cors_origins"]) {
        requireSequence(origins, QStringLiteral("gateway.cors_origins"));
        for (std::size_t i = 0; i < origins.size(); ++i)
            out.corsOrigins << string(origins[i], QStringLiteral("gateway.cors_origins[%1]").arg(i));
    }
    if (node["ban_seconds"])
        out.banSeconds = int(integer(node["ban_seconds"], QStringLiteral("gateway.ban_seconds"), 0, 86400));
    if (node["max_attempts"])
        out.maxAttempts = int(integer(node["max_attempts"], QStringLiteral("gateway.max_attempts"), 1, 10));
    if (node["timeouts"])
        readTimeouts(node["timeouts"], QStringLiteral("gateway.timeouts"), out.timeouts);
    if (node["max_body_bytes"])
        out.maxBodyBytes = integer(node["max_body_bytes"], QStringLiteral("gateway.max_body_bytes"), 1024,
                                   1024LL * 1024 * 1024);
    if (node["header_timeout_ms"])
        out.headerTimeoutMs = int(integer(node["header_timeout_ms"], QStringLiteral("gateway.header_timeout_ms"), 100,
                                          600'000));
    if (node["max_connections_per_client"])
        out.maxConnectionsPerClient = int(integer(node["max_connections_per_client"],
                                                  QStringLiteral("gateway.max_connections_per_client"), 1, 1'000'000));
    if (const auto log = node["log"]) {
        requireMap(log, QStringLiteral("gateway.log"));
        warnUnknownKeys(log, QStringLiteral("gateway.log."),
                        {QStringLiteral("retention_days"), QStringLiteral("max_rows")});
        if (log["retention_days"])
            out.logRetentionDays = int(integer(log["retention_days"], QStringLiteral("gateway.log.retention_days"), 1, 3650));
        if (log["max_rows"])
            out.logMaxRows = int(integer(log["max_rows"], QStringLiteral("gateway.log.max_rows"), 100, 100'000'000));
    }
    if (const auto tasks = node["tasks"])
        readTasks(tasks, out.tasks);
}

ProviderConfig Reader::readProvider(const YAML::Node &node, const QString &path, int index,
                                    const Timeouts &gatewayTimeouts)
{
    requireMap(node, path);
    warnUnknownKeys(node, path + QLatin1Char('.'),
                    {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("api_key"),
                     QStringLiteral("base_url"), QStringLiteral("models"), QStringLiteral("weight"),
                     QStringLiteral("priority"), QStringLiteral("max_parallel"), QStringLiteral("enabled"), QStringLiteral("streaming"),
                     QStringLiteral("timeouts"), QStringLiteral("images_via")});
    ProviderConfig p;
    p.type = string(node["type"], path + QStringLiteral(".type")).toLower();
    if (p.type.isEmpty())
        fail(node, path + QStringLiteral(".type"), QStringLiteral("missing; one of: ") + m_knownTypes.join(QStringLiteral(", ")));
    if (!m_knownTypes.contains(p.type))
        fail(node["type"], path + QStringLiteral(".type"),
             QStringLiteral("unknown provider type '%1'; one of: %2").arg(p.type, m_knownTypes.join(QStringLiteral(", "))));
    p.name = string(node["name"], path + QStringLiteral(".name"));
    if (p.name.isEmpty())
        p.name = p.type + QLatin1Char('-') + QString::number(index + 1);
    static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!nameRe.match(p.name).hasMatch())
        fail(node["name"], path + QStringLiteral(".name"),
             QStringLiteral("'%1' must be 1-64 letters, digits, '.', '_' or '-'").arg(p.name));

    if (const auto key = node["api_key"]) {
        const QString value = string(key, path + QStringLiteral(".api_key"));
        if (value.isEmpty()) {
            p.keySource = KeySource::Keychain;
        } else if (value == QLatin1String("none")) {
            p.keySource = KeySource::None; // a server that needs no key (Ollama, vLLM on the LAN)
        } else if (value.startsWith(QLatin1String("env:"))) {
            p.keySource = KeySource::Environment;
            p.keyLiteral = value.mid(4);
            if (p.keyLiteral.isEmpty())
                fail(key, path + QStringLiteral(".api_key"), QStringLiteral("'env:' needs a variable name"));
        } else {
            p.keySource = KeySource::Literal;
            p.keyLiteral = value;
        }
    }

    p.baseUrl = string(node["base_url"], path + QStringLiteral(".base_url"));
    while (p.baseUrl.endsWith(QLatin1Char('/')))
        p.baseUrl.chop(1);
    if (!p.baseUrl.isEmpty()) {
        const QUrl url(p.baseUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty())
            fail(node["base_url"], path + QStringLiteral(".base_url"),
                 QStringLiteral("'%1' is not an http:// or https:// URL").arg(p.baseUrl));
    }

    if (node["weight"])
        p.weight = int(integer(node["weight"], path + QStringLiteral(".weight"), 0, 1000));
    if (node["priority"])
        p.priority = int(integer(node["priority"], path + QStringLiteral(".priority"), -1000, 1000));
    if (node["max_parallel"])
        p.maxParallel = int(integer(node["max_parallel"], path + QStringLiteral(".max_parallel"), 0, 10000));
    if (node["enabled"])
        p.enabled = boolean(node["enabled"], path + QStringLiteral(".enabled"));
    if (node["streaming"])
        p.streaming = boolean(node["streaming"], path + QStringLiteral(".streaming"));
    if (const auto via = node["images_via"]) {
        const QString value = string(via, path + QStringLiteral(".images_via"));
        if (value != QLatin1String("chat") && value != QLatin1String("images"))
            fail(via, path + QStringLiteral(".images_via"),
                 QStringLiteral("expected 'images' (the /images/generations endpoint, the default) or 'chat' "
                                "(image models served on /chat/completions, as the Akash Chat proxy does)"));
        p.imagesViaChat = value == QLatin1String("chat");
    }
    if (node["timeouts"]) {
        Timeouts own = gatewayTimeouts; // a partial map overrides only the values it names
        readTimeouts(node["timeouts"], path + QStringLiteral(".timeouts"), own);
        p.timeouts = own;
    }

    const YAML::Node models = node["models"];
    if (!models)
        fail(node, path + QStringLiteral(".models"), QStringLiteral("missing; list the models this provider serves"));
    requireSequence(models, path + QStringLiteral(".models"));
    for (std::size_t i = 0; i < models.size(); ++i) {
        const QString mpath = path + QStringLiteral(".models[%1]").arg(i);
        const YAML::Node m = models[i];
        ModelMapping mapping;
        if (m.IsScalar()) {
            mapping.localName = mapping.publicName = string(m, mpath);
        } else {
            requireMap(m, mpath);
            warnUnknownKeys(m, mpath + QLatin1Char('.'), {QStringLiteral("local"), QStringLiteral("server_mapping")});
            mapping.localName = string(m["local"], mpath + QStringLiteral(".local"));
            mapping.publicName = string(m["server_mapping"], mpath + QStringLiteral(".server_mapping"));
            if (mapping.publicName.isEmpty())
                mapping.publicName = mapping.localName;
        }
        if (mapping.localName.isEmpty())
            fail(m, mpath + QStringLiteral(".local"), QStringLiteral("missing model name"));
        p.models << mapping;
    }
    return p;
}

Config Reader::read(const YAML::Node &root)
{
    Config config;
    if (root.IsNull())
        return config; // an empty file is a valid, empty configuration
    requireMap(root, QStringLiteral("(top level)"));
    warnUnknownKeys(root, QString(),
                    {QStringLiteral("client_token"), QStringLiteral("server_url"), QStringLiteral("max_parallel"),
                     QStringLiteral("providers"), QStringLiteral("gateway"), QStringLiteral("node"),
                     QStringLiteral("hub"), QStringLiteral("prices")});

    config.colink.clientToken = string(root["client_token"], QStringLiteral("client_token"));
    config.colink.serverUrl = string(root["server_url"], QStringLiteral("server_url"));
    if (!config.colink.serverUrl.isEmpty()) {
        const QUrl url(config.colink.serverUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")))
            fail(root["server_url"], QStringLiteral("server_url"),
                 QStringLiteral("'%1' is not a ws:// or wss:// URL").arg(config.colink.serverUrl));
    }
    if (root["max_parallel"]) {
        // Co-Link: "<= 0 or missing means 1".
        const qint64 v = integer(root["max_parallel"], QStringLiteral("max_parallel"), -1'000'000, 10000);
        config.colink.maxParallel = v <= 0 ? 1 : int(v);
    }
    if (root["gateway"])
        readGateway(root["gateway"], config.gateway);
    if (const auto node = root["node"]) {
        requireMap(node, QStringLiteral("node"));
        warnUnknownKeys(node, QStringLiteral("node."), {QStringLiteral("enabled")});
        if (node["enabled"])
            config.colink.enabled = boolean(node["enabled"], QStringLiteral("node.enabled"));
    }
    if (root["hub"])
        readHub(root["hub"], config.hub);
    if (root["prices"])
        readPrices(root["prices"], config.prices);

    if (const auto providers = root["providers"]) {
        if (!providers.IsNull()) {
            requireSequence(providers, QStringLiteral("providers"));
            QSet<QString> names;
            for (std::size_t i = 0; i < providers.size(); ++i) {
                const QString path = QStringLiteral("providers[%1]").arg(i);
                ProviderConfig p = readProvider(providers[i], path, int(i), config.gateway.timeouts);
                if (names.contains(p.name))
                    fail(providers[i], path + QStringLiteral(".name"),
                         QStringLiteral("'%1' is used by another provider; names must be unique").arg(p.name));
                names.insert(p.name);
                config.providers << p;
            }
        }
    }
    return config;
}

} // namespace

ConfigResult ConfigLoader::loadString(const QByteArray &yaml, const QString &displayName,
                                      const QStringList &knownTypes)
{
    ConfigResult result;
    Reader reader(displayName, knownTypes);
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        Config config = reader.read(root);
        result.config = std::move(config);
        result.warnings = reader.warnings;
    } catch (const ConfigError &e) {
        result.error = e.message;
    } catch (const YAML::Exception &e) {
        // yaml-cpp's own message repeats the position; keep only what it says went wrong.
        const QString line = e.mark.is_null() ? QString() : QLatin1Char(':') + QString::number(e.mark.line + 1);
        result.error = displayName + line + QStringLiteral(": invalid YAML: ") + QString::fromStdString(e.msg);
    }
    return result;
}

ConfigResult ConfigLoader::loadFile(const QString &path, const QStringList &knownTypes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigResult result;
        result.error = path + QStringLiteral(": cannot read: ") + file.errorString();
        return result;
    }
    ConfigResult result = loadString(file.readAll(), path, knownTypes);
    if (result.config)
        result.config->sourcePath = path;
    return result;
}

bool ConfigLoader::parseListen(const QString &text, QString *host, quint16 *port)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    QString h = text.left(colon);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    if (h.isEmpty())
        h = QStringLiteral("127.0.0.1");
    if (h != QLatin1String("localhost") && QHostAddress(h).isNull())
        return false;
    *host = h;
    *port = quint16(p);
    return true;
}
