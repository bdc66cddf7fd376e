#include "connectionguard.h"

#include "core/logging.h"
#include "server/errorresponse.h"

#include <QTcpSocket>

#include <sys/socket.h>

#include <cstring>

namespace {

constexpr qsizetype maxHeadBytes = 64 * 1024; // Qt's own parser stops at 80 KB; nothing legitimate comes close
constexpr int refusedGraceMs = 5'000;         // how long a refused client may keep sending before the close

qsizetype headEnd(QByteArrayView bytes)
{
    // The head ends with an empty line; HTTP parsers (Qt's included) also accept a bare LF as a line end.
    // One pass from line end to line end: QByteArray::indexOf with a short needle costs more than this on a
    // head of a few hundred bytes, and it runs on every request.
    const char *const begin = bytes.data();
    const char *const end = begin + bytes.size();
    for (const char *lf = begin; (lf = static_cast<const char *>(std::memchr(lf, '\n', end - lf))); ++lf) {
        if (lf + 1 < end && lf[1] == '\n')
            return lf + 2 - begin;
        if (lf + 2 < end && lf[1] == '\r' && lf[2] == '\n')
            return lf + 3 - begin;
    }
    return -1;
}

// The few header fields the guard decides on, read in one pass over the head without copying it: this runs
// for every request.
struct HeadFields {
    QByteArrayView target;
    QByteArrayView upgrade;
    QByteArrayView contentLength;
    QByteArrayView transferEncoding;
};

HeadFields scanHead(QByteArrayView head)
{
    HeadFields fields;
    qsizetype lineStart = 0;
    bool requestLine = true;
    while (lineStart < head.size()) {
        qsizetype lineEnd = head.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = head.size();
        const QByteArrayView line = head.sliced(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        if (requestLine) {
            requestLine = false;
            const qsizetype space = line.indexOf(' ');
            if (space >= 0) {
                const QByteArrayView rest = line.sliced(space + 1);
                const qsizetype end = rest.indexOf(' ');
                fields.target = end < 0 ? rest : rest.first(end);
            }
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = line.first(colon).trimmed();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            fields.contentLength = value;
        else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            fields.transferEncoding = value;
        else if (name.compare("upgrade", Qt::CaseInsensitive) == 0)
            fields.upgrade = value;
    }
    return fields;
}

QByteArray statusLine(int status)
{
    switch (status) {
    case 408: return "HTTP/1.1 408 Request Timeout\r\n";
    case 413: return "HTTP/1.1 413 Payload Too Large\r\n";
    case 429: return "HTTP/1.1 429 Too Many Requests\r\n";
    case 431: return "HTTP/1.1 431 Request Header Fields Too Large\r\n";
    default: return "HTTP/1.1 " + QByteArray::number(status) + " Error\r\n";
    }
}

// A whole answer written straight to the socket: QHttpServer never saw this request.
void writeRefusal(QTcpSocket *socket, const GatewayError &error, bool anthropicClient)
{
    const QByteArray body = ErrorResponse::body(anthropicClient ? WireFormat::Anthropic : WireFormat::OpenAi, error);
    QByteArray out = statusLine(error.httpStatus);
    out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!error.retryAfter.isEmpty())
        out += "Retry-After: " + error.retryAfter + "\r\n";
    out += "Connection: close\r\n\r\n" + body;
    socket->write(out);
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_state == State::Refused) {
            m_socket->abort();
            return;
        }
        qCInfo(lcServer).noquote() << "closing the connection from" << m_socket->peerAddress().toString() << "after"
                                   << m_timer.interval() << "ms without a complete request head";
        m_socket->abort();
    });
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    armForHead();
}

void ConnectionGuard::armForHead()
{
    m_state = State::WaitingForHead;
    m_head.clear();
    m_chunked = false;
    m_bodyBytesSeen = 0;
    m_timer.start(m_limits.headerTimeoutMs);
}

void ConnectionGuard::nextRequestOn(QTcpSocket *socket)
{
    if (auto *guard = socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly))
        if (guard->m_state != State::Refused)
            guard->armForHead();
}

void ConnectionGuard::onReadyRead()
{
    switch (m_state) {
    case State::PassedOn:
        return;
    case State::Refused:
        m_socket->readAll(); // dropped; QHttpServer, next in line, finds nothing to read
        return;
    case State::ReadingBody:
        if (m_chunked) {
            m_bodyBytesSeen += m_socket->bytesAvailable();
            if (m_bodyBytesSeen > 2 * m_limits.maxBodyBytes + 64 * 1024)
                refuse(GatewayError::make(ErrorKind::PayloadTooLarge, QStringLiteral("request_too_large"),
                                          QStringLiteral("The chunked request body passed %1 bytes; this gateway "
                                                         "accepts at most %2.")
                                              .arg(m_bodyBytesSeen)
                                              .arg(m_limits.maxBodyBytes)),
                       false);
        }
        return;
    case State::WaitingForHead:
        break;
    }
    const qsizetype before = m_head.size();
    if (before == 0)
        m_head = m_socket->peek(m_socket->bytesAvailable()); // the usual case: the whole head in one read
    else
        m_head += m_socket->peek(m_socket->bytesAvailable());
    // Searching from just before the new bytes finds an empty line split across two reads.
    const qsizetype searchFrom = qMax<qsizetype>(0, before - 3);
    const qsizetype end = headEnd(QByteArrayView(m_head).sliced(searchFrom));
    if (end < 0) {
        if (m_head.size() > maxHeadBytes)
        {
            GatewayError error = GatewayError::make(ErrorKind::InvalidRequest, QStringLiteral("request_header_too_large"),
                                                    QStringLiteral("The request head passed %1 bytes.").arg(maxHeadBytes));
            error.httpStatus = 431;
            refuse(error, false);
        }
        return;
    }
    const qsizetype headSize = searchFrom + end;
    m_bodyBytesSeen = m_head.size() - headSize;
    headComplete(QByteArrayView(m_head).first(headSize));
    m_head.clear();
}

void ConnectionGuard::headComplete(QByteArrayView head)
{
    m_timer.stop();
    const HeadFields fields = scanHead(head);
    const bool anthropicClient = fields.target.startsWith("/v1/messages") || fields.target.startsWith("/anthropic/");
    if (!fields.upgrade.isEmpty()) {
        m_state = State::PassedOn; // a WebSocket from here on: Co-Link traffic is not one request body
        return;
    }
    bool knownLength = false;
    const qint64 length = fields.contentLength.toLongLong(&knownLength);
    if (knownLength && length > m_limits.maxBodyBytes) {
        refuse(GatewayError::make(ErrorKind::PayloadTooLarge, QStringLiteral("request_too_large"),
                                  QStringLiteral("The request body is %1 bytes; this gateway accepts at most %2.")
                                      .arg(length)
                                      .arg(m_limits.maxBodyBytes)),
               anthropicClient);
        return;
    }
    m_chunked = !fields.transferEncoding.isEmpty() && fields.transferEncoding.toByteArray().toLower().contains("chunked");
    m_state = State::ReadingBody;
}

void ConnectionGuard::refuse(const GatewayError &error, bool anthropicClient)
{
    qCInfo(lcServer).noquote() << "refusing a request from" << m_socket->peerAddress().toString() << "with"
                               << error.httpStatus << error.message;
    m_state = State::Refused;
    m_socket->readAll();
    writeRefusal(m_socket, error, anthropicClient);
    drainAndClose();
}

void ConnectionGuard::drainAndClose()
{
    // Shut the sending side once the answer is out: the client reads it and its end of stream. Closing outright
    // with unread bytes in the receive buffer would make the kernel send a reset that can destroy the answer.
    auto shutWhenFlushed = [socket = m_socket] {
        if (socket->bytesToWrite() == 0 && socket->socketDescriptor() >= 0)
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    };
    connect(m_socket, &QTcpSocket::bytesWritten, this, shutWhenFlushed);
    m_socket->flush();
    shutWhenFlushed();
    connect(m_socket, &QTcpSocket::disconnected, m_socket, &QTcpSocket::deleteLater);
    m_timer.start(refusedGraceMs);
}

void ConnectionGuard::refuseConnection(QTcpSocket *socket, const GatewayError &error)
{
    auto *guard = new ConnectionGuard(socket, ConnectionLimits{});
    guard->refuse(error, false);
}
