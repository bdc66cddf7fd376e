#include "httpresponseparser.h"

namespace {

// Generous for any provider, small enough that a hostile upstream cannot grow us without bound.
constexpr qint64 maxHeadBytes = 256 * 1024;
constexpr qsizetype maxLineBytes = 16 * 1024;

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

bool containsToken(QByteArrayView list, QByteArrayView token)
{
    for (QByteArrayView part : QByteArray(list.data(), list.size()).split(',')) {
        if (equalsNoCase(part.trimmed(), token))
            return true;
    }
    return false;
}

} // namespace

QByteArray HttpResponseParser::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (equalsNoCase(key, name))
            return value;
    }
    return {};
}

bool HttpResponseParser::keepAlive() const
{
    if (m_state != State::Done || m_bodyKind == BodyKind::UntilClose)
        return false;
    const QByteArray connection = header("Connection");
    if (containsToken(connection, "close"))
        return false;
    return m_minorVersion >= 1 || containsToken(connection, "keep-alive");
}

void HttpResponseParser::fail(const QString &why)
{
    m_state = State::Failed;
    m_error = why;
}

void HttpResponseParser::feed(QByteArray &in, QByteArray *body)
{
    if (!in.isEmpty())
        m_sawBytes = true;
    qsizetype used = 0;
    while (m_state == State::StatusLine || m_state == State::Headers) {
        const qsizetype nl = in.indexOf('\n', used);
        if (nl < 0) {
            if (in.size() - used > maxLineBytes)
                fail(QStringLiteral("a header line longer than %1 bytes").arg(maxLineBytes));
            break;
        }
        m_headBytes += nl + 1 - used;
        if (m_headBytes > maxHeadBytes) {
            fail(QStringLiteral("response headers larger than %1 bytes").arg(maxHeadBytes));
            break;
        }
        QByteArrayView line = QByteArrayView(in).sliced(used, nl - used);
        if (line.endsWith('\r'))
            line.chop(1);
        used = nl + 1;
        if (m_state == State::StatusLine) {
            if (line.isEmpty())
                continue; // tolerated: a stray CRLF before the status line
            if (parseStatusLine(line))
                m_state = State::Headers;
        } else if (line.isEmpty()) {
            if (!headersEnded())
                break;
        } else {
            parseHeaderLine(line);
        }
    }
    in.remove(0, used);
    if (m_state == State::Body)
        feedBody(in, body);
}

bool HttpResponseParser::parseStatusLine(QByteArrayView line)
{
    // HTTP/1.x SP 3DIGIT [SP reason]
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || line.at(8) != ' ') {
        fail(QStringLiteral("not an HTTP/1.x response"));
        return false;
    }
    m_minorVersion = line.at(7) - '0';
    bool ok = false;
    m_status = line.sliced(9, 3).toInt(&ok);
    if (!ok || m_status < 100 || m_status > 999) {
        fail(QStringLiteral("a malformed status line"));
        return false;
    }
    return true;
}

bool HttpResponseParser::parseHeaderLine(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0) {
        fail(QStringLiteral("a malformed header line"));
        return false;
    }
    m_headers.append({line.first(colon).trimmed().toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
    return true;
}

bool HttpResponseParser::headersEnded()
{
    if (m_status >= 100 && m_status < 200) {
        // An interim answer (100 Continue, 103 Early Hints): the real one follows.
        m_headers.clear();
        m_state = State::StatusLine;
        return true;
    }
    const QByteArray transferEncoding = header("Transfer-Encoding");
    const QByteArray contentLength = header("Content-Length");
    if (m_noBody || m_status == 204 || m_status == 304) {
        m_bodyKind = BodyKind::None;
    } else if (!transferEncoding.isEmpty()) {
        // chunked must be the last coding; anything else would need decoders we do not ask for.
        if (!transferEncoding.trimmed().toLower().endsWith("chunked")) {
            fail(QStringLiteral("an unsupported Transfer-Encoding '%1'").arg(QString::fromLatin1(transferEncoding)));
            return false;
        }
        m_bodyKind = BodyKind::Chunked;
        m_chunkState = ChunkState::Size;
    } else if (!contentLength.isEmpty()) {
        bool ok = false;
        m_remaining = contentLength.toLongLong(&ok);
        if (!ok || m_remaining < 0) {
            fail(QStringLiteral("an invalid Content-Length '%1'").arg(QString::fromLatin1(contentLength)));
            return false;
        }
        m_bodyKind = BodyKind::Length;
    } else {
        m_bodyKind = BodyKind::UntilClose;
    }
    m_state = m_bodyKind == BodyKind::None || (m_bodyKind == BodyKind::Length && m_remaining == 0) ? State::Done
                                                                                                : State::Body;
    return true;
}

void HttpResponseParser::feedBody(QByteArray &in, QByteArray *body)
{
    if (m_bodyKind == BodyKind::UntilClose) {
        body->append(in);
        in.clear();
        return;
    }
    if (m_bodyKind == BodyKind::Length) {
        const qint64 take = qMin<qint64>(m_remaining, in.size());
        body->append(in.constData(), take);
        in.remove(0, take);
        m_remaining -= take;
        if (m_remaining == 0)
            m_state = State::Done;
        return;
    }
    qsizetype used = 0;
    while (m_state == State::Body) {
        if (m_chunkState == ChunkState::Data) {
            const qint64 take = qMin<qint64>(m_remaining, in.size() - used);
            if (take == 0)
                break;
            body->append(in.constData() + used, take);
            used += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_chunkState = ChunkState::DataEnd;
            continue;
        }
        const qsizetype nl = in.indexOf('\n', used);
        if (nl < 0) {
            if (in.size() - used > maxLineBytes)
                fail(QStringLiteral("a chunk header longer than %1 bytes").arg(maxLineBytes));
            break;
        }
        QByteArrayView line = QByteArrayView(in).sliced(used, nl - used);
        if (line.endsWith('\r'))
            line.chop(1);
        used = nl + 1;
        if (m_chunkState == ChunkState::DataEnd) {
            if (!line.isEmpty())
                fail(QStringLiteral("chunk data longer than its declared size"));
            m_chunkState = ChunkState::Size;
        } else if (m_chunkState == ChunkState::Size) {
            const qsizetype semicolon = line.indexOf(';'); // chunk extensions are ignored
            const QByteArrayView hex = (semicolon >= 0 ? line.first(semicolon) : line).trimmed();
            bool ok = false;
            m_remaining = hex.size() <= 15 ? QByteArray(hex.data(), hex.size()).toLongLong(&ok, 16) : -1;
            if (!ok || m_remaining < 0) {
                fail(QStringLiteral("a malformed chunk size"));
                break;
            }
            m_chunkState = m_remaining == 0 ? ChunkState::Trailers : ChunkState::Data;
        } else if (line.isEmpty()) { // Trailers: the blank line ends the message
            m_state = State::Done;
        }
    }
    in.remove(0, used);
}

void HttpResponseParser::closed()
{
    if (m_state == State::Done || m_state == State::Failed)
        return;
    if (m_state == State::Body && m_bodyKind == BodyKind::UntilClose) {
        m_state = State::Done;
        return;
    }
    fail(headComplete() ? QStringLiteral("the connection closed in the middle of the answer")
         : m_sawBytes   ? QStringLiteral("the connection closed in the middle of the headers")
                        : QStringLiteral("the connection closed before an answer"));
}
