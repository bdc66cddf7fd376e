#include "desktopentry.h"

#include "appcontroller.h"
#include "appicon.h"
#include "commandline.h"
#include "desktop/language.h"
#include "desktop/singleinstance.h"
#include "gateway.h"
#include "identity.h"
#include "mainwindow.h"
#include "signalwatcher.h"
#include "tray/traycontroller.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QSystemTrayIcon>

#include <cstdio>

// One instance per configuration, a window and a tray icon.
extern "C" Q_DECL_EXPORT int switchyard_run_desktop(int argc, char **argv)
{
    QApplication app(argc, argv);
    applyIdentity();
    const CommandLine commandLine = parseCommandLine(app.arguments());
    app.setWindowIcon(AppIcon::application());
    // Wayland compositors match windows to switchyard.desktop (its name, its icon) by this; X11 by the
    // desktop entry's StartupWMClass.
    QGuiApplication::setDesktopFileName(QStringLiteral("switchyard"));
    Language::install(app);
    SingleInstance instance(commandLine.configPath.isEmpty() ? AppController::defaultConfigPath()
                                                              : QFileInfo(commandLine.configPath).absoluteFilePath());
    if (!instance.claim()) {
        std::fprintf(stderr, "switchyard: already running; brought its window to the front\n");
        return 0;
    }
    AppController controller;
    QString error;
    if (!controller.start(commandLine, true, &error)) {
        std::fprintf(stderr, "switchyard: %s\n", qPrintable(error));
        QMessageBox::critical(nullptr, QObject::tr("Switchyard cannot start"), error);
        return 2;
    }
    SignalWatcher signals_;
    QObject::connect(&signals_, &SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);
    if (controller.gateway()->isListening())
        std::fprintf(stderr, "switchyard %s listening on %s (config: %s)\n", SWITCHYARD_VERSION,
                     qPrintable(controller.gateway()->baseUrl()), qPrintable(controller.configPath()));
    else
        std::fprintf(stderr, "switchyard: not serving: %s\n", qPrintable(controller.listenProblem()));

    MainWindow window(controller.gateway(), controller.editor());
    window.setListenProblem(controller.listenProblem());
    TrayController tray(controller.gateway(), controller.editor(), &window);
    QObject::connect(&instance, &SingleInstance::raiseRequested, &window, &MainWindow::raiseToFront);
    // At login, with a tray to live in, start there; otherwise the window is the app.
    if (!commandLine.minimized || !QSystemTrayIcon::isSystemTrayAvailable())
        window.show();
    const int code = app.exec();
    std::fprintf(stderr, "switchyard: stopped\n");
    return code;
}
