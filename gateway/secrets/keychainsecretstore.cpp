#include "keychainsecretstore.h"

#include "core/logging.h"

#include <QTimer>
#include <QUuid>
#include <qt6keychain/keychain.h>

namespace {

QString inPlainWords(QKeychain::Error error, const QString &detail)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("No keychain is available on this system (on Linux: a Secret Service such as "
                              "GNOME Keyring or KWallet). Details: %1").arg(detail);
    case QKeychain::AccessDenied:
        return QStringLiteral("The keychain is locked or refused access; unlock it and try again. Details: %1").arg(detail);
    case QKeychain::NotImplemented:
        return QStringLiteral("This platform's keychain cannot do that. Details: %1").arg(detail);
    default:
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
        return QStringLiteral("The keychain could not be used (%1). It needs a Secret Service such as GNOME Keyring "
                              "or KWallet running in your session.").arg(detail);
#else
        return QStringLiteral("The keychain could not be used: %1").arg(detail);
#endif
    }
}

// Jobs own themselves: the backend may answer after the store is gone (libsecret calls back into the job),
// so a job must not die with its store. The store's connections to it do.
template <typename Job>
Job *newJob(const QString &service, const QString &key)
{
    auto *job = new Job(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never plaintext, whatever the backend
    job->setKey(key);
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : QObject(parent), m_service(std::move(service))
{
}

void KeychainSecretStore::read(const QString &key, Callback done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, this, [job, key, done = std::move(done)] {
        Result r;
        if (job->error() == QKeychain::NoError) {
            r.ok = r.found = true;
            r.value = job->textData();
        } else if (job->error() == QKeychain::EntryNotFound) {
            r.ok = true;
        } else {
            r.error = inPlainWords(job->error(), job->errorString());
            qCWarning(lcSecrets).noquote() << "reading" << key << "failed:" << r.error;
        }
        done(r);
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, Callback done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [job, key, done = std::move(done)] {
        Result r;
        r.ok = job->error() == QKeychain::NoError;
        if (!r.ok) {
            r.error = inPlainWords(job->error(), job->errorString());
            qCWarning(lcSecrets).noquote() << "writing" << key << "failed:" << r.error;
        }
        done(r);
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, Callback done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        Result r;
        r.ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        if (!r.ok)
            r.error = inPlainWords(job->error(), job->errorString());
        done(r);
    });
    job->start();
}

void KeychainSecretStore::probe(Callback done, int retryAfterMs)
{
    probeOnce([this, done, retryAfterMs](const Result &first) {
        if (first.ok || retryAfterMs <= 0) {
            done(first);
            return;
        }
        qCInfo(lcSecrets).noquote() << "keychain not ready (" << first.error << "); trying again in" << retryAfterMs << "ms";
        QTimer::singleShot(retryAfterMs, this, [this, done] { probeOnce(done); });
    });
}

void KeychainSecretStore::probeOnce(Callback done)
{
    const QString key = QStringLiteral("probe:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString value = QUuid::createUuid().toString();
    write(key, value, [this, key, value, done](const Result &written) {
        if (!written.ok) {
            done(written);
            return;
        }
        read(key, [this, key, value, done](const Result &readBack) {
            remove(key, [](const Result &) {});
            Result r = readBack;
            if (r.ok && r.value != value) {
                r.ok = false;
                r.error = QStringLiteral("The keychain did not return what was stored in it.");
            }
            r.found = false;
            r.value.clear();
            done(r);
        });
    });
}
