// MainWindow: construction, menus, toolbar, docks, settings and closing. The run commands and
// the engine's reports are handled in main_window_runs.cpp.
#include "app/studio/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>

#include "app/studio/app_settings.h"
#include "app/studio/engine_bridge.h"
#include "app/studio/predictor_dock.h"
#include "app/studio/preferences_dialog.h"
#include "app/studio/progress_status.h"
#include "app/studio/run_views.h"
#include "app/studio/stall_meter.h"
#include "engine/workspace.h"
#include "widgets/launch_panel.h"
#include "widgets/launch_panel_form.h"
#include "widgets/run_browser.h"

namespace nas::studio {

MainWindow::MainWindow(const QString& workspaceRoot, QWidget* parent)
    : QMainWindow(parent), m_root(workspaceRoot) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("NAS Studio \u2014 %1").arg(m_root));
    setWindowIcon(QIcon(QStringLiteral(":/icons/nas-studio.svg")));
    const engine::Workspace workspace(m_root.toStdString());
    m_store = std::make_unique<store::RunStore>(workspace.databasePath());

    m_bridge = new EngineBridge(this);
    m_stallMeter = new StallMeter(this);
    m_views = new RunViews(this);
    setCentralWidget(m_views);
    m_progress = new ProgressStatus(this);
    statusBar()->addPermanentWidget(m_progress, 1);

    buildDocks();
    buildActions();
    buildMenus();
    buildToolBar();
    restoreSettings();

    connect(m_bridge, &EngineBridge::batchReady, this, &MainWindow::onBatch);
    connect(m_bridge, &EngineBridge::finished, this, &MainWindow::onFinished);
    connect(m_bridge, &EngineBridge::runningChanged, this, &MainWindow::updateActions);
    connect(m_bridge, &EngineBridge::pausedChanged, this, &MainWindow::updateActions);
    connect(m_launch, &widgets::LaunchPanel::startRequested, this, &MainWindow::startSearch);
    connect(m_launch, &widgets::LaunchPanel::constraintsApplied, this,
            &MainWindow::applyConstraints);
    connect(m_browser, &widgets::RunBrowser::openRequested, this, &MainWindow::openRun);
    connect(m_browser, &widgets::RunBrowser::compareRequested, this, &MainWindow::compareRuns);
    connect(m_browser, &widgets::RunBrowser::resumeRequested, this, &MainWindow::resumeRun);
    connect(m_browser, &widgets::RunBrowser::deleteRequested, this, &MainWindow::deleteRun);
    connect(m_browser, &widgets::RunBrowser::refreshRequested, this, &MainWindow::refreshRuns);
    refreshRuns();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks() {
    m_launch = new widgets::LaunchPanel(this);
    m_launchDock = new QDockWidget(tr("Launch"), this);
    m_launchDock->setObjectName(QStringLiteral("launchDock"));
    m_launchDock->setWidget(m_launch);
    addDockWidget(Qt::LeftDockWidgetArea, m_launchDock);

    m_browser = new widgets::RunBrowser(this);
    m_runsDock = new QDockWidget(tr("Runs"), this);
    m_runsDock->setObjectName(QStringLiteral("runsDock"));
    m_runsDock->setWidget(m_browser);
    addDockWidget(Qt::BottomDockWidgetArea, m_runsDock);

    m_predictorDock = new PredictorDock(*m_store, m_root, this);
    addDockWidget(Qt::RightDockWidgetArea, m_predictorDock);
    m_predictorDock->hide();
}

void MainWindow::buildActions() {
    auto make = [this](const QString& name, const QString& text, const QKeySequence& key,
                       QStyle::StandardPixmap icon, const QString& tip) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        if (!key.isEmpty()) action->setShortcut(key);
        if (icon != QStyle::SP_CustomBase) action->setIcon(style()->standardIcon(icon));
        action->setStatusTip(tip);
        action->setToolTip(key.isEmpty() ? text
                                         : QStringLiteral("%1 (%2)").arg(
                                               text, key.toString(QKeySequence::NativeText)));
        return action;
    };
    const auto none = QStyle::SP_CustomBase;
    auto& a = m_actions;
    a.loadConfig = make(QStringLiteral("actionLoadConfig"), tr("&Load configuration\u2026"),
                        QKeySequence::Open, QStyle::SP_DialogOpenButton,
                        tr("Load a search configuration from JSON"));
    a.saveConfig = make(QStringLiteral("actionSaveConfig"), tr("&Save configuration\u2026"),
                        QKeySequence::Save, QStyle::SP_DialogSaveButton,
                        tr("Save the launch panel's configuration as JSON"));
    a.exportArchitecture =
        make(QStringLiteral("actionExport"), tr("&Export architecture\u2026"),
             QKeySequence(Qt::CTRL | Qt::Key_E), none,
             tr("Export the derived architecture as JSON, DARTS string or PyTorch"));
    a.exportPicture = make(QStringLiteral("actionExportPicture"), tr("Export cell &picture\u2026"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), none,
                           tr("Save the cell drawing as PNG or SVG"));
    a.quit = make(QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit, none,
                  tr("Close NAS Studio"));
    a.start =
        make(QStringLiteral("actionStart"), tr("&Start search"), QKeySequence(Qt::CTRL | Qt::Key_R),
             QStyle::SP_MediaPlay, tr("Validate the configuration and start a search"));
    a.pause = make(QStringLiteral("actionPause"), tr("&Pause"), QKeySequence(Qt::CTRL | Qt::Key_P),
                   QStyle::SP_MediaPause, tr("Pause the search after the current step"));
    a.resume = make(QStringLiteral("actionResume"), tr("&Resume"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), QStyle::SP_MediaSeekForward,
                    tr("Continue the paused search"));
    a.stop =
        make(QStringLiteral("actionStop"), tr("S&top"), QKeySequence(Qt::CTRL | Qt::Key_Period),
             QStyle::SP_MediaStop, tr("Stop the search; it can be resumed later"));
    a.checkpoint = make(QStringLiteral("actionCheckpoint"), tr("Save &checkpoint"),
                        QKeySequence(Qt::CTRL | Qt::Key_K), QStyle::SP_DriveFDIcon,
                        tr("Write a checkpoint after the current step"));
    a.trainCell =
        make(QStringLiteral("actionTrainCell"), tr("&Train found cell\u2026"),
             QKeySequence(Qt::CTRL | Qt::Key_T), none,
             tr("Train the shown run's derived network from scratch and keep its weights"));
    a.predictor = make(QStringLiteral("actionPredictor"), tr("Pre&dictor\u2026"),
                       QKeySequence(Qt::CTRL | Qt::Key_G), none,
                       tr("Edit a cell and see the fitted predictor's accuracy, costs and "
                          "constraints at once; fit a predictor to a run"));
    a.resumeRun =
        make(QStringLiteral("actionResumeRun"), tr("Resume selected &run"), QKeySequence(), none,
             tr("Continue the interrupted run selected in the run list"));
    a.refreshRuns =
        make(QStringLiteral("actionRefreshRuns"), tr("Re&fresh runs"), QKeySequence::Refresh,
             QStyle::SP_BrowserReload, tr("Read the run list again"));
    a.preferences = make(QStringLiteral("actionPreferences"), tr("&Preferences\u2026"),
                         QKeySequence::Preferences, none, tr("Language and workspace"));
    a.about = make(QStringLiteral("actionAbout"), tr("&About NAS Studio"), QKeySequence(), none,
                   QString());
    a.aboutQt =
        make(QStringLiteral("actionAboutQt"), tr("About &Qt"), QKeySequence(), none, QString());

    connect(a.loadConfig, &QAction::triggered, m_launch,
            &widgets::LaunchPanel::chooseAndLoadConfig);
    connect(a.saveConfig, &QAction::triggered, m_launch,
            &widgets::LaunchPanel::chooseAndSaveConfig);
    connect(a.exportArchitecture, &QAction::triggered, this, &MainWindow::exportArchitecture);
    connect(a.exportPicture, &QAction::triggered, this, &MainWindow::exportCellPicture);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.start, &QAction::triggered, m_launch, [this] { m_launch->requestStart(); });
    connect(a.pause, &QAction::triggered, this, &MainWindow::pauseSearch);
    connect(a.resume, &QAction::triggered, this, &MainWindow::resumeSearch);
    connect(a.stop, &QAction::triggered, this, &MainWindow::stopSearch);
    connect(a.checkpoint, &QAction::triggered, this, &MainWindow::saveCheckpoint);
    connect(a.trainCell, &QAction::triggered, this, &MainWindow::trainFoundCell);
    connect(a.predictor, &QAction::triggered, this, &MainWindow::showPredictor);
    connect(a.resumeRun, &QAction::triggered, m_browser, &widgets::RunBrowser::resumeSelected);
    connect(a.refreshRuns, &QAction::triggered, this, &MainWindow::refreshRuns);
    connect(a.preferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::buildMenus() {
    auto& a = m_actions;
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addActions({a.loadConfig, a.saveConfig});
    file->addSeparator();
    file->addActions({a.exportArchitecture, a.exportPicture});
    file->addSeparator();
    file->addAction(a.quit);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->setObjectName(QStringLiteral("runMenu"));
    run->addActions({a.start, a.pause, a.resume, a.stop, a.checkpoint});
    run->addSeparator();
    run->addActions({a.trainCell, a.predictor, a.resumeRun, a.refreshRuns});

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_launchDock->toggleViewAction());
    view->addAction(m_runsDock->toggleViewAction());
    view->addAction(m_predictorDock->toggleViewAction());
    view->addSeparator();
    for (int tab = 0; tab < m_views->tabs()->count(); ++tab) {
        QAction* show = view->addAction(m_views->tabs()->tabText(tab));
        show->setObjectName(QStringLiteral("actionShowTab%1").arg(tab));
        show->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + tab)));
        connect(show, &QAction::triggered, this,
                [this, tab] { m_views->tabs()->setCurrentIndex(tab); });
    }

    QMenu* settingsMenu = menuBar()->addMenu(tr("&Settings"));
    settingsMenu->setObjectName(QStringLiteral("settingsMenu"));
    settingsMenu->addAction(a.preferences);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addActions({a.about, a.aboutQt});
}

void MainWindow::buildToolBar() {
    QToolBar* bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("runToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto& a = m_actions;
    bar->addActions({a.start, a.pause, a.resume, a.stop, a.checkpoint});
    bar->addSeparator();
    bar->addActions({a.loadConfig, a.saveConfig, a.exportArchitecture, a.refreshRuns});
}

void MainWindow::restoreSettings() {
    resize(1500, 950);
    const QByteArray geometry = settings::windowGeometry();
    if (!geometry.isEmpty()) restoreGeometry(geometry);
    const QByteArray state = settings::windowState();
    if (!state.isEmpty()) restoreState(state);
    const QByteArray last = settings::lastConfigJson();
    if (!last.isEmpty()) {
        const nlohmann::json json = nlohmann::json::parse(last.toStdString(), nullptr, false);
        if (json.is_object()) m_launch->setConfigJson(json);
    }
    // The machine's thread setting wins over the one the last config was saved with.
    if (settings::threads() >= 0) m_launch->form()->setThreads(settings::threads());
}

void MainWindow::saveSettings() {
    settings::setWindow(saveGeometry(), saveState());
    settings::setLastConfigJson(QByteArray::fromStdString(m_launch->configJson().dump()));
}

void MainWindow::updateActions() {
    const bool running = m_bridge->isRunning();
    const bool paused = m_bridge->isPaused();
    auto& a = m_actions;
    a.start->setEnabled(!running);
    a.loadConfig->setEnabled(!running);
    const bool pausing = m_bridge->isPausing();
    a.pause->setEnabled(running && !paused && !pausing);
    // Resume also takes back a pause the engine has not reached yet.
    a.resume->setEnabled(running && (paused || pausing));
    a.stop->setEnabled(running);
    a.checkpoint->setEnabled(running);
    a.resumeRun->setEnabled(!running);
    if (!running) m_runningSpace.reset();
    m_launch->setRunning(running, m_runningSpace);
}

void MainWindow::showPreferences() {
    PreferencesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted && settings::threads() >= 0 && !m_bridge->isRunning())
        m_launch->form()->setThreads(settings::threads());
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About NAS Studio"),
        tr("<h3>NAS Studio %1</h3>"
           "<p>A desktop studio for neural architecture search: launch, steer and inspect "
           "SNAS, NASP, DARTS and random searches live, reopen past runs and export the "
           "architectures they found.</p>"
           "<p>Built with Qt %2, QCustomPlot and LibTorch.</p>")
            .arg(QStringLiteral(NAS_STUDIO_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::showError(const QString& title, const QString& text) {
    m_lastError = text;
    m_views->appendLog(QStringLiteral("%1: %2").arg(title, text));
    // Window-modal but not blocking: the event loop (and a running search's views) keep going.
    auto* box = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_bridge->isRunning()) {
        if (m_closeWhenStopped) {
            // Asked twice: wait for the current step, then close.
            m_bridge->stopAndWait();
        } else {
            // Stop between steps and close once the engine has saved its state; the run stays
            // resumable. The window keeps painting meanwhile.
            m_closeWhenStopped = true;
            m_progress->showIdle(tr("Stopping the search before closing\u2026"));
            m_bridge->requestStop();
            event->ignore();
            return;
        }
    }
    saveSettings();
    // Windows of stored runs belong to this one: left open they would keep the process alive.
    for (RunViews* viewer : runViewers()) viewer->close();
    for (QWidget* child : findChildren<QDialog*>())
        if (child->isVisible()) child->close();
    event->accept();
}

QList<RunViews*> MainWindow::runViewers() const {
    QList<RunViews*> open;
    for (const QPointer<RunViews>& viewer : m_viewers)
        if (viewer) open << viewer.data();
    return open;
}

}  // namespace nas::studio
