#include "router.h"

#include "core/clock.h"
#include "core/logging.h"
#include "providers/adapter.h"

#include <QRandomGenerator>

namespace {

// Unlimited backends count as this many slots when comparing load with limited ones.
constexpr double unlimitedCapacity = 64.0;

double loadOf(const Backend &b)
{
    return b.inFlight / (b.config.maxParallel > 0 ? double(b.config.maxParallel) : unlimitedCapacity);
}

} // namespace

Router::Router(const Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock)
{
}

void Router::setBackends(QList<BackendPtr> backends)
{
    m_backends = std::move(backends);
    Q_EMIT healthChanged();
}

void Router::setNodeBackends(QList<BackendPtr> nodes)
{
    m_nodes = std::move(nodes);
    Q_EMIT healthChanged();
}

QList<BackendPtr> Router::inScope(RouteScope scope) const
{
    // Without nodes (the usual case) this is a shared copy, not a new list on every request.
    return scope == RouteScope::All && !m_nodes.isEmpty() ? m_backends + m_nodes : m_backends;
}

QStringList Router::publicModels(RouteScope scope, std::optional<ApiKind> kind) const
{
    QStringList names;
    for (const BackendPtr &b : inScope(scope)) {
        if (!b->config.enabled || (kind && !b->adapter->serves(*kind)))
            continue;
        for (const ModelMapping &m : b->config.models) {
            if (!names.contains(m.publicName))
                names << m.publicName;
        }
    }
    names.sort();
    return names;
}

bool Router::isBanned(const Candidate &c) const
{
    const qint64 now = m_clock->nowMs();
    return c.backend->bannedUntilMs > now || c.backend->modelBannedUntilMs.value(c.localModel) > now;
}

qint64 Router::backendBannedUntilMs(const Backend &b) const
{
    return b.bannedUntilMs > m_clock->nowMs() ? b.bannedUntilMs : 0;
}

int Router::activeBanCount() const
{
    const qint64 now = m_clock->nowMs();
    int count = 0;
    for (const BackendPtr &b : m_backends + m_nodes) {
        if (b->bannedUntilMs > now)
            ++count;
        for (const qint64 until : std::as_const(b->modelBannedUntilMs))
            count += until > now ? 1 : 0;
    }
    return count;
}

std::optional<Candidate> Router::pick(const QString &model, ApiKind kind, const QSet<QString> &excludedIds,
                                      GatewayError *whyNot, RouteScope scope) const
{
    QList<Candidate> all;
    for (const BackendPtr &b : inScope(scope)) {
        if (!b->config.enabled)
            continue;
        for (const ModelMapping &m : b->config.models) {
            if (m.publicName == model)
                all.append(Candidate{b, m.localName});
        }
    }
    if (all.isEmpty()) {
        const QStringList available = publicModels(scope);
        *whyNot = GatewayError::make(
            ErrorKind::NotFound, QStringLiteral("model_not_found"),
            QStringLiteral("The model '%1' does not exist here. Available models: %2.")
                .arg(model, available.isEmpty() ? QStringLiteral("(none configured)") : available.join(QStringLiteral(", "))),
            QStringLiteral("model"));
        return std::nullopt;
    }

    QList<Candidate> usable;
    for (const Candidate &c : std::as_const(all)) {
        if (c.backend->adapter->serves(kind))
            usable.append(c);
    }
    if (usable.isEmpty()) {
        *whyNot = GatewayError::make(
            ErrorKind::NotImplemented, QStringLiteral("format_not_supported"),
            QStringLiteral("The model '%1' is served only by providers of type '%2', which cannot answer this "
                           "kind of request yet.")
                .arg(model, all.first().backend->config.type));
        return std::nullopt;
    }

    QList<Candidate> healthy;
    qint64 soonestRecovery = 0;
    std::optional<Candidate> probe;
    qint64 probeRecovery = 0;
    for (const Candidate &c : std::as_const(usable)) {
        if (excludedIds.contains(c.id()))
            continue;
        if (isBanned(c)) {
            const qint64 until = qMax(c.backend->bannedUntilMs, c.backend->modelBannedUntilMs.value(c.localModel));
            soonestRecovery = soonestRecovery == 0 ? until : qMin(soonestRecovery, until);
            // A bad key stays out until the user fixes it.
            const bool probeable = !c.backend->keyInvalid && !c.backend->probing.contains(c.localModel)
                && (!c.backend->config.maxParallel || c.backend->inFlight < c.backend->config.maxParallel);
            if (probeable && (!probe || until < probeRecovery)) {
                probe = c;
                probe->probe = true;
                probeRecovery = until;
            }
            continue;
        }
        healthy.append(c);
    }
    if (healthy.isEmpty() && probe)
        return probe;
    if (healthy.isEmpty()) {
        *whyNot = GatewayError::make(ErrorKind::Unavailable, QStringLiteral("no_healthy_backend"),
                                     QStringLiteral("Every backend for the model '%1' failed recently.").arg(model));
        if (soonestRecovery > 0)
            whyNot->retryAfter = QByteArray::number(qMax<qint64>(1, (soonestRecovery - m_clock->nowMs() + 999) / 1000));
        return std::nullopt;
    }

    QList<Candidate> open;
    for (const Candidate &c : std::as_const(healthy)) {
        const int limit = c.backend->config.maxParallel;
        if (limit == 0 || c.backend->inFlight < limit)
            open.append(c);
    }
    if (open.isEmpty()) {
        *whyNot = GatewayError::make(ErrorKind::Unavailable, QStringLiteral("backend_busy"),
                                     QStringLiteral("Every backend for the model '%1' is at its max_parallel limit.").arg(model));
        whyNot->retryAfter = QByteArrayLiteral("1");
        return std::nullopt;
    }

    int bestPriority = open.first().backend->config.priority;
    for (const Candidate &c : std::as_const(open))
        bestPriority = qMax(bestPriority, c.backend->config.priority);
    double leastLoad = 1e18;
    for (const Candidate &c : std::as_const(open)) {
        if (c.backend->config.priority == bestPriority)
            leastLoad = qMin(leastLoad, loadOf(*c.backend));
    }
    QList<Candidate> best;
    int totalWeight = 0;
    for (const Candidate &c : std::as_const(open)) {
        if (c.backend->config.priority == bestPriority && loadOf(*c.backend) <= leastLoad + 1e-9) {
            best.append(c);
            totalWeight += c.backend->config.weight;
        }
    }
    if (totalWeight <= 0)
        return best.at(int(QRandomGenerator::global()->bounded(best.size())));
    int ticket = int(QRandomGenerator::global()->bounded(totalWeight));
    for (const Candidate &c : std::as_const(best)) {
        ticket -= c.backend->config.weight;
        if (ticket < 0)
            return c;
    }
    return best.last();
}

void Router::acquire(const Candidate &c)
{
    ++c.backend->inFlight;
    if (c.probe)
        c.backend->probing.insert(c.localModel);
}

void Router::release(const Candidate &c)
{
    --c.backend->inFlight;
    if (c.probe)
        c.backend->probing.remove(c.localModel);
}

void Router::reportSuccess(const Candidate &c)
{
    Backend &b = *c.backend;
    ++b.served;
    if (c.probe && isBanned(c)) {
        qCInfo(lcRouter) << "lifted the ban on" << c.id() << "after a successful trial call";
        b.bannedUntilMs = 0;
        b.modelBannedUntilMs.remove(c.localModel);
        Q_EMIT healthChanged();
    }
    if (b.keyInvalid) {
        b.keyInvalid = false;
        Q_EMIT healthChanged();
    }
}

void Router::banModel(const Candidate &c, const QString &reason)
{
    ++c.backend->failures;
    c.backend->lastError = reason;
    if (m_banMs <= 0)
        return;
    c.backend->modelBannedUntilMs.insert(c.localModel, m_clock->nowMs() + m_banMs);
    qCInfo(lcRouter) << "banned" << c.id() << "for" << m_banMs / 1000 << "s:" << reason;
    Q_EMIT healthChanged();
}

void Router::banBackend(const BackendPtr &b, const QString &reason)
{
    ++b->failures;
    b->lastError = reason;
    if (m_banMs <= 0)
        return;
    b->bannedUntilMs = m_clock->nowMs() + m_banMs;
    qCInfo(lcRouter) << "banned provider" << b->config.name << "for" << m_banMs / 1000 << "s:" << reason;
    Q_EMIT healthChanged();
}

void Router::markKeyInvalid(const BackendPtr &b, const QString &reason)
{
    b->keyInvalid = true;
    banBackend(b, reason);
}
