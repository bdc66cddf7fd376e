#pragma once

#include "tokenrecord.h"
#include "tokenstore.h"

#include <QObject>
#include <QTimer>

// Keeps the gateway's view of the token store current: reads it when opened, then checks once a second
// whether another connection (`switchyard token ...`, the settings page) committed a change, and if so reads
// it again. The check is SQLite's PRAGMA data_version: no file scan, no read of the table.
class TokenWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenWatcher)

public:
    explicit TokenWatcher(QObject *parent = nullptr);

    bool open(const QString &path, QString *error);
    TokenStore *store() { return &m_store; }
    const QList<TokenRecord> &tokens() const { return m_tokens; }
    // Reads the store now (after a change made through store(), which data_version does not report).
    void reload();
    void setPollIntervalMs(int ms) { m_poll.setInterval(ms); }

Q_SIGNALS:
    void tokensChanged(const QList<TokenRecord> &tokens);

private:
    void poll();

    TokenStore m_store;
    QTimer m_poll;
    qint64 m_version = -1;
    QList<TokenRecord> m_tokens;
};
