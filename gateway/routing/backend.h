#pragma once

#include "config/config.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <memory>

class HubNode;
class ProviderAdapter;

// A configured provider, or a Co-Link node connected to this hub, at run time, with its health. Shared so that a call in flight keeps a valid
// reference after a config reload replaces the list.
struct Backend final {
    ProviderConfig config;
    const ProviderAdapter *adapter = nullptr;
    QString apiKey;
    Timeouts timeouts; // the provider's own, or the gateway's
    QPointer<HubNode> node; // set for a hub node: calls go over its socket instead of HTTP

    int inFlight = 0;
    qint64 served = 0;
    qint64 failures = 0;
    qint64 bannedUntilMs = 0;                 // the whole provider (connection failures, bad key)
    QHash<QString, qint64> modelBannedUntilMs; // local model name → until (429 and 5xx are often per model)
    bool keyInvalid = false;
    QString lastError;
    // Local models with a trial call in flight while banned (see Router::pick): one at a time each.
    QSet<QString> probing;
};

using BackendPtr = std::shared_ptr<Backend>;

struct Candidate final {
    BackendPtr backend;
    QString localModel;
    bool probe = false; // a trial call to a banned candidate; a success lifts its ban

    QString id() const { return backend->config.name + QLatin1Char('/') + localModel; }
};
