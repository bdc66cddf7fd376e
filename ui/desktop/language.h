#pragma once

#include <QString>

class QCoreApplication;

// The interface language: the user's choice (Settings), else the system's. Translations are embedded.
namespace Language {

// "" follows the system; otherwise "en" or "zh_CN".
QString setting();
void setSetting(const QString &code);
// Installs the translator for the chosen language; call once, before any window exists.
void install(QCoreApplication &app);

} // namespace Language
