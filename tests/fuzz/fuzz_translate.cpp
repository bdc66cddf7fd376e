// The format translations (gateway/translate): requests OpenAI <-> Anthropic -> Gemini, whole responses of
// each provider to each client, and streams through ResponseShaper, fed in arbitrary splits.
#include "fuzzsplit.h"
#include "core/gatewayerror.h"
#include "providers/registry.h"
#include "translate/requestplan.h"
#include "translate/responseshaper.h"
#include "translate/streamtranslate.h"
#include "translate/translate.h"

#include <QJsonDocument>

namespace {

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// A client request in either client format, translated to each provider's format as the relay would.
void requests(const QJsonObject &body, bool anthropicClient, bool stream)
{
    QString error;
    (void)Translate::estimateInputTokens(body);
    ClientRequest client;
    client.format = anthropicClient ? WireFormat::Anthropic : WireFormat::OpenAi;
    client.body = body;
    client.stream = stream;
    if (anthropicClient) {
        const std::optional<QJsonObject> pivot = Translate::anthropicRequestToOpenAi(body, &error);
        if (!pivot)
            return;
        client.pivot = *pivot;
    } else {
        client.pivot = body;
    }
    (void)Translate::openAiRequestToAnthropic(client.pivot, &error);
    (void)Translate::openAiRequestToGemini(client.pivot, &error);
    for (const char *type : {"openai", "claude", "gemini"}) {
        const ProviderAdapter *adapter = ProviderRegistry::adapter(QLatin1String(type));
        for (bool upstreamStream : {false, true})
            (void)RequestPlan::bodyFor(client, *adapter, QStringLiteral("model-x"), upstreamStream, &error);
    }
}

// A provider's answer (whole or streamed) shaped for a client, bytes split as the fuzzer chose.
void response(const QList<QByteArray> &pieces, const QByteArray &whole, unsigned selector)
{
    static const char *const providers[] = {"openai", "claude", "gemini"};
    const ProviderAdapter *provider = ProviderRegistry::adapter(QLatin1String(providers[selector % 3]));
    ClientRequest client;
    client.format = selector & 8 ? WireFormat::Anthropic : WireFormat::OpenAi;
    client.stream = selector & 16;
    if (selector & 32)
        client.body = QJsonObject{{QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}}};
    const bool upstreamStream = selector & 64;

    ResponseShaper shaper(client, provider, upstreamStream, QStringLiteral("model-x"));
    (void)shaper.contentType("text/event-stream");
    for (const QByteArray &piece : pieces)
        (void)shaper.feed(piece);
    GatewayError error;
    (void)shaper.finish(&error);
    (void)shaper.usage();

    // The whole-answer converters and the usage readers directly, on the same JSON.
    const QJsonObject json = object(whole);
    (void)Translate::anthropicResponseToOpenAi(json);
    (void)Translate::geminiResponseToOpenAi(json, QStringLiteral("model-x"));
    (void)Translate::openAiResponseToAnthropic(json);
    (void)Translate::responseToChunks(json);
    (void)Translate::anthropicStopReasonToFinish(json.value(QLatin1String("stop_reason")).toString());
    (void)provider->usageOf(json);
    (void)provider->errorMessageOf(whole);
}

} // namespace

// Input: one selector byte, then the split header and payload of fuzzsplit.h. Selector bit 7 picks a request
// (payload is the client's JSON body; bit 0: Anthropic client, bit 1: stream) or a response (bits 0-6 pick the
// provider, the client's format, streaming on each side and include_usage).
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const unsigned selector = data[0];
    const FuzzSplit split = fuzzSplit(data + 1, size - 1);
    if (selector & 128)
        requests(object(split.payload), selector & 1, selector & 2);
    else
        response(split.pieces, split.payload, selector & 127);
    return 0;
}
