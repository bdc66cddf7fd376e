#pragma once

#include "backend.h"
#include "core/gatewayerror.h"
#include "providers/adapter.h"

#include <QObject>
#include <QSet>
#include <optional>

class Clock;

enum class RouteScope {
    All,           // providers and hub nodes
    ProvidersOnly, // this machine's providers: what a node offers its Co-Link server
};

// Resolves a public model name to a backend: among healthy candidates, highest priority first, then least
// in flight relative to max_parallel, then by weight. Keeps bans and in-flight counts.
class Router final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Router)

public:
    explicit Router(const Clock *clock, QObject *parent = nullptr);

    // The configured providers.
    void setBackends(QList<BackendPtr> backends);
    const QList<BackendPtr> &backends() const { return m_backends; }
    // The Co-Link nodes connected to this gateway's hub; routed under the same policy as providers.
    void setNodeBackends(QList<BackendPtr> nodes);
    const QList<BackendPtr> &nodeBackends() const { return m_nodes; }
    void setBanSeconds(int seconds) { m_banMs = qint64(seconds) * 1000; }

    // Public model names served by at least one enabled backend, sorted.
    QStringList publicModels(RouteScope scope = RouteScope::All, std::optional<ApiKind> kind = std::nullopt) const;

    // excludedIds: Candidate::id() of the candidates this request already tried.
    // When every candidate is banned, one call at a time may still go to the banned candidate whose ban ends
    // first, as a probe (a circuit breaker's half-open state): a success lifts the ban at once, so one
    // transient 500 or 429 does not refuse every call for ban_seconds; a failure bans it again. Others get 503.
    std::optional<Candidate> pick(const QString &model, ApiKind kind, const QSet<QString> &excludedIds,
                                  GatewayError *whyNot, RouteScope scope = RouteScope::All) const;

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
    QList<BackendPtr> inScope(RouteScope scope) const;

    QList<BackendPtr> m_backends;
    QList<BackendPtr> m_nodes;
    qint64 m_banMs = 60'000;
};
