#include "promptchain.h"

PromptChain::PromptChain(const PromptRunner::Context &context, const QList<PromptSpec> &steps, const QString &input,
                         QObject *parent)
    : QObject(parent), m_ctx(context), m_steps(steps), m_input(input), m_previous(input)
{
}

QString PromptChain::fill(const QString &promptTemplate, const QString &previous, const QString &input)
{
    // One pass, left to right, so an output that itself contains "{{input}}" is not expanded again.
    QString out;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = promptTemplate.indexOf(QLatin1String("{{"), from);
        if (at < 0)
            break;
        out += QStringView(promptTemplate).mid(from, at - from);
        const QStringView rest = QStringView(promptTemplate).mid(at);
        if (rest.startsWith(QLatin1String("{{previous}}"))) {
            out += previous;
            from = at + 12;
        } else if (rest.startsWith(QLatin1String("{{input}}"))) {
            out += input;
            from = at + 9;
        } else {
            out += QLatin1String("{{");
            from = at + 2;
        }
    }
    out += QStringView(promptTemplate).mid(from);
    return out;
}

void PromptChain::start()
{
    m_elapsed.start();
    runStep();
}

void PromptChain::runStep()
{
    const qsizetype index = m_results.size();
    if (index >= m_steps.size()) {
        Q_EMIT finished();
        return;
    }
    PromptSpec spec = m_steps.at(index);
    spec.prompt = fill(spec.prompt, m_previous, m_input);
    m_current = new PromptRunner(m_ctx, spec, this);
    connect(m_current, &PromptRunner::finished, this, &PromptChain::onStepFinished);
    m_current->start();
}

void PromptChain::onStepFinished()
{
    auto *runner = qobject_cast<PromptRunner *>(sender());
    const PromptResult result = runner->result();
    runner->deleteLater();
    m_results.append(result);
    if (!result.ok()) {
        m_failedStep = int(m_results.size());
        Q_EMIT finished();
        return;
    }
    m_previous = result.output;
    if (m_cancelled) {
        Q_EMIT finished();
        return;
    }
    runStep();
}

void PromptChain::cancel()
{
    m_cancelled = true;
    if (m_current && !m_current->isDone())
        m_current->cancel();
}
