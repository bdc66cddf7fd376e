#include "tokenstore.h"

#include "server/accesscontrol.h"
#include "tokenrules.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace {

QString toJson(const QStringList &items)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

QStringList fromJson(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

} // namespace

TokenStore::TokenStore() = default;

TokenStore::~TokenStore()
{
    if (m_connection.isEmpty())
        return;
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

QString TokenStore::pathIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("tokens.sqlite"));
}

bool TokenStore::open(const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString connection = QStringLiteral("tokens-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        // The CLI and the gateway write rarely and briefly; waiting a little beats failing.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
        if (!db.open()) {
            *error = path + QStringLiteral(": cannot open the token store: ") + db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS tokens ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                " sha256 TEXT NOT NULL UNIQUE, created_ms INTEGER NOT NULL, expires_ms INTEGER,"
                " models TEXT NOT NULL DEFAULT '[]', cidrs TEXT NOT NULL DEFAULT '[]', rpm INTEGER NOT NULL DEFAULT 0,"
                " quota_requests INTEGER NOT NULL DEFAULT 0, quota_tokens INTEGER NOT NULL DEFAULT 0,"
                " quota_period TEXT NOT NULL DEFAULT 'month', enabled INTEGER NOT NULL DEFAULT 1)"));
            if (!ok)
                *error = path + QStringLiteral(": cannot prepare the token store: ") + q.lastError().text();
        }
        if (!ok)
            db.close();
    }
    if (!ok) {
        QSqlDatabase::removeDatabase(connection);
        return false;
    }
    m_connection = connection;
    return true;
}

QString TokenStore::newSecret()
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    return QStringLiteral("sy-")
        + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QString> TokenStore::create(TokenRecord token, qint64 nowWallMs, QString *error)
{
    if (!TokenRules::validate(token, error))
        return std::nullopt;
    const QString secret = newSecret();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO tokens (name, sha256, created_ms, expires_ms, models, cidrs, rpm,"
                             " quota_requests, quota_tokens, quota_period, enabled) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(token.name);
    q.addBindValue(QString::fromLatin1(AccessControl::hashToken(secret.toUtf8())));
    q.addBindValue(nowWallMs);
    q.addBindValue(token.expiresMs ? QVariant(*token.expiresMs) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(toJson(token.models));
    q.addBindValue(toJson(token.cidrs));
    q.addBindValue(token.rpm);
    q.addBindValue(token.quotaRequests);
    q.addBindValue(token.quotaTokens);
    q.addBindValue(TokenRules::periodName(token.quotaPeriod));
    q.addBindValue(token.enabled ? 1 : 0);
    if (!q.exec()) {
        const bool taken = q.lastError().text().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive);
        *error = taken ? QStringLiteral("a token named '%1' already exists").arg(token.name)
                       : QStringLiteral("cannot store the token: ") + q.lastError().text();
        return std::nullopt;
    }
    return secret;
}

std::optional<QList<TokenRecord>> TokenStore::list(QString *error) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT id, name, sha256, created_ms, expires_ms, models, cidrs, rpm, quota_requests,"
                               " quota_tokens, quota_period, enabled FROM tokens ORDER BY name COLLATE NOCASE"))) {
        if (error)
            *error = QStringLiteral("cannot read the token store: ") + q.lastError().text();
        return std::nullopt;
    }
    QList<TokenRecord> tokens;
    while (q.next()) {
        TokenRecord t;
        t.id = q.value(0).toLongLong();
        t.name = q.value(1).toString();
        t.sha256Hex = q.value(2).toString().toLatin1();
        t.createdMs = q.value(3).toLongLong();
        if (!q.value(4).isNull())
            t.expiresMs = q.value(4).toLongLong();
        t.models = fromJson(q.value(5).toString());
        t.cidrs = fromJson(q.value(6).toString());
        t.rpm = q.value(7).toInt();
        t.quotaRequests = q.value(8).toLongLong();
        t.quotaTokens = q.value(9).toLongLong();
        t.quotaPeriod = TokenRules::parsePeriod(q.value(10).toString()).value_or(QuotaPeriod::Month);
        t.enabled = q.value(11).toInt() != 0;
        tokens << t;
    }
    return tokens;
}

bool TokenStore::remove(const QString &name, QString *error)
{
    return changeNamed(QStringLiteral("DELETE FROM tokens WHERE name = ?"), {}, name,
                       QStringLiteral("cannot revoke the token: "), error);
}

bool TokenStore::setEnabled(const QString &name, bool enabled, QString *error)
{
    return changeNamed(QStringLiteral("UPDATE tokens SET enabled = ? WHERE name = ?"), {enabled ? 1 : 0}, name,
                       QStringLiteral("cannot change the token: "), error);
}

// One statement on the token with this name (bound last); no such token is an error the CLI and UI can show.
bool TokenStore::changeNamed(const QString &sql, const QVariantList &values, const QString &name,
                             const QString &failure, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    q.addBindValue(name.trimmed());
    if (!q.exec()) {
        *error = failure + q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() == 0) {
        *error = QStringLiteral("there is no token named '%1'").arg(name.trimmed());
        return false;
    }
    return true;
}

qint64 TokenStore::dataVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("PRAGMA data_version")) && q.next() ? q.value(0).toLongLong() : -1;
}
