#include "app/studio/demo_driver.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <cstdio>

#include "app/studio/best_candidates_controller.h"
#include "app/studio/best_candidates_job.h"
#include "app/studio/engine_batch.h"
#include "app/studio/engine_bridge.h"
#include "app/studio/hidden_state_worker.h"
#include "app/studio/main_window.h"
#include "app/studio/predictor_dock.h"
#include "app/studio/predictor_fit_job.h"
#include "app/studio/run_views.h"
#include "widgets/best_candidates_form.h"
#include "widgets/best_candidates_model.h"
#include "widgets/best_candidates_view.h"
#include "widgets/controller_compare_dialog.h"
#include "widgets/export_dialog.h"
#include "widgets/hidden_state_map_view.h"
#include "widgets/launch_panel.h"
#include "widgets/predictor_fit_box.h"
#include "widgets/predictor_panel.h"
#include "widgets/run_browser.h"

namespace nas::studio {
namespace {

// Small enough to finish in a few minutes on two busy CPU cores, big enough to show every view;
// a high architecture learning rate makes the distribution visibly move in so few steps. One
// thread: tensors this small gain nothing from two, and on a busy machine LibTorch's OpenMP
// threads would wait for each other at every op.
const char* const kDemoConfig = R"({
  "name": "demo-snas-synthetic", "strategy": "snas", "device": "cpu", "seed": 7, "threads": 1,
  "epochs": 4, "batch_size": 8, "steps_per_epoch": 5,
  "dataset": {"name": "synthetic", "synthetic_count": 128, "synthetic_shape": [3, 16, 16]},
  "space": {"channels": 4, "layers": 5, "nodes": 4},
  "arch_optimizer": {"lr": 0.05},
  "constraints": {"max_params": 200000, "preset": "mild"}
})";

// The controller views' demo: a few controller updates per epoch, a small LSTM, one batch per
// score. The samples' graph edit distances run on the studio's study worker meanwhile.
const char* const kEnasConfig = R"({
  "name": "demo-enas-synthetic", "strategy": "enas", "device": "cpu", "seed": 7, "threads": 1,
  "epochs": 3, "batch_size": 8, "steps_per_epoch": 4,
  "dataset": {"name": "synthetic", "synthetic_count": 128, "synthetic_shape": [3, 16, 16]},
  "space": {"channels": 4, "layers": 3, "nodes": 4},
  "enas": {"lstm_size": 16, "train_steps": 4, "num_aggregate": 4, "derive_samples": 6,
           "derive_batches": 1}
})";

// What ENAS is compared with: random search with weight sharing on the same data (its samples
// have scores but no hidden states).
const char* const kRandomConfig = R"({
  "name": "demo-random-synthetic", "strategy": "random", "device": "cpu", "seed": 7, "threads": 1,
  "epochs": 3, "batch_size": 8, "steps_per_epoch": 4,
  "dataset": {"name": "synthetic", "synthetic_count": 128, "synthetic_shape": [3, 16, 16]},
  "space": {"channels": 4, "layers": 3, "nodes": 4},
  "random": {"candidates": 12, "candidate_batches": 1, "rerank": 2, "epoch_candidates": 12,
             "calibration_batches": 1}
})";

// RENA's views: a layer chain edited under a parameter budget below the seed network's, so the
// children split into those that keep it and those that break it; each child trains on 64 images.
const char* const kRenaConfig = R"({
  "name": "demo-rena-synthetic", "strategy": "rena", "device": "cpu", "seed": 7, "threads": 1,
  "epochs": 4, "batch_size": 16,
  "dataset": {"name": "synthetic", "synthetic_count": 128, "synthetic_shape": [3, 16, 16]},
  "constraints": {"max_params": 40000},
  "rena": {"children_per_update": 6, "edits_per_child": 2, "child": {"batch_size": 16},
           "policy": {"hidden": 16, "embedding": 16}}
})";

constexpr int kPollMs = 100;
constexpr int kMinimumScreenshots = 15;

void log(const QString& text) { std::fprintf(stderr, "nas-studio demo: %s\n", qPrintable(text)); }

}  // namespace

DemoDriver::DemoDriver(MainWindow& window, QString screenshotsDir, QObject* parent)
    : QObject(parent), m_window(window), m_dir(std::move(screenshotsDir)) {}

void DemoDriver::start() {
    if (!QDir().mkpath(m_dir)) {
        log(QStringLiteral("cannot create %1").arg(m_dir));
        finish(1);
        return;
    }
    connect(&m_window, &MainWindow::searchEnded, this, &DemoDriver::onEnded);
    // Tighten the parameter limit once the first derived cell exists: the feasible region moves.
    connect(m_window.bridge(), &EngineBridge::batchReady, this, [this](const EngineBatch& batch) {
        if (m_tightened || batch.epochs.empty()) return;
        m_tightened = true;
        engine::Constraints tighter =
            m_window.launchPanel()->validate().value_or(engine::SearchConfig{}).constraints;
        tighter.maxParams = batch.epochs.back().cost.params * 0.9;
        m_window.applyConstraints(tighter);
    });
    QTimer::singleShot(kTimeoutMs, this, [this] {
        log(QStringLiteral("timed out waiting for the search"));
        takeScreenshots();
        finish(2);
    });
    if (!launch(kDemoConfig)) takeScreenshots();
}

bool DemoDriver::launch(const char* config) {
    m_window.launchPanel()->setConfigJson(nlohmann::json::parse(config));
    if (!m_window.launchPanel()->requestStart()) {
        log(QStringLiteral("the demo configuration was refused: %1")
                .arg(m_window.launchPanel()->problems().join(QLatin1Char(' '))));
        finish(1);
        return false;
    }
    log(QStringLiteral("search started"));
    return true;
}

void DemoDriver::when(std::function<bool()> ready, std::function<void()> then) {
    if (m_finished) return;
    if (ready()) {
        then();
        return;
    }
    QTimer::singleShot(kPollMs, this, [this, ready = std::move(ready), then = std::move(then)] {
        when(ready, then);
    });
}

void DemoDriver::onEnded(const engine::SearchOutcome& outcome) {
    const bool ok = outcome.status == engine::RunStatus::Finished;
    m_searchOk = (m_phase == Phase::Snas || m_searchOk) && ok;
    log(QStringLiteral("search ended: %1 %2")
            .arg(QString::fromStdString(engine::toString(outcome.status)),
                 QString::fromStdString(outcome.message)));
    // Let the last batch paint before the pictures are taken.
    QTimer::singleShot(500, this, [this, runId = outcome.runId] {
        switch (m_phase) {
            case Phase::Snas:
                m_window.runBrowser()->selectRuns({});
                takeScreenshots();
                m_phase = Phase::Enas;
                launch(kEnasConfig);
                break;
            case Phase::Enas:
                m_enasRun = runId;
                // The study worker may still be measuring the last epoch's samples.
                when([this] { return m_window.views()->studyWorker()->isIdle(); },
                     [this] {
                         takeControllerScreenshots();
                         m_phase = Phase::Random;
                         launch(kRandomConfig);
                     });
                break;
            case Phase::Random:
                m_randomRun = runId;
                compareControllers();
                break;
            case Phase::Rena:
                m_window.views()->tabs()->setCurrentIndex(RunViews::kEditsTab);
                shoot(&m_window, QStringLiteral("15-rena-edits"));
                m_window.views()->tabs()->setCurrentIndex(RunViews::kCurvesTab);
                finish(m_searchOk && m_written.size() >= kMinimumScreenshots ? 0 : 1);
                break;
        }
    });
}

void DemoDriver::takeControllerScreenshots() {
    RunViews* views = m_window.views();
    views->tabs()->setCurrentIndex(RunViews::kControllerTab);
    shoot(&m_window, QStringLiteral("09-controller-curves"));
    views->tabs()->setCurrentIndex(RunViews::kHiddenDistanceTab);
    shoot(&m_window, QStringLiteral("10-hidden-state-distance"));
    views->tabs()->setCurrentIndex(RunViews::kHiddenMapTab);
    widgets::HiddenStateMapView* map = views->hiddenStateMap();
    if (map->pointCount() > 0) map->selectPoint(map->pointCount() - 1);
    shoot(&m_window, QStringLiteral("11-hidden-state-map"));
    views->tabs()->setCurrentIndex(RunViews::kCurvesTab);
}

void DemoDriver::compareControllers() {
    m_window.compareRuns(m_enasRun, m_randomRun);
    auto* dialog = m_window.findChild<widgets::ControllerCompareDialog*>();
    if (!dialog) {
        log(QStringLiteral("no controller comparison opened"));
        finish(1);
        return;
    }
    when([dialog] { return dialog->hasStudy(0); },
         [this, dialog] {
             shoot(dialog, QStringLiteral("12-controller-comparison"));
             showPredictorPanel();
         });
}

void DemoDriver::showPredictorPanel() {
    PredictorDock* dock = m_window.predictorDock();
    dock->showRun(m_randomRun);
    widgets::PredictorPanel* panel = dock->panel();
    if (panel->chosenRun() != m_randomRun || !panel->genotype()) {
        log(QStringLiteral("the predictor panel did not open run %1").arg(m_randomRun));
        finish(1);
        return;
    }
    // A few dozen scored architectures (these and the run's recorded ones) and a short fit: enough
    // for a real prediction with a visible spread, in seconds.
    panel->fitBox()->setRequest({predictor::PredictorModel::Gcn, 24, 200, "batch"});
    connect(dock->fitJob(), &PredictorFitJob::finished, this,
            [this, dock, panel](bool ok, bool, double spearman, const QString& message) {
                log(ok ? QStringLiteral("predictor fitted, held-out Spearman %1").arg(spearman)
                       : QStringLiteral("the predictor fit FAILED: %1").arg(message));
                if (!ok || !panel->prediction()) {
                    finish(1);
                    return;
                }
                // A parameter limit a little above the cell: the verdict shows it met.
                engine::Constraints limits;
                limits.maxParams = panel->cost()->params * 1.2;
                panel->setConstraints(limits);
                panel->findChild<QPushButton*>(QStringLiteral("measureLatencyButton"))->click();
                when([panel] { return !panel->measuringLatency(); },
                     [this, dock, limits] {
                         shoot(dock, QStringLiteral("13-predictor-panel"));
                         showBestCandidates(limits);
                     });
            });
    dock->findChild<QPushButton*>(QStringLiteral("fitButton"))->click();
}

void DemoDriver::showBestCandidates(const engine::Constraints& limits) {
    PredictorDock* dock = m_window.predictorDock();
    dock->tabs()->setCurrentIndex(PredictorDock::kBestTab);
    widgets::BestCandidatesView* view = dock->bestView();
    // The panel's limit, a pool the demo's small GCN ranks in a second or two.
    widgets::BestCandidatesRequest request = view->request();
    request.selection.constraints = limits;
    request.selection.pool = 500;
    request.selection.top = 8;
    view->setRequest(request);
    view->form()->findButton()->click();
    when([dock] { return !dock->best()->job()->isRunning(); },
         [this, dock, view] {
             if (view->model()->rowCount() == 0) log(QStringLiteral("no best candidates"));
             view->selectCandidate(0);
             shoot(dock, QStringLiteral("14-predictor-best-under-constraints"));
             dock->hide();
             m_phase = Phase::Rena;
             launch(kRenaConfig);
         });
}

bool DemoDriver::shoot(QWidget* widget, const QString& name) {
    // Plots repaint lazily (queued replots): draw them now so the picture is current.
    for (QCustomPlot* plot : widget->findChildren<QCustomPlot*>())
        plot->replot(QCustomPlot::rpImmediateRefresh);
    QApplication::processEvents();
    const QString path = QDir(m_dir).filePath(name + QStringLiteral(".png"));
    const bool ok = widget->grab().save(path, "PNG");
    if (ok) m_written << path;
    log(QStringLiteral("%1 %2").arg(ok ? QStringLiteral("saved") : QStringLiteral("FAILED to save"),
                                    path));
    return ok;
}

void DemoDriver::takeScreenshots() {
    RunViews* views = m_window.views();
    const QStringList names{QStringLiteral("02-training-curves"),
                            QStringLiteral("03-architecture-distribution"),
                            QStringLiteral("04-derived-cells"), QStringLiteral("05-log")};
    views->tabs()->setCurrentIndex(RunViews::kCurvesTab);
    shoot(&m_window, QStringLiteral("01-main-window"));
    for (int tab = 0; tab < names.size(); ++tab) {
        views->tabs()->setCurrentIndex(tab);
        shoot(&m_window, names[tab]);
    }
    views->tabs()->setCurrentIndex(RunViews::kCurvesTab);
    shoot(m_window.launchDock(), QStringLiteral("06-launch-panel"));
    shoot(m_window.runsDock(), QStringLiteral("07-run-browser"));
    if (views->lastEpoch() && views->config()) {
        widgets::ExportSubject subject;
        subject.genotype = views->lastEpoch()->genotype;
        subject.space = views->config()->space;
        subject.cost = views->lastEpoch()->cost;
        subject.alphas = views->latestAlphas();
        widgets::ExportDialog dialog(subject, &m_window);
        dialog.show();
        shoot(&dialog, QStringLiteral("08-export-dialog"));
    }
}

void DemoDriver::finish(int exitCode) {
    if (m_finished) return;
    m_finished = true;
    emit done(exitCode);
}

}  // namespace nas::studio
