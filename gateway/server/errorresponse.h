#pragma once

#include "core/gatewayerror.h"
#include "providers/adapter.h"

#include <QByteArray>

// Turns the one error type into the bytes a client expects. The only place that knows error wire formats.
namespace ErrorResponse {

// {"error":{"message":...,"type":...,"param":...,"code":...}}
QByteArray openAiBody(const GatewayError &error);
// One SSE event carrying the error, for a stream that already started.
QByteArray openAiStreamEvent(const GatewayError &error);

// {"type":"error","error":{"type":...,"message":...}}
QByteArray anthropicBody(const GatewayError &error);
// event: error, as Anthropic sends it in the middle of a stream.
QByteArray anthropicStreamEvent(const GatewayError &error);

// The body or stream event in the client's own format (Gemini is never a client format: OpenAI's is used).
QByteArray body(WireFormat client, const GatewayError &error);
QByteArray streamEvent(WireFormat client, const GatewayError &error);

// An error a provider answered with, as the gateway's own error of the same status and message.
GatewayError fromUpstreamStatus(int status, const QString &message);

} // namespace ErrorResponse
