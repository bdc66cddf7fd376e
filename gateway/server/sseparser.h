#pragma once

#include <QByteArray>
#include <QList>

// Incremental Server-Sent Events parser: feed bytes split anywhere, get whole events back.
class SseParser final
{
public:
    struct Event {
        QByteArray event; // the "event:" field, empty for the default
        QByteArray data;  // "data:" lines joined with '\n'
    };

    // Returns the events completed by these bytes.
    QList<Event> feed(const QByteArray &bytes);
    // Bytes received that do not yet form a complete event.
    qsizetype buffered() const { return m_buffer.size(); }

private:
    void processLine(QByteArrayView line, QList<Event> &out);

    QByteArray m_buffer;
    Event m_current;
    bool m_hasData = false;
};
