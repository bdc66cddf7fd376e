#pragma once

#include "config.h"
#include "secrets/keyresolver.h"

#include <QObject>
#include <QPair>
#include <functional>
#include <optional>

class Gateway;
class SecretStore;

// The running configuration as the desktop app edits it. Each change goes: secrets into the keychain, then
// the YAML (atomically, read back to prove it loads), then the gateway. A failure at any step stops there and
// is reported in plain words, so the file never holds a secret or half a change, and the gateway never runs
// a config that is not on disk.
class ConfigEditor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigEditor)

public:
    using Done = std::function<void(bool ok, const QString &error)>;

    // config is what the file holds (no command-line overrides); keys were resolved from it.
    ConfigEditor(Gateway *gateway, const Config &config, const ResolvedKeys &keys, const QString &configPath,
                 QObject *parent = nullptr);

    const Config &config() const { return m_config; }
    QString configPath() const { return m_path; }

    // The keychain, once it has proved it works; nullptr with the reason while it does not. Without it every
    // change that involves a secret is refused (never written anywhere else).
    void setSecretStore(SecretStore *store, const QString &unavailableReason = {});
    bool keychainAvailable() const { return m_secrets != nullptr; }
    QString keychainProblem() const { return m_keychainProblem; }
    // The store retryKeychain() probes: the OS keychain, even while it does not work.
    void setKeychainToRetry(SecretStore *keychain) { m_keychain = keychain; }
    // Probes the keychain again; once it works, reads the secrets it holds and applies them.
    void retryKeychain(Done done);

    // Adds (oldName empty) or replaces a provider. key: a new key for the keychain; nullopt keeps the stored one.
    void saveProvider(const QString &oldName, const ProviderConfig &provider, const std::optional<QString> &key,
                      Done done);
    void removeProvider(const QString &name, Done done);
    void setProviderEnabled(const QString &name, bool enabled, Done done);
    // Edits that touch no secret (model mappings, priority, weight), applied to the providers as they are
    // when the edit's turn comes.
    void updateProviders(const std::function<void(QList<ProviderConfig> &)> &change, Done done);
    bool hasStoredKey(const QString &providerName) const { return !storedKey(providerName).isEmpty(); }
    // The key in use (for "Test connection" when the user does not retype it).
    QString storedKey(const QString &providerName) const { return m_keys.keys.value(providerName); }

    // Listen address, CORS, bans, retries. A new address is bound before anything is saved, so a port in use
    // leaves everything as it was.
    void setGatewaySettings(const GatewaySettings &settings, Done done);
    // A new access token for clients. Only its hash is kept: on success done gets the token itself, once.
    void createAccessToken(const QString &name, std::function<void(bool ok, const QString &tokenOrError)> done);
    void revokeAccessToken(const QString &name, Done done);
    // Tokens other machines' Co-Link nodes present to join this gateway at /ws (hub mode); hashed like access
    // tokens, shown once.
    void createNodeToken(const QString &name, std::function<void(bool ok, const QString &tokenOrError)> done);
    void revokeNodeToken(const QString &name, Done done);

    // Node mode: server and max_parallel; token: a new client token for the keychain (nullopt keeps it).
    void setNodeSettings(const QString &serverUrl, const std::optional<QString> &token, int maxParallel, Done done);
    bool hasNodeToken() const { return !m_keys.colinkClientToken.isEmpty() || !m_config.colink.clientToken.isEmpty(); }
    // "Share this machine": node.enabled, saved so it survives a restart.
    void setSharing(bool enabled, Done done);

    // Keys written literally in the YAML (a Co-Link config, for instance): provider names, and "client_token".
    QStringList plaintextSecrets() const;
    // Moves them into the keychain and rewrites the YAML without them.
    void moveSecretsToKeychain(Done done);

Q_SIGNALS:
    void changed();
    void keychainChanged();

private:
    using Secret = QPair<QString, QString>; // keychain key, value
    // Writes secrets, then commits next; literal secrets of next are moved along the way.
    void commit(Config next, ResolvedKeys keys, QList<Secret> secrets, QStringList removals, Done done);
    void writeSecrets(QList<Secret> secrets, Done done);
    bool writeAndApply(const Config &next, const ResolvedKeys &keys, QString *error);
    int indexOf(const Config &config, const QString &providerName) const;
    // Edits run one at a time: true when this one must wait (it is queued and retried later); otherwise done
    // is wrapped to start the next waiting edit when this one ends.
    bool waitForTurn(std::function<void(Done)> retry, Done &done);
    bool rebindTo(const QString &host, quint16 port, QString *error);
    // A new random token with prefix, added to list under name; done gets the token, once.
    // hub set: a node token; otherwise an access token.
    void createToken(HubSettings Config::*hub, const QString &prefix, const QString &name,
                     std::function<void(bool, const QString &)> done);

    Gateway *m_gateway;
    Config m_config;
    ResolvedKeys m_keys;
    QString m_path;
    SecretStore *m_secrets = nullptr;  // proven to work
    SecretStore *m_keychain = nullptr; // to retry
    QString m_keychainProblem;
    bool m_busy = false;
    QList<QPair<std::function<void(Done)>, Done>> m_waiting;
};
