#include "registry.h"

#include "anthropicadapter.h"
#include "geminiadapter.h"
#include "openaiadapter.h"

namespace {

struct Entry {
    const char *name;
    const ProviderAdapter *adapter;
};

const OpenAiAdapter openAi;
const AnthropicAdapter anthropic;
const GeminiAdapter gemini;

const Entry entries[] = {
    {"openai", &openAi},
    {"claude", &anthropic},
    {"anthropic", &anthropic},
    {"gemini", &gemini},
};

} // namespace

const ProviderAdapter *ProviderRegistry::adapter(const QString &type)
{
    for (const Entry &e : entries) {
        if (type == QLatin1String(e.name))
            return e.adapter;
    }
    return nullptr;
}

QStringList ProviderRegistry::types()
{
    QStringList names;
    for (const Entry &e : entries)
        names << QString::fromLatin1(e.name);
    return names;
}
