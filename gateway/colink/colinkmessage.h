#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

// The Co-Link wire protocol (docs/colink.md): JSON text frames {"type": ..., "data": {...}}. Pure functions,
// shared by our node and our hub so both speak exactly what the reference server and client speak.
namespace Colink {

inline constexpr char tokenHeader[] = "Client-Token";

// Texts of the reference node's errors, kept word for word: servers may match on them.
inline constexpr char busyMessage[] = "BUSY: Local concurrency limit reached";
inline constexpr char unsupportedModelMessage[] = "Model not supported natively by this client";

struct Message final {
    QString type; // REGISTER, CALL, STREAM, FINISH, ERROR, CANCEL; anything else is ignored by both sides
    QJsonObject data;

    QString requestId() const { return data.value(QLatin1String("request_id")).toString(); }
};

// Parses one text frame; nullopt when it is not a JSON object with a string "type".
std::optional<Message> parse(const QByteArray &frame);

QByteArray registerNode(int maxParallel, const QStringList &models, const QString &nodeName);
QByteArray call(const QString &requestId, const QString &model, const QJsonObject &payload);
QByteArray stream(const QString &requestId, const QJsonObject &chunk);
QByteArray finish(const QString &requestId);
QByteArray error(const QString &requestId, int code, const QString &message);
// Ours: the caller went away. Reference nodes ignore it.
QByteArray cancel(const QString &requestId);

// A fresh id in the reference's shape, "req-<uuid>".
QString newRequestId();

} // namespace Colink
