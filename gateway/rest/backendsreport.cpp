#include "backendsreport.h"

#include "core/clock.h"
#include "providers/adapter.h"
#include "routing/router.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>

namespace {

// The same states as /health's providers, judged for one model of the backend: a model banned on its own
// (429 and 5xx are often per model) makes this entry banned while the backend's other models stay ok.
QString stateOf(const Router &router, const Backend &b, const QString &localModel, qint64 *bannedUntilMono)
{
    const qint64 now = router.clock()->nowMs();
    *bannedUntilMono = qMax(b.bannedUntilMs, b.modelBannedUntilMs.value(localModel));
    if (!b.config.enabled)
        return QStringLiteral("disabled");
    if (b.keyInvalid)
        return QStringLiteral("key_invalid");
    if (*bannedUntilMono > now)
        return QStringLiteral("banned");
    *bannedUntilMono = 0;
    return QStringLiteral("ok");
}

} // namespace

namespace BackendsReport {

QJsonObject build(const Router &router, qint64 nowWallMs)
{
    const qint64 nowMono = router.clock()->nowMs();
    QMap<QString, QJsonArray> servedBy; // sorted by model name
    auto add = [&](const BackendPtr &b, bool node) {
        for (const ModelMapping &m : b->config.models) {
            qint64 bannedUntil = 0;
            const QString state = stateOf(router, *b, m.localName, &bannedUntil);
            servedBy[m.publicName].append(QJsonObject{
                {QStringLiteral("name"), b->config.name},
                {QStringLiteral("kind"), node ? QStringLiteral("node") : QStringLiteral("provider")},
                {QStringLiteral("type"), b->config.type},
                {QStringLiteral("local_model"), m.localName},
                {QStringLiteral("state"), state},
                {QStringLiteral("banned_until"),
                 bannedUntil > 0 ? QJsonValue(QDateTime::fromMSecsSinceEpoch(nowWallMs + bannedUntil - nowMono, Qt::UTC)
                                                  .toString(Qt::ISODateWithMs))
                                 : QJsonValue()},
                {QStringLiteral("priority"), b->config.priority},
                {QStringLiteral("in_flight"), b->inFlight},
                {QStringLiteral("max_parallel"), b->config.maxParallel > 0 ? QJsonValue(b->config.maxParallel) : QJsonValue()},
                {QStringLiteral("served"), b->served},
                {QStringLiteral("failures"), b->failures},
                {QStringLiteral("last_error"), b->lastError.isEmpty() ? QJsonValue() : QJsonValue(b->lastError)},
                {QStringLiteral("chat"), b->adapter && b->adapter->serves(ApiKind::ChatCompletions)},
            });
        }
    };
    for (const BackendPtr &b : router.backends())
        add(b, false);
    for (const BackendPtr &b : router.nodeBackends())
        add(b, true);

    QJsonArray backends;
    int available = 0;
    for (auto it = servedBy.cbegin(); it != servedBy.cend(); ++it) {
        int ok = 0;
        int inFlight = 0;
        for (const QJsonValue &p : it.value()) {
            ok += p.toObject().value(QLatin1String("state")).toString() == QLatin1String("ok") ? 1 : 0;
            inFlight += p.toObject().value(QLatin1String("in_flight")).toInt();
        }
        available += ok > 0 ? 1 : 0;
        backends.append(QJsonObject{
            {QStringLiteral("name"), it.key()}, // clinvk's BackendInfo: name and available
            {QStringLiteral("model"), it.key()},
            {QStringLiteral("available"), ok > 0},
            {QStringLiteral("healthy"), ok},
            {QStringLiteral("in_flight"), inFlight},
            {QStringLiteral("providers"), it.value()},
        });
    }
    return QJsonObject{{QStringLiteral("backends"), backends},
                       {QStringLiteral("total"), backends.size()},
                       {QStringLiteral("available"), available}};
}

} // namespace BackendsReport
