#pragma once

#include "rest/promptrunner.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

// Steps run one after the other (/api/v1/chain): each step's prompt is a template in which clinvk's
// {{previous}} becomes the previous step's output (the chain's input for the first step) and {{input}} the
// chain's input. The first failing step ends the chain; the steps before it keep their outputs.
class PromptChain final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptChain)

public:
    PromptChain(const PromptRunner::Context &context, const QList<PromptSpec> &steps, const QString &input,
                QObject *parent = nullptr);

    void start();
    void cancel();
    // The steps that ran, in order; the last one is the failed step when failedStep() is set.
    const QList<PromptResult> &results() const { return m_results; }
    int failedStep() const { return m_failedStep; } // 1-based; 0 when every step succeeded
    int totalSteps() const { return int(m_steps.size()); }
    qint64 elapsedMs() const { return m_elapsed.elapsed(); }

    static QString fill(const QString &promptTemplate, const QString &previous, const QString &input);

Q_SIGNALS:
    void finished();

private:
    void runStep();
    void onStepFinished();

    PromptRunner::Context m_ctx;
    QList<PromptSpec> m_steps;
    QString m_input;
    QString m_previous;
    QList<PromptResult> m_results;
    QPointer<PromptRunner> m_current;
    int m_failedStep = 0;
    bool m_cancelled = false;
    QElapsedTimer m_elapsed;
};
