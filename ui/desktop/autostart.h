#pragma once

#include <QString>

// "Start at login": an XDG autostart entry on Linux, a LaunchAgent on macOS. The entry itself is the setting,
// so what the user sees is always what the system will do.
namespace Autostart {

bool isSupported();
bool isEnabled();
// configPath: the configuration this instance runs with, so login starts the same one.
bool setEnabled(bool enabled, const QString &configPath, QString *error);
// Where the entry lives (for tests and for the message when it cannot be written).
QString entryPath();

} // namespace Autostart
