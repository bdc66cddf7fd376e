// JsonScan reads and edits top-level members without a parse; where it cannot be sure it agrees with a real
// parser it must say so (nullopt), because the relay then falls back to parsing.
#include "translate/jsonscan.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestJsonScan : public QObject
{
    Q_OBJECT

private slots:
    void membersAreFoundWithTheirValues_data();
    void membersAreFoundWithTheirValues();
    void unclearObjectsAreLeftToAParser_data();
    void unclearObjectsAreLeftToAParser();
    void memberValueIsReplacedAndEveryOtherByteKept();
    void absentMemberIsNotInvented();
    void quotedAgreesWithQtJson_data();
    void quotedAgreesWithQtJson();
};

void TestJsonScan::membersAreFoundWithTheirValues_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("count");
    QTest::newRow("compact") << QByteArray(R"({"model":"a","stream":true})") << QByteArray("stream")
                             << QByteArray("true") << 2;
    QTest::newRow("spaces and newlines") << QByteArray(" {\n \"model\" :\t\"a b\" ,\r\n\"n\": -1.5e3 }\n")
                                         << QByteArray("n") << QByteArray("-1.5e3") << 2;
    QTest::newRow("nested object holding the same key")
        << QByteArray(R"({"usage":{"model":"x","a":[1,{"b":"}"}]},"model":"top"})") << QByteArray("model")
        << QByteArray(R"("top")") << 2;
    QTest::newRow("brackets and quotes inside strings")
        << QByteArray(R"({"messages":[{"content":"}]{[\"model\":"}],"model":"m"})") << QByteArray("messages")
        << QByteArray(R"([{"content":"}]{[\"model\":"}])") << 2;
    QTest::newRow("escaped backslash before a quote") << QByteArray(R"({"a":"x\\","model":"m"})")
                                                      << QByteArray("model") << QByteArray(R"("m")") << 2;
    QTest::newRow("null value") << QByteArray(R"({"usage":null})") << QByteArray("usage") << QByteArray("null") << 1;
    QTest::newRow("empty object") << QByteArray("{ }") << QByteArray("model") << QByteArray() << 0;
}

void TestJsonScan::membersAreFoundWithTheirValues()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, value);
    QFETCH(int, count);
    const auto members = JsonScan::topLevelMembers(json);
    QVERIFY(members);
    QCOMPARE(members->size(), count);
    QByteArray found;
    for (const JsonScan::Member &member : *members) {
        if (member.key == key)
            found = json.mid(member.valueBegin, member.valueEnd - member.valueBegin);
    }
    QCOMPARE(found, value);
}

void TestJsonScan::unclearObjectsAreLeftToAParser_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("duplicate key") << QByteArray(R"({"model":"a","model":"b"})");
    QTest::newRow("escaped key") << QByteArray(R"({"mod\u0065l":"a"})");
    QTest::newRow("array") << QByteArray(R"([{"model":"a"}])");
    QTest::newRow("unterminated string") << QByteArray(R"({"model":"a)");
    QTest::newRow("unterminated object") << QByteArray(R"({"model":{"a":1})");
    QTest::newRow("missing colon") << QByteArray(R"({"model" "a"})");
    QTest::newRow("trailing comma") << QByteArray(R"({"model":"a",})");
    QTest::newRow("missing value") << QByteArray(R"({"model":})");
    QTest::newRow("empty") << QByteArray();
}

void TestJsonScan::unclearObjectsAreLeftToAParser()
{
    QFETCH(QByteArray, json);
    QVERIFY(!JsonScan::topLevelMembers(json));
    QVERIFY(!JsonScan::withMemberValue(json, "model", "\"x\""));
}

void TestJsonScan::memberValueIsReplacedAndEveryOtherByteKept()
{
    const QByteArray body = "{ \"temperature\": 1.0,\n  \"model\" : \"public\", \"messages\":[{\"role\":\"user\"}] }";
    const auto renamed = JsonScan::withMemberValue(body, "model", JsonScan::quoted(QStringLiteral("local/m\"1")));
    QVERIFY(renamed);
    QCOMPARE(*renamed,
             QByteArray("{ \"temperature\": 1.0,\n  \"model\" : \"local/m\\\"1\", \"messages\":[{\"role\":\"user\"}] }"));
    QCOMPARE(QJsonDocument::fromJson(*renamed).object().value(QLatin1String("model")).toString(),
             QStringLiteral("local/m\"1"));
}

void TestJsonScan::absentMemberIsNotInvented()
{
    QVERIFY(!JsonScan::withMemberValue(R"({"messages":[{"model":"inner"}]})", "model", "\"x\""));
}

void TestJsonScan::quotedAgreesWithQtJson_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("gpt-4o-mini");
    QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c");
    QTest::newRow("controls") << QString::fromUtf8("tab\there\nnew\x01\x1f");
    QTest::newRow("non-ASCII") << QString::fromUtf8("通义千问-max 🚀");
    QTest::newRow("empty") << QString();
}

void TestJsonScan::quotedAgreesWithQtJson()
{
    QFETCH(QString, text);
    const QByteArray object = "{\"v\":" + JsonScan::quoted(text) + "}";
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(object, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(parsed.object().value(QLatin1String("v")).toString(), text);
}

QTEST_GUILESS_MAIN(TestJsonScan)
#include "tst_jsonscan.moc"
