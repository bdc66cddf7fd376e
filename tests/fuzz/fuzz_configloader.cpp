// ConfigLoader::loadString on any YAML: a config or an error, never a crash.
#include "config/configloader.h"
#include "providers/registry.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QStringList types = ProviderRegistry::types();
    const QByteArray yaml(reinterpret_cast<const char *>(data), qsizetype(size));
    const ConfigResult result = ConfigLoader::loadString(yaml, QStringLiteral("config.yaml"), types);
    // Either the whole file is valid or nothing is returned, with a reason.
    if (!result.config && result.error.isEmpty())
        abort();
    return 0;
}
