#include "memoryexchange.h"

MemoryExchange::MemoryExchange(qint64 maxBytes, QObject *parent) : ClientExchange(parent), m_maxBytes(maxBytes)
{
}

void MemoryExchange::respond(int status, const HeaderList &, const QByteArray &body)
{
    if (m_done)
        return;
    m_status = status;
    m_body = body.left(m_maxBytes);
    m_aborted = body.size() > m_maxBytes;
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
    if (m_body.size() + data.size() > m_maxBytes) {
        m_aborted = true;
        finish();
        Q_EMIT clientGone(); // the relay stops paying for an answer nobody can use
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
