#pragma once

#include <QJsonObject>

class Router;

// GET /api/v1/backends: every model, and for each the providers and Co-Link nodes that serve it with their
// health, so a client can see why a model fails before sending it a prompt.
namespace BackendsReport {

QJsonObject build(const Router &router, qint64 nowWallMs);

} // namespace BackendsReport
