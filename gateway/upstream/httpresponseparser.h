#pragma once

#include "providers/adapter.h"

#include <QByteArray>
#include <QString>

// Incremental HTTP/1.1 response parser for the upstream client: bytes go in split anywhere, the status,
// headers and de-chunked body come out. Knows the three ways a body ends (Content-Length, chunked, close)
// and whether the connection may carry another request afterwards.
class HttpResponseParser final
{
public:
    enum class State { StatusLine, Headers, Body, Done, Failed };

    // A HEAD request's answer has headers only, whatever Content-Length says.
    void expectNoBody() { m_noBody = true; }

    // Consumes what it can of `in` (the rest stays there) and appends body bytes to *body.
    void feed(QByteArray &in, QByteArray *body);
    // The peer closed the connection: that ends a body that runs until close; anything else was cut short.
    void closed();

    State state() const { return m_state; }
    bool headComplete() const { return m_state == State::Body || m_state == State::Done; }
    bool done() const { return m_state == State::Done; }
    bool failed() const { return m_state == State::Failed; }
    bool started() const { return m_sawBytes; }
    QString error() const { return m_error; }

    int status() const { return m_status; }
    const HeaderList &headers() const { return m_headers; }
    QByteArray header(QByteArrayView name) const; // the first value, case-insensitive name
    // Whether the connection can be reused once this response is done.
    bool keepAlive() const;

private:
    enum class BodyKind { None, Length, Chunked, UntilClose };
    enum class ChunkState { Size, Data, DataEnd, Trailers };

    bool parseStatusLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    bool headersEnded();
    void feedBody(QByteArray &in, QByteArray *body);
    void fail(const QString &why);

    State m_state = State::StatusLine;
    BodyKind m_bodyKind = BodyKind::None;
    ChunkState m_chunkState = ChunkState::Size;
    qint64 m_remaining = 0; // Length: bytes left; Chunked: bytes left in this chunk
    qint64 m_headBytes = 0;
    bool m_noBody = false;
    bool m_sawBytes = false;
    int m_minorVersion = 1;
    int m_status = 0;
    HeaderList m_headers;
    QString m_error;
};
