#pragma once

#include "config/config.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <functional>

class SecretStore;

// Provider name → API key, resolved from literals, environment variables and the secret store.
struct ResolvedKeys final {
    QHash<QString, QString> keys;
    QString colinkClientToken; // from the keychain when the config names a server but no token
    QStringList problems; // per provider, in plain words; those providers run without a key
};

// Resolves every provider's key, then calls done once (possibly before resolve() returns).
void resolveProviderKeys(const Config &config, SecretStore *store,
                         std::function<void(const ResolvedKeys &)> done);
