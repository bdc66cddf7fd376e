#pragma once

#include "backend.h"
#include "core/gatewayerror.h"
#include "providers/adapter.h"

#include <QObject>
#include <QSet>
#include <optional>

class Clock;

// Resolves a public model name to a backend: among healthy candidates, highest priority first, then least
// in flight relative to max_parallel, then by weight. Keeps bans and in-flight counts.
class Router final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Router)

public:
    explicit Router(const Clock *clock, QObject *parent = nullptr);

    void setBackends(QList<BackendPtr> backends);
    const QList<BackendPtr> &backends() const { return m_backends; }
    void setBanSeconds(int seconds) { m_banMs = qint64(seconds) * 1000; }

    // Public model names served by at least one enabled backend, sorted.
    QStringList publicModels() const;

    // excludedIds: Candidate::id() of the candidates this request already tried.
    std::optional<Candidate> pick(const QString &model, ApiKind kind, const QSet<QString> &excludedIds,
                                  GatewayError *whyNot) const;

    void acquire(const Candidate &c);
    void release(const Candidate &c);
    void reportSuccess(const Candidate &c);
    // Bans only this model on this backend (rate limits and server errors are often per model).
    void banModel(const Candidate &c, const QString &reason);
    // Bans every model of the backend (it cannot be reached).
    void banBackend(const BackendPtr &b, const QString &reason);
    void markKeyInvalid(const BackendPtr &b, const QString &reason);

    bool isBanned(const Candidate &c) const;
    qint64 backendBannedUntilMs(const Backend &b) const;
    int activeBanCount() const;
    const Clock *clock() const { return m_clock; }

Q_SIGNALS:
    void healthChanged();

private:
    const Clock *m_clock;
    QList<BackendPtr> m_backends;
    qint64 m_banMs = 60'000;
};
