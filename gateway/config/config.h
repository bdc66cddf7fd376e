#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

// Settings as read from YAML. A Co-Link client config.yaml is a valid Switchyard config: its top-level
// keys (client_token, server_url, max_parallel, providers) keep their meaning; ours extend it.

struct Timeouts final {
    int connectMs = 10'000;     // DNS + TCP + TLS + sending the request
    int firstByteMs = 120'000;  // request sent → first body byte (non-stream answers arrive whole)
    int idleMs = 60'000;        // between two pieces of a response
};

struct ModelMapping final {
    QString publicName;  // Co-Link's server_mapping: what clients ask for
    QString localName;   // Co-Link's local: what the provider calls it
};

// Where a provider's API key comes from. Literal keys are accepted for Co-Link compatibility but never
// written back to YAML.
enum class KeySource { Keychain, Literal, Environment, None };

struct ProviderConfig final {
    QString name;
    QString type;       // adapter type: openai, claude, ...
    QString baseUrl;    // empty: the adapter's default
    KeySource keySource = KeySource::Keychain;
    QString keyLiteral; // the key itself (Literal) or the variable name (Environment)
    int weight = 1;
    int priority = 0;   // higher is preferred
    int maxParallel = 0; // 0: unlimited
    bool enabled = true;
    bool streaming = true; // false: the provider cannot stream; stream requests get its whole answer as a stream
    // true: the provider serves image models on /chat/completions, the prompt as the user's message (the Akash
    // Chat proxy's AkashGen); /v1/images/generations calls are sent there and its answer read as images.
    bool imagesViaChat = false;
    std::optional<Timeouts> timeouts; // unset: the gateway's
    QList<ModelMapping> models;

    // Keychain entry name, as Nextcloud names them: app:account:field.
    QString keychainKey() const { return QStringLiteral("provider:") + name + QStringLiteral(":api_key"); }
};

struct AccessToken final {
    QString name;
    QByteArray sha256Hex; // the token itself is never stored
};

// Async image and video tasks (gateway/tasks/, docs/tasks.md).
struct TaskSettings final {
    int retentionHours = 24;          // a finished task stays readable this long
    int pollTimeoutSeconds = 1800;    // a submit-then-poll upstream task that takes longer fails
    int pollIntervalMs = 1000;        // first wait between two polls of an upstream task; doubles each time
    int pollMaxIntervalMs = 10'000;   // up to this
};

struct GatewaySettings final {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8790;
    QList<AccessToken> accessTokens;
    QStringList corsOrigins;
    int banSeconds = 60;
    int maxAttempts = 3;
    Timeouts timeouts;
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    int headerTimeoutMs = 30'000; // a connection must send a complete request head this soon (see ConnectionGuard)
    int maxConnectionsPerClient = 256; // open connections from one client address; more are answered 429
    int logRetentionDays = 30;
    int logMaxRows = 200'000;
    TaskSettings tasks;
};

// Node mode: this machine shares its providers with a Co-Link server.
struct ColinkSettings final {
    QString serverUrl;
    QString clientToken;
    int maxParallel = 1;
    std::optional<bool> enabled; // node.enabled; unset: on when server_url is set, as for the reference client

    bool nodeWanted() const { return enabled.value_or(!serverUrl.isEmpty()); }
    // Where the token lives when YAML has none.
    static QString keychainKey() { return QStringLiteral("colink:client_token"); }
};

// Hub mode: Co-Link nodes of other machines join this gateway at GET /ws.
struct HubSettings final {
    QList<AccessToken> nodeTokens; // none: the hub accepts no node
};

// What a public model costs at its provider, per million tokens, for the estimated costs of the Usage page
// and GET /api/v1/usage. In the user's currency of choice; Switchyard never converts.
struct ModelPrice final {
    double inputPerMillion = 0;  // prompt tokens
    double outputPerMillion = 0; // completion tokens

    double costOf(qint64 promptTokens, qint64 completionTokens) const
    {
        return (double(promptTokens) * inputPerMillion + double(completionTokens) * outputPerMillion) / 1e6;
    }
    friend bool operator==(const ModelPrice &, const ModelPrice &) = default;
};

struct Config final {
    GatewaySettings gateway;
    ColinkSettings colink;
    HubSettings hub;
    QList<ProviderConfig> providers;
    QMap<QString, ModelPrice> prices; // by public model name
    QString sourcePath; // file it was read from, empty when built in memory
};

// Does any secret of this config live in the keychain? (Then the keychain is worth asking at all.)
inline bool needsKeychain(const Config &config)
{
    for (const ProviderConfig &p : config.providers) {
        if (p.keySource == KeySource::Keychain && p.enabled)
            return true;
    }
    return !config.colink.serverUrl.isEmpty() && config.colink.clientToken.isEmpty();
}
