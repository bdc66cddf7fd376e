#include "logging.h"

#include <QString>

Q_LOGGING_CATEGORY(lcConfig, "switchyard.config")
Q_LOGGING_CATEGORY(lcServer, "switchyard.server")
Q_LOGGING_CATEGORY(lcRouter, "switchyard.router")
Q_LOGGING_CATEGORY(lcRelay, "switchyard.relay")
Q_LOGGING_CATEGORY(lcStorage, "switchyard.storage")
Q_LOGGING_CATEGORY(lcSecrets, "switchyard.secrets")
Q_LOGGING_CATEGORY(lcUpstream, "switchyard.upstream")
Q_LOGGING_CATEGORY(lcHub, "switchyard.hub")
Q_LOGGING_CATEGORY(lcNode, "switchyard.node")
Q_LOGGING_CATEGORY(lcTasks, "switchyard.tasks")

QString redactSecret(const QString &secret)
{
    if (secret.size() < 12)
        return QStringLiteral("…");
    return secret.left(4) + QStringLiteral("…") + secret.right(4);
}
