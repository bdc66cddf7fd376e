#include "fakeupstream.h"
#include "testhttp.h"
#include "upstream/httpresponseparser.h"
#include "upstream/upstreamcall.h"
#include "upstream/upstreampool.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

// A server that answers every request with the same bytes, then optionally hangs up.
class ScriptedServer final : public QObject
{
public:
    QByteArray answer;
    bool closeAfter = false;
    QList<QByteArray> requests;

    bool start()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] {
                    const QByteArray bytes = s->readAll();
                    requests.append(bytes);
                    s->write(answer);
                    if (closeAfter)
                        s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url(const char *path = "/v1/x") const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(QLatin1String(path));
    }

private:
    QTcpServer m_server;
};

struct Outcome {
    bool finished = false;
    int status = 0;
    QByteArray body;
    UpstreamCall::Failure failure = UpstreamCall::Failure::None;
    QString error;
};

Outcome run(UpstreamPool &pool, const QString &url, const QByteArray &body = "{}")
{
    UpstreamCall call(&pool, "POST", UpstreamRequest{QUrl(url), {{"Content-Type", "application/json"}}, body});
    Outcome out;
    QObject::connect(&call, &UpstreamCall::bodyData, &call, [&](const QByteArray &b) { out.body += b; });
    QObject::connect(&call, &UpstreamCall::finished, &call, [&] { out.finished = true; });
    call.start();
    TestHttp::waitUntil([&] { return out.finished; }, 5000);
    out.status = call.status();
    out.failure = call.failure();
    out.error = call.errorString();
    return out;
}

} // namespace

class TestUpstream final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parserGivesTheSameAnswerForEverySplit_data();
    void parserGivesTheSameAnswerForEverySplit();
    void parserRejectsWhatIsNotHttp_data();
    void parserRejectsWhatIsNotHttp();
    void keepAliveConnectionsAreReused();
    void serverClosingAnIdleConnectionIsRetriedOnce();
    void connectionCloseIsNotReused();
    void failuresAreTold_data();
    void failuresAreTold();
    void pausedCallStopsReadingAndResumesIntact();
    void plainHttpGoesThroughTheConfiguredProxy();
    void loopbackNeverGoesThroughAProxy();
};

void TestUpstream::parserGivesTheSameAnswerForEverySplit_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("needsClose"); // the body ends only when the connection closes

    QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << 200
                                    << QByteArray("hello") << true << false;
    QTest::newRow("chunked with extension and trailer")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\nA\r\n, world!!!\r\n"
                      "0\r\nX-Trailer: 1\r\n\r\n")
        << 200 << QByteArray("hello, world!!!") << true << false;
    QTest::newRow("bare LF line ends") << QByteArray("HTTP/1.1 404 Not Found\nContent-Length: 2\n\nno") << 404
                                       << QByteArray("no") << true << false;
    QTest::newRow("until close") << QByteArray("HTTP/1.1 200 OK\r\n\r\nstream until close") << 200
                                 << QByteArray("stream until close") << false << true;
    QTest::newRow("100 continue first") << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n"
                                                      "Content-Length: 2\r\n\r\nok")
                                        << 201 << QByteArray("ok") << true << false;
    QTest::newRow("204 has no body") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << 204 << QByteArray() << true
                                     << false;
    QTest::newRow("connection close") << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx")
                                      << 200 << QByteArray("x") << false << false;
    QTest::newRow("http/1.0 without keep-alive") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx") << 200
                                                 << QByteArray("x") << false << false;
    QTest::newRow("http/1.0 keep-alive") << QByteArray("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\n"
                                                       "Content-Length: 1\r\n\r\nx")
                                         << 200 << QByteArray("x") << true << false;
    QTest::newRow("utf-8 body") << QByteArray("HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\n你好") << 200
                                << QByteArray("你好") << true << false;
}

void TestUpstream::parserGivesTheSameAnswerForEverySplit()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);
    QFETCH(bool, needsClose);
    for (qsizetype cut = 0; cut <= wire.size(); ++cut) {
        HttpResponseParser parser;
        QByteArray in = wire.left(cut);
        QByteArray got;
        parser.feed(in, &got);
        in += wire.mid(cut);
        parser.feed(in, &got);
        QCOMPARE(parser.done(), !needsClose);
        if (needsClose)
            parser.closed();
        QVERIFY2(parser.done(), qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(parser.error())));
        QCOMPARE(parser.status(), status);
        QCOMPARE(got, body);
        QCOMPARE(parser.keepAlive(), keepAlive);
        QVERIFY(in.isEmpty());
    }
}

void TestUpstream::parserRejectsWhatIsNotHttp_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n");
    QTest::newRow("bad status") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n");
    QTest::newRow("bad content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -4\r\n\r\n");
    QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    QTest::newRow("chunk longer than declared")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n");
    QTest::newRow("gzip transfer coding") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n");
    QTest::newRow("endless headers") << QByteArray("HTTP/1.1 200 OK\r\n")
                                            + QByteArray("X-Pad: ").append(QByteArray(1000, 'a')).append("\r\n").repeated(300);
}

void TestUpstream::parserRejectsWhatIsNotHttp()
{
    QFETCH(QByteArray, wire);
    HttpResponseParser parser;
    QByteArray in = wire;
    QByteArray body;
    parser.feed(in, &body);
    QVERIFY(parser.failed());
    QVERIFY(!parser.error().isEmpty());
}

void TestUpstream::keepAliveConnectionsAreReused()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    UpstreamPool pool;
    const QString url = upstream.baseUrl() + QStringLiteral("/chat/completions");
    for (int i = 0; i < 5; ++i) {
        const Outcome r = run(pool, url, R"({"model":"m","messages":[]})");
        QVERIFY(r.finished);
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("object")).toString(),
                 QStringLiteral("chat.completion"));
    }
    QCOMPARE(upstream.requestCount(), 5);
    QCOMPARE(upstream.connectionCount(), 1);
    QCOMPARE(pool.idleCount(), 1);
    const FakeUpstream::Received &seen = upstream.received().last();
    QCOMPARE(seen.headers.value("host"), QStringLiteral("127.0.0.1:%1").arg(upstream.port()).toLatin1());
    QCOMPARE(seen.headers.value("content-length"), QByteArray("27"));
    QVERIFY(seen.headers.value("user-agent").startsWith("Switchyard/"));
}

void TestUpstream::serverClosingAnIdleConnectionIsRetriedOnce()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    UpstreamPool pool;
    const QString url = upstream.baseUrl() + QStringLiteral("/chat/completions");
    QCOMPARE(run(pool, url).status, 200);
    QCOMPARE(pool.idleCount(), 1);
    // The server's keep-alive timer fires; depending on timing the pool sees the close or the next call does.
    upstream.closeIdleConnections();
    const Outcome r = run(pool, url);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.failure, UpstreamCall::Failure::None);
    QCOMPARE(upstream.requestCount(), 2);
    QCOMPARE(upstream.connectionCount(), 2);
}

void TestUpstream::connectionCloseIsNotReused()
{
    ScriptedServer server;
    server.answer = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok";
    QVERIFY(server.start());
    UpstreamPool pool;
    QCOMPARE(run(pool, server.url()).body, QByteArray("ok"));
    QCOMPARE(pool.idleCount(), 0);
    QCOMPARE(run(pool, server.url()).body, QByteArray("ok"));
}

void TestUpstream::failuresAreTold_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("closeAfter");
    QTest::addColumn<int>("failure");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("closed before answering") << QByteArray() << true << int(UpstreamCall::Failure::Connect)
                                             << QByteArray();
    QTest::newRow("not http") << QByteArray("220 smtp.example ESMTP\r\n") << true
                              << int(UpstreamCall::Failure::Protocol) << QByteArray();
    QTest::newRow("cut in the body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf") << true
                                     << int(UpstreamCall::Failure::Interrupted) << QByteArray("half");
    QTest::newRow("cut between chunks")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\ndata\r\n") << true
        << int(UpstreamCall::Failure::Interrupted) << QByteArray("data");
    QTest::newRow("until close is complete") << QByteArray("HTTP/1.1 200 OK\r\n\r\nall of it") << true
                                             << int(UpstreamCall::Failure::None) << QByteArray("all of it");
}

void TestUpstream::failuresAreTold()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, closeAfter);
    QFETCH(int, failure);
    QFETCH(QByteArray, body);
    ScriptedServer server;
    server.answer = answer;
    server.closeAfter = closeAfter;
    QVERIFY(server.start());
    UpstreamPool pool;
    const Outcome r = run(pool, server.url());
    QVERIFY(r.finished);
    QCOMPARE(int(r.failure), failure);
    QCOMPARE(r.body, body);
    QCOMPARE(pool.idleCount(), 0);
    if (failure != int(UpstreamCall::Failure::None))
        QVERIFY(!r.error.isEmpty());
}

void TestUpstream::pausedCallStopsReadingAndResumesIntact()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Stream;
    b.chunks = 2000;
    b.paddingBytes = 8192; // about 16 MB
    b.intervalMs = 0;
    upstream.setBehavior(b);
    UpstreamPool pool;
    UpstreamCall call(&pool, "POST", UpstreamRequest{QUrl(upstream.baseUrl() + QStringLiteral("/chat/completions")),
                                                     {}, R"({"model":"m","stream":true})"});
    QByteArray body;
    bool finished = false;
    connect(&call, &UpstreamCall::bodyData, this, [&](const QByteArray &bytes) {
        body += bytes;
        call.setPaused(true); // a client that never reads
    });
    connect(&call, &UpstreamCall::finished, this, [&] { finished = true; });
    call.start();
    QVERIFY(TestHttp::waitUntil([&] { return upstream.chunksSent() == 2000 + 4; }, 20'000));
    QTest::qWait(200);
    QVERIFY(!finished);
    QVERIFY2(body.size() <= UpstreamCall::readBufferBytes, qPrintable(QString::number(body.size())));
    QVERIFY2(upstream.unsentBytes() > 8 * 1024 * 1024, qPrintable(QString::number(upstream.unsentBytes())));

    disconnect(&call, &UpstreamCall::bodyData, this, nullptr);
    connect(&call, &UpstreamCall::bodyData, this, [&](const QByteArray &bytes) { body += bytes; });
    call.setPaused(false);
    QVERIFY(TestHttp::waitUntil([&] { return finished; }, 20'000));
    QCOMPARE(call.failure(), UpstreamCall::Failure::None);
    QVERIFY(body.contains("part1999 "));
    QVERIFY(body.endsWith("data: [DONE]\n\n"));
    QCOMPARE(body.count("data: "), 1 + 2000 + 1 + 1 + 1);
}

void TestUpstream::plainHttpGoesThroughTheConfiguredProxy()
{
    // The fake plays the proxy: a plain-HTTP request for an unresolvable host must reach it in absolute form.
    FakeUpstream proxy;
    QVERIFY(proxy.start());
    qputenv("http_proxy", QStringLiteral("http://user:secret@127.0.0.1:%1").arg(proxy.port()).toLatin1());
    UpstreamPool pool;
    const Outcome r = run(pool, QStringLiteral("http://provider.invalid:8080/v1/chat/completions"));
    qunsetenv("http_proxy");
    QCOMPARE(r.status, 200);
    QCOMPARE(proxy.requestCount(), 1);
    QCOMPARE(proxy.received().first().path, QByteArray("http://provider.invalid:8080/v1/chat/completions"));
    QCOMPARE(proxy.received().first().headers.value("host"), QByteArray("provider.invalid:8080"));
    QCOMPARE(proxy.received().first().headers.value("proxy-authorization"),
             "Basic " + QByteArray("user:secret").toBase64());
}

void TestUpstream::loopbackNeverGoesThroughAProxy()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    qputenv("http_proxy", "http://127.0.0.1:9"); // nothing listens there
    UpstreamPool pool;
    const Outcome r = run(pool, upstream.baseUrl() + QStringLiteral("/chat/completions"));
    qunsetenv("http_proxy");
    QCOMPARE(r.status, 200);
    QCOMPARE(upstream.received().first().path, QByteArray("/v1/chat/completions"));
}

QTEST_GUILESS_MAIN(TestUpstream)
#include "tst_upstream.moc"
