#pragma once

#include "commandline.h"

#include <QObject>
#include <memory>

class Gateway;
class SecretStore;

// Wires the parts together at start-up: config file → keys → gateway → listening socket.
class AppController final : public QObject
{
    Q_OBJECT

public:
    explicit AppController(QObject *parent = nullptr);
    ~AppController() override;

    // Loads everything and starts listening; on failure says why in plain words.
    bool start(const CommandLine &commandLine, QString *error);
    Gateway *gateway() const { return m_gateway; }
    QString configPath() const { return m_configPath; }

    static QString defaultConfigPath();
    static QString defaultDataDir();

private:
    std::unique_ptr<SecretStore> m_secrets;
    Gateway *m_gateway = nullptr;
    QString m_configPath;
};
