#pragma once

// The desktop app's entry point: a window and a tray icon over the gateway. Lives in the switchyard-desktop
// module on Linux (see desktopmodule.h) and in the executable itself on macOS; returns the exit code.
extern "C" int switchyard_run_desktop(int argc, char **argv);
