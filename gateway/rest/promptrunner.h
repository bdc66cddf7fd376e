#pragma once

#include "rest/promptresult.h"
#include "rest/promptspec.h"
#include "server/relaycall.h"
#include "tokens/tokenrecord.h"

#include <QObject>
#include <QPointer>

class MemoryExchange;
class TokenLimiter;

// Runs one prompt as a /v1/chat/completions call would run: a RelayCall answering into a MemoryExchange,
// so routing, failover, bans, timeouts, metrics and the request-log row are the relay's own.
// finished() is always emitted from the event loop, never from inside start().
class PromptRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptRunner)

public:
    struct Context {
        RelayContext relay;
        QObject *relayParent = nullptr; // the gateway: it tears relays down before the parts they use
        QString endpoint;               // for the request log: "/api/v1/parallel", ...
        QString client;                 // the HTTP client's address
        // The access token of the HTTP request: each prompt must be one its rules allow (model, quota).
        std::optional<TokenRecord> caller;
        TokenLimiter *limiter = nullptr;
    };

    PromptRunner(Context context, PromptSpec spec, QObject *parent = nullptr);
    ~PromptRunner() override;

    void start();
    // The HTTP client went away: stop the provider's work; finished() follows with a cancelled result.
    void cancel();
    bool isDone() const { return m_done; }
    const PromptResult &result() const { return m_result; }

Q_SIGNALS:
    void finished();

private:
    void finish(PromptResult result);

    Context m_ctx;
    PromptSpec m_spec;
    MemoryExchange *m_answer = nullptr;
    PromptResult m_result;
    bool m_started = false;
    bool m_done = false;
};
