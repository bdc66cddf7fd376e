#pragma once

#include "secretstore.h"

#include <QObject>

// Secrets in the OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS, Credential Manager
// on Windows), under one service name. Never falls back to plaintext: setInsecureFallback(false) on every job,
// and a failure is reported in plain words instead. Only key names are ever logged.
class KeychainSecretStore final : public QObject, public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    explicit KeychainSecretStore(QString service = QStringLiteral("switchyard"), QObject *parent = nullptr);

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    void remove(const QString &key, Callback done) override;

    // Writes, reads back and deletes a dummy entry. A plain read is no test: without a working keychain a
    // missing entry still reads as "not found". When it fails, tries once more after retryAfterMs (a
    // keychain often starts with the session, a moment after us), then reports.
    void probe(Callback done, int retryAfterMs = 3000) override;

private:
    void probeOnce(Callback done);

    QString m_service;
};
