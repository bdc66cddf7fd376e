#include "bufferedexchange.h"

void BufferedExchange::respond(int status, const HeaderList &, const QByteArray &body)
{
    if (m_done)
        return;
    m_begun = true;
    m_status = status;
    m_body = body.left(maxBodyBytes);
    finish();
}

void BufferedExchange::beginChunked(int status, const HeaderList &)
{
    if (m_done)
        return;
    m_begun = true;
    m_status = status;
}

void BufferedExchange::writeChunk(const QByteArray &data)
{
    if (m_done)
        return;
    if (m_body.size() + data.size() > maxBodyBytes) {
        // Tell the relay, as a vanished client would, so it stops paying for an answer nobody can use.
        m_aborted = true;
        finish();
        Q_EMIT clientGone();
        return;
    }
    m_body += data;
}

void BufferedExchange::endChunked()
{
    finish();
}

void BufferedExchange::abortConnection()
{
    if (m_done)
        return;
    m_aborted = true;
    finish();
}

void BufferedExchange::cancel()
{
    if (m_done)
        return;
    m_aborted = true;
    finish();
    Q_EMIT clientGone();
}

void BufferedExchange::finish()
{
    if (m_done)
        return;
    m_done = true;
}
