#include "promptrunner.h"

#include "server/memoryexchange.h"
#include "server/bodyvalidation.h"
#include "tokens/tokenlimiter.h"

#include <QDateTime>

PromptRunner::PromptRunner(Context context, PromptSpec spec, QObject *parent)
    : QObject(parent), m_ctx(std::move(context)), m_spec(std::move(spec))
{
}

PromptRunner::~PromptRunner()
{
    // Going away with a relay still running: it must not keep a provider generating for nobody.
    const bool running = !m_done;
    m_done = true;
    if (running && m_answer)
        m_answer->cancel();
}

void PromptRunner::start()
{
    if (m_started)
        return;
    m_started = true;
    const QJsonObject body = m_spec.chatBody();
    // The same checks a /v1/chat/completions body gets, so a prompt is refused here exactly when it would be there.
    if (const auto problem = BodyValidation::openAiBody(body, ApiKind::ChatCompletions)) {
        finish(PromptResult::failed(m_spec.model, problem->httpStatus, problem->code, problem->message));
        return;
    }
    // A token's rules hold for each prompt as for a /v1/chat/completions call: one refused prompt is that
    // prompt's error, not the batch's.
    bool quotaCounted = false;
    if (m_ctx.caller && !m_ctx.caller->fromConfig && m_ctx.limiter) {
        if (const auto denied = m_ctx.limiter->admitModelCall(*m_ctx.caller, m_spec.model, true, &quotaCounted)) {
            finish(PromptResult::failed(m_spec.model, denied->httpStatus, denied->code, denied->message));
            return;
        }
    }
    // A prompt's answer is text; anything past 16 MB is not worth holding for a JSON reply.
    m_answer = new MemoryExchange(16 * 1024 * 1024, this);
    InboundCall inbound;
    inbound.request.format = WireFormat::OpenAi;
    inbound.request.kind = ApiKind::ChatCompletions;
    inbound.request.body = body;
    inbound.request.pivot = body;
    inbound.request.stream = false;
    inbound.endpoint = m_ctx.endpoint;
    inbound.publicModel = m_spec.model;
    inbound.client = m_ctx.client;
    inbound.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (m_ctx.caller) {
        inbound.token = m_ctx.caller->name;
        inbound.tokenId = m_ctx.caller->id;
        inbound.quotaCounted = quotaCounted;
    }
    inbound.onComplete = [self = QPointer<PromptRunner>(this)](const RequestRecord &record) {
        if (self && self->m_answer)
            self->finish(PromptResult::fromRelay(*self->m_answer, record));
    };
    auto *relay = new RelayCall(m_ctx.relay, std::move(inbound), m_answer);
    relay->setParent(m_ctx.relayParent);
    relay->start();
}

void PromptRunner::cancel()
{
    if (m_done)
        return;
    if (m_answer) {
        m_answer->cancel(); // the relay completes with 499, which finishes this runner
        return;
    }
    finish(PromptResult::skipped(m_spec.model, QStringLiteral("Cancelled before it started: the client went away.")));
}

void PromptRunner::finish(PromptResult result)
{
    if (m_done)
        return;
    m_done = true;
    m_result = std::move(result);
    m_result.model = m_spec.model;
    m_result.name = m_spec.name;
    // The relay may complete inside start() (an unknown model); callers see every end the same way.
    QMetaObject::invokeMethod(this, [this] { Q_EMIT finished(); }, Qt::QueuedConnection);
}
