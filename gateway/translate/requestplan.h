#pragma once

#include "providers/adapter.h"

#include <QJsonObject>
#include <optional>

// A client's chat request as the relay holds it: in the client's own format, and as OpenAI (the pivot)
// when a provider of another format may need it.
struct ClientRequest final {
    WireFormat format = WireFormat::OpenAi;
    ApiKind kind = ApiKind::ChatCompletions;
    QJsonObject body;   // as the client sent it
    QByteArray json;    // the bytes `body` was parsed from, when there are such; relayed as they are but for the model
    QJsonObject pivot;  // the same in OpenAI's format (== body for OpenAI clients)
    bool stream = false;
};

namespace RequestPlan {

// The body for one attempt on a provider, in its format, naming its model. Same-format traffic keeps the
// client's JSON untouched but for the model (and "stream" when the provider cannot stream).
std::optional<QByteArray> bodyFor(const ClientRequest &request, const ProviderAdapter &adapter,
                                  const QString &localModel, bool upstreamStream, QString *error);

// An images request as a chat call with its prompt as the user's message, for providers that serve image
// models on /chat/completions (ProviderConfig::imagesViaChat). Only the prompt carries over: such models take
// no size or count.
ClientRequest imageRequestAsChat(const ClientRequest &images);

} // namespace RequestPlan
