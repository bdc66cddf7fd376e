#pragma once

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

// The first byte of a fuzz input says how many split points follow (0-7), each one byte giving the length of
// the next piece; the rest is the payload, cut into those pieces and a final one with what remains. So the
// fuzzer explores where the network splits a stream as well as what the stream says.
struct FuzzSplit final {
    QList<QByteArray> pieces;
    QByteArray payload;
};

inline FuzzSplit fuzzSplit(const uint8_t *data, size_t size)
{
    FuzzSplit split;
    if (size == 0)
        return split;
    const size_t cuts = qMin<size_t>(data[0] & 7, size - 1);
    const uint8_t *lengths = data + 1;
    const char *rest = reinterpret_cast<const char *>(data + 1 + cuts);
    size_t left = size - 1 - cuts;
    split.payload = QByteArray(rest, qsizetype(left));
    for (size_t i = 0; i < cuts; ++i) {
        const size_t n = qMin<size_t>(lengths[i], left);
        split.pieces.append(QByteArray(rest, qsizetype(n)));
        rest += n;
        left -= n;
    }
    split.pieces.append(QByteArray(rest, qsizetype(left)));
    return split;
}
