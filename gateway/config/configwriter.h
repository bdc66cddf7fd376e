#pragma once

#include "config.h"

// Writes a Config as YAML atomically (temporary file, then rename). Secrets never reach the file: literal
// API keys are left out (the caller keeps them in the keychain) and access tokens are written as hashes.
class ConfigWriter final
{
public:
    static QByteArray toYaml(const Config &config);
    static bool writeFile(const Config &config, const QString &path, QString *error);
};
