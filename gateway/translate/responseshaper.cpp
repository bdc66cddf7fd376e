#include "responseshaper.h"

#include "translate/jsonscan.h"
#include "translate/openaichunks.h"
#include "translate/streamtranslate.h"
#include "translate/translate.h"

#include <QJsonDocument>

namespace {

TokenUsage openAiUsage(const QJsonObject &responseOrChunk)
{
    TokenUsage usage;
    const QJsonObject u = responseOrChunk.value(QLatin1String("usage")).toObject();
    if (u.isEmpty())
        return usage;
    usage.promptTokens = u.value(QLatin1String("prompt_tokens")).toInteger(-1);
    usage.completionTokens = u.value(QLatin1String("completion_tokens")).toInteger(-1);
    usage.cachedTokens =
        u.value(QLatin1String("prompt_tokens_details")).toObject().value(QLatin1String("cached_tokens")).toInteger(-1);
    return usage;
}

// Only the answer's top-level usage members, parsed on their own: parsing a whole answer to read three numbers
// cost more than relaying it. Any provider's usage member will do; the adapter picks its own.
QJsonObject usageMembers(const QByteArray &answer)
{
    const std::optional<JsonScan::Members> members = JsonScan::topLevelMembers(answer);
    if (!members)
        return QJsonDocument::fromJson(answer).object();
    QJsonObject out;
    for (const JsonScan::Member &member : *members) {
        if (member.key != "usage" && member.key != "usageMetadata")
            continue;
        const QByteArray value =
            QByteArray::fromRawData(answer.constData() + member.valueBegin, member.valueEnd - member.valueBegin);
        const QJsonDocument parsed = QJsonDocument::fromJson(value);
        if (parsed.isObject())
            out.insert(QString::fromLatin1(member.key), parsed.object());
    }
    return out;
}

std::unique_ptr<ChunkSource> sourceFor(WireFormat provider, const QString &model)
{
    switch (provider) {
    case WireFormat::OpenAi: return std::make_unique<OpenAiChunkSource>();
    case WireFormat::Anthropic: return std::make_unique<AnthropicChunkSource>(model);
    case WireFormat::Gemini: return std::make_unique<GeminiChunkSource>(model);
    }
    return nullptr;
}

std::unique_ptr<ChunkSink> sinkFor(const ClientRequest &client, const QString &model)
{
    if (client.format == WireFormat::Anthropic)
        return std::make_unique<AnthropicChunkSink>(model);
    const bool includeUsage = client.body.value(QLatin1String("stream_options"))
                                  .toObject()
                                  .value(QLatin1String("include_usage"))
                                  .toBool();
    return std::make_unique<OpenAiChunkSink>(includeUsage);
}

GatewayError invalidAnswer(const QString &why)
{
    return GatewayError::make(ErrorKind::UpstreamError, QStringLiteral("upstream_invalid_response"), why);
}

} // namespace

ResponseShaper::ResponseShaper(const ClientRequest &client, const ProviderAdapter *provider, bool upstreamStream,
                               const QString &model)
    : m_client(client.format), m_clientStream(client.stream), m_provider(provider), m_model(model)
{
    const bool clientStream = client.stream;
    const bool sameFormat = client.format == provider->format();
    if (sameFormat && clientStream == upstreamStream)
        m_mode = Mode::Passthrough;
    else if (clientStream && upstreamStream)
        m_mode = Mode::TranslateStream;
    else if (clientStream)
        m_mode = Mode::WholeAsStream;
    else
        m_mode = Mode::TranslateWhole;
    if (m_mode == Mode::TranslateStream)
        m_source = sourceFor(provider->format(), model);
    if (m_mode == Mode::TranslateStream || m_mode == Mode::WholeAsStream)
        m_sink = sinkFor(client, model);
}

ResponseShaper::~ResponseShaper() = default;

QByteArray ResponseShaper::contentType(const QByteArray &upstreamType) const
{
    if (m_mode == Mode::Passthrough && !upstreamType.isEmpty())
        return upstreamType;
    return m_clientStream ? QByteArrayLiteral("text/event-stream") : QByteArrayLiteral("application/json");
}

void ResponseShaper::noteUsage(const TokenUsage &usage)
{
    // Anthropic splits usage over message_start (input) and message_delta (output): keep what each says.
    if (usage.promptTokens >= 0)
        m_usage.promptTokens = usage.promptTokens;
    if (usage.completionTokens >= 0)
        m_usage.completionTokens = usage.completionTokens;
    if (usage.cachedTokens >= 0)
        m_usage.cachedTokens = usage.cachedTokens;
}

void ResponseShaper::noteChunkUsage(const QJsonObject &chunk)
{
    if (chunk.contains(QLatin1String("usage")))
        noteUsage(openAiUsage(chunk));
}

QByteArray ResponseShaper::sinkChunks(const QList<QJsonObject> &chunks)
{
    QByteArray out;
    for (const QJsonObject &chunk : chunks) {
        noteChunkUsage(chunk);
        out += m_sink->onChunk(chunk);
    }
    return out;
}

QByteArray ResponseShaper::feed(const QByteArray &bytes)
{
    switch (m_mode) {
    case Mode::Passthrough:
        if (m_clientStream) {
            for (const SseParser::Event &event : m_sse.feed(bytes)) {
                // Only events carrying usage are worth parsing.
                if (event.data.contains("\"usage") || event.data.contains("\"usageMetadata"))
                    noteUsage(m_provider->usageOf(QJsonDocument::fromJson(event.data).object()));
            }
        } else if (m_whole.size() + bytes.size() <= maxUsageCopyBytes) {
            m_whole += bytes;
        } else {
            m_usageCopyTruncated = true;
        }
        return bytes;
    case Mode::TranslateStream: {
        QByteArray out;
        for (const SseParser::Event &event : m_sse.feed(bytes))
            out += sinkChunks(m_source->onEvent(event));
        return out;
    }
    case Mode::TranslateWhole:
    case Mode::WholeAsStream:
        // Past the limit the answer is refused at the end; meanwhile it must not grow without bound.
        if (m_whole.size() <= maxWholeAnswerBytes)
            m_whole += bytes;
        return {};
    }
    return {};
}

std::optional<QJsonObject> ResponseShaper::wholeAsOpenAi(GatewayError *error) const
{
    if (m_whole.size() > maxWholeAnswerBytes) {
        *error = invalidAnswer(QStringLiteral("The provider's answer is larger than %1 bytes.").arg(maxWholeAnswerBytes));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(m_whole, &parseError);
    if (!doc.isObject()) {
        *error = invalidAnswer(QStringLiteral("The provider's answer is not a JSON object (%1).")
                                   .arg(parseError.error == QJsonParseError::NoError ? QStringLiteral("wrong type")
                                                                                     : parseError.errorString()));
        return std::nullopt;
    }
    switch (m_provider->format()) {
    case WireFormat::OpenAi: return doc.object();
    case WireFormat::Anthropic: return Translate::anthropicResponseToOpenAi(doc.object());
    case WireFormat::Gemini: return Translate::geminiResponseToOpenAi(doc.object(), m_model);
    }
    return std::nullopt;
}

std::optional<QByteArray> ResponseShaper::finish(GatewayError *error)
{
    switch (m_mode) {
    case Mode::Passthrough:
        if (!m_clientStream && !m_usageCopyTruncated)
            noteUsage(m_provider->usageOf(usageMembers(m_whole)));
        return QByteArray();
    case Mode::TranslateStream: {
        QByteArray out = sinkChunks(m_source->onEnd());
        if (!m_source->complete()) {
            *error = GatewayError::make(ErrorKind::UpstreamError, QStringLiteral("upstream_interrupted"),
                                        QStringLiteral("The provider closed the stream before finishing its answer."));
            return std::nullopt;
        }
        return out + m_sink->onEnd();
    }
    case Mode::TranslateWhole: {
        const auto openAi = wholeAsOpenAi(error);
        if (!openAi)
            return std::nullopt;
        noteUsage(openAiUsage(*openAi));
        const QJsonObject answer =
            m_client == WireFormat::Anthropic ? Translate::openAiResponseToAnthropic(*openAi) : *openAi;
        return QJsonDocument(answer).toJson(QJsonDocument::Compact);
    }
    case Mode::WholeAsStream: {
        const auto openAi = wholeAsOpenAi(error);
        if (!openAi)
            return std::nullopt;
        QByteArray out = sinkChunks(Translate::responseToChunks(*openAi));
        out += m_sink->onEnd(); // after the chunks: the end events depend on what they opened
        return out;
    }
    }
    return QByteArray();
}
