#include "memoryexchange.h"

void MemoryExchange::respond(int status, const HeaderList &, const QByteArray &body)
{
    if (m_done)
        return;
    m_status = status;
    m_body = body;
    finish();
}

void MemoryExchange::beginChunked(int status, const HeaderList &)
{
    if (!m_done)
        m_status = status;
}

void MemoryExchange::writeChunk(const QByteArray &data)
{
    if (m_done)
        return;
    if (m_body.size() + data.size() > maxBytes) {
        abortConnection();
        return;
    }
    m_body += data;
}

void MemoryExchange::endChunked()
{
    finish();
}

void MemoryExchange::abortConnection()
{
    if (m_done)
        return;
    m_aborted = true;
    finish();
}

void MemoryExchange::cancel()
{
    if (m_done)
        return;
    m_done = true;
    m_aborted = true;
    Q_EMIT clientGone();
}

void MemoryExchange::finish()
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT completed();
}
