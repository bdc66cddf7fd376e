#include "server/routetable.h"

#include <QTest>

// The route table's matching rules; the routes themselves are exercised over HTTP by tst_endpoints.
class TestRouteTable : public QObject
{
    Q_OBJECT

private:
    static RouteTable sample()
    {
        RouteTable table;
        const auto none = [](ApiCall &) {};
        table.add("GET", QStringLiteral("/v1/models"), RouteTable::Access::Token, none);
        table.add("GET", QStringLiteral("/v1/models/{id...}"), RouteTable::Access::Token, none);
        table.add("GET", QStringLiteral("/v1/tasks/{id}"), RouteTable::Access::Token, none);
        table.add("POST", QStringLiteral("/v1/tasks/{id}/cancel"), RouteTable::Access::Token, none);
        table.add("GET", QStringLiteral("/health"), RouteTable::Access::Open, none);
        table.add("POST", QStringLiteral("/health"), RouteTable::Access::Open, none);
        return table;
    }

private slots:
    void exactPathMatchesOnlyItself()
    {
        const RouteTable table = sample();
        const RouteTable::Lookup found = table.find("GET", QStringLiteral("/v1/models"));
        QVERIFY(found.route);
        QCOMPARE(found.route->pattern, QStringLiteral("/v1/models"));
        QVERIFY(found.params.isEmpty());
        QVERIFY(table.find("GET", QStringLiteral("/v1/model")).allowedMethods.isEmpty());
    }

    void placeholderTakesOneSegment()
    {
        const RouteTable table = sample();
        RouteTable::Lookup found = table.find("GET", QStringLiteral("/v1/tasks/task_42"));
        QVERIFY(found.route);
        QCOMPARE(found.params, QStringList{QStringLiteral("task_42")});
        found = table.find("POST", QStringLiteral("/v1/tasks/task_42/cancel"));
        QVERIFY(found.route);
        QCOMPARE(found.route->pattern, QStringLiteral("/v1/tasks/{id}/cancel"));
        QCOMPARE(found.params, QStringList{QStringLiteral("task_42")});
        QVERIFY(table.find("GET", QStringLiteral("/v1/tasks/")).allowedMethods.isEmpty());
        QVERIFY(table.find("GET", QStringLiteral("/v1/tasks/a/b")).allowedMethods.isEmpty());
    }

    void restPlaceholderTakesSlashes()
    {
        const RouteTable table = sample();
        const RouteTable::Lookup found = table.find("GET", QStringLiteral("/v1/models/meta-llama/Llama-3.1-8B"));
        QVERIFY(found.route);
        QCOMPARE(found.params, QStringList{QStringLiteral("meta-llama/Llama-3.1-8B")});
    }

    void wrongMethodListsTheAllowedOnes()
    {
        const RouteTable table = sample();
        RouteTable::Lookup found = table.find("DELETE", QStringLiteral("/health"));
        QVERIFY(!found.route);
        QCOMPARE(found.allowedMethods, (QList<QByteArray>{"GET", "POST"}));
        found = table.find("GET", QStringLiteral("/v1/tasks/t1/cancel"));
        QVERIFY(!found.route);
        QCOMPARE(found.allowedMethods, QList<QByteArray>{"POST"});
    }
};

QTEST_GUILESS_MAIN(TestRouteTable)
#include "tst_routetable.moc"
