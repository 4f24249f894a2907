#pragma once
// Loading the user-interface language at start-up: the studio's own strings (embedded .qm files)
// and Qt's (standard buttons and dialogs), where the system has them.
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace nas::studio {

// Languages the studio offers: code and name in that language ("de", "Deutsch").
struct LanguageChoice {
    QString code;
    QString nativeName;
};
[[nodiscard]] QList<LanguageChoice> availableLanguages();

// Installs translators for `language` ("" or "system": the system's); returns the language in
// effect ("en" when nothing matched: English is the source language).
QString installTranslations(QCoreApplication& app, const QString& language);

}  // namespace nas::studio
