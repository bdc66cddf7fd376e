#pragma once

#include "config.h"

#include <QStringList>
#include <optional>

struct ConfigResult final {
    std::optional<Config> config;
    QString error;         // "file:line: key: what is wrong", set when config is empty
    QStringList warnings;  // unknown keys and the like; the config still loads
};

// Reads YAML into a Config, checking every value. Either the whole file is valid or nothing is returned.
class ConfigLoader final
{
public:
    // knownTypes: the provider adapter types that exist (the registry's list).
    static ConfigResult loadFile(const QString &path, const QStringList &knownTypes);
    static ConfigResult loadString(const QByteArray &yaml, const QString &displayName,
                                   const QStringList &knownTypes);

    // Parses "host:port", "[v6]:port" or ":port"; false when malformed.
    static bool parseListen(const QString &text, QString *host, quint16 *port);
};
