// MainWindow: starting, steering and ending searches, and the run browser's commands.
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QTabWidget>

#include "app/studio/app_settings.h"
#include "app/studio/controller_compare.h"
#include "app/studio/engine_bridge.h"
#include "app/studio/main_window.h"
#include "app/studio/predictor_dock.h"
#include "app/studio/progress_status.h"
#include "app/studio/run_views.h"
#include "app/studio/stall_meter.h"
#include "app/studio/train_dialog.h"
#include "export/architecture_export.h"
#include "export/manifest.h"
#include "search/registry/strategy_registry.h"
#include "widgets/architecture_strip.h"
#include "widgets/cell_dag_view.h"
#include "widgets/edit_search_view.h"
#include "widgets/export_dialog.h"
#include "widgets/launch_panel.h"
#include "widgets/qt_text.h"
#include "widgets/run_browser.h"
#include "widgets/run_compare_dialog.h"
#include "widgets/run_replay.h"
#include "widgets/status_text.h"
#include "widgets/training_curves_view.h"

namespace nas::studio {

void MainWindow::startSearch(const engine::SearchConfig& config) {
    if (m_bridge->isRunning()) return;
    m_resuming.reset();
    m_runningSpace = config.space;
    m_views->clear();
    m_views->curves()->setInitialConstraints(config.constraints);
    m_views->tabs()->setCurrentIndex(RunViews::kCurvesTab);
    m_progress->showIdle(tr("Preparing the search\u2026"));
    settings::setLastConfigJson(QByteArray::fromStdString(m_launch->configJson().dump()));
    if (!m_bridge->startNew(config, m_root))
        showError(tr("Cannot start"), tr("A search is already running."));
}

void MainWindow::resumeRun(std::int64_t runId) {
    if (m_bridge->isRunning()) return;
    m_resuming = runId;
    m_progress->showIdle(tr("Resuming run %1\u2026").arg(runId));
    if (!m_bridge->startResume(runId, m_root))
        showError(tr("Cannot resume"), tr("A search is already running."));
}

void MainWindow::onBatch(const EngineBatch& batch) {
    if (batch.started) {
        const RunStart& start = *batch.started;
        std::optional<widgets::RunReplay> before;
        // A resumed run shows what it had stored up to its checkpoint, then continues live.
        if (m_resuming && *m_resuming == start.runId) {
            before = loadReplay(start.runId);
            if (before) widgets::truncateReplay(*before, start.startEpoch);
        }
        m_resuming.reset();
        m_runningSpace = start.config.space;
        m_launch->setRunning(true, m_runningSpace);
        m_views->beginLive(start, before);
        m_progress->startRun(start.runId, start.config.epochs, start.startEpoch);
        m_browser->setActiveRun(start.runId);
        refreshRuns();
        // Measured while the engine works: the number the gui_stall benchmark reports.
        m_stallMeter->start();
    }
    for (const engine::SearchPhase phase : batch.phases) m_progress->showPhase(phase);
    m_views->applyBatch(batch);
    if (!batch.steps.empty()) m_progress->showStep(batch.steps.back());
    for (const auto& [status, message] : batch.statuses) m_progress->showStatus(status);
    if (m_bridge->isPausing()) m_progress->showPausing();
    // A pause that took effect ends the pending one; the store's "paused" comes with refreshRuns.
    m_browser->setPausePending(m_bridge->isPausing());
    for (const auto& problems : batch.refusedConstraints)
        for (const std::string& problem : problems)
            m_views->appendLog(
                tr("The engine refused the new constraints: %1").arg(widgets::toQString(problem)));
    // Best accuracy and parameters moved, or the run was paused or resumed: the run list, the
    // status bar and the toolbar say the same.
    if (!batch.epochs.empty() || !batch.statuses.empty()) refreshRuns();
}

void MainWindow::onFinished(const engine::SearchOutcome& outcome) {
    if (m_stallMeter->isRunning()) {
        m_stallMeter->stop();
        m_views->appendLog(tr("Longest pause of the user interface during the search: %1 ms.")
                               .arg(m_stallMeter->maxStallMs(), 0, 'f', 1));
    }
    m_browser->setActiveRun(std::nullopt);
    m_resuming.reset();
    refreshRuns();
    updateActions();
    switch (outcome.status) {
        case engine::RunStatus::Finished:
            m_progress->showIdle(tr("Run %1 finished.").arg(outcome.runId));
            break;
        case engine::RunStatus::Stopped:
            m_progress->showIdle(
                tr("Run %1 stopped; it can be resumed from the run list.").arg(outcome.runId));
            break;
        default:
            m_progress->showIdle(
                tr("Run %1: %2").arg(outcome.runId).arg(widgets::statusText(outcome.status)));
            break;
    }
    if (outcome.status == engine::RunStatus::Failed)
        showError(tr("The search failed"),
                  outcome.message.empty() ? tr("The engine reported a failure without a message.")
                                          : widgets::toQString(outcome.message));
    emit searchEnded(outcome);
    if (m_closeWhenStopped) QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
}

void MainWindow::pauseSearch() {
    m_bridge->requestPause();
    if (m_bridge->isPausing()) {
        // The store says "running" until the engine reaches its next step boundary.
        m_browser->setPausePending(true);
        m_progress->showPausing();
        m_views->appendLog(tr("Pausing after the current step\u2026"));
    }
}

void MainWindow::resumeSearch() {
    const bool wasPaused = m_bridge->isPaused();
    m_bridge->requestResume();
    m_browser->setPausePending(m_bridge->isPausing());  // false: a pending pause is taken back
    if (!wasPaused && m_bridge->isRunning()) m_progress->showStatus(engine::RunStatus::Running);
}
void MainWindow::stopSearch() { m_bridge->requestStop(); }

void MainWindow::saveCheckpoint() {
    m_bridge->requestCheckpoint();
    m_views->appendLog(tr("Checkpoint requested."));
}

void MainWindow::applyConstraints(const engine::Constraints& constraints) {
    if (!m_bridge->isRunning()) return;
    m_bridge->setConstraints(constraints);
    m_views->constraintsChanged(constraints);
}

void MainWindow::refreshRuns() {
    try {
        m_browser->setRuns(m_store->listRuns());
        if (m_predictorDock->isVisible()) m_predictorDock->refreshRuns();
    } catch (const std::exception& e) {
        showError(tr("Cannot read the run list"), widgets::toQString(e.what()));
    }
}

std::optional<widgets::RunReplay> MainWindow::loadReplay(std::int64_t runId) {
    try {
        return widgets::loadRunReplay(*m_store, runId);
    } catch (const std::exception& e) {
        showError(tr("Cannot read run %1").arg(runId), widgets::toQString(e.what()));
        return std::nullopt;
    }
}

void MainWindow::openRun(std::int64_t runId) {
    const std::optional<widgets::RunReplay> replay = loadReplay(runId);
    if (!replay) return;
    if (!m_bridge->isRunning()) {
        m_views->showReplay(*replay);
        m_progress->showIdle(
            tr("Showing run %1 (%2).").arg(runId).arg(widgets::statusText(replay->record.status)));
        return;
    }
    if (m_views->runId() == runId) return;  // already on screen, live
    // The main views belong to the live search: a stored run opens in its own window.
    auto* window = new RunViews;
    window->setObjectName(QStringLiteral("runViewerWindow"));
    window->setAttribute(Qt::WA_DeleteOnClose);  // its replay data goes with it
    m_viewers.removeAll(QPointer<RunViews>());
    m_viewers << window;
    window->setWindowTitle(widgets::runHeading(replay->record));
    window->setWindowIcon(windowIcon());
    window->showReplay(*replay);
    window->resize(1200, 800);
    window->show();
}

void MainWindow::compareRuns(std::int64_t first, std::int64_t second) {
    const auto a = loadReplay(first);
    const auto b = loadReplay(second);
    if (!a || !b) return;
    auto* dialog = new widgets::RunCompareDialog(*a, *b, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    // Runs that sampled architectures also get their controllers compared.
    if (hasControllerComparison(*a, *b)) openControllerComparison(*a, *b, this);
}

QString MainWindow::runFolder(std::int64_t runId) const {
    return QDir(m_root).filePath(QStringLiteral("runs/%1").arg(runId));
}

void MainWindow::deleteRun(std::int64_t runId) {
    if (m_bridge->isRunning() && m_bridge->runId() == runId) return;
    try {
        m_store->deleteRun(runId);
    } catch (const std::exception& e) {
        showError(tr("Cannot delete run %1").arg(runId), widgets::toQString(e.what()));
        return;
    }
    QDir(runFolder(runId)).removeRecursively();
    if (m_views->runId() == runId) m_views->clear();
    m_views->appendLog(tr("Run %1 deleted.").arg(runId));
    refreshRuns();
}

void MainWindow::exportArchitecture() {
    const auto& epoch = m_views->lastEpoch();
    if (!epoch || !m_views->config()) {
        QMessageBox::information(
            this, tr("Export architecture"),
            tr("There is no derived architecture yet: it appears after the first epoch."));
        return;
    }
    if (!epoch->architecture.empty()) {
        exportNetwork(*epoch);
        return;
    }
    widgets::ExportSubject subject;
    subject.genotype = epoch->genotype;
    subject.space = m_views->config()->space;
    subject.cost = epoch->cost;
    subject.alphas = m_views->latestAlphas();
    if (m_views->runId()) {
        subject.runFolder = runFolder(*m_views->runId());
        subject.runId = m_views->runId();
        subject.baseName =
            QStringLiteral("run-%1-epoch-%2").arg(*m_views->runId()).arg(epoch->epoch + 1);
    }
    auto* dialog = new widgets::ExportDialog(subject, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::exportNetwork(const engine::EpochMetrics& epoch) {
    // A network of another space than the DARTS cell: its JSON form, summary, costs and manifest.
    const auto& config = *m_views->config();
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Export the derived network to a folder"));
    if (folder.isEmpty()) return;
    try {
        auto manifest = exporting::currentManifest(engine::toJson(config), config.seed, {});
        manifest.runId = m_views->runId().value_or(0);
        manifest.epoch = epoch.epoch;
        const space::Architecture network{search::strategyDescriptor(config.strategy).space,
                                          nlohmann::json::parse(epoch.architecture)};
        const auto written = exporting::exportArchitecture(
            folder.toStdString(), network, config.space, manifest, epoch.validAccuracy);
        QStringList names;
        for (const auto& path : written) names << widgets::toQString(path);
        m_views->appendLog(tr("Exported: %1").arg(names.join(QStringLiteral(", "))));
    } catch (const std::exception& e) {
        showError(tr("Cannot export the network"), widgets::toQString(e.what()));
    }
}

void MainWindow::trainFoundCell() {
    const auto& epoch = m_views->lastEpoch();
    if (!epoch || !m_views->config() || !m_views->runId()) {
        QMessageBox::information(
            this, tr("Train found cell"),
            tr("Open a run with at least one finished epoch first: its derived "
               "cell is what gets trained."));
        return;
    }
    if (!epoch->architecture.empty()) {
        QMessageBox::information(
            this, tr("Train found cell"),
            tr("This run derived a layer network, not a cell: every network it reports was "
               "already trained from scratch, and its accuracy is that training's."));
        return;
    }
    TrainSubject subject;
    subject.runId = *m_views->runId();
    subject.genotype = epoch->genotype;
    subject.dataset = m_views->config()->dataset;
    subject.runFolder = runFolder(subject.runId);
    auto* dialog = new TrainDialog(subject, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TrainDialog::trained, this, [this](std::int64_t runId) {
        m_views->appendLog(
            tr("Run %1: the found cell was trained; its weights can be exported.").arg(runId));
    });
    dialog->show();
}

void MainWindow::showPredictor() { m_predictorDock->showRun(m_views->runId()); }

void MainWindow::exportCellPicture() {
    // A run of another space: its network's strip.
    const auto* strip = m_views->editSearch()->strip();
    if (!m_views->cell()->hasGenotype() && strip->nodeCount() > 0) {
        QString path = QFileDialog::getSaveFileName(this, tr("Export network picture"),
                                                    QStringLiteral("network.png"),
                                                    tr("PNG image (*.png);;SVG drawing (*.svg)"));
        if (path.isEmpty()) return;
        const bool ok = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)
                            ? strip->exportSvg(path)
                            : strip->exportPng(path);
        if (!ok) showError(tr("Export failed"), tr("Cannot write %1.").arg(path));
        return;
    }
    if (!m_views->cell()->hasGenotype()) {
        QMessageBox::information(this, tr("Export cell picture"),
                                 tr("There is no derived cell to draw yet."));
        return;
    }
    QString selected;
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export cell picture"), QStringLiteral("cells.png"),
                                     tr("PNG image (*.png);;SVG drawing (*.svg)"), &selected);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty())
        path +=
            selected.contains(QLatin1String("svg")) ? QLatin1String(".svg") : QLatin1String(".png");
    const bool svg = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive);
    const bool ok = svg ? m_views->cell()->exportSvg(path) : m_views->cell()->exportPng(path);
    if (!ok) showError(tr("Export failed"), tr("Cannot write %1.").arg(path));
}

}  // namespace nas::studio
