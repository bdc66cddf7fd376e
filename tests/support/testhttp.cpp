#include "testhttp.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace TestHttp {

Response send(const QByteArray &method, const QUrl &url, const QByteArray &body, const Headers &headers,
              int timeoutMs)
{
    static QNetworkAccessManager *network = new QNetworkAccessManager(QCoreApplication::instance());
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    bool hasType = false;
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
        hasType |= name.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!hasType && !body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    Response r;
    if (!reply->isFinished()) {
        r.error = QStringLiteral("timed out");
        reply->abort();
    }
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        r.headers.insert(name.toLower(), value);
    r.body = reply->readAll();
    if (r.error.isEmpty() && reply->error() != QNetworkReply::NoError && r.status == 0)
        r.error = reply->errorString();
    reply->deleteLater();
    return r;
}

Response get(const QUrl &url, const Headers &headers, int timeoutMs)
{
    return send("GET", url, {}, headers, timeoutMs);
}

Response post(const QUrl &url, const QByteArray &body, const Headers &headers, int timeoutMs)
{
    return send("POST", url, body, headers, timeoutMs);
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return condition();
}

} // namespace TestHttp

bool RawClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return TestHttp::waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

void RawClient::sendPost(const QByteArray &path, const QByteArray &body, const TestHttp::Headers &headers)
{
    QByteArray request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                         "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    request += "\r\n" + body;
    m_socket.write(request);
}

bool RawClient::readUntil(const QByteArray &needle, int timeoutMs)
{
    return TestHttp::waitUntil([&] {
        m_received += m_socket.readAll();
        return m_received.contains(needle);
    }, timeoutMs);
}

QByteArray RawClient::dechunkedBody() const
{
    // Walks the chunks by position: copying the rest after every chunk was quadratic (a 33 MB answer in 4000
    // chunks meant tens of GB of copying, minutes under AddressSanitizer).
    const qsizetype headerEnd = m_received.indexOf("\r\n\r\n");
    qsizetype pos = headerEnd + 4;
    QByteArray body;
    while (pos < m_received.size()) {
        const qsizetype lineEnd = m_received.indexOf("\r\n", pos);
        if (lineEnd < 0)
            break;
        bool ok = false;
        const qsizetype size = m_received.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
        if (!ok || size == 0)
            break;
        body += m_received.mid(lineEnd + 2, size);
        pos = lineEnd + 2 + size + 2;
    }
    return body;
}
