#pragma once

#include "commandline.h"

#include <QObject>
#include <memory>

class ConfigEditor;
class Gateway;
class SecretStore;

// Wires the parts together at start-up: config file → keys → gateway → listening socket.
class AppController final : public QObject
{
    Q_OBJECT

public:
    explicit AppController(QObject *parent = nullptr);
    ~AppController() override;

    // Loads everything and starts listening; on failure says why in plain words. With a window, a listen
    // failure (port in use) is not fatal: the app runs and says so (listenProblem()), so the user can fix it.
    bool start(const CommandLine &commandLine, bool interactive, QString *error);
    Gateway *gateway() const { return m_gateway; }
    ConfigEditor *editor() const { return m_editor; }
    QString configPath() const { return m_configPath; }
    QString listenProblem() const { return m_listenProblem; }

    static QString defaultConfigPath();
    static QString defaultDataDir();

private:
    std::unique_ptr<SecretStore> m_keychain; // the OS keychain, whether or not it works yet
    Gateway *m_gateway = nullptr;
    ConfigEditor *m_editor = nullptr;
    QString m_configPath;
    QString m_listenProblem;
};
