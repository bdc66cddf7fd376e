#include "keyresolver.h"

#include "core/logging.h"
#include "secretstore.h"

#include <memory>

void resolveProviderKeys(const Config &config, SecretStore *store,
                         std::function<void(const ResolvedKeys &)> done)
{
    struct State {
        ResolvedKeys result;
        int pending = 0;
        bool started = false;
        std::function<void(const ResolvedKeys &)> done;
        void finishOne()
        {
            if (--pending == 0 && started)
                done(result);
        }
    };
    auto state = std::make_shared<State>();
    state->done = std::move(done);
    state->pending = 1; // held until every request is issued

    for (const ProviderConfig &p : config.providers) {
        switch (p.keySource) {
        case KeySource::None:
            break;
        case KeySource::Literal:
            state->result.keys.insert(p.name, p.keyLiteral);
            break;
        case KeySource::Environment: {
            const QString value = qEnvironmentVariable(p.keyLiteral.toLocal8Bit().constData());
            if (value.isEmpty())
                state->result.problems << QStringLiteral("provider '%1': environment variable %2 is not set")
                                               .arg(p.name, p.keyLiteral);
            else
                state->result.keys.insert(p.name, value);
            break;
        }
        case KeySource::Keychain: {
            if (!store)
                break;
            ++state->pending;
            const QString name = p.name;
            store->read(p.keychainKey(), [state, name, key = p.keychainKey()](const SecretStore::Result &r) {
                if (!r.ok)
                    state->result.problems << QStringLiteral("provider '%1': cannot read %2 from the keychain: %3")
                                                   .arg(name, key, r.error);
                else if (r.found && !r.value.isEmpty())
                    state->result.keys.insert(name, r.value);
                // Not found is fine: local servers such as Ollama need no key.
                state->finishOne();
            });
            break;
        }
        }
    }
    // Node mode: the desktop app keeps the Co-Link client token in the keychain rather than in YAML.
    if (store && !config.colink.serverUrl.isEmpty() && config.colink.clientToken.isEmpty()) {
        ++state->pending;
        store->read(ColinkSettings::keychainKey(), [state](const SecretStore::Result &r) {
            if (!r.ok)
                state->result.problems << QStringLiteral("node mode: cannot read %1 from the keychain: %2")
                                               .arg(ColinkSettings::keychainKey(), r.error);
            else if (r.found)
                state->result.colinkClientToken = r.value;
            state->finishOne();
        });
    }
    state->started = true;
    state->finishOne();
}
