#pragma once

#include <QStringList>

class ProviderAdapter;

// Maps a provider type name (as written in YAML) to its adapter.
class ProviderRegistry final
{
public:
    // nullptr for an unknown type. "anthropic" is an alias of "claude".
    static const ProviderAdapter *adapter(const QString &type);
    // Every accepted type name, aliases included.
    static QStringList types();
};
