#include "requestplan.h"

#include "translate/jsonscan.h"
#include "translate/translate.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// OpenAI-format body for an OpenAI provider, with streaming as this attempt needs it.
QJsonObject withStreaming(QJsonObject body, bool stream)
{
    if (stream) {
        body.insert(QStringLiteral("stream"), true);
    } else {
        body.remove(QStringLiteral("stream"));
        body.remove(QStringLiteral("stream_options"));
    }
    return body;
}

} // namespace

std::optional<QByteArray> RequestPlan::bodyFor(const ClientRequest &request, const ProviderAdapter &adapter,
                                               const QString &localModel, bool upstreamStream, QString *error)
{
    const QString model = QStringLiteral("model");
    if (request.kind != ApiKind::ChatCompletions || request.format == adapter.format()) {
        const bool streamAsAsked = request.kind != ApiKind::ChatCompletions || upstreamStream == request.stream;
        if (streamAsAsked && !request.json.isEmpty()) {
            // The client's own bytes with the model renamed: no parse, no re-serialisation, numbers as written.
            if (auto renamed = JsonScan::withMemberValue(request.json, "model", JsonScan::quoted(localModel)))
                return renamed;
        }
        QJsonObject body = request.body;
        body.insert(model, localModel);
        if (request.kind == ApiKind::ChatCompletions && upstreamStream != request.stream)
            body = withStreaming(body, upstreamStream);
        return compact(body);
    }
    QJsonObject pivot = withStreaming(request.pivot, upstreamStream);
    pivot.insert(model, localModel);
    switch (adapter.format()) {
    case WireFormat::OpenAi:
        return compact(pivot);
    case WireFormat::Anthropic:
        if (const auto body = Translate::openAiRequestToAnthropic(pivot, error))
            return compact(*body);
        return std::nullopt;
    case WireFormat::Gemini:
        if (const auto body = Translate::openAiRequestToGemini(pivot, error))
            return compact(*body);
        return std::nullopt;
    }
    return std::nullopt;
}

ClientRequest RequestPlan::imageRequestAsChat(const ClientRequest &images)
{
    ClientRequest chat;
    chat.format = WireFormat::OpenAi;
    chat.kind = ApiKind::ChatCompletions;
    chat.body = QJsonObject{
        {QStringLiteral("model"), images.body.value(QLatin1String("model"))},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), images.body.value(QLatin1String("prompt"))}}}},
    };
    chat.pivot = chat.body;
    return chat;
}
