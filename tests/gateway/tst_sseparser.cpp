#include "server/sseparser.h"

#include <QTest>

class TestSseParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySplitGivesTheSameEvents_data();
    void everySplitGivesTheSameEvents();
};

using Events = QList<QPair<QByteArray, QByteArray>>; // event, data

void TestSseParser::everySplitGivesTheSameEvents_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<Events>("expected");
    QTest::newRow("openai") << QByteArray("data: {\"a\":1}\n\ndata: [DONE]\n\n")
                            << Events{{"", "{\"a\":1}"}, {"", "[DONE]"}};
    QTest::newRow("crlf") << QByteArray("data: x\r\n\r\ndata: y\r\n\r\n") << Events{{"", "x"}, {"", "y"}};
    QTest::newRow("anthropic named events")
        << QByteArray("event: message_start\ndata: {\"type\":\"message_start\"}\n\nevent: ping\ndata: {}\n\n")
        << Events{{"message_start", "{\"type\":\"message_start\"}"}, {"ping", "{}"}};
    QTest::newRow("multi-line data") << QByteArray("data: one\ndata: two\n\n") << Events{{"", "one\ntwo"}};
    QTest::newRow("comments and keep-alives") << QByteArray(": keep-alive\n\ndata:no-space\n\n")
                                               << Events{{"", "no-space"}};
    QTest::newRow("unfinished event is held") << QByteArray("data: done\n\ndata: partial") << Events{{"", "done"}};
    QTest::newRow("utf-8") << QByteArray("data: {\"t\":\"你好\"}\n\n") << Events{{"", "{\"t\":\"你好\"}"}};
}

void TestSseParser::everySplitGivesTheSameEvents()
{
    QFETCH(QByteArray, stream);
    QFETCH(Events, expected);
    // Split the stream at every position, and also byte by byte: the events must not change.
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        SseParser parser;
        Events got;
        for (const auto &e : parser.feed(stream.left(cut)))
            got.append({e.event, e.data});
        for (const auto &e : parser.feed(stream.mid(cut)))
            got.append({e.event, e.data});
        QCOMPARE(got, expected);
    }
    SseParser parser;
    Events got;
    for (char c : stream) {
        for (const auto &e : parser.feed(QByteArray(1, c)))
            got.append({e.event, e.data});
    }
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
