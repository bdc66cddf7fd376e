#pragma once

#include "core/gatewayerror.h"

#include <QByteArray>

// Turns the one error type into the bytes a client expects. The only place that knows error wire formats.
namespace ErrorResponse {

// {"error":{"message":...,"type":...,"param":...,"code":...}}
QByteArray openAiBody(const GatewayError &error);
// One SSE event carrying the error, for a stream that already started.
QByteArray openAiStreamEvent(const GatewayError &error);

} // namespace ErrorResponse
