#include "desktopmodule.h"

#include <QFile>
#include <QFileInfo>
#include <QLibrary>
#include <QStringList>

namespace {

// Where this executable is, without an application object (it does not exist yet: which one depends on this).
QString executableDir()
{
    return QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/self/exe"))).absolutePath();
}

} // namespace

DesktopModule::Entry DesktopModule::load(QString *error)
{
    const QString dir = executableDir();
    const QStringList candidates = {dir + QStringLiteral("/switchyard-desktop.so"),
                                    dir + QStringLiteral("/../lib/switchyard/switchyard-desktop.so")};
    for (const QString &path : candidates) {
        if (!QFileInfo::exists(path))
            continue;
        QLibrary library(path);
        if (!library.load()) {
            *error = library.errorString();
            return nullptr;
        }
        if (auto entry = reinterpret_cast<Entry>(library.resolve("switchyard_run_desktop")))
            return entry; // the library stays loaded: QLibrary only unloads when asked to
        *error = path + QStringLiteral(" has no switchyard_run_desktop");
        return nullptr;
    }
    *error = QStringLiteral("%1 not found").arg(candidates.join(QStringLiteral(" or ")));
    return nullptr;
}
