#pragma once

#include <QIcon>

// Switchyard's icon, painted rather than loaded so it is sharp at every size and needs no image plugin:
// two tracks merging into one on a blue tile. The tray variants add a badge for the gateway's state.
namespace AppIcon {

enum class State { Serving, Paused, Error, Sharing };

QIcon application();
QIcon forState(State state);
// A PNG of the plain icon at one size (for installers and the screenshot script).
QImage image(int size);

} // namespace AppIcon
