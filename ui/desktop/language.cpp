#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace {

const char settingKey[] = "ui/language";

// ~/.config/switchyard/switchyard.conf next to config.yaml (no organisation name: that would move the config).
QSettings desktopSettings()
{
    return QSettings(QStringLiteral("switchyard"), QStringLiteral("switchyard"));
}

} // namespace

namespace Language {

QString setting()
{
    return desktopSettings().value(QLatin1String(settingKey)).toString();
}

void setSetting(const QString &code)
{
    desktopSettings().setValue(QLatin1String(settingKey), code);
}

void install(QCoreApplication &app)
{
    const QString chosen = setting();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    // Dates and numbers follow the chosen language too, not only the words.
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    // qt_add_translations embeds the .qm files under :/i18n.
    if (ours->load(locale, QStringLiteral("switchyard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace Language
