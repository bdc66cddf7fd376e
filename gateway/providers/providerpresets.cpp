#include "providerpresets.h"

#include "adapter.h"
#include "registry.h"

#include <QCoreApplication>
#include <QUrl>

namespace {

QList<ProviderPreset> makePresets()
{
    auto s = [](const char *text) { return QString::fromLatin1(text); };
    // Base URLs for claude and gemini are the adapters' defaults (the adapters append /messages,
    // /models/...). Suggested models are named as the provider's models endpoint lists them, so that "Test
    // connection" finds them there.
    return {
        { s("openai"), QT_TRANSLATE_NOOP("ProviderPresets", "OpenAI"), s("openai"),
            s("https://api.openai.com/v1"), true, s("https://platform.openai.com/api-keys"),
            { s("gpt-4o"), s("gpt-4o-mini"), s("gpt-4.1-mini") } },
        { s("anthropic"), QT_TRANSLATE_NOOP("ProviderPresets", "Anthropic"), s("claude"),
            s("https://api.anthropic.com/v1"), true, s("https://console.anthropic.com/settings/keys"),
            { s("claude-sonnet-4-20250514"), s("claude-opus-4-20250514"), s("claude-3-5-haiku-20241022") } },
        { s("gemini"), QT_TRANSLATE_NOOP("ProviderPresets", "Google Gemini"), s("gemini"),
            s("https://generativelanguage.googleapis.com/v1beta"), true,
            s("https://aistudio.google.com/app/apikey"),
            { s("gemini-2.5-flash"), s("gemini-2.5-pro"), s("gemini-2.0-flash") } },
        { s("deepseek"), QT_TRANSLATE_NOOP("ProviderPresets", "DeepSeek"), s("openai"),
            s("https://api.deepseek.com/v1"), true, s("https://platform.deepseek.com/api_keys"),
            { s("deepseek-chat"), s("deepseek-reasoner") } },
        { s("qwen"), QT_TRANSLATE_NOOP("ProviderPresets", "Qwen (Alibaba Cloud DashScope)"), s("openai"),
            s("https://dashscope.aliyuncs.com/compatible-mode/v1"), true,
            s("https://bailian.console.aliyun.com/?apiKey=1"),
            { s("qwen-plus"), s("qwen-max"), s("qwen-turbo") } },
        { s("moonshot"), QT_TRANSLATE_NOOP("ProviderPresets", "Moonshot AI (Kimi)"), s("openai"),
            s("https://api.moonshot.cn/v1"), true, s("https://platform.moonshot.cn/console/api-keys"),
            { s("moonshot-v1-8k"), s("moonshot-v1-32k"), s("moonshot-v1-128k") } },
        { s("zhipu"), QT_TRANSLATE_NOOP("ProviderPresets", "Zhipu GLM"), s("openai"),
            s("https://open.bigmodel.cn/api/paas/v4"), true,
            s("https://bigmodel.cn/usercenter/proj-mgmt/apikeys"),
            { s("glm-4-plus"), s("glm-4-air"), s("glm-4-flash") } },
        { s("openrouter"), QT_TRANSLATE_NOOP("ProviderPresets", "OpenRouter"), s("openai"),
            s("https://openrouter.ai/api/v1"), true, s("https://openrouter.ai/settings/keys"),
            { s("openai/gpt-4o-mini"), s("anthropic/claude-sonnet-4"), s("deepseek/deepseek-chat") } },
        { s("ollama"), QT_TRANSLATE_NOOP("ProviderPresets", "Ollama (this computer)"), s("openai"),
            s("http://127.0.0.1:11434/v1"), false, s("https://ollama.com/download"),
            { s("llama3.2"), s("qwen2.5") } },
        // LM Studio serves whatever the user has loaded, so only "Test connection" can know the names.
        { s("lmstudio"), QT_TRANSLATE_NOOP("ProviderPresets", "LM Studio (this computer)"), s("openai"),
            s("http://127.0.0.1:1234/v1"), false, s("https://lmstudio.ai/download"), {} },
        { s("custom"), QT_TRANSLATE_NOOP("ProviderPresets", "Custom (OpenAI-compatible)"), s("openai"),
            QString(), false, QString(), {} },
    };
}

// Same address for a person: scheme and host without case, no trailing slash.
QString normalized(const QString &url)
{
    QUrl u(url.trimmed());
    u.setScheme(u.scheme().toLower());
    u.setHost(u.host().toLower());
    QString text = u.toString();
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text;
}

} // namespace

QString ProviderPreset::label() const
{
    return QCoreApplication::translate("ProviderPresets", displayName);
}

const QList<ProviderPreset> &ProviderPresets::all()
{
    static const QList<ProviderPreset> presets = makePresets();
    return presets;
}

const ProviderPreset *ProviderPresets::byId(const QString &id)
{
    for (const ProviderPreset &p : all()) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const ProviderPreset *ProviderPresets::matching(const QString &type, const QString &baseUrl)
{
    const ProviderAdapter *adapter = ProviderRegistry::adapter(type);
    if (!adapter)
        return nullptr;
    // An empty base URL in the config means the adapter's default.
    const QString wanted = normalized(baseUrl.trimmed().isEmpty() ? adapter->defaultBaseUrl() : baseUrl);
    for (const ProviderPreset &p : all()) {
        if (!p.isCustom() && ProviderRegistry::adapter(p.type) == adapter && normalized(p.baseUrl) == wanted)
            return &p;
    }
    return nullptr;
}

const ProviderPreset &ProviderPresets::custom()
{
    return *byId(QStringLiteral("custom"));
}
