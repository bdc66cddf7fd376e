#pragma once

#include "config/config.h"
#include "core/gatewayerror.h"
#include "providers/adapter.h"
#include "routing/backend.h"
#include "storage/requestrecord.h"
#include "translate/requestplan.h"
#include "translate/responseshaper.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

class ClientExchange;
class Metrics;
class RequestLog;
class Router;
class UpstreamExchange;
class UpstreamPool;

// What a relay needs from the gateway; all owned by the gateway and outliving every call.
struct RelayContext final {
    Router *router = nullptr;
    UpstreamPool *upstreams = nullptr;
    RequestLog *log = nullptr;
    Metrics *metrics = nullptr;
    const GatewaySettings *settings = nullptr;
};

struct InboundCall final {
    ClientRequest request;
    QString endpoint;
    QString publicModel;
    QString client;
    qint64 receivedAtMs = 0;     // wall clock
    HeaderList responseHeaders;  // added to every answer (CORS)
    // Calls this machine serves for a Co-Link server use local providers only: a hub node's answer
    // relayed back out as a node could loop between gateways.
    bool localProvidersOnly = false;
    // The access token that sent it, for usage per token and token quotas (see RequestRecord).
    QString token;
    qint64 tokenId = 0;
    bool quotaCounted = false;
    // Called once when the call has ended and its answer is written, with the request log's row: callers
    // inside the gateway (the /api/v1 batch endpoints) learn from it who served the call and how.
    std::function<void(const RequestRecord &)> onComplete;
};

// One client request relayed to a backend (a provider or a hub node), with failover before the first byte
// reaches the client.
// Owns its upstream reply and timers, and deletes itself when the client has its answer or has gone.
class RelayCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelayCall)

public:
    RelayCall(const RelayContext &context, InboundCall call, ClientExchange *exchange);
    ~RelayCall() override;
    void start();
    // The backend of the current (or last) attempt: the one that answered, once the client has its answer.
    // The task runner asks it which provider holds a submitted upstream task.
    const std::optional<Candidate> &candidate() const { return m_candidate; }

private:
    enum class Scope { Model, Backend, KeyInvalid, None };

    void startAttempt();
    void onResponseStarted();
    void onBody(const QByteArray &bytes);
    void onFinished();
    void onTimeout(const GatewayError &error);
    void onClientGone();
    void onDrained();

    void attemptFailed(const GatewayError &error, Scope scope, const QString &outcome);
    void handleErrorStatus();
    void commitHeaders();
    void send(const QByteArray &bytes);
    enum class Blame { Backend, Nobody };
    void failAfterCommit(const GatewayError &error, const QString &outcome, Blame blame = Blame::Backend);
    void finishSuccess();
    void finishWithError(const GatewayError &error);
    void complete(int status, const QString &error);
    void dropUpstream();
    void releaseCandidate();
    QString redacted(QString text) const;
    QByteArray redactedBody(QByteArray body) const;

    RelayContext m_ctx;
    InboundCall m_call;
    QPointer<ClientExchange> m_exchange;

    std::optional<Candidate> m_candidate;
    bool m_acquired = false;
    QSet<QString> m_tried;
    int m_attempts = 0;
    std::optional<GatewayError> m_lastError;

    QPointer<UpstreamExchange> m_upstream;
    Timeouts m_timeouts;
    int m_upstreamStatus = 0;
    QByteArray m_upstreamContentType;
    QByteArray m_errorBody;
    bool m_committed = false;
    bool m_done = false;

    std::unique_ptr<ResponseShaper> m_shaper; // this attempt's translation of the answer, and its usage

    QTimer m_connectTimer;
    QTimer m_firstByteTimer;
    QTimer m_idleTimer;
    QElapsedTimer m_elapsed;
    qint64 m_ttfbMs = -1;
};
