#include "configeditor.h"

#include "configloader.h"
#include "configwriter.h"
#include "core/logging.h"
#include "gateway.h"
#include "providers/registry.h"
#include "secrets/secretstore.h"
#include "server/accesscontrol.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QUrl>

ConfigEditor::ConfigEditor(Gateway *gateway, const Config &config, const ResolvedKeys &keys,
                           const QString &configPath, QObject *parent)
    : QObject(parent), m_gateway(gateway), m_config(config), m_keys(keys), m_path(configPath)
{
}

void ConfigEditor::setSecretStore(SecretStore *store, const QString &unavailableReason)
{
    m_secrets = store;
    m_keychainProblem = store ? QString() : unavailableReason;
    Q_EMIT keychainChanged();
}

void ConfigEditor::retryKeychain(Done done)
{
    if (waitForTurn([=, this](Done next) { retryKeychain(next); }, done))
        return;
    if (!m_keychain) {
        done(false, m_keychainProblem);
        return;
    }
    QPointer<ConfigEditor> self(this);
    m_keychain->probe([self, done](const SecretStore::Result &probe) {
        if (!self)
            return;
        if (!probe.ok) {
            self->setSecretStore(nullptr, probe.error);
            done(false, probe.error);
            return;
        }
        self->setSecretStore(self->m_keychain);
        // Keys from literals and the environment stay; those the keychain holds are read now.
        resolveProviderKeys(self->m_config, self->m_secrets, [self, done](const ResolvedKeys &keys) {
            if (!self)
                return;
            self->m_keys = keys;
            self->m_gateway->applyConfig(self->m_config, keys);
            Q_EMIT self->changed();
            done(true, keys.problems.join(QLatin1Char('\n')));
        });
    }, 0);
}

int ConfigEditor::indexOf(const Config &config, const QString &providerName) const
{
    for (qsizetype i = 0; i < config.providers.size(); ++i) {
        if (config.providers.at(i).name == providerName)
            return int(i);
    }
    return -1;
}

void ConfigEditor::saveProvider(const QString &oldName, const ProviderConfig &provider,
                                const std::optional<QString> &key, Done done)
{
    if (waitForTurn([=, this](Done next) { saveProvider(oldName, provider, key, next); }, done))
        return;
    Config next = m_config;
    ResolvedKeys keys = m_keys;
    QList<Secret> secrets;
    QStringList removals;
    const int existing = oldName.isEmpty() ? -1 : indexOf(next, oldName);
    if (!oldName.isEmpty() && existing < 0) {
        done(false, tr("The provider “%1” no longer exists.").arg(oldName));
        return;
    }
    const int clash = indexOf(next, provider.name);
    if (clash >= 0 && clash != existing) {
        done(false, tr("A provider named “%1” already exists.").arg(provider.name));
        return;
    }

    ProviderConfig p = provider;
    const ProviderConfig *old = existing >= 0 ? &next.providers.at(existing) : nullptr;
    const bool renamed = old && old->name != p.name;
    if (renamed && old->keySource == KeySource::Keychain && !m_secrets) {
        // Its key is in the keychain under the old name; renaming without moving it would strand it.
        done(false, tr("Nothing was saved: renaming “%1” moves its key in the system keychain, which is not "
                       "available. %2")
                        .arg(old->name, m_keychainProblem));
        return;
    }
    if (renamed) {
        const QString oldKey = keys.keys.take(old->name);
        if (old->keySource == KeySource::Keychain)
            removals << old->keychainKey();
        // The stored key moves with the provider unless a new one was typed.
        if (!oldKey.isEmpty() && !(key && !key->isEmpty())) {
            keys.keys.insert(p.name, oldKey);
            if (p.keySource == KeySource::Keychain)
                secrets << Secret{p.keychainKey(), oldKey};
        }
    }
    if (key && !key->isEmpty()) {
        p.keySource = KeySource::Keychain;
        p.keyLiteral.clear();
        secrets << Secret{p.keychainKey(), *key};
        keys.keys.insert(p.name, *key);
    }
    if (old) {
        // A key source given up (now none or an environment variable) leaves nothing behind in the keychain.
        if (old->keySource == KeySource::Keychain && p.keySource != KeySource::Keychain) {
            removals << old->keychainKey();
            keys.keys.remove(old->name);
        }
        removals.removeDuplicates();
        next.providers[existing] = p;
    } else {
        next.providers.append(p);
    }
    commit(std::move(next), std::move(keys), std::move(secrets), std::move(removals), std::move(done));
}

void ConfigEditor::removeProvider(const QString &name, Done done)
{
    if (waitForTurn([=, this](Done next) { removeProvider(name, next); }, done))
        return;
    Config next = m_config;
    ResolvedKeys keys = m_keys;
    const int index = indexOf(next, name);
    if (index < 0) {
        done(false, tr("The provider “%1” no longer exists.").arg(name));
        return;
    }
    QStringList removals;
    if (next.providers.at(index).keySource == KeySource::Keychain)
        removals << next.providers.at(index).keychainKey();
    next.providers.removeAt(index);
    keys.keys.remove(name);
    commit(std::move(next), std::move(keys), {}, std::move(removals), std::move(done));
}

void ConfigEditor::setProviderEnabled(const QString &name, bool enabled, Done done)
{
    if (waitForTurn([=, this](Done next) { setProviderEnabled(name, enabled, next); }, done))
        return;
    Config next = m_config;
    const int index = indexOf(next, name);
    if (index < 0) {
        done(false, tr("The provider “%1” no longer exists.").arg(name));
        return;
    }
    next.providers[index].enabled = enabled;
    commit(std::move(next), m_keys, {}, {}, std::move(done));
}

void ConfigEditor::updateProviders(const std::function<void(QList<ProviderConfig> &)> &change, Done done)
{
    if (waitForTurn([=, this](Done next) { updateProviders(change, next); }, done))
        return;
    Config next = m_config;
    change(next.providers);
    commit(std::move(next), m_keys, {}, {}, std::move(done));
}

bool ConfigEditor::waitForTurn(std::function<void(Done)> retry, Done &done)
{
    // Each edit starts from the config as it is when its turn comes, so one waiting for the keychain cannot
    // be overwritten by, or overwrite, another.
    if (m_busy) {
        m_waiting.append({std::move(retry), std::move(done)});
        return true;
    }
    m_busy = true;
    done = [self = QPointer<ConfigEditor>(this), done](bool ok, const QString &error) {
        done(ok, error);
        if (!self)
            return;
        self->m_busy = false;
        if (!self->m_waiting.isEmpty()) {
            auto [nextEdit, nextDone] = self->m_waiting.takeFirst();
            nextEdit(nextDone);
        }
    };
    return false;
}

void ConfigEditor::setGatewaySettings(const GatewaySettings &settings, Done done)
{
    if (waitForTurn([=, this](Done next) { setGatewaySettings(settings, next); }, done))
        return;
    Config next = m_config;
    const GatewaySettings previous = m_config.gateway;
    next.gateway = settings;
    next.gateway.accessTokens = previous.accessTokens; // managed by create/revoke only

    // Paused from the tray: the new address is where resuming will listen. Otherwise it is bound now (also when
    // nothing listens, say after a port in use at start-up), before anything is saved.
    if (m_gateway->isPaused()) {
        m_gateway->setPausedAddress(settings.host, settings.port);
        commit(std::move(next), m_keys, {}, {}, std::move(done));
        return;
    }
    const bool listening = m_gateway->isListening();
    const QString oldHost = m_gateway->host();
    const quint16 oldPort = m_gateway->port();
    const bool rebind = !listening || settings.host != oldHost || settings.port != oldPort;
    if (rebind) {
        QString error;
        if (!rebindTo(settings.host, settings.port, &error)) {
            done(false, error);
            return;
        }
    }
    QPointer<ConfigEditor> self(this);
    commit(std::move(next), m_keys, {}, {},
           [self, rebind, listening, oldHost, oldPort, done](bool ok, const QString &error) {
               if (!ok && rebind && self) {
                   QString ignored;
                   if (listening)
                       self->rebindTo(oldHost, oldPort, &ignored);
                   else
                       self->m_gateway->stopListening();
               }
               done(ok, error);
           });
}

bool ConfigEditor::rebindTo(const QString &host, quint16 port, QString *error)
{
    // The same port on another address: the old listener must let go of the port first (Linux refuses two
    // sockets on one port when one of them is the wildcard), and comes back if the new address fails.
    if (m_gateway->isListening() && port == m_gateway->port()) {
        const QString oldHost = m_gateway->host();
        m_gateway->stopListening();
        if (m_gateway->listen(host, port, error))
            return true;
        QString again;
        if (!m_gateway->listen(oldHost, port, &again))
            *error += QLatin1Char(' ') + tr("Switchyard could not listen on %1:%2 again either (%3).")
                                              .arg(oldHost).arg(port).arg(again);
        return false;
    }
    return m_gateway->listen(host, port, error);
}

void ConfigEditor::createAccessToken(const QString &name, std::function<void(bool, const QString &)> done)
{
    createToken(nullptr, QStringLiteral("sy-"), name, std::move(done));
}

void ConfigEditor::createNodeToken(const QString &name, std::function<void(bool, const QString &)> done)
{
    createToken(&Config::hub, QStringLiteral("client-"), name, std::move(done));
}

void ConfigEditor::createToken(HubSettings Config::*hub, const QString &prefix, const QString &name,
                               std::function<void(bool, const QString &)> done)
{
    if (waitForTurn([=, this](Done next) { createToken(hub, prefix, name, next); }, done))
        return;
    Config next = m_config;
    QList<AccessToken> &list = hub ? (next.*hub).nodeTokens : next.gateway.accessTokens;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        done(false, tr("Give the token a name, such as the tool, person or machine that will use it."));
        return;
    }
    for (const AccessToken &t : list) {
        if (t.name.compare(trimmed, Qt::CaseInsensitive) == 0) {
            done(false, tr("A token named “%1” already exists.").arg(trimmed));
            return;
        }
    }
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    const QString token = prefix
        + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    list.append(AccessToken{trimmed, AccessControl::hashToken(token.toUtf8())});
    commit(std::move(next), m_keys, {}, {}, [token, done](bool ok, const QString &error) {
        done(ok, ok ? token : error);
    });
}

void ConfigEditor::revokeNodeToken(const QString &name, Done done)
{
    if (waitForTurn([=, this](Done next) { revokeNodeToken(name, next); }, done))
        return;
    Config next = m_config;
    if (next.hub.nodeTokens.removeIf([&](const AccessToken &t) { return t.name == name; }) == 0) {
        done(false, tr("The token “%1” no longer exists.").arg(name));
        return;
    }
    // Nodes that joined with it are disconnected when the gateway applies the change.
    commit(std::move(next), m_keys, {}, {}, std::move(done));
}

void ConfigEditor::revokeAccessToken(const QString &name, Done done)
{
    if (waitForTurn([=, this](Done next) { revokeAccessToken(name, next); }, done))
        return;
    Config next = m_config;
    const qsizetype removed = next.gateway.accessTokens.removeIf([&](const AccessToken &t) { return t.name == name; });
    if (removed == 0) {
        done(false, tr("The token “%1” no longer exists.").arg(name));
        return;
    }
    if (next.gateway.accessTokens.isEmpty() && m_gateway->storedTokens().isEmpty() && m_gateway->isListening() && !Gateway::isLoopback(m_gateway->host())) {
        done(false, tr("This is the last access token and Switchyard listens on %1, where other machines can reach "
                       "it. Listen on 127.0.0.1 first, then revoke it.")
                        .arg(m_gateway->host()));
        return;
    }
    commit(std::move(next), m_keys, {}, {}, std::move(done));
}

void ConfigEditor::setNodeSettings(const QString &serverUrl, const std::optional<QString> &token, int maxParallel,
                                   Done done)
{
    if (waitForTurn([=, this](Done next) { setNodeSettings(serverUrl, token, maxParallel, next); }, done))
        return;
    const QString url = serverUrl.trimmed();
    if (!url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        const QString scheme = parsed.scheme();
        if (!parsed.isValid() || parsed.host().isEmpty()
            || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))) {
            done(false, tr("The server URL must look like wss://colink.example.com/ws (or ws:// on a trusted "
                           "network)."));
            return;
        }
    }
    Config next = m_config;
    ResolvedKeys keys = m_keys;
    QList<Secret> secrets;
    QStringList removals;
    next.colink.serverUrl = url;
    next.colink.maxParallel = qMax(1, maxParallel);
    if (token) {
        next.colink.clientToken.clear();
        keys.colinkClientToken = token->trimmed();
        if (keys.colinkClientToken.isEmpty())
            removals << ColinkSettings::keychainKey();
        else
            secrets << Secret{ColinkSettings::keychainKey(), keys.colinkClientToken};
    }
    commit(std::move(next), std::move(keys), std::move(secrets), std::move(removals), std::move(done));
}

void ConfigEditor::setSharing(bool enabled, Done done)
{
    if (waitForTurn([=, this](Done next) { setSharing(enabled, next); }, done))
        return;
    Config next = m_config;
    next.colink.enabled = enabled;
    commit(std::move(next), m_keys, {}, {}, std::move(done));
}

QStringList ConfigEditor::plaintextSecrets() const
{
    QStringList names;
    for (const ProviderConfig &p : m_config.providers) {
        if (p.keySource == KeySource::Literal)
            names << p.name;
    }
    if (!m_config.colink.clientToken.isEmpty())
        names << QStringLiteral("client_token");
    return names;
}

void ConfigEditor::moveSecretsToKeychain(Done done)
{
    if (waitForTurn([=, this](Done next) { moveSecretsToKeychain(next); }, done))
        return;
    commit(m_config, m_keys, {}, {}, std::move(done));
}

void ConfigEditor::commit(Config next, ResolvedKeys keys, QList<Secret> secrets, QStringList removals, Done done)
{
    // YAML written by the app holds no secret, so literal keys (from a Co-Link config) move to the keychain
    // with the first change saved; dropping them would lose them.
    for (ProviderConfig &p : next.providers) {
        if (p.keySource != KeySource::Literal)
            continue;
        secrets << Secret{p.keychainKey(), p.keyLiteral};
        keys.keys.insert(p.name, p.keyLiteral);
        p.keySource = KeySource::Keychain;
        p.keyLiteral.clear();
    }
    if (!next.colink.clientToken.isEmpty()) {
        secrets << Secret{ColinkSettings::keychainKey(), next.colink.clientToken};
        keys.colinkClientToken = next.colink.clientToken;
        next.colink.clientToken.clear();
    }
    if ((!secrets.isEmpty() || !removals.isEmpty()) && !m_secrets) {
        done(false, tr("Nothing was saved: this change needs the system keychain, which is not available. %1 "
                       "Switchyard never stores keys in plain text.")
                        .arg(m_keychainProblem));
        return;
    }

    QPointer<ConfigEditor> self(this);
    writeSecrets(std::move(secrets), [self, next = std::move(next), keys = std::move(keys), removals,
                                      done](bool ok, const QString &error) {
        if (!self)
            return;
        if (!ok) {
            done(false, tr("Nothing was saved: the keychain refused the key (%1).").arg(error));
            return;
        }
        QString why;
        if (!self->writeAndApply(next, keys, &why)) {
            // The keychain may now hold a key the file does not name yet; it is harmless and overwritten
            // by the next save of the same provider.
            done(false, why);
            return;
        }
        for (const QString &key : removals) {
            self->m_secrets->remove(key, [key](const SecretStore::Result &r) {
                if (!r.ok)
                    qCWarning(lcSecrets).noquote() << "could not remove" << key << "from the keychain:" << r.error;
            });
        }
        done(true, {});
    });
}

void ConfigEditor::writeSecrets(QList<Secret> secrets, Done done)
{
    if (secrets.isEmpty()) {
        done(true, {});
        return;
    }
    const Secret first = secrets.takeFirst();
    QPointer<ConfigEditor> self(this);
    m_secrets->write(first.first, first.second, [self, rest = std::move(secrets), done](const SecretStore::Result &r) {
        if (!self)
            return;
        if (!r.ok) {
            done(false, r.error);
            return;
        }
        self->writeSecrets(rest, done);
    });
}

bool ConfigEditor::writeAndApply(const Config &next, const ResolvedKeys &keys, QString *error)
{
    // Never write a file Switchyard could not start from.
    const ConfigResult check = ConfigLoader::loadString(ConfigWriter::toYaml(next), m_path, ProviderRegistry::types());
    if (!check.config) {
        *error = tr("Nothing was saved: the change would make the configuration invalid (%1).").arg(check.error);
        return false;
    }
    QString why;
    if (!ConfigWriter::writeFile(next, m_path, &why)) {
        *error = tr("Nothing was saved: %1").arg(why);
        return false;
    }
    Config applied = next;
    applied.sourcePath = m_path;
    m_gateway->applyConfig(applied, keys);
    m_config = applied;
    m_keys = keys;
    qCInfo(lcConfig).noquote() << "saved" << m_path;
    Q_EMIT changed();
    return true;
}
