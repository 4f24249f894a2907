#include "app/studio/studio_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace nas::studio {

std::optional<StudioOptions> parseStudioOptions(const QStringList& arguments, QString& error) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "NAS Studio: neural architecture search"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(
        QStringLiteral("workspace"),
        QCoreApplication::translate("main", "Workspace folder (run database and files)."),
        QStringLiteral("DIR"));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QCoreApplication::translate("main", "User interface language: en, de or zh_CN."),
        QStringLiteral("LANG"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QCoreApplication::translate("main", "With --demo: save screenshots here."),
        QStringLiteral("DIR"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("main",
                                    "Run a short synthetic search, save screenshots, exit."));
    parser.addOptions({workspace, language, screenshots, demo});
    parser.process(arguments);  // exits for --help and --version and on unknown options

    StudioOptions options;
    options.workspace = parser.value(workspace);
    options.language = parser.value(language);
    options.screenshotsDir = parser.value(screenshots);
    options.demo = parser.isSet(demo);
    if (!options.language.isEmpty() && options.language != QLatin1String("en") &&
        options.language != QLatin1String("de") && options.language != QLatin1String("zh_CN")) {
        error = QCoreApplication::translate("main", "Unknown language '%1' (known: en, de, zh_CN).")
                    .arg(options.language);
        return std::nullopt;
    }
    if (options.demo && options.screenshotsDir.isEmpty()) {
        error = QCoreApplication::translate("main", "--demo needs --screenshots DIR.");
        return std::nullopt;
    }
    return options;
}

}  // namespace nas::studio
