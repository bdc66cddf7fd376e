#include "relaycall.h"

#include "core/logging.h"
#include "metrics/metrics.h"
#include "routing/router.h"
#include "server/errorresponse.h"
#include "server/httpcompat.h"
#include "storage/requestlog.h"
#include "hub/hubnode.h"
#include "upstream/upstreamcall.h"

#include <QJsonDocument>

namespace {

constexpr qint64 maxErrorBodyBytes = 64 * 1024;
constexpr qint64 maxResponseCopyBytes = 8 * 1024 * 1024;

} // namespace

RelayCall::RelayCall(const RelayContext &context, InboundCall call, ClientExchange *exchange)
    : m_ctx(context), m_call(std::move(call)), m_exchange(exchange)
{
    for (QTimer *t : {&m_connectTimer, &m_firstByteTimer, &m_idleTimer})
        t->setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        onTimeout(GatewayError::make(ErrorKind::UpstreamTimeout, QStringLiteral("upstream_connect_timeout"),
                                QStringLiteral("Provider '%1' could not be reached within %2 ms.")
                                    .arg(m_candidate->backend->config.name).arg(m_timeouts.connectMs)));
    });
    connect(&m_firstByteTimer, &QTimer::timeout, this, [this] {
        onTimeout(GatewayError::make(ErrorKind::UpstreamTimeout, QStringLiteral("upstream_timeout"),
                                QStringLiteral("Provider '%1' sent nothing within %2 ms.")
                                    .arg(m_candidate->backend->config.name).arg(m_timeouts.firstByteMs)));
    });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        onTimeout(GatewayError::make(ErrorKind::UpstreamTimeout, QStringLiteral("upstream_idle_timeout"),
                                QStringLiteral("Provider '%1' stopped sending for %2 ms.")
                                    .arg(m_candidate->backend->config.name).arg(m_timeouts.idleMs)));
    });
    connect(exchange, &ClientExchange::clientGone, this, &RelayCall::onClientGone);
    connect(exchange, &ClientExchange::drained, this, &RelayCall::onDrained);
}

RelayCall::~RelayCall()
{
    dropUpstream();
    releaseCandidate();
}

void RelayCall::start()
{
    m_elapsed.start();
    m_ctx.metrics->inFlightChanged(+1);
    startAttempt();
}

void RelayCall::startAttempt()
{
    GatewayError whyNot;
    const RouteScope scope = m_call.localProvidersOnly ? RouteScope::ProvidersOnly : RouteScope::All;
    const std::optional<Candidate> picked =
        m_ctx.router->pick(m_call.publicModel, m_call.request.kind, m_tried, &whyNot, scope);
    if (!picked) {
        // After a failed attempt, the client learns what went wrong upstream, not merely that nothing is left.
        finishWithError(m_lastError ? *m_lastError : whyNot);
        return;
    }
    m_candidate = picked;
    m_tried.insert(picked->id());
    ++m_attempts;
    m_ctx.router->acquire(*picked);
    m_acquired = true;

    const Backend &backend = *picked->backend;
    m_timeouts = backend.timeouts;
    m_upstreamStatus = 0;
    m_upstreamContentType.clear();
    m_errorBody.clear();

    const ClientRequest &client = m_call.request;
    // A provider that cannot stream still serves a stream request: its whole answer becomes the stream.
    const bool upstreamStream = client.stream && backend.config.streaming;
    // Image models some providers serve as chat models (the Akash Chat proxy): the same call, asked as a chat.
    const bool imagesViaChat = client.kind == ApiKind::ImageGenerations && backend.config.imagesViaChat;
    std::optional<ClientRequest> asChat;
    if (imagesViaChat)
        asChat = RequestPlan::imageRequestAsChat(client);
    const ClientRequest &asked = asChat ? *asChat : client;
    QString translationError;
    const std::optional<QByteArray> body =
        RequestPlan::bodyFor(asked, *backend.adapter, picked->localModel, upstreamStream, &translationError);
    if (!body) {
        // The request cannot be expressed in this provider's format; another provider would fail the same way.
        releaseCandidate();
        finishWithError(GatewayError::make(ErrorKind::InvalidRequest, QStringLiteral("untranslatable_request"),
                                           translationError));
        return;
    }
    m_shaper = std::make_unique<ResponseShaper>(client, backend.adapter, upstreamStream, picked->localModel);
    qCDebug(lcRelay) << "attempt" << m_attempts << m_call.publicModel << "→" << picked->id();
    if (backend.node) {
        // A Co-Link node behind this hub: the same OpenAI body travels as a CALL over the node's socket.
        m_upstream = backend.node->startCall(picked->localModel, *body, upstreamStream, this);
    } else {
        UpstreamRequest request = backend.adapter->buildRequest(
            asked.kind, UpstreamTarget{backend.config.baseUrl, backend.apiKey, picked->localModel, upstreamStream},
            *body);
        if (upstreamStream)
            request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream")});
        m_upstream = new UpstreamCall(m_ctx.upstreams, QByteArrayLiteral("POST"), std::move(request), this);
    }
    connect(m_upstream, &UpstreamCall::connected, this, [this] { m_connectTimer.stop(); });
    connect(m_upstream, &UpstreamCall::responseStarted, this, &RelayCall::onResponseStarted);
    connect(m_upstream, &UpstreamCall::bodyData, this, &RelayCall::onBody);
    connect(m_upstream, &UpstreamCall::finished, this, &RelayCall::onFinished);
    m_connectTimer.start(m_timeouts.connectMs);
    m_firstByteTimer.start(m_timeouts.firstByteMs);
    m_upstream->start();
}

void RelayCall::onResponseStarted()
{
    m_upstreamStatus = m_upstream->status();
    m_upstreamContentType = m_upstream->header("Content-Type");
    m_connectTimer.stop();
}

void RelayCall::onBody(const QByteArray &bytes)
{
    if (m_upstreamStatus < 200 || m_upstreamStatus >= 300) {
        // An error answer: keep (a bounded amount of) its body to explain the failure.
        if (m_errorBody.size() < maxErrorBodyBytes)
            m_errorBody += bytes.left(maxErrorBodyBytes - m_errorBody.size());
        return;
    }
    m_firstByteTimer.stop();
    m_idleTimer.start(m_timeouts.idleMs);
    send(m_shaper->feed(bytes));
    if (m_call.request.stream && m_exchange)
        m_exchange->flush(); // each event on its way at once; a whole answer goes out at its end
    if (m_upstream && m_exchange && m_exchange->pendingBytes() > ClientExchange::highWaterBytes) {
        // The client reads slower than the provider writes: stop reading, and TCP slows the provider down.
        m_upstream->setPaused(true);
        m_idleTimer.stop(); // a slow client is not an idle upstream
    }
}

void RelayCall::onDrained()
{
    if (!m_upstream || !m_upstream->isPaused())
        return;
    m_idleTimer.start(m_timeouts.idleMs);
    m_upstream->setPaused(false);
}

void RelayCall::send(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    if (!m_committed)
        commitHeaders();
    if (m_exchange)
        m_exchange->writeChunk(bytes);
}

void RelayCall::commitHeaders()
{
    m_committed = true;
    m_ttfbMs = m_elapsed.elapsed();
    HeaderList headers = m_call.responseHeaders;
    headers.append({QByteArrayLiteral("Content-Type"), m_shaper->contentType(m_upstreamContentType)});
    if (m_call.request.stream) {
        headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
        headers.append({QByteArrayLiteral("X-Accel-Buffering"), QByteArrayLiteral("no")});
    }
    if (m_exchange)
        m_exchange->beginChunked(m_upstreamStatus, headers);
}

void RelayCall::onFinished()
{
    if (!m_upstream)
        return;
    m_connectTimer.stop();
    m_firstByteTimer.stop();
    m_idleTimer.stop();
    const UpstreamExchange::Failure failure = m_upstream->failure();
    const QString errorText = m_upstream->errorString();
    const Backend &backend = *m_candidate->backend;

    if (m_upstreamStatus == 0) {
        // No HTTP answer at all: refused, unreachable, TLS failure, closed before answering, not HTTP.
        dropUpstream();
        attemptFailed(GatewayError::make(ErrorKind::UpstreamError, QStringLiteral("upstream_unreachable"),
                                    QStringLiteral("Provider '%1' could not be reached: %2")
                                        .arg(backend.config.name, redacted(errorText))),
                      Scope::Backend, QStringLiteral("connect_error"));
        return;
    }
    if (m_upstreamStatus < 200 || m_upstreamStatus >= 300) {
        handleErrorStatus();
        return;
    }
    dropUpstream();
    if (failure == UpstreamExchange::Failure::CallerTooSlow) {
        failAfterCommit(GatewayError::make(ErrorKind::UpstreamError, QStringLiteral("client_too_slow"), errorText),
                        QStringLiteral("client_too_slow"), Blame::Nobody);
        return;
    }
    if (failure != UpstreamExchange::Failure::None) {
        const GatewayError cut = GatewayError::make(ErrorKind::UpstreamError, QStringLiteral("upstream_interrupted"),
                                               QStringLiteral("Provider '%1' broke off its answer: %2")
                                                   .arg(backend.config.name, redacted(errorText)));
        if (!m_committed)
            attemptFailed(cut, Scope::Model, QStringLiteral("interrupted"));
        else
            failAfterCommit(cut, QStringLiteral("interrupted"));
        return;
    }
    GatewayError invalid;
    const std::optional<QByteArray> rest = m_shaper->finish(&invalid);
    if (!rest) {
        // The answer could not be turned into the client's format, or a translated stream never finished.
        invalid.message = QStringLiteral("Provider '%1': %2").arg(backend.config.name, invalid.message);
        if (!m_committed)
            attemptFailed(invalid, Scope::Model, QStringLiteral("invalid_response"));
        else
            failAfterCommit(invalid, QStringLiteral("invalid_response"));
        return;
    }
    send(*rest);
    if (!m_committed)
        commitHeaders(); // an empty but successful answer
    finishSuccess();
}

void RelayCall::handleErrorStatus()
{
    const Backend &backend = *m_candidate->backend;
    const int status = m_upstreamStatus;
    QString upstreamMessage = redacted(backend.adapter->errorMessageOf(m_errorBody));
    if (upstreamMessage.isEmpty())
        upstreamMessage = redacted(QString::fromUtf8(m_errorBody.left(300))).simplified();
    const QString detail = QStringLiteral("Provider '%1' answered %2%3")
                               .arg(backend.config.name)
                               .arg(status)
                               .arg(upstreamMessage.isEmpty() ? QString() : QStringLiteral(": ") + upstreamMessage);
    const QByteArray retryAfter = m_upstream->header("Retry-After");
    const QByteArray contentType = m_upstream->header("Content-Type");
    const bool refused = m_upstream->refusedWithoutFault();
    dropUpstream();

    if (refused) {
        // A node shared with other servers may be full although this hub counted a free slot: not a fault.
        GatewayError e = GatewayError::make(ErrorKind::Unavailable, QStringLiteral("backend_busy"), detail);
        e.retryAfter = QByteArrayLiteral("1");
        attemptFailed(e, Scope::None, QStringLiteral("busy"));
        return;
    }

    if (status == 401 || status == 403) {
        // The provider refused our key: the client is not at fault, so another provider may serve it.
        attemptFailed(GatewayError::make(ErrorKind::UpstreamError, QStringLiteral("provider_auth_failed"),
                                    detail + QStringLiteral(" (its API key was rejected)")),
                      Scope::KeyInvalid, QStringLiteral("key_invalid"));
        return;
    }
    if (status == 429) {
        GatewayError e = GatewayError::make(ErrorKind::RateLimited, QStringLiteral("upstream_rate_limited"), detail);
        e.retryAfter = retryAfter;
        attemptFailed(e, Scope::Model, QStringLiteral("rate_limited"));
        return;
    }
    if (status == 408 || status >= 500) {
        attemptFailed(GatewayError::make(ErrorKind::UpstreamError, QStringLiteral("upstream_error"), detail), Scope::Model,
                      QStringLiteral("server_error"));
        return;
    }
    // Any other 4xx is about the request itself: retrying elsewhere would fail the same way. Pass it on.
    m_ctx.metrics->attemptFinished(backend.config.name, QStringLiteral("client_error"));
    if (m_exchange) {
        HeaderList headers = m_call.responseHeaders;
        if (backend.adapter->format() == m_call.request.format) {
            // The client speaks the provider's language: its error, untouched, is the most useful answer.
            headers.append({QByteArrayLiteral("Content-Type"),
                            contentType.isEmpty() ? QByteArrayLiteral("application/json") : contentType});
            m_exchange->respond(status, headers, redactedBody(m_errorBody));
        } else {
            headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
            m_exchange->respond(status, headers,
                                ErrorResponse::body(m_call.request.format,
                                                    ErrorResponse::fromUpstreamStatus(status, upstreamMessage)));
        }
    }
    complete(status, detail);
}

void RelayCall::attemptFailed(const GatewayError &error, Scope scope, const QString &outcome)
{
    const Candidate candidate = *m_candidate;
    m_ctx.metrics->attemptFinished(candidate.backend->config.name, outcome);
    // A node's models share one machine and one socket: when one fails, the node is put aside as a whole.
    if (candidate.backend->node && scope == Scope::Model)
        scope = Scope::Backend;
    switch (scope) {
    case Scope::Model: m_ctx.router->banModel(candidate, error.message); break;
    case Scope::Backend: m_ctx.router->banBackend(candidate.backend, error.message); break;
    case Scope::KeyInvalid: m_ctx.router->markKeyInvalid(candidate.backend, error.message); break;
    case Scope::None: break;
    }
    qCInfo(lcRelay) << "attempt" << m_attempts << "on" << candidate.id() << "failed:" << error.message;
    releaseCandidate();
    m_lastError = error;
    if (m_attempts >= m_ctx.settings->maxAttempts) {
        finishWithError(error);
        return;
    }
    startAttempt();
}

void RelayCall::onTimeout(const GatewayError &error)
{
    dropUpstream();
    m_connectTimer.stop();
    m_firstByteTimer.stop();
    m_idleTimer.stop();
    if (!m_committed) {
        const bool connecting = error.code == QLatin1String("upstream_connect_timeout");
        attemptFailed(error, connecting ? Scope::Backend : Scope::Model, QStringLiteral("timeout"));
        return;
    }
    failAfterCommit(error, QStringLiteral("timeout"));
}

void RelayCall::failAfterCommit(const GatewayError &error, const QString &outcome, Blame blame)
{
    // Too late to fail over, but a failing backend is still put aside for the next requests.
    if (blame == Blame::Backend && m_candidate->backend->node)
        m_ctx.router->banBackend(m_candidate->backend, error.message);
    else if (blame == Blame::Backend)
        m_ctx.router->banModel(*m_candidate, error.message);
    m_ctx.metrics->attemptFinished(m_candidate->backend->config.name, outcome);
    // The client already has a 200 and part of the answer. A stream gets an error event so the failure is
    // explicit; a plain body is cut off, which no client mistakes for a complete answer.
    if (m_exchange) {
        if (m_call.request.stream) {
            m_exchange->writeChunk(ErrorResponse::streamEvent(m_call.request.format, error));
            m_exchange->endChunked();
        } else {
            m_exchange->abortConnection();
        }
    }
    complete(error.httpStatus, error.message);
}

void RelayCall::finishSuccess()
{
    m_ctx.router->reportSuccess(*m_candidate);
    m_ctx.metrics->attemptFinished(m_candidate->backend->config.name, QStringLiteral("ok"));
    if (m_exchange)
        m_exchange->endChunked();
    complete(m_upstreamStatus, QString());
}

void RelayCall::finishWithError(const GatewayError &error)
{
    if (m_exchange) {
        HeaderList headers = m_call.responseHeaders;
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        if (!error.retryAfter.isEmpty())
            headers.append({QByteArrayLiteral("Retry-After"), error.retryAfter});
        m_exchange->respond(error.httpStatus, headers, ErrorResponse::body(m_call.request.format, error));
    }
    complete(error.httpStatus, error.message);
}

void RelayCall::onClientGone()
{
    if (m_done)
        return;
    // Abort the upstream at once: nobody will read the answer, and the provider may bill for it.
    dropUpstream();
    complete(499, QStringLiteral("The client closed the connection."));
}

void RelayCall::complete(int status, const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_connectTimer.stop();
    m_firstByteTimer.stop();
    m_idleTimer.stop();
    dropUpstream();
    releaseCandidate();
    m_ctx.metrics->inFlightChanged(-1);

    RequestRecord record;
    record.timeMs = m_call.receivedAtMs;
    record.client = m_call.client;
    record.endpoint = m_call.endpoint;
    record.publicModel = m_call.publicModel;
    if (m_candidate) {
        record.provider = m_candidate->backend->config.name;
        record.localModel = m_candidate->localModel;
    }
    record.attempts = m_attempts;
    record.status = status;
    record.latencyMs = m_elapsed.elapsed();
    record.ttfbMs = m_ttfbMs;
    const TokenUsage usage = m_shaper ? m_shaper->usage() : TokenUsage();
    record.promptTokens = usage.promptTokens;
    record.completionTokens = usage.completionTokens;
    record.stream = m_call.request.stream;
    record.error = error;
    record.token = m_call.token;
    record.tokenId = m_call.tokenId;
    record.quotaCounted = m_call.quotaCounted;
    m_ctx.metrics->requestFinished(record.publicModel, record.provider, status, record.latencyMs / 1000.0,
                                   m_ttfbMs < 0 ? -1.0 : m_ttfbMs / 1000.0);
    if (m_call.onComplete)
        m_call.onComplete(record);
    m_ctx.log->record(record);
    deleteLater();
}

void RelayCall::dropUpstream()
{
    if (!m_upstream)
        return;
    UpstreamExchange *upstream = m_upstream;
    m_upstream = nullptr;
    upstream->disconnect(this);
    upstream->abort(); // a no-op when it finished; otherwise the provider stops generating for nobody
    upstream->deleteLater();
}

void RelayCall::releaseCandidate()
{
    if (m_acquired && m_candidate) {
        m_ctx.router->release(*m_candidate);
        m_acquired = false;
    }
}

QByteArray RelayCall::redactedBody(QByteArray body) const
{
    // The same for an upstream error body passed on as it is.
    if (m_candidate && m_candidate->backend->apiKey.size() >= 8)
        body.replace(m_candidate->backend->apiKey.toUtf8(), redactSecret(m_candidate->backend->apiKey).toUtf8());
    return body;
}

QString RelayCall::redacted(QString text) const
{
    // Upstreams sometimes echo the key they were given; it must not reach a client or a log.
    if (m_candidate && m_candidate->backend->apiKey.size() >= 8)
        text.replace(m_candidate->backend->apiKey, redactSecret(m_candidate->backend->apiKey));
    return text;
}
