#pragma once

#include <QString>

// The desktop interface as a module loaded at run time (Linux): a headless run, the server case, then maps no
// GUI library at all (Qt Widgets, Gui, Charts, X and font libraries: about 7 MB of a headless gateway's
// memory, docs/benchmarks.md). Looked for next to the executable (the build tree) and in ../lib/switchyard
// (the .deb and the AppImage).
namespace DesktopModule {

using Entry = int (*)(int argc, char **argv);

// The module's entry point, or null with the reason in *error (not installed, or it would not load).
Entry load(QString *error);

} // namespace DesktopModule
