// /openapi.json is a valid OpenAPI 3.0 document that describes exactly the routes the running gateway
// registered, and /docs renders all of it. A route added without its description fails here.
#include "fakeupstream.h"
#include "gatewayfixture.h"
#include "server/accesscontrol.h"
#include "server/apiserver.h"
#include "testhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

// A structural validator for OpenAPI 3.0 documents, strict where the gateway's document could go wrong:
// the version and info, path and operation shapes, responses on every operation, path parameters declared
// for every {template}, only OpenAPI 3.0 keywords in schemas, and every $ref resolving.
class OpenApiValidator
{
public:
    explicit OpenApiValidator(const QJsonObject &doc) : m_doc(doc) {}

    QStringList problems()
    {
        m_problems.clear();
        if (!QRegularExpression(QStringLiteral("^3\\.0\\.\\d+$")).match(m_doc.value(QLatin1String("openapi")).toString()).hasMatch())
            fail(QStringLiteral("openapi must be \"3.0.x\", is %1").arg(m_doc.value(QLatin1String("openapi")).toVariant().toString()));
        const QJsonObject info = m_doc.value(QLatin1String("info")).toObject();
        for (const char *field : {"title", "version"}) {
            if (info.value(QLatin1String(field)).toString().isEmpty())
                fail(QStringLiteral("info.%1 must be a non-empty string").arg(QLatin1String(field)));
        }
        if (!m_doc.value(QLatin1String("paths")).isObject())
            fail(QStringLiteral("paths must be an object"));
        const QJsonObject schemes = m_doc.value(QLatin1String("components")).toObject().value(QLatin1String("securitySchemes")).toObject();
        checkSecurity(m_doc.value(QLatin1String("security")), schemes, QStringLiteral("security"));
        QSet<QString> tagNames;
        for (const QJsonValue &tag : m_doc.value(QLatin1String("tags")).toArray()) {
            const QString name = tag.toObject().value(QLatin1String("name")).toString();
            if (name.isEmpty() || tagNames.contains(name))
                fail(QStringLiteral("tags: each needs a name, once"));
            tagNames.insert(name);
        }

        const QJsonObject paths = m_doc.value(QLatin1String("paths")).toObject();
        for (auto it = paths.begin(); it != paths.end(); ++it)
            checkPathItem(it.key(), it.value().toObject(), schemes);
        const QJsonObject schemas = m_doc.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject();
        for (auto it = schemas.begin(); it != schemas.end(); ++it)
            checkSchema(it.value(), QStringLiteral("components.schemas.") + it.key());
        checkRefs(m_doc, QStringLiteral("#"));
        return m_problems;
    }

private:
    void fail(const QString &problem) { m_problems << problem; }

    QJsonValue resolve(const QString &ref) const
    {
        if (!ref.startsWith(QLatin1String("#/")))
            return QJsonValue(QJsonValue::Undefined);
        QJsonValue node = m_doc;
        for (const QString &part : ref.mid(2).split(QLatin1Char('/'))) {
            const QString key = QString(part).replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
            if (!node.isObject() || !node.toObject().contains(key))
                return QJsonValue(QJsonValue::Undefined);
            node = node.toObject().value(key);
        }
        return node;
    }

    QJsonObject deref(const QJsonObject &o) const
    {
        return o.contains(QLatin1String("$ref")) ? resolve(o.value(QLatin1String("$ref")).toString()).toObject() : o;
    }

    void checkRefs(const QJsonValue &node, const QString &where)
    {
        if (node.isArray()) {
            const QJsonArray array = node.toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                checkRefs(array.at(i), where + QStringLiteral("/%1").arg(i));
            return;
        }
        if (!node.isObject())
            return;
        const QJsonObject o = node.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == QLatin1String("$ref")) {
                if (resolve(it.value().toString()).isUndefined())
                    fail(QStringLiteral("%1: $ref %2 does not resolve").arg(where, it.value().toString()));
            } else if (it.key() != QLatin1String("example")) { // examples are data, not document structure
                checkRefs(it.value(), where + QLatin1Char('/') + it.key());
            }
        }
    }

    void checkSecurity(const QJsonValue &security, const QJsonObject &schemes, const QString &where)
    {
        if (security.isUndefined())
            return;
        if (!security.isArray()) {
            fail(where + QStringLiteral(" must be an array"));
            return;
        }
        for (const QJsonValue &requirement : security.toArray()) {
            for (const QString &name : requirement.toObject().keys()) {
                if (!schemes.contains(name))
                    fail(QStringLiteral("%1 names an undefined security scheme '%2'").arg(where, name));
            }
        }
    }

    void checkPathItem(const QString &path, const QJsonObject &item, const QJsonObject &schemes)
    {
        static const QSet<QString> methods{QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"),
                                           QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"),
                                           QStringLiteral("patch"), QStringLiteral("trace")};
        static const QSet<QString> other{QStringLiteral("summary"), QStringLiteral("description"),
                                         QStringLiteral("parameters"), QStringLiteral("servers"), QStringLiteral("$ref")};
        if (!path.startsWith(QLatin1Char('/')))
            fail(path + QStringLiteral(": a path must start with /"));
        QSet<QString> templated;
        const QRegularExpression braces(QStringLiteral("\\{([^}/]+)\\}"));
        for (auto m = braces.globalMatch(path); m.hasNext();)
            templated.insert(m.next().captured(1));
        for (auto it = item.begin(); it != item.end(); ++it) {
            const QString where = path + QLatin1Char(' ') + it.key();
            if (other.contains(it.key()))
                continue;
            if (!methods.contains(it.key())) {
                fail(where + QStringLiteral(": not an HTTP method or path item field"));
                continue;
            }
            const QJsonObject op = it.value().toObject();
            if (op.value(QLatin1String("summary")).toString().isEmpty())
                fail(where + QStringLiteral(": no summary"));
            checkSecurity(op.value(QLatin1String("security")), schemes, where + QStringLiteral(" security"));
            const QJsonObject responses = op.value(QLatin1String("responses")).toObject();
            if (responses.isEmpty())
                fail(where + QStringLiteral(": an operation needs at least one response"));
            for (auto r = responses.begin(); r != responses.end(); ++r) {
                if (!QRegularExpression(QStringLiteral("^([1-5](\\d\\d|XX)|default)$")).match(r.key()).hasMatch())
                    fail(where + QStringLiteral(": response key '%1' is not a status code").arg(r.key()));
                const QJsonObject response = deref(r.value().toObject());
                if (!response.value(QLatin1String("description")).isString())
                    fail(where + QStringLiteral(" %1: a response needs a description").arg(r.key()));
                checkContent(response.value(QLatin1String("content")), where + QLatin1Char(' ') + r.key());
            }
            if (op.contains(QLatin1String("requestBody"))) {
                const QJsonObject body = deref(op.value(QLatin1String("requestBody")).toObject());
                if (body.value(QLatin1String("content")).toObject().isEmpty())
                    fail(where + QStringLiteral(": a requestBody needs content"));
                checkContent(body.value(QLatin1String("content")), where + QStringLiteral(" requestBody"));
            }
            QSet<QString> declared;
            QJsonArray parameters = op.value(QLatin1String("parameters")).toArray();
            for (const QJsonValue &p : item.value(QLatin1String("parameters")).toArray()) // the path item's apply too
                parameters.append(p);
            for (const QJsonValue &p : std::as_const(parameters)) {
                const QJsonObject parameter = deref(p.toObject());
                const QString in = parameter.value(QLatin1String("in")).toString();
                if (!QSet<QString>{QStringLiteral("path"), QStringLiteral("query"), QStringLiteral("header"), QStringLiteral("cookie")}.contains(in))
                    fail(where + QStringLiteral(": parameter 'in' must be path, query, header or cookie"));
                if (parameter.value(QLatin1String("name")).toString().isEmpty())
                    fail(where + QStringLiteral(": a parameter needs a name"));
                if (in == QLatin1String("path")) {
                    if (!parameter.value(QLatin1String("required")).toBool())
                        fail(where + QStringLiteral(": path parameters must be required"));
                    declared.insert(parameter.value(QLatin1String("name")).toString());
                }
                checkSchema(parameter.value(QLatin1String("schema")), where + QStringLiteral(" parameter"));
            }
            if (declared != templated)
                fail(where + QStringLiteral(": path parameters declared (%1) differ from the template's (%2)")
                                 .arg(QStringList(declared.begin(), declared.end()).join(QLatin1Char(',')),
                                      QStringList(templated.begin(), templated.end()).join(QLatin1Char(','))));
        }
    }

    void checkContent(const QJsonValue &content, const QString &where)
    {
        const QJsonObject media = content.toObject();
        for (auto it = media.begin(); it != media.end(); ++it)
            checkSchema(it.value().toObject().value(QLatin1String("schema")), where + QLatin1Char(' ') + it.key());
    }

    // OpenAPI 3.0's Schema Object: a subset of JSON Schema plus its own keywords. 3.1-only words (const,
    // examples, $defs, type arrays...) are mistakes in a 3.0 document that strict tools reject.
    void checkSchema(const QJsonValue &value, const QString &where)
    {
        if (value.isUndefined())
            return;
        if (!value.isObject()) {
            fail(where + QStringLiteral(": a schema must be an object"));
            return;
        }
        static const QSet<QString> keywords{
            QStringLiteral("title"), QStringLiteral("multipleOf"), QStringLiteral("maximum"), QStringLiteral("exclusiveMaximum"),
            QStringLiteral("minimum"), QStringLiteral("exclusiveMinimum"), QStringLiteral("maxLength"), QStringLiteral("minLength"),
            QStringLiteral("pattern"), QStringLiteral("maxItems"), QStringLiteral("minItems"), QStringLiteral("uniqueItems"),
            QStringLiteral("maxProperties"), QStringLiteral("minProperties"), QStringLiteral("required"), QStringLiteral("enum"),
            QStringLiteral("type"), QStringLiteral("allOf"), QStringLiteral("oneOf"), QStringLiteral("anyOf"), QStringLiteral("not"),
            QStringLiteral("items"), QStringLiteral("properties"), QStringLiteral("additionalProperties"), QStringLiteral("description"),
            QStringLiteral("format"), QStringLiteral("default"), QStringLiteral("nullable"), QStringLiteral("discriminator"),
            QStringLiteral("readOnly"), QStringLiteral("writeOnly"), QStringLiteral("xml"), QStringLiteral("externalDocs"),
            QStringLiteral("example"), QStringLiteral("deprecated"), QStringLiteral("$ref")};
        static const QSet<QString> types{QStringLiteral("string"), QStringLiteral("number"), QStringLiteral("integer"),
                                         QStringLiteral("boolean"), QStringLiteral("array"), QStringLiteral("object")};
        const QJsonObject schema = value.toObject();
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            if (!keywords.contains(it.key()) && !it.key().startsWith(QLatin1String("x-")))
                fail(QStringLiteral("%1: '%2' is not an OpenAPI 3.0 schema keyword").arg(where, it.key()));
        }
        if (schema.contains(QLatin1String("type")) && !types.contains(schema.value(QLatin1String("type")).toString()))
            fail(where + QStringLiteral(": type must be one of string, number, integer, boolean, array, object"));
        if (schema.value(QLatin1String("type")).toString() == QLatin1String("array") && !schema.contains(QLatin1String("items")))
            fail(where + QStringLiteral(": an array schema needs items"));
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it)
            checkSchema(it.value(), where + QLatin1Char('.') + it.key());
        checkSchema(schema.value(QLatin1String("items")), where + QStringLiteral("[]"));
        checkSchema(schema.value(QLatin1String("not")), where + QStringLiteral(".not"));
        if (schema.value(QLatin1String("additionalProperties")).isObject())
            checkSchema(schema.value(QLatin1String("additionalProperties")), where + QStringLiteral(".additionalProperties"));
        for (const char *combinator : {"allOf", "oneOf", "anyOf"}) {
            const QJsonArray parts = schema.value(QLatin1String(combinator)).toArray();
            for (qsizetype i = 0; i < parts.size(); ++i)
                checkSchema(parts.at(i), where + QStringLiteral(".%1[%2]").arg(QLatin1String(combinator)).arg(i));
        }
    }

    QJsonObject m_doc;
    QStringList m_problems;
};

// "GET /v1/models/{id}" for each operation of the document.
QSet<QString> documented(const QJsonObject &spec)
{
    QSet<QString> out;
    const QJsonObject paths = spec.value(QLatin1String("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        for (const QString &key : it.value().toObject().keys()) {
            if (key != QLatin1String("parameters") && key != QLatin1String("summary") && key != QLatin1String("description"))
                out.insert(key.toUpper() + QLatin1Char(' ') + it.key());
        }
    }
    return out;
}

QString listed(const QSet<QString> &set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list.join(QStringLiteral(", "));
}

} // namespace

class TestOpenApi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void validatorCatchesMistakes_data();
    void validatorCatchesMistakes();
    void documentIsValidOpenApi3();
    void documentListsEveryRegisteredRouteAndNothingElse();
    void everyDocumentedRouteAnswers();
    void docsPageShowsEveryOperation();
    void docsAndSpecNeedNoToken();

private:
    QJsonObject fetchSpec();

    std::unique_ptr<FakeUpstream> m_upstream;
    std::unique_ptr<GatewayFixture> m_fx;
};

void TestOpenApi::init()
{
    m_upstream = std::make_unique<FakeUpstream>();
    QVERIFY(m_upstream->start());
    m_fx = std::make_unique<GatewayFixture>();
    Config config;
    config.providers << GatewayFixture::provider(QStringLiteral("up"), m_upstream->baseUrl(), QStringLiteral("pro-model"),
                                                 QStringLiteral("m"));
    QVERIFY(m_fx->start(config));
}

QJsonObject TestOpenApi::fetchSpec()
{
    const auto r = TestHttp::get(m_fx->url(QStringLiteral("/openapi.json")));
    if (r.status != 200)
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

void TestOpenApi::validatorCatchesMistakes_data()
{
    // A minimal valid document, then one mistake at a time: the validator must see each.
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QString>("expected"); // a fragment of the problem reported; empty: none
    const QByteArray ok = R"({"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a/{id}":{"get":{"summary":"s",
        "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
        "responses":{"200":{"description":"d","content":{"application/json":{"schema":{"$ref":"#/components/schemas/A"}}}}}}}},
        "components":{"schemas":{"A":{"type":"object","properties":{"x":{"type":"string","nullable":true}}}}}})";
    QTest::newRow("valid") << ok << QString();
    QTest::newRow("3.1") << QByteArray(ok).replace("3.0.3", "3.1.0") << QStringLiteral("openapi must be");
    QTest::newRow("no title") << QByteArray(ok).replace(R"("title":"t")", R"("title":"")") << QStringLiteral("info.title");
    QTest::newRow("no responses") << QByteArray(ok).replace(R"("responses":{"200")", R"("responses":{},"x":{"200")")
                                  << QStringLiteral("at least one response");
    QTest::newRow("dangling ref") << QByteArray(ok).replace("schemas/A\"", "schemas/B\"") << QStringLiteral("does not resolve");
    QTest::newRow("const is 3.1") << QByteArray(ok).replace(R"("nullable":true)", R"("const":"x")")
                                  << QStringLiteral("'const' is not an OpenAPI 3.0");
    QTest::newRow("undeclared path parameter") << QByteArray(ok).replace(R"("name":"id")", R"("name":"other")")
                                               << QStringLiteral("path parameters declared");
    QTest::newRow("bad status key") << QByteArray(ok).replace(R"("200":{"description")", R"("ok":{"description")")
                                    << QStringLiteral("not a status code");
    QTest::newRow("not a method") << QByteArray(ok).replace(R"("get":{"summary")", R"("fetch":{"summary")")
                                  << QStringLiteral("not an HTTP method");
}

void TestOpenApi::validatorCatchesMistakes()
{
    QFETCH(QByteArray, doc);
    QFETCH(QString, expected);
    QJsonParseError error;
    const QJsonObject parsed = QJsonDocument::fromJson(doc, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QStringList problems = OpenApiValidator(parsed).problems();
    if (expected.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    } else {
        QVERIFY2(problems.join(QLatin1Char('\n')).contains(expected), qPrintable(problems.join(QLatin1Char('\n'))));
    }
}

void TestOpenApi::documentIsValidOpenApi3()
{
    const QJsonObject spec = fetchSpec();
    QVERIFY(!spec.isEmpty());
    const QStringList problems = OpenApiValidator(spec).problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestOpenApi::documentListsEveryRegisteredRouteAndNothingElse()
{
    QSet<QString> registered;
    for (const RouteTable::Route &route : m_fx->gateway()->api()->routes().routes()) {
        // RouteTable's "{id...}" (the rest of the path) is OpenAPI's "{id}".
        const QString path = QString(route.pattern).replace(QStringLiteral("...}"), QStringLiteral("}"));
        registered.insert(QString::fromLatin1(route.method) + QLatin1Char(' ') + path);
    }
    QVERIFY(registered.contains(QStringLiteral("POST /api/v1/chain"))); // the gateway's own features are in the table
    const QSet<QString> described = documented(fetchSpec());
    QVERIFY2(registered - described == QSet<QString>(),
             qPrintable(QStringLiteral("registered but not in openapi.json: ") + listed(registered - described)));
    QVERIFY2(described - registered == QSet<QString>(),
             qPrintable(QStringLiteral("in openapi.json but not registered: ") + listed(described - registered)));
}

void TestOpenApi::everyDocumentedRouteAnswers()
{
    // What the document promises exists: nothing it lists answers 405, or 404 for want of a route (a 404 about the
    // resource, such as a task id nobody made, is the route answering).
    const QJsonObject paths = fetchSpec().value(QLatin1String("paths")).toObject();
    QVERIFY(!paths.isEmpty());
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QString concrete = QString(it.key()).replace(QStringLiteral("{id}"), QStringLiteral("pro-model"));
        for (const QString &method : it.value().toObject().keys()) {
            const auto answer = TestHttp::send(method.toUpper().toLatin1(), m_fx->url(concrete), "{}", {}, 10'000);
            const QString code = QJsonDocument::fromJson(answer.body).object().value(QLatin1String("error")).toObject()
                                     .value(QLatin1String("code")).toString();
            QVERIFY2(answer.status != 0 && answer.status != 405 && !(answer.status == 404 && code == QLatin1String("unknown_url")),
                     qPrintable(QStringLiteral("%1 %2 → %3").arg(method, concrete).arg(answer.status)));
        }
    }
}

void TestOpenApi::docsPageShowsEveryOperation()
{
    const auto r = TestHttp::get(m_fx->url(QStringLiteral("/docs")));
    QCOMPARE(r.status, 200);
    QVERIFY(r.headers.value("content-type").startsWith("text/html"));
    const QString html = QString::fromUtf8(r.body);
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    const QJsonObject spec = fetchSpec();
    const QJsonObject paths = spec.value(QLatin1String("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        QVERIFY2(html.contains(QStringLiteral("<code>%1</code>").arg(it.key().toHtmlEscaped())), qPrintable(it.key()));
        const QJsonObject item = it.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            const QString summary = op.value().toObject().value(QLatin1String("summary")).toString();
            QVERIFY2(html.contains(summary.toHtmlEscaped()), qPrintable(summary));
            QVERIFY2(html.contains(QStringLiteral("id=\u0022%1-").arg(op.key())), qPrintable(op.key() + it.key()));
        }
    }
    // Operations are grouped under the document's tags, in its order.
    const qsizetype openAi = html.indexOf(QStringLiteral("<h2>OpenAI</h2>"));
    const qsizetype rest = html.indexOf(QStringLiteral("<h2>clinvk REST</h2>"));
    QVERIFY(openAi > 0 && rest > openAi);
    QVERIFY(html.indexOf(QStringLiteral("<code>/api/v1/chain</code>")) > rest);
    // Request and response examples are on the page: the prompt example's body, and a result's fields.
    QVERIFY(html.contains(QStringLiteral("Explain async/await in one sentence.")));
    QVERIFY(html.contains(QStringLiteral("&quot;latency_ms&quot;")));
    // Self-contained: nothing fetched from elsewhere, no script needed.
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(!html.contains(QStringLiteral("src=")));
    QVERIFY(!html.contains(QStringLiteral("<link")));
}

void TestOpenApi::docsAndSpecNeedNoToken()
{
    Config config;
    config.gateway.accessTokens << AccessToken{QStringLiteral("t"), AccessControl::hashToken("secret")};
    GatewayFixture withTokens;
    QVERIFY(withTokens.start(config));
    QCOMPARE(TestHttp::get(withTokens.url(QStringLiteral("/docs"))).status, 200);
    QCOMPARE(TestHttp::get(withTokens.url(QStringLiteral("/openapi.json"))).status, 200);
    QCOMPARE(TestHttp::get(withTokens.url(QStringLiteral("/v1/models"))).status, 401);
    // What the document says about access matches what the routes do.
    const QJsonObject paths = QJsonDocument::fromJson(TestHttp::get(withTokens.url(QStringLiteral("/openapi.json"))).body)
                                  .object()
                                  .value(QLatin1String("paths"))
                                  .toObject();
    for (const RouteTable::Route &route : withTokens.gateway()->api()->routes().routes()) {
        // /ws is documented for its WebSocket upgrade, which HttpServerCompat takes before routing and which a
        // node's Client-Token authorises; only a plain GET reaches the (token) route.
        if (route.pattern == QLatin1String("/ws"))
            continue;
        const QString path = QString(route.pattern).replace(QStringLiteral("...}"), QStringLiteral("}"));
        const QJsonObject op = paths.value(path).toObject().value(QString::fromLatin1(route.method).toLower()).toObject();
        const bool documentedOpen = op.contains(QLatin1String("security")) && op.value(QLatin1String("security")).toArray().isEmpty();
        QVERIFY2(documentedOpen == (route.access == RouteTable::Access::Open), qPrintable(path));
    }
}

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
