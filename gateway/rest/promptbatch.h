#pragma once

#include "rest/promptrunner.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

// Several independent prompts (/api/v1/parallel, /api/v1/compare), at most maxParallel at a time. Results
// stay in request order; one prompt's failure is its own result, never the batch's. With failFast, prompts
// not yet started when one fails are skipped (those running finish).
class PromptBatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptBatch)

public:
    PromptBatch(const PromptRunner::Context &context, const QList<PromptSpec> &specs, int maxParallel, bool failFast,
                QObject *parent = nullptr);

    void start();
    void cancel(); // the client went away
    QList<PromptResult> results() const;
    qint64 elapsedMs() const { return m_elapsed.elapsed(); }

Q_SIGNALS:
    void finished();

private:
    void startMore();
    void onRunnerFinished();

    QList<PromptRunner *> m_runners;
    QList<PromptSpec> m_specs;
    QList<PromptResult> m_skipped; // by index: the results of runners that never started
    int m_maxParallel;
    bool m_failFast;
    int m_next = 0;
    int m_running = 0;
    int m_done = 0;
    bool m_stopStarting = false;
    bool m_finished = false;
    QElapsedTimer m_elapsed;
};
