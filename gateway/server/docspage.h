#pragma once

#include <QByteArray>
#include <QJsonObject>

// GET /docs: the API reference as one self-contained HTML page (no script, no CDN, no web font), rendered
// from the OpenAPI document so the two cannot disagree. Every path and method with its summary, access,
// parameters, request body and responses, each with an example (the document's own, or one made from the
// schema).
namespace DocsPage {

// The OpenAPI document the gateway serves at /openapi.json (a resource compiled into the gateway).
QByteArray specBytes();
QJsonObject spec();

QByteArray render(const QJsonObject &spec);

// An example value for schema: its example, the first of its examples or enum, or one made from its
// properties and type. $refs are resolved against spec.
QJsonValue exampleOf(const QJsonObject &schema, const QJsonObject &spec, int depth = 0);

} // namespace DocsPage
