#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A provider the "Add provider" dialog knows by name: what to fill in so the user only has to paste a key.
struct ProviderPreset final {
    QString id; // stable, and the suggested provider name ("openai", "ollama", ...)
    const char *displayName = nullptr; // untranslated; show label()
    QString type; // adapter type, as in ProviderRegistry
    QString baseUrl; // empty for the custom preset: the user must say where
    bool needsKey = true; // false: a local server, or a custom one that may not want a key
    QString helpUrl; // where to get a key, or (needsKey false) where to get the server; may be empty
    QStringList suggestedModels; // the provider's own model names, a few well-known ones

    // The display name in the user's language (Chinese users know some providers by their Chinese names).
    QString label() const;
    bool isCustom() const { return baseUrl.isEmpty(); }
};

class ProviderPresets final
{
public:
    // Every preset, in the order a user would look for them; the custom one comes last.
    static const QList<ProviderPreset> &all();
    // nullptr when no preset has this id.
    static const ProviderPreset *byId(const QString &id);
    // The preset a configured provider was most likely made from: same adapter and the same base URL (a
    // trailing slash and letter case of the host aside). nullptr when none matches.
    static const ProviderPreset *matching(const QString &type, const QString &baseUrl);
    // The custom OpenAI-compatible preset.
    static const ProviderPreset &custom();
};
