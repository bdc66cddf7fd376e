#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVarLengthArray>

#include <optional>

// Reading and editing a JSON object's top-level members without parsing it into a QJsonObject: the relay's
// pass-through path uses it to rename the model in a client's body and to find the usage in a provider's
// answer, where a whole parse and re-serialisation cost more than the rest of the relay.
namespace JsonScan {

struct Member final {
    QByteArrayView key;    // as written, without its quotes
    qsizetype valueBegin;  // the value's bytes: [valueBegin, valueEnd) in the scanned text
    qsizetype valueEnd;
};
using Members = QVarLengthArray<Member, 16>;

// The members of the object that `json` holds, top level only, values unparsed. nullopt when the text does not
// look like one object, or when reading it this way could disagree with a real parser: a key written with an
// escape, or the same key twice. Callers then parse it properly. Values are skipped, not validated: use it on
// text a parser has accepted, or where a wrong answer only loses information (usage).
std::optional<Members> topLevelMembers(QByteArrayView json);

// `json` with the top-level member `key`'s value replaced by `value` (raw JSON), every other byte unchanged;
// nullopt when the member is absent or topLevelMembers() cannot read the object.
std::optional<QByteArray> withMemberValue(const QByteArray &json, QByteArrayView key, QByteArrayView value);

// `text` as a JSON string literal, quotes included.
QByteArray quoted(const QString &text);

} // namespace JsonScan
