#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>

// Where provider keys and tokens live. The desktop app uses the OS keychain (QtKeychain); headless runs and
// tests may use the in-memory store. Calls are asynchronous because the keychain is; the callback runs on
// the caller's thread. Implementations never fall back to plaintext storage.
class SecretStore
{
public:
    struct Result {
        bool ok = false;        // false: the store failed (locked, missing backend); error says why
        bool found = false;     // ok and the entry exists
        QString value = {};
        QString error = {};
    };
    using Callback = std::function<void(const Result &)>;

    virtual ~SecretStore() = default;
    virtual void read(const QString &key, Callback done) = 0;
    virtual void write(const QString &key, const QString &value, Callback done) = 0;
    virtual void remove(const QString &key, Callback done) = 0;
    // Proves the store works (a keychain may be missing or locked); retries once after retryAfterMs.
    virtual void probe(Callback done, int retryAfterMs) { done({.ok = true}); }
};

class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    void remove(const QString &key, Callback done) override;

private:
    QHash<QString, QString> m_values;
};
