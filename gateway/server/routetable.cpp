#include "routetable.h"

void RouteTable::add(const QByteArray &method, const QString &pattern, Access access, Handler handler)
{
    const qsizetype brace = pattern.indexOf(QLatin1Char('{'));
    m_routes.append(Route{method, pattern, access, std::move(handler), brace < 0 ? pattern : pattern.left(brace)});
}

RouteTable::Lookup RouteTable::find(const QByteArray &method, const QString &path) const
{
    Lookup out;
    for (const Route &route : m_routes) {
        if (!path.startsWith(route.literalPrefix))
            continue;
        QStringList params;
        if (!matches(route.pattern, path, &params))
            continue;
        if (!out.allowedMethods.contains(route.method))
            out.allowedMethods.append(route.method);
        if (!out.route && route.method == method) {
            out.route = &route;
            out.params = params;
        }
    }
    return out;
}

// Segment by segment; a "{name}" segment takes any one non-empty segment, and a last "{name...}" segment the
// rest of the path (model ids such as "meta-llama/Llama-3.1-8B" contain slashes).
bool RouteTable::matches(const QString &pattern, const QString &path, QStringList *params)
{
    if (!pattern.contains(QLatin1Char('{')))
        return pattern == path;
    const QList<QStringView> want = QStringView(pattern).split(QLatin1Char('/'));
    const QList<QStringView> have = QStringView(path).split(QLatin1Char('/'));
    const bool takesRest = want.last().endsWith(QLatin1String("...}"));
    if (takesRest ? have.size() < want.size() : have.size() != want.size())
        return false;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want[i].startsWith(QLatin1Char('{')) && want[i].endsWith(QLatin1Char('}'))) {
            const bool rest = takesRest && i == want.size() - 1;
            const QString value = rest ? path.mid(have[i].data() - path.constData()) : have[i].toString();
            if (have[i].isEmpty())
                return false;
            params->append(value);
        } else if (want[i] != have[i]) {
            return false;
        }
    }
    return true;
}
