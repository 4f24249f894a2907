#include "app/studio/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace nas::studio {

QList<LanguageChoice> availableLanguages() {
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

QString installTranslations(QCoreApplication& app, const QString& language) {
    const QLocale locale = language.isEmpty() || language == QLatin1String("system")
                               ? QLocale::system()
                               : QLocale(language);
    // Parented to the application: they must live as long as it does.
    auto* own = new QTranslator(&app);
    QString effective = QStringLiteral("en");
    if (own->load(locale, QStringLiteral("nas_studio"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        effective = own->language().isEmpty() ? locale.name() : own->language();
    } else {
        delete own;
    }
    auto* qt = new QTranslator(&app);
    if (effective != QLatin1String("en") &&
        qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(locale);
    return effective;
}

}  // namespace nas::studio
