#include "appcontroller.h"
#include "commandline.h"
#include "config/configloader.h"
#include "filelimit.h"
#include "identity.h"
#include "gateway.h"
#include "providers/registry.h"
#include "secrets/keychainsecretstore.h"
#include "server/accesscontrol.h"
#include "signalwatcher.h"
#include "tokencommand.h"

#if defined(SWITCHYARD_DESKTOP_LINKED)
#include "desktopentry.h"
#elif defined(SWITCHYARD_DESKTOP_MODULE)
#include "desktopmodule.h"
#endif

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>
#include <cstdio>
#include <memory>

namespace {

int hashTokenFromStdin()
{
    QTextStream in(stdin);
    const QString token = in.readLine().trimmed();
    if (token.isEmpty()) {
        std::fprintf(stderr, "switchyard token hash: give the token on standard input\n");
        return 2;
    }
    std::printf("%s\n", AccessControl::hashToken(token.toUtf8()).constData());
    return 0;
}

// switchyard secret set|delete KEY: the headless way to put a key where the config expects it. The value
// comes on standard input, never on the command line, where other users could read it.
int manageSecret(QCoreApplication &app, const QStringList &command)
{
    const bool set = command.value(1) == QLatin1String("set");
    if (command.size() != 3 || (!set && command.value(1) != QLatin1String("delete"))) {
        std::fprintf(stderr, "usage: switchyard secret set KEY < value   |   switchyard secret delete KEY\n");
        return 2;
    }
    const QString key = command.at(2);
    QString value;
    if (set) {
        value = QTextStream(stdin).readLine().trimmed();
        if (value.isEmpty()) {
            std::fprintf(stderr, "switchyard secret set: give the value on standard input\n");
            return 2;
        }
    }
    KeychainSecretStore keychain;
    int code = 1;
    auto report = [&](const SecretStore::Result &r) {
        if (r.ok)
            std::fprintf(stderr, "%s %s in the keychain\n", set ? "stored" : "removed", qPrintable(key));
        else
            std::fprintf(stderr, "switchyard secret: %s\n", qPrintable(r.error));
        code = r.ok ? 0 : 1;
        app.quit();
    };
    QTimer::singleShot(0, &app, [&] {
        if (set)
            keychain.write(key, value, report);
        else
            keychain.remove(key, report);
    });
    app.exec();
    return code;
}

// Does the config this run will read keep any secret in the keychain? Read before the application object
// exists, from the raw arguments; when unsure, yes.
bool configNeedsKeychain(const QStringList &arguments)
{
    QString path;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if ((a == QLatin1String("-c") || a == QLatin1String("--config")) && i + 1 < arguments.size())
            path = arguments.at(i + 1);
        else if (a.startsWith(QLatin1String("--config=")))
            path = a.mid(9);
    }
    if (path.isEmpty())
        path = AppController::defaultConfigPath();
    if (!QFileInfo::exists(path))
        return false; // the starter config keeps nothing there
    const ConfigResult loaded = ConfigLoader::loadFile(path, ProviderRegistry::types());
    return !loaded.config || needsKeychain(*loaded.config);
}

// Qt's plain UNIX event dispatcher relays about a fifth more requests per second than its GLib one
// (docs/benchmarks.md). But libsecret, the keychain on Linux, answers only through a GLib main loop, so
// only headless runs that need no keychain take it.
void chooseEventDispatcher(const QStringList &arguments)
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB") && !configNeedsKeychain(arguments))
        qputenv("QT_NO_GLIB", "1");
#else
    Q_UNUSED(arguments);
#endif
}

// Runs the gateway without a window; returns the process exit code.
int runHeadless(QCoreApplication &app, const CommandLine &commandLine)
{
    AppController controller;
    QString error;
    if (!controller.start(commandLine, false, &error)) {
        std::fprintf(stderr, "switchyard: %s\n", qPrintable(error));
        return 2;
    }
    SignalWatcher signals_;
    QObject::connect(&signals_, &SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);
    std::fprintf(stderr, "switchyard %s listening on %s (config: %s)\n", SWITCHYARD_VERSION,
                 qPrintable(controller.gateway()->baseUrl()), qPrintable(controller.configPath()));
    const int code = app.exec();
    std::fprintf(stderr, "switchyard: stopped\n");
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    raiseOpenFileLimit();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const bool wantsHeadless = arguments.contains(QStringLiteral("--headless")) || noDisplayAvailable()
        || arguments.contains(QStringLiteral("token")) || arguments.contains(QStringLiteral("secret"));

    bool desktopUnavailable = false; // wanted, but the module is missing (or a GUI-less build): said once here
#if defined(SWITCHYARD_DESKTOP_LINKED)
    if (!wantsHeadless)
        return switchyard_run_desktop(argc, argv);
#elif defined(SWITCHYARD_DESKTOP_MODULE)
    if (!wantsHeadless) {
        QString why;
        if (const DesktopModule::Entry runDesktop = DesktopModule::load(&why))
            return runDesktop(argc, argv);
        std::fprintf(stderr, "switchyard: the desktop interface cannot be loaded (%s); running headless\n",
                     qPrintable(why));
        desktopUnavailable = true;
    }
#else
    if (!wantsHeadless) {
        std::fprintf(stderr, "switchyard: this build has no desktop interface; running headless\n");
        desktopUnavailable = true;
    }
#endif
    const bool subcommand = arguments.contains(QStringLiteral("token")) || arguments.contains(QStringLiteral("secret"));
    if (!subcommand) {
        QCoreApplication::setApplicationName(QStringLiteral("switchyard")); // for the default config path
        chooseEventDispatcher(arguments);
    }
    QCoreApplication app(argc, argv);
    applyIdentity();
    // Before the general parser, which does not know the token options (--name, --rpm, ...).
    if (isTokenManagementCommand(app.arguments()))
        return runTokenCommand(app.arguments());
    const CommandLine commandLine = parseCommandLine(app.arguments());
    if (commandLine.command == QStringList{QStringLiteral("token"), QStringLiteral("hash")})
        return hashTokenFromStdin();
    if (commandLine.command.value(0) == QLatin1String("secret"))
        return manageSecret(app, commandLine.command);
    if (!commandLine.command.isEmpty()) {
        std::fprintf(stderr, "switchyard: unknown command '%s' (see --help)\n",
                     qPrintable(commandLine.command.join(QLatin1Char(' '))));
        return 2;
    }
    if (!commandLine.headless && !desktopUnavailable)
        std::fprintf(stderr, "switchyard: no display found, running headless\n");
    return runHeadless(app, commandLine);
}
