// HttpResponseParser (status line, headers, Content-Length, chunked, until-close): any split of any bytes,
// and the same head and body whatever the split.
#include "fuzzsplit.h"
#include "upstream/httpresponseparser.h"

#include <cstdlib>

namespace {

struct Outcome {
    HttpResponseParser::State state;
    int status;
    HeaderList headers;
    QByteArray body;
    bool keepAlive;
};

Outcome run(const QList<QByteArray> &pieces, bool noBody, bool close)
{
    HttpResponseParser parser;
    if (noBody)
        parser.expectNoBody();
    QByteArray in;
    QByteArray body;
    for (const QByteArray &piece : pieces) {
        in += piece;
        parser.feed(in, &body);
        // What the parser left unread is either the start of a line it is waiting for or, once done, the
        // next response on the connection; it never exceeds what was fed.
        if (parser.failed())
            break;
    }
    if (close)
        parser.closed();
    (void)parser.header("Content-Type");
    (void)parser.error();
    return {parser.state(), parser.status(), parser.headers(), body, parser.keepAlive()};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const bool noBody = data[0] & 0x40;
    const bool close = data[0] & 0x80;
    const FuzzSplit split = fuzzSplit(data, size);
    const Outcome pieces = run(split.pieces, noBody, close);
    const Outcome whole = run({split.payload}, noBody, close);
    // Line and head limits are counted per feed, so a failure may come earlier or later with other splits;
    // a successful parse must be the same.
    if (pieces.state == HttpResponseParser::State::Done && whole.state == HttpResponseParser::State::Done) {
        if (pieces.status != whole.status || pieces.headers != whole.headers || pieces.body != whole.body
            || pieces.keepAlive != whole.keepAlive)
            abort();
    }
    return 0;
}
