// nas-studio: the desktop studio's entry point. Options first, then the language (translators
// must be installed before any window exists), then the window on the chosen workspace.
#include <QApplication>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "app/studio/app_settings.h"
#include "app/studio/demo_driver.h"
#include "app/studio/main_window.h"
#include "app/studio/studio_options.h"
#include "app/studio/translations.h"
#include "engine/workspace.h"
#include "util/freed_memory.h"

namespace {

// The options are read once without a GUI: --help, --version and bad options answer (and exit)
// before QApplication exists, which would abort where no display can be reached.
void answerOptionsWithoutDisplay(int argc, char** argv) {
    QCoreApplication console(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("NAS Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NAS_STUDIO_VERSION));
    QString error;
    if (!nas::studio::parseStudioOptions(QCoreApplication::arguments(), error)) {
        std::fprintf(stderr, "nas-studio: %s\n", qPrintable(error));
        std::exit(2);
    }
}

}  // namespace

int main(int argc, char** argv) {
    nas::util::keepFreedMemoryForReuse();
    answerOptionsWithoutDisplay(argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("nas-studio"));
    QApplication::setOrganizationDomain(QStringLiteral("nasstudio.github.io"));
    QApplication::setApplicationName(QStringLiteral("NAS Studio"));
    QApplication::setApplicationVersion(QStringLiteral(NAS_STUDIO_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.nasstudio.NasStudio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/nas-studio.svg")));

    QString error;
    const auto options = nas::studio::parseStudioOptions(QApplication::arguments(), error);
    if (!options) {
        std::fprintf(stderr, "nas-studio: %s\n", qPrintable(error));
        return 2;
    }
    nas::studio::installTranslations(
        app, options->language.isEmpty() ? nas::studio::settings::language() : options->language);

    // The demo never touches the user's workspace unless told to.
    std::unique_ptr<QTemporaryDir> demoWorkspace;
    QString workspace = options->workspace;
    if (workspace.isEmpty() && options->demo) {
        demoWorkspace = std::make_unique<QTemporaryDir>();
        workspace = demoWorkspace->path();
    }
    if (workspace.isEmpty()) workspace = nas::studio::settings::workspace();
    if (workspace.isEmpty())
        workspace = QString::fromStdString(nas::engine::Workspace::defaultRoot());

    std::unique_ptr<nas::studio::MainWindow> window;
    try {
        window = std::make_unique<nas::studio::MainWindow>(workspace);
    } catch (const std::exception& e) {
        const QString text = QApplication::translate("main", "Cannot open the workspace %1:\n%2")
                                 .arg(workspace, QString::fromLocal8Bit(e.what()));
        std::fprintf(stderr, "nas-studio: %s\n", qPrintable(text));
        if (!options->demo)
            QMessageBox::critical(nullptr, QApplication::translate("main", "NAS Studio"), text);
        return 1;
    }
    if (options->demo) window->resize(1600, 1000);
    window->show();

    std::unique_ptr<nas::studio::DemoDriver> demo;
    if (options->demo) {
        demo = std::make_unique<nas::studio::DemoDriver>(*window, options->screenshotsDir);
        QObject::connect(demo.get(), &nas::studio::DemoDriver::done, &app,
                         [](int code) { QApplication::exit(code); });
        QTimer::singleShot(0, demo.get(), &nas::studio::DemoDriver::start);
    }
    const int code = QApplication::exec();
    // Stop a search still running (demo timeout) before the window goes: the run stays resumable.
    window.reset();
    return code;
}
