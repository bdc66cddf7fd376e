#include "identity.h"

#include <QCoreApplication>
#include <QLoggingCategory>

void applyIdentity()
{
    // Per-attempt chatter is for debugging; QT_LOGGING_RULES can turn it back on.
    QLoggingCategory::setFilterRules(QStringLiteral("switchyard.*.debug=false"));
    QCoreApplication::setApplicationName(QStringLiteral("switchyard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHYARD_VERSION));
}
