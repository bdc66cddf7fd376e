#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class ApiCall;

// The gateway's HTTP endpoints: a method and a path pattern such as "/v1/tasks/{id}" map to a handler.
// Features register their own routes (ApiServer::routes()), so adding an endpoint touches its own file only,
// and the list is there for /openapi.json's completeness test and for 405's Allow header.
class RouteTable final
{
public:
    // Open routes answer without an access token (/health, /docs); every other one checks the token first.
    enum class Access { Open, Token };
    using Handler = std::function<void(ApiCall &)>;

    struct Route {
        QByteArray method;
        QString pattern;
        Access access = Access::Token;
        Handler handler;
        QString literalPrefix; // the pattern up to its first "{": a cheap first test for every lookup
    };

    struct Lookup {
        const Route *route = nullptr; // null: no route for this method (see allowedMethods) or path
        QStringList params;           // the {placeholders}' values, in order
        QList<QByteArray> allowedMethods; // every method the path has a route for; empty: unknown path
    };

    void add(const QByteArray &method, const QString &pattern, Access access, Handler handler);
    Lookup find(const QByteArray &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    static bool matches(const QString &pattern, const QString &path, QStringList *params);

    QList<Route> m_routes;
};
