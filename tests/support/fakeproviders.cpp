#include "fakeproviders.h"

#include "gatewayfixture.h"

namespace {

FakeUpstream::Behavior speaking(Dialect dialect)
{
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Speak;
    b.dialect = dialect;
    b.intervalMs = 2;
    return b;
}

} // namespace

bool FakeProviders::start(bool geminiStreams)
{
    openAi.setBehavior(speaking(Dialect::OpenAi));
    anthropic.setBehavior(speaking(Dialect::Anthropic));
    gemini.setBehavior(speaking(Dialect::Gemini));
    if (!openAi.start() || !anthropic.start() || !gemini.start())
        return false;
    ProviderConfig o = GatewayFixture::provider(QStringLiteral("oa"), openAi.baseUrl(), QStringLiteral("m-openai"),
                                                QStringLiteral("gpt-local"));
    ProviderConfig a = GatewayFixture::provider(QStringLiteral("an"), anthropic.baseUrl(), QStringLiteral("m-anthropic"),
                                                QStringLiteral("claude-local"));
    a.type = QStringLiteral("claude");
    ProviderConfig g = GatewayFixture::provider(QStringLiteral("ge"),
                                                QStringLiteral("http://127.0.0.1:%1/v1beta").arg(gemini.port()),
                                                QStringLiteral("m-gemini"), QStringLiteral("gemini-local"));
    g.type = QStringLiteral("gemini");
    g.streaming = geminiStreams;
    providers = {o, a, g};
    return true;
}

FakeUpstream &FakeProviders::byModel(const QString &model)
{
    return model == QLatin1String("m-openai") ? openAi : model == QLatin1String("m-anthropic") ? anthropic : gemini;
}
