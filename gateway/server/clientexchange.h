#pragma once

#include "providers/adapter.h" // HeaderList

#include <QObject>

// The side of a relayed call that receives the answer: an HTTP client of the gateway (HttpExchange) or a
// Co-Link server that sent this machine a CALL (NodeExchange). Deletes itself once the answer is complete
// or its receiver has gone; hold it in a QPointer. Writes after that are ignored.
class ClientExchange : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientExchange)

public:
    using QObject::QObject;

    virtual bool isOpen() const = 0;
    virtual bool headersSent() const = 0;

    virtual void respond(int status, const HeaderList &headers, const QByteArray &body) = 0;
    virtual void beginChunked(int status, const HeaderList &headers) = 0;
    virtual void writeChunk(const QByteArray &data) = 0;
    virtual void endChunked() = 0;
    // Sends what was written now instead of on the event loop's next turn. respond() and endChunked() do it
    // themselves; the relay calls it after each piece of a stream.
    virtual void flush() {}
    // Ends the answer so that the receiver cannot mistake it for a complete one.
    virtual void abortConnection() = 0;

    // Bytes accepted but not yet delivered; the relay pauses its upstream when this is high.
    virtual qint64 pendingBytes() const = 0;
    static constexpr qint64 highWaterBytes = 256 * 1024;

Q_SIGNALS:
    void clientGone();
    void drained(); // pendingBytes() fell below highWaterBytes / 4
};
