#pragma once

#include <QString>

// "Start at login": an XDG autostart entry on Linux, a LaunchAgent on macOS. The entry itself is the setting,
// so what the user sees is always what the system will do.
namespace Autostart {

bool isSupported();
bool isEnabled();
bool setEnabled(bool enabled, QString *error);
// Where the entry lives (for tests and for the message when it cannot be written).
QString entryPath();

} // namespace Autostart
