#include "tokenwatcher.h"

#include "core/logging.h"

TokenWatcher::TokenWatcher(QObject *parent) : QObject(parent)
{
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &TokenWatcher::poll);
}

bool TokenWatcher::open(const QString &path, QString *error)
{
    if (!m_store.open(path, error))
        return false;
    reload();
    m_poll.start();
    return true;
}

void TokenWatcher::reload()
{
    m_version = m_store.dataVersion();
    QString error;
    const std::optional<QList<TokenRecord>> tokens = m_store.list(&error);
    if (!tokens) {
        // Keep the tokens in force rather than dropping every rule on a passing read error.
        qCWarning(lcStorage).noquote() << error;
        return;
    }
    m_tokens = *tokens;
    Q_EMIT tokensChanged(m_tokens);
}

void TokenWatcher::poll()
{
    if (m_store.dataVersion() != m_version)
        reload();
}
