#include "docspage.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// Follows a local "#/components/..." reference; anything else resolves to an empty object.
QJsonObject resolve(const QJsonObject &maybeRef, const QJsonObject &spec)
{
    const QString ref = maybeRef.value(QLatin1String("$ref")).toString();
    if (ref.isEmpty())
        return maybeRef;
    if (!ref.startsWith(QLatin1String("#/")))
        return {};
    QJsonValue node = spec;
    for (const QString &part : ref.mid(2).split(QLatin1Char('/')))
        node = node.toObject().value(QString(part).replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~")));
    return node.toObject();
}

QString pretty(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    // A scalar: as JSON would write it.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString anchorFor(const QString &method, const QString &path)
{
    QString id = method + QLatin1Char('-') + path;
    for (QChar &c : id) {
        if (!c.isLetterOrNumber())
            c = QLatin1Char('-');
    }
    return id;
}

// The example of a media type object: its own example, the first of its examples, else one from its schema.
QJsonValue mediaExample(const QJsonObject &media, const QJsonObject &spec)
{
    if (media.contains(QLatin1String("example")))
        return media.value(QLatin1String("example"));
    const QJsonObject examples = media.value(QLatin1String("examples")).toObject();
    if (!examples.isEmpty())
        return resolve(examples.begin().value().toObject(), spec).value(QLatin1String("value"));
    return DocsPage::exampleOf(media.value(QLatin1String("schema")).toObject(), spec);
}

QString contentHtml(const QJsonObject &content, const QJsonObject &spec)
{
    QString html;
    for (auto it = content.begin(); it != content.end(); ++it) {
        const QJsonObject media = it.value().toObject();
        const QJsonValue example = mediaExample(media, spec);
        html += QStringLiteral("<div class=media><span class=type>%1</span>").arg(esc(it.key()));
        if (!example.isUndefined() && !example.isNull())
            html += QStringLiteral("<pre>%1</pre>").arg(esc(pretty(example)));
        html += QStringLiteral("</div>");
    }
    return html;
}

QString parametersHtml(const QJsonArray &parameters, const QJsonObject &spec)
{
    if (parameters.isEmpty())
        return {};
    QString html = QStringLiteral("<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>description</th></tr>");
    for (const QJsonValue &v : parameters) {
        const QJsonObject p = resolve(v.toObject(), spec);
        html += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(esc(p.value(QLatin1String("name")).toString()), esc(p.value(QLatin1String("in")).toString()),
                         p.value(QLatin1String("required")).toBool() ? QStringLiteral("yes") : QStringLiteral("no"),
                         esc(p.value(QLatin1String("description")).toString()));
    }
    return html + QStringLiteral("</table>");
}

QString operationHtml(const QString &method, const QString &path, const QJsonObject &op, const QJsonObject &spec)
{
    const bool open = op.contains(QLatin1String("security")) && op.value(QLatin1String("security")).toArray().isEmpty();
    QString html = QStringLiteral("<section class=op id=\u0022%1\u0022><h3><span class=\u0022method %2\u0022>%3</span> <code>%4</code></h3>")
                       .arg(anchorFor(method, path), method, method.toUpper(), esc(path));
    html += QStringLiteral("<p class=summary>%1</p>").arg(esc(op.value(QLatin1String("summary")).toString()));
    if (op.contains(QLatin1String("description")))
        html += QStringLiteral("<p>%1</p>").arg(esc(op.value(QLatin1String("description")).toString()));
    html += QStringLiteral("<p class=access>%1</p>")
                .arg(open ? QStringLiteral("Open: no access token needed.")
                          : QStringLiteral("Needs an access token (Authorization: Bearer … or x-api-key) when the gateway has any."));
    html += parametersHtml(op.value(QLatin1String("parameters")).toArray(), spec);
    const QJsonObject body = resolve(op.value(QLatin1String("requestBody")).toObject(), spec);
    if (!body.isEmpty()) {
        html += QStringLiteral("<h4>Request body%1</h4>")
                    .arg(body.value(QLatin1String("required")).toBool() ? QStringLiteral(" (required)") : QString());
        if (body.contains(QLatin1String("description")))
            html += QStringLiteral("<p>%1</p>").arg(esc(body.value(QLatin1String("description")).toString()));
        html += contentHtml(body.value(QLatin1String("content")).toObject(), spec);
    }
    html += QStringLiteral("<h4>Responses</h4>");
    const QJsonObject responses = op.value(QLatin1String("responses")).toObject();
    for (auto it = responses.begin(); it != responses.end(); ++it) {
        const QJsonObject response = resolve(it.value().toObject(), spec);
        html += QStringLiteral("<div class=response><span class=status>%1</span> %2")
                    .arg(esc(it.key()), esc(response.value(QLatin1String("description")).toString()));
        html += contentHtml(response.value(QLatin1String("content")).toObject(), spec);
        html += QStringLiteral("</div>");
    }
    return html + QStringLiteral("</section>");
}

const char *const style = R"(
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#fafbfc}
header{background:#1d2330;color:#fff;padding:1.2em 2em}header p{margin:.3em 0 0;color:#c9d1e0}
main{display:flex;gap:2em;padding:1em 2em}nav{min-width:18em;position:sticky;top:1em;align-self:flex-start}
nav ul{list-style:none;padding:0;margin:0}nav li{margin:.15em 0}nav a{text-decoration:none;color:#1d2330}
.op{background:#fff;border:1px solid #dde2ea;border-radius:6px;padding:.4em 1.2em 1em;margin-bottom:1.2em}
.method{display:inline-block;min-width:4em;text-align:center;border-radius:4px;color:#fff;font-size:.8em;padding:.1em .4em}
.get{background:#2f7d32}.post{background:#1f5fbf}.delete{background:#b3261e}.put,.patch{background:#8a5a00}
pre{background:#f3f5f8;border:1px solid #e3e7ee;padding:.6em;overflow:auto;font-size:.85em}
.type,.status{font-family:monospace;font-weight:bold}.access{color:#5b6472;font-size:.9em}
nav .group{font-weight:bold;margin-top:.8em}h2{margin:.6em 0 .2em}
table{border-collapse:collapse}td,th{border:1px solid #dde2ea;padding:.2em .6em;text-align:left}
)";

} // namespace

namespace DocsPage {

QByteArray specBytes()
{
    QFile file(QStringLiteral(":/switchyard/openapi.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QJsonObject spec()
{
    return QJsonDocument::fromJson(specBytes()).object();
}

QJsonValue exampleOf(const QJsonObject &schemaOrRef, const QJsonObject &spec, int depth)
{
    const QJsonObject schema = resolve(schemaOrRef, spec);
    if (schema.contains(QLatin1String("example")))
        return schema.value(QLatin1String("example"));
    if (!schema.value(QLatin1String("enum")).toArray().isEmpty())
        return schema.value(QLatin1String("enum")).toArray().first();
    if (depth > 6) // a recursive schema: stop rather than loop
        return QJsonValue();
    for (const char *combinator : {"allOf", "oneOf", "anyOf"}) {
        const QJsonArray parts = schema.value(QLatin1String(combinator)).toArray();
        if (!parts.isEmpty())
            return exampleOf(parts.first().toObject(), spec, depth + 1);
    }
    const QString type = schema.value(QLatin1String("type")).toString();
    if (type == QLatin1String("object") || schema.contains(QLatin1String("properties"))) {
        QJsonObject out;
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it)
            out.insert(it.key(), exampleOf(it.value().toObject(), spec, depth + 1));
        return out;
    }
    if (type == QLatin1String("array")) {
        const QJsonValue item = exampleOf(schema.value(QLatin1String("items")).toObject(), spec, depth + 1);
        return item.isUndefined() ? QJsonArray() : QJsonArray{item};
    }
    if (type == QLatin1String("string"))
        return QStringLiteral("string");
    if (type == QLatin1String("integer"))
        return 0;
    if (type == QLatin1String("number"))
        return 0.0;
    if (type == QLatin1String("boolean"))
        return false;
    return QJsonValue(QJsonValue::Undefined);
}

QByteArray render(const QJsonObject &spec)
{
    const QJsonObject info = spec.value(QLatin1String("info")).toObject();
    const QJsonObject paths = spec.value(QLatin1String("paths")).toObject();
    static const QStringList methods{QStringLiteral("get"), QStringLiteral("post"), QStringLiteral("put"),
                                     QStringLiteral("patch"), QStringLiteral("delete")};
    // Operations grouped by their first tag, in the order of the document's tags list (then as met; untagged last).
    QStringList groups;
    QHash<QString, QString> groupDescription;
    for (const QJsonValue &tag : spec.value(QLatin1String("tags")).toArray()) {
        groups << tag.toObject().value(QLatin1String("name")).toString();
        groupDescription.insert(groups.last(), tag.toObject().value(QLatin1String("description")).toString());
    }
    QHash<QString, QString> groupNav, groupBody;
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        for (const QString &method : methods) {
            if (!item.contains(method))
                continue;
            const QJsonObject op = item.value(method).toObject();
            QString group = op.value(QLatin1String("tags")).toArray().at(0).toString();
            if (group.isEmpty())
                group = QStringLiteral("Other");
            if (!groups.contains(group))
                groups << group;
            groupNav[group] += QStringLiteral("<li><a href=\u0022#%1\u0022><span class=\u0022method %2\u0022>%3</span> %4</a></li>")
                                   .arg(anchorFor(method, it.key()), method, method.toUpper(), esc(it.key()));
            groupBody[group] += operationHtml(method, it.key(), op, spec);
        }
    }
    QString nav, body;
    for (const QString &group : std::as_const(groups)) {
        if (!groupBody.contains(group))
            continue;
        nav += QStringLiteral("<li class=group>%1</li>%2").arg(esc(group), groupNav.value(group));
        body += QStringLiteral("<h2>%1</h2>").arg(esc(group));
        if (!groupDescription.value(group).isEmpty())
            body += QStringLiteral("<p>%1</p>").arg(esc(groupDescription.value(group)));
        body += groupBody.value(group);
    }
    const QString title = info.value(QLatin1String("title")).toString();
    const QString html =
        QStringLiteral("<!DOCTYPE html><html lang=en><head><meta charset=utf-8><meta name=viewport "
                       "content=\u0022width=device-width\u0022><title>%1</title><style>%2</style></head><body>"
                       "<header><h1>%1 <small>%3</small></h1><p>%4</p><p>Machine-readable: <a style=color:#fff "
                       "href=\u0022/openapi.json\u0022>/openapi.json</a> (OpenAPI %5)</p></header>"
                       "<main><nav><ul>%6</ul></nav><div>%7</div></main></body></html>")
            .arg(esc(title), QString::fromLatin1(style), esc(info.value(QLatin1String("version")).toString()),
                 esc(info.value(QLatin1String("description")).toString()),
                 esc(spec.value(QLatin1String("openapi")).toString()), nav, body);
    return html.toUtf8();
}

} // namespace DocsPage
