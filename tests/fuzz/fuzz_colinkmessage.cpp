// Colink::parse on any frame, and what our side builds back from a parsed message parses again the same.
#include "colink/colinkmessage.h"

#include <QJsonDocument>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<Colink::Message> message = Colink::parse(frame);
    if (!message)
        return 0;
    const QString id = message->requestId();
    const QJsonObject data_ = message->data;
    // The node and the hub answer with these: each must parse back to its own type and id.
    const QByteArray replies[] = {
        Colink::stream(id, data_.value(QLatin1String("chunk")).toObject()),
        Colink::call(id, data_.value(QLatin1String("model")).toString(), data_.value(QLatin1String("payload")).toObject()),
        Colink::error(id, data_.value(QLatin1String("code")).toInt(), data_.value(QLatin1String("message")).toString()),
        Colink::finish(id),
        Colink::cancel(id),
    };
    for (const QByteArray &reply : replies) {
        const std::optional<Colink::Message> back = Colink::parse(reply);
        if (!back)
            abort();
        // Lone surrogates cannot survive UTF-8, in Qt as anywhere; any other id must come back as it went.
        if (back->requestId() != id && id == QString::fromUtf8(id.toUtf8()))
            abort();
    }
    return 0;
}
