#include "jsonscan.h"

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype skipSpace(QByteArrayView text, qsizetype i)
{
    while (i < text.size() && isSpace(text[i]))
        ++i;
    return i;
}

// From the opening quote at i to just past the closing one; -1 if unterminated. Notes whether it held an escape.
qsizetype skipString(QByteArrayView text, qsizetype i, bool *escaped)
{
    for (++i; i < text.size(); ++i) {
        if (text[i] == '\\') {
            *escaped = true;
            ++i;
        } else if (text[i] == '"') {
            return i + 1;
        }
    }
    return -1;
}

// From a value's first byte to just past its last; -1 if it does not end.
qsizetype skipValue(QByteArrayView text, qsizetype i)
{
    if (i >= text.size())
        return -1;
    bool escaped = false;
    if (text[i] == '"')
        return skipString(text, i, &escaped);
    if (text[i] == '{' || text[i] == '[') {
        int depth = 0;
        while (i < text.size()) {
            const char c = text[i];
            if (c == '"') {
                i = skipString(text, i, &escaped);
                if (i < 0)
                    return -1;
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return i + 1;
            }
            ++i;
        }
        return -1;
    }
    // A number, true, false or null.
    const qsizetype begin = i;
    while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' && !isSpace(text[i]))
        ++i;
    return i > begin ? i : -1;
}

} // namespace

std::optional<JsonScan::Members> JsonScan::topLevelMembers(QByteArrayView json)
{
    Members members;
    qsizetype i = skipSpace(json, 0);
    if (i >= json.size() || json[i] != '{')
        return std::nullopt;
    i = skipSpace(json, i + 1);
    if (i < json.size() && json[i] == '}')
        return members;
    while (i < json.size() && json[i] == '"') {
        bool escaped = false;
        const qsizetype keyEnd = skipString(json, i, &escaped);
        if (keyEnd < 0 || escaped)
            return std::nullopt;
        const QByteArrayView key = json.sliced(i + 1, keyEnd - i - 2);
        for (const Member &seen : std::as_const(members)) {
            if (seen.key == key)
                return std::nullopt; // parsers differ on which one wins
        }
        i = skipSpace(json, keyEnd);
        if (i >= json.size() || json[i] != ':')
            return std::nullopt;
        i = skipSpace(json, i + 1);
        const qsizetype valueEnd = skipValue(json, i);
        if (valueEnd < 0)
            return std::nullopt;
        members.append(Member{key, i, valueEnd});
        i = skipSpace(json, valueEnd);
        if (i < json.size() && json[i] == '}')
            return members;
        if (i >= json.size() || json[i] != ',')
            return std::nullopt;
        i = skipSpace(json, i + 1);
    }
    return std::nullopt;
}

std::optional<QByteArray> JsonScan::withMemberValue(const QByteArray &json, QByteArrayView key, QByteArrayView value)
{
    const std::optional<Members> members = topLevelMembers(json);
    if (!members)
        return std::nullopt;
    for (const Member &member : *members) {
        if (member.key != key)
            continue;
        QByteArray out;
        out.reserve(json.size() - (member.valueEnd - member.valueBegin) + value.size());
        out.append(QByteArrayView(json).first(member.valueBegin));
        out.append(value);
        out.append(QByteArrayView(json).sliced(member.valueEnd));
        return out;
    }
    return std::nullopt;
}

QByteArray JsonScan::quoted(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out.append("\\u00");
                out.append(hex[(c >> 4) & 0xf]);
                out.append(hex[c & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
    return out;
}
