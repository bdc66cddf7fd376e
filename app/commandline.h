#pragma once

#include <QString>
#include <QStringList>

struct CommandLine final {
    bool headless = false;
    bool minimized = false; // start in the tray (used by start-at-login)
    QString configPath;  // empty: the platform's config dir
    QString listen;      // "HOST:PORT" overriding the config
    QString dataDir;     // empty: the platform's data dir
    QStringList command; // a subcommand such as {"token", "hash"}
};

// Parses argv; prints help or an error and exits on bad arguments.
CommandLine parseCommandLine(const QStringList &arguments);

// True when there is no display to open a window on.
bool noDisplayAvailable();
