#include "sseparser.h"

QList<SseParser::Event> SseParser::feed(const QByteArray &bytes)
{
    QList<Event> out;
    m_buffer += bytes;
    qsizetype start = 0;
    while (true) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        qsizetype end = nl;
        if (end > start && m_buffer.at(end - 1) == '\r')
            --end;
        processLine(QByteArrayView(m_buffer).sliced(start, end - start), out);
        start = nl + 1;
    }
    m_buffer.remove(0, start);
    return out;
}

void SseParser::processLine(QByteArrayView line, QList<Event> &out)
{
    if (line.isEmpty()) {
        // A blank line ends the event; one without data carries nothing (comments, bare "event:").
        if (m_hasData)
            out.append(m_current);
        m_current = Event();
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return; // comment / keep-alive
    const qsizetype colon = line.indexOf(':');
    QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_current.data += '\n';
        m_current.data += value.toByteArray();
        m_hasData = true;
    } else if (field == "event") {
        m_current.event = value.toByteArray();
    }
}
