#include "promptbatch.h"

PromptBatch::PromptBatch(const PromptRunner::Context &context, const QList<PromptSpec> &specs, int maxParallel,
                         bool failFast, QObject *parent)
    : QObject(parent), m_specs(specs), m_maxParallel(qMax(1, maxParallel)), m_failFast(failFast)
{
    for (const PromptSpec &spec : specs) {
        auto *runner = new PromptRunner(context, spec, this);
        connect(runner, &PromptRunner::finished, this, &PromptBatch::onRunnerFinished);
        m_runners.append(runner);
        m_skipped.append(PromptResult());
    }
}

void PromptBatch::start()
{
    m_elapsed.start();
    startMore();
}

void PromptBatch::startMore()
{
    while (!m_stopStarting && m_running < m_maxParallel && m_next < m_runners.size()) {
        ++m_running;
        m_runners.at(m_next++)->start();
    }
    if (m_stopStarting) {
        // What never started is reported as skipped, so every item still has a result in its place.
        while (m_next < m_runners.size()) {
            const int i = m_next++;
            m_skipped[i] = PromptResult::skipped(m_specs.at(i).model, m_failFast
                                                                          ? QStringLiteral("Not run: an earlier task failed and fail_fast is set.")
                                                                          : QStringLiteral("Not run: the client went away."));
            m_skipped[i].name = m_specs.at(i).name;
            ++m_done;
        }
    }
    if (m_done == m_runners.size() && !m_finished) {
        m_finished = true;
        Q_EMIT finished();
    }
}

void PromptBatch::onRunnerFinished()
{
    auto *runner = qobject_cast<PromptRunner *>(sender());
    --m_running;
    ++m_done;
    if (m_failFast && runner && !runner->result().ok())
        m_stopStarting = true;
    startMore();
}

void PromptBatch::cancel()
{
    m_stopStarting = true;
    m_failFast = false; // for the skipped items' message
    for (int i = 0; i < m_next; ++i) {
        if (!m_runners.at(i)->isDone())
            m_runners.at(i)->cancel();
    }
    startMore();
}

QList<PromptResult> PromptBatch::results() const
{
    QList<PromptResult> out;
    for (qsizetype i = 0; i < m_runners.size(); ++i) {
        if (m_runners.at(i)->isDone()) {
            out.append(m_runners.at(i)->result());
        } else {
            out.append(m_skipped.at(i));
        }
    }
    return out;
}
