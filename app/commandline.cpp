#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

CommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Switchyard: one local OpenAI-compatible API over all your model providers.\n\n"
        "Subcommands:\n"
        "  token hash          read an access token on standard input and print its SHA-256 for the config\n"
        "  token create|list|revoke|disable|enable\n"
        "                      manage the access tokens in the data dir (switchyard token create --help)\n"
        "  secret set KEY      read a secret on standard input and store it in the OS keychain under KEY,\n"
        "                      e.g. provider:openai:api_key or colink:client_token\n"
        "  secret delete KEY   remove it from the keychain"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"), QStringLiteral("Run the gateway without a GUI."));
    const QCommandLineOption config({QStringLiteral("c"), QStringLiteral("config")},
                                    QStringLiteral("Read the configuration from <file>."), QStringLiteral("file"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Listen on <host:port>."),
                                    QStringLiteral("host:port"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Keep the request log and other data in <dir>."),
                                     QStringLiteral("dir"));
    const QCommandLineOption minimized(QStringLiteral("minimized"),
                                       QStringLiteral("Start in the system tray without opening the window."));
    parser.addOptions({headless, minimized, config, listen, dataDir});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("An optional subcommand."),
                                 QStringLiteral("[command]"));
    parser.process(arguments);

    CommandLine cl;
    cl.headless = parser.isSet(headless);
    cl.minimized = parser.isSet(minimized);
    cl.configPath = parser.value(config);
    cl.listen = parser.value(listen);
    cl.dataDir = parser.value(dataDir);
    cl.command = parser.positionalArguments();
    return cl;
}

bool noDisplayAvailable()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return false;
#endif
}
