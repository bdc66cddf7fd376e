// SseParser: events must not depend on where the bytes were split.
#include "fuzzsplit.h"
#include "server/sseparser.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzSplit split = fuzzSplit(data, size);

    SseParser pieces;
    QList<SseParser::Event> got;
    for (const QByteArray &piece : split.pieces)
        got += pieces.feed(piece);

    SseParser whole;
    const QList<SseParser::Event> expected = whole.feed(split.payload);
    if (got.size() != expected.size() || pieces.buffered() != whole.buffered())
        abort();
    for (qsizetype i = 0; i < got.size(); ++i) {
        if (got.at(i).event != expected.at(i).event || got.at(i).data != expected.at(i).data)
            abort();
    }
    return 0;
}
