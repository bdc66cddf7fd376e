#include "autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QRegularExpression>
#include <QStandardPaths>

namespace {

// The command that starts this very build: inside an AppImage, the AppImage file, not its mount point.
QString launchCommand()
{
    const QString appImage = qEnvironmentVariable("APPIMAGE");
    return appImage.isEmpty() ? QCoreApplication::applicationFilePath() : appImage;
}

#ifndef Q_OS_MACOS
// Desktop Entry Exec quoting: an argument with spaces or quotes goes in double quotes, with \ " ` $ escaped.
QString quoted(QString argument)
{
    // % is the field-code character everywhere, quoted or not.
    argument.replace(QLatin1Char('%'), QStringLiteral("%%"));
    if (!argument.contains(QRegularExpression(QStringLiteral("[\\s\"'`$\\\\&;()<>|*?#~=]"))))
        return argument;
    for (const char *c : {"\\", "\"", "`", "$"})
        argument.replace(QLatin1String(c), QLatin1Char('\\') + QLatin1String(c));
    // The file format unescapes once more before Exec is split: backslashes are doubled again.
    argument.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    return QLatin1Char('"') + argument + QLatin1Char('"');
}
#endif

QByteArray entryContents(const QString &configPath)
{
#ifdef Q_OS_MACOS
    return QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>io.switchyard.app</string>
  <key>ProgramArguments</key><array><string>%1</string><string>--minimized</string><string>--config</string><string>%2</string></array>
  <key>RunAtLoad</key><true/>
</dict>
</plist>
)")
        .arg(launchCommand().toHtmlEscaped(), configPath.toHtmlEscaped())
        .toUtf8();
#else
    const QString exec = quoted(launchCommand()) + QStringLiteral(" --minimized --config ") + quoted(configPath);
    return QStringLiteral("[Desktop Entry]\nType=Application\nName=Switchyard\nComment=Local AI gateway\n"
                          "Exec=%1\nIcon=switchyard\nTerminal=false\nX-GNOME-Autostart-enabled=true\n")
        .arg(exec)
        .toUtf8();
#endif
}

} // namespace

namespace Autostart {

bool isSupported()
{
#if defined(Q_OS_MACOS) || (defined(Q_OS_UNIX) && !defined(Q_OS_ANDROID))
    return true;
#else
    return false;
#endif
}

QString entryPath()
{
#ifdef Q_OS_MACOS
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents/io.switchyard.app.plist");
#else
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/switchyard.desktop");
#endif
}

bool isEnabled()
{
    return QFileInfo::exists(entryPath());
}

bool setEnabled(bool enabled, const QString &configPath, QString *error)
{
    const QString path = entryPath();
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path)) {
            *error = QCoreApplication::translate("Autostart", "Could not remove %1.").arg(path);
            return false;
        }
        return true;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entryContents(configPath)) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("Autostart", "Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Autostart
