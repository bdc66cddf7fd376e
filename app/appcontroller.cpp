#include "appcontroller.h"

#include "config/configeditor.h"
#include "config/configloader.h"
#include "core/logging.h"
#include "gateway.h"
#include "providers/registry.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/secretstore.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

namespace {

// Written on first start so a new user has something to edit; comments say what each part is for.
const char starterConfig[] = R"(# Switchyard configuration. A Co-Link client config.yaml works here unchanged.
# Keys: api_key may be a literal, "env:VARIABLE", or absent (then the OS keychain holds it).

gateway:
  listen: 127.0.0.1:8790

providers: []
#  - name: openai
#    type: openai                 # openai (any OpenAI-compatible API) or claude
#    base_url: https://api.openai.com/v1
#    api_key: env:OPENAI_API_KEY
#    models:
#      - local: gpt-4o-mini       # what the provider calls it
#        server_mapping: gpt-4o-mini  # what clients ask for
#  - name: ollama
#    type: openai
#    base_url: http://127.0.0.1:11434/v1
#    models: [llama3.2]

# Share this machine with a Co-Link server (node mode; see docs/colink.md):
# server_url: wss://colink.example/ws
# client_token: client-...
# max_parallel: 2

# Let other machines' Co-Link nodes join this gateway at /ws (hub mode):
# hub:
#   node_tokens: [client-a-long-random-token]
)";

// Runs the event loop until an asynchronous secret-store call answers (start-up only).
SecretStore::Result waitFor(const std::function<void(SecretStore::Callback)> &call, int timeoutMs = 15'000)
{
    SecretStore::Result result;
    result.error = QStringLiteral("The keychain did not answer within %1 s.").arg(timeoutMs / 1000);
    QEventLoop loop;
    bool answered = false;
    call([&](const SecretStore::Result &r) {
        result = r;
        answered = true;
        loop.quit();
    });
    if (!answered) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

} // namespace

AppController::AppController(QObject *parent) : QObject(parent)
{
}

AppController::~AppController()
{
    delete m_editor;
    delete m_gateway;
}

QString AppController::defaultConfigPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("config.yaml"));
}

QString AppController::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool AppController::start(const CommandLine &commandLine, bool interactive, QString *error)
{
    // Absolute, so what is saved and what start-at-login runs do not depend on the working directory.
    m_configPath = QFileInfo(commandLine.configPath.isEmpty() ? defaultConfigPath() : commandLine.configPath)
                       .absoluteFilePath();
    if (commandLine.configPath.isEmpty() && !QFileInfo::exists(m_configPath)) {
        QDir().mkpath(QFileInfo(m_configPath).absolutePath());
        QSaveFile file(m_configPath);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(starterConfig);
            file.commit();
            qCInfo(lcConfig).noquote() << "wrote a starter configuration to" << m_configPath;
        }
    }

    const ConfigResult loaded = ConfigLoader::loadFile(m_configPath, ProviderRegistry::types());
    if (!loaded.config) {
        *error = loaded.error;
        return false;
    }
    for (const QString &warning : loaded.warnings)
        qCWarning(lcConfig).noquote() << warning;
    Config config = *loaded.config;
    if (!commandLine.listen.isEmpty()
        && !ConfigLoader::parseListen(commandLine.listen, &config.gateway.host, &config.gateway.port)) {
        *error = QStringLiteral("--listen %1: expected HOST:PORT, e.g. 127.0.0.1:8790").arg(commandLine.listen);
        return false;
    }

    // Secrets the config keeps in the keychain are read from it, once it has proved it works; without it
    // those providers run keyless and say so. There is no plaintext fallback. The desktop app always
    // probes, since the user may add a key at any time; headless runs only when the config needs it.
    m_keychain = std::make_unique<KeychainSecretStore>();
    SecretStore *keychain = nullptr;
    QString keychainProblem = QStringLiteral("It was not needed by this configuration.");
    if (interactive || needsKeychain(config)) {
        const SecretStore::Result probe =
            waitFor([&](SecretStore::Callback done) { m_keychain->probe(std::move(done), interactive ? 3000 : 0); });
        if (probe.ok) {
            keychain = m_keychain.get();
        } else {
            keychainProblem = probe.error;
            if (needsKeychain(config))
                qCWarning(lcSecrets).noquote()
                    << probe.error
                    << "Providers whose api_key is not in the config run without one; give them"
                       " 'api_key: env:VARIABLE' or make the keychain available.";
        }
    }

    GatewayOptions options;
    options.dataDir = commandLine.dataDir.isEmpty() ? defaultDataDir() : commandLine.dataDir;
    m_gateway = new Gateway(options);
    if (!m_gateway->open(error))
        return false;

    std::optional<ResolvedKeys> resolved;
    waitFor([&](SecretStore::Callback done) {
        resolveProviderKeys(config, keychain, [&, done](const ResolvedKeys &keys) {
            resolved = keys;
            done({.ok = true});
        });
    });
    if (!resolved) {
        *error = QStringLiteral("The keychain did not answer.");
        return false;
    }
    m_gateway->applyConfig(config, *resolved);
    m_editor = new ConfigEditor(m_gateway, *loaded.config, *resolved, m_configPath);
    m_editor->setKeychainToRetry(m_keychain.get());
    m_editor->setSecretStore(keychain, keychainProblem);

    if (!m_gateway->listen(config.gateway.host, config.gateway.port, error)) {
        if (!interactive)
            return false;
        m_listenProblem = *error;
        error->clear();
    }
    if (config.providers.isEmpty())
        qCWarning(lcConfig).noquote() << "no providers configured yet; add them to" << m_configPath;
    return true;
}
