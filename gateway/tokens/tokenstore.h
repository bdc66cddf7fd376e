#pragma once

#include "tokenrecord.h"

#include <QString>
#include <QVariantList>
#include <optional>

// Access tokens in tokens.sqlite in the data dir. The app's gateway and the headless `switchyard token`
// command each open it; a change committed by one is seen by the other through dataVersion(). Calls are
// synchronous and cheap (a handful of rows); use one store per thread.
class TokenStore final
{
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    TokenStore();
    ~TokenStore();

    static QString pathIn(const QString &dataDir);
    bool open(const QString &path, QString *error);
    bool isOpen() const { return !m_connection.isEmpty(); }

    // Stores token (its id, hash and creation time are set here) and returns the secret, which exists
    // nowhere else: the caller shows it once.
    std::optional<QString> create(TokenRecord token, qint64 nowWallMs, QString *error);
    // By id; nullopt when the file cannot be read.
    std::optional<QList<TokenRecord>> list(QString *error = nullptr) const;
    bool remove(const QString &name, QString *error);
    bool setEnabled(const QString &name, bool enabled, QString *error);
    // Changes whenever another connection (another process, or another store) commits a change.
    qint64 dataVersion() const;

    static QString newSecret(); // "sy-" and 32 random bytes, base64url

private:
    bool changeNamed(const QString &sql, const QVariantList &values, const QString &name, const QString &failure,
                     QString *error);

    QString m_connection;
};
