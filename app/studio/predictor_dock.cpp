#include "app/studio/predictor_dock.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/studio/best_candidates_controller.h"
#include "app/studio/predictor_fit_job.h"
#include "engine/checkpoint_files.h"
#include "engine/error_text.h"
#include "engine/inspect.h"
#include "engine/search_config.h"
#include "engine/workspace.h"
#include "predictor/architecture_check.h"
#include "predictor/score_cache.h"
#include "store/run_store.h"
#include "widgets/best_candidates_view.h"
#include "widgets/predictor_panel.h"
#include "widgets/qt_text.h"

namespace nas::studio {
namespace {

namespace fs = std::filesystem;

// The recorded samples a run offers as start cells: the newest ones.
constexpr std::size_t kStartSamples = 100;

}  // namespace

PredictorDock::PredictorDock(store::RunStore& store, QString workspaceRoot, QWidget* parent)
    : QDockWidget(tr("Predictor"), parent), m_store(store), m_root(std::move(workspaceRoot)) {
    setObjectName(QStringLiteral("predictorDock"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("predictorTabs"));
    m_panel = new widgets::PredictorPanel(m_tabs);
    m_bestView = new widgets::BestCandidatesView(m_tabs);
    m_tabs->addTab(m_panel, tr("Edit a cell"));
    m_tabs->addTab(m_bestView, tr("Best under constraints"));
    setWidget(m_tabs);
    m_best = new BestCandidatesController(store, m_root, m_bestView, this);
    m_fitJob = new PredictorFitJob(this);
    auto* box = m_panel->fitBox();
    connect(m_panel, &widgets::PredictorPanel::runChosen, this, &PredictorDock::loadRun);
    connect(m_panel, &widgets::PredictorPanel::latencyRequested, this,
            &PredictorDock::measureLatency);
    connect(box, &widgets::PredictorFitBox::fitRequested, this, &PredictorDock::startFit);
    connect(box, &widgets::PredictorFitBox::cancelRequested, m_fitJob,
            &PredictorFitJob::requestCancel);
    connect(m_fitJob, &PredictorFitJob::scored, box,
            &widgets::PredictorFitBox::architecturesScored);
    connect(m_fitJob, &PredictorFitJob::progress, box, &widgets::PredictorFitBox::fitProgress);
    connect(m_fitJob, &PredictorFitJob::finished, this, &PredictorDock::onFitFinished);
}

PredictorDock::~PredictorDock() = default;  // the fit job and the latency worker join

std::string PredictorDock::runFolder(std::int64_t runId) const {
    return engine::Workspace(m_root.toStdString()).runFolder(runId);
}

void PredictorDock::refreshRuns() {
    std::vector<widgets::PredictorRunEntry> entries;
    try {
        for (const auto& record : m_store.listRuns()) {
            widgets::PredictorRunEntry entry;
            entry.id = record.id;
            entry.name = widgets::toQString(record.name.empty() ? record.strategy : record.name);
            const auto folder = runFolder(record.id);
            if (const auto checkpoint = m_store.latestCheckpoint(record.id))
                entry.hasCheckpoint =
                    fs::exists(engine::resolveCheckpoint(folder, checkpoint->path));
            auto fitted = [&](predictor::PredictorModel model) {
                return fs::exists(fs::path(folder) / predictor::predictorFileName(model));
            };
            entry.gcnFitted = fitted(predictor::PredictorModel::Gcn);
            entry.mlpFitted = fitted(predictor::PredictorModel::Mlp);
            entries.push_back(entry);
        }
    } catch (const std::exception& e) {
        m_lastError = widgets::toQString(engine::errorText(e));
    }
    m_panel->setRuns(entries);
}

void PredictorDock::showRun(std::optional<std::int64_t> runId) {
    refreshRuns();
    if (!m_placed && !isVisible()) {
        // Wide enough for the cells, the costs and the fit side by side.
        m_placed = true;
        setFloating(true);
        resize(1240, 820);
        if (parentWidget())
            move(parentWidget()->geometry().center() - QPoint(width() / 2, height() / 2));
    }
    show();
    raise();
    if (runId && m_panel->chosenRun() != runId) {
        m_panel->chooseRun(*runId);
    } else if (!m_panel->chosenRun()) {
        for (const auto& record : m_store.listRuns())  // newest first
            if (m_store.latestCheckpoint(record.id) && m_panel->chooseRun(record.id)) break;
    }
}

void PredictorDock::loadRun(std::int64_t runId) {
    widgets::PredictorRunCells cells;
    cells.id = runId;
    try {
        const auto record = m_store.findRun(runId);
        if (!record) return;
        const auto config = engine::parseSearchConfigText(record->configJson);
        cells.space = config.space;
        cells.constraints = config.constraints;
        const auto epochs = m_store.epochs(runId);
        if (!epochs.empty()) cells.derived = epochs.back().genotype;
        const auto samples = m_store.samples(runId);
        for (auto it = samples.rbegin(); it != samples.rend(); ++it) {
            if (cells.samples.size() == kStartSamples) break;
            try {
                auto genotype = space::genotypeFromJson(nlohmann::json::parse(it->architecture));
                predictor::checkArchitecture(genotype, config.space);
                cells.samples.push_back({tr("Sample of epoch %1, step %2 (score %3)")
                                             .arg(it->epoch + 1)
                                             .arg(it->step)
                                             .arg(it->score, 0, 'f', 3),
                                         std::move(genotype)});
            } catch (const std::exception&) {
                // Outside the predictor's cells (a node with three edges): not offered.
            }
        }
    } catch (const std::exception& e) {
        m_lastError = widgets::toQString(engine::errorText(e));
        return;
    }
    m_panel->setPredictors({});
    m_panel->setRunCells(cells);
    m_best->setRun(runId, cells.constraints);
    loadPredictors(runId);
}

void PredictorDock::loadPredictors(std::int64_t runId) {
    std::vector<widgets::PanelPredictor> predictors;
    const auto folder = runFolder(runId);
    for (const auto model : {predictor::PredictorModel::Gcn, predictor::PredictorModel::Mlp}) {
        const auto path = fs::path(folder) / predictor::predictorFileName(model);
        if (!fs::exists(path)) continue;
        try {
            auto loaded =
                std::make_shared<const predictor::Predictor>(predictor::Predictor::load(path));
            widgets::PanelPredictor p;
            p.model = model;
            p.summary = loaded->summary();
            p.predict = [loaded](const space::Genotype& genotype) {
                return loaded->predict(genotype);
            };
            predictors.push_back(std::move(p));
        } catch (const std::exception& e) {
            m_lastError = widgets::toQString(engine::errorText(e));
        }
    }
    m_panel->setPredictors(std::move(predictors));
}

void PredictorDock::startFit(const widgets::PredictorFitRequest& request) {
    const auto runId = m_panel->chosenRun();
    if (!runId || m_fitJob->isRunning()) return;
    predictor::FitRun run;
    predictor::FitJobOptions options;
    try {
        const auto record = m_store.findRun(*runId);
        const auto checkpoint = m_store.latestCheckpoint(*runId);
        if (!record || !checkpoint) return;
        const auto folder = runFolder(*runId);
        run.id = *runId;
        run.config = engine::parseSearchConfigText(record->configJson);
        run.checkpoint = engine::resolveCheckpoint(folder, checkpoint->path);
        run.samples = m_store.samples(*runId);
        run.scoreCachePath = (fs::path(folder) / predictor::scoreCacheFileName()).string();
    } catch (const std::exception& e) {
        m_panel->fitBox()->fitFinished(false, false, widgets::toQString(engine::errorText(e)));
        return;
    }
    options.samples = request.samples;
    options.scoring.bnMode = request.bnMode;
    options.predictor.model = request.model;
    options.predictor.epochs = request.epochs;
    // About 50 points per member on the held-out plot.
    options.reportEvery = std::max(1, request.epochs / 50);
    const auto path = fs::path(runFolder(*runId)) / predictor::predictorFileName(request.model);
    if (m_fitJob->start(std::move(run), options, QString::fromStdString(path.string()))) {
        m_fittingRun = runId;
        m_panel->fitBox()->fitStarted();
    }
}

void PredictorDock::onFitFinished(bool ok, bool cancelled, double heldOutSpearman,
                                  const QString& message) {
    QString text = message;
    if (ok)
        text = std::isfinite(heldOutSpearman)
                   ? tr("Fitted and saved with the run; held-out Spearman %1.")
                         .arg(heldOutSpearman, 0, 'f', 3)
                   : tr("Fitted and saved with the run.");
    m_panel->fitBox()->fitFinished(ok, cancelled, text);
    const auto fitted = std::exchange(m_fittingRun, std::nullopt);
    if (!ok) return;
    refreshRuns();
    if (fitted && m_panel->chosenRun() == fitted) loadPredictors(*fitted);
}

void PredictorDock::measureLatency(const space::Genotype& genotype,
                                   const space::SpaceConfig& space) {
    struct Result {
        std::optional<double> ms;
        QString message;
    };
    auto result = std::make_shared<Result>();
    const bool started = m_latencyWorker.start(
        [genotype, space, result] {
            try {
                result->ms = engine::inspectGenotype(genotype, space, false, true, "cpu").latencyMs;
                if (!result->ms) result->message = tr("no measurement");
            } catch (const std::exception& e) {
                result->message = QString::fromStdString(engine::errorText(e));
            }
        },
        [this, genotype, result] { m_panel->setLatency(genotype, result->ms, result->message); });
    if (!started) m_panel->setLatency(genotype, std::nullopt, tr("a measurement is running"));
}

}  // namespace nas::studio
