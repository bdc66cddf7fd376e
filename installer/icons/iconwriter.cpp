// Writes Switchyard's icon as PNG files at build time, painted by the code the app itself uses (AppIcon), so
// the installers' icons never drift from the window's and nothing is committed or downloaded.
//   switchyard_iconwriter --hicolor DIR   DIR/NxN/apps/switchyard.png in the freedesktop icon theme's sizes
//   switchyard_iconwriter --iconset DIR   DIR/icon_NxN.png and icon_NxN@2x.png, for macOS iconutil
// It paints pixmaps, which need a QGuiApplication but no display: it runs on Qt's "minimal" platform, which
// every desktop Qt has (macOS included), so build machines need no X server or window session.

#include "appicon.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <cstdio>

namespace {

bool save(const QImage &image, const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !image.save(path, "PNG")) {
        std::fprintf(stderr, "switchyard_iconwriter: cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "minimal");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (args.size() != 3 || (mode != QLatin1String("--hicolor") && mode != QLatin1String("--iconset"))) {
        std::fprintf(stderr, "usage: switchyard_iconwriter --hicolor DIR | --iconset DIR\n");
        return 2;
    }
    const QDir dir(args.at(2));
    bool ok = true;
    if (mode == QLatin1String("--hicolor")) {
        for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
            const QString name = QStringLiteral("%1x%1/apps/switchyard.png").arg(size);
            ok = save(AppIcon::image(size), dir.filePath(name)) && ok;
        }
    } else {
        // iconutil wants exactly these names: each size once at 1x and once at 2x.
        for (const int size : {16, 32, 128, 256, 512}) {
            const QString name = QStringLiteral("icon_%1x%1").arg(size);
            ok = save(AppIcon::image(size), dir.filePath(name + QStringLiteral(".png"))) && ok;
            ok = save(AppIcon::image(size * 2), dir.filePath(name + QStringLiteral("@2x.png"))) && ok;
        }
    }
    return ok ? 0 : 1;
}
