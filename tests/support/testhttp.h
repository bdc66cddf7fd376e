#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPair>
#include <QTcpSocket>
#include <QUrl>
#include <functional>

// Blocking-looking HTTP calls for tests: each runs the event loop until the answer or a timeout.
namespace TestHttp {

struct Response {
    int status = 0;                              // 0: no HTTP answer (see error)
    QHash<QByteArray, QByteArray> headers;       // lower-case names
    QByteArray body;
    QString error;
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

Response get(const QUrl &url, const Headers &headers = {}, int timeoutMs = 10'000);
Response post(const QUrl &url, const QByteArray &body, const Headers &headers = {}, int timeoutMs = 10'000);
Response send(const QByteArray &method, const QUrl &url, const QByteArray &body, const Headers &headers,
              int timeoutMs);

// Runs the event loop until condition() is true or timeoutMs passes; returns condition().
bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 5'000);

} // namespace TestHttp

// A raw HTTP/1.1 client on a socket, for streaming and for hanging up in the middle of an answer.
class RawClient final
{
public:
    bool connectTo(quint16 port, int timeoutMs = 3'000);
    void sendPost(const QByteArray &path, const QByteArray &body, const TestHttp::Headers &headers = {});
    // Reads until the received bytes contain needle, or the timeout passes.
    bool readUntil(const QByteArray &needle, int timeoutMs = 5'000);
    const QByteArray &received() const { return m_received; }
    // The body with chunked framing removed (for a complete chunked response).
    QByteArray dechunkedBody() const;
    void close() { m_socket.abort(); }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};
