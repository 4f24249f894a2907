#include "app/studio/run_views.h"

#include <QDateTime>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "app/studio/hidden_state_worker.h"
#include "search/registry/strategy_registry.h"
#include "widgets/alpha_distribution_view.h"
#include "widgets/cell_dag_view.h"
#include "widgets/collapse_alert.h"
#include "widgets/controller_curves_view.h"
#include "widgets/edit_search_view.h"
#include "widgets/evaluations_table.h"
#include "widgets/hidden_state_map_view.h"
#include "widgets/hidden_state_scatter_view.h"
#include "widgets/number_format.h"
#include "widgets/qt_text.h"
#include "widgets/status_text.h"
#include "widgets/training_curves_view.h"

namespace nas::studio {

RunViews::RunViews(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("runViews"));
    m_collapse = new widgets::CollapseAlert(this);
    m_curves = new widgets::TrainingCurvesView(this);
    m_curves->setObjectName(QStringLiteral("trainingCurvesView"));
    m_alphas = new widgets::AlphaDistributionView(this);
    m_alphas->setObjectName(QStringLiteral("alphaDistributionView"));
    m_cell = new widgets::CellDagView(this);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("runLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);  // a long run's log must not grow without bound
    m_controllerCurves = new widgets::ControllerCurvesView(this);
    m_controllerCurves->setObjectName(QStringLiteral("controllerCurvesView"));
    m_hiddenScatter = new widgets::HiddenStateScatterView(this);
    m_hiddenScatter->setObjectName(QStringLiteral("hiddenStateScatterView"));
    m_hiddenMap = new widgets::HiddenStateMapView(this);
    m_hiddenMap->setObjectName(QStringLiteral("hiddenStateMapView"));
    m_edits = new widgets::EditSearchView(this);
    m_edits->setObjectName(QStringLiteral("editSearchView"));
    m_evaluations = new widgets::EvaluationsTable(this);
    m_study = new HiddenStateWorker(this);
    connect(m_study, &HiddenStateWorker::snapshotReady, this,
            [this](const widgets::HiddenStateSnapshot& snapshot) {
                m_hiddenScatter->setSnapshot(snapshot);
                m_hiddenMap->setSnapshot(snapshot);
            });

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->insertTab(kCurvesTab, m_curves, tr("Training curves"));
    m_tabs->insertTab(kAlphasTab, m_alphas, tr("Architecture distribution"));
    m_tabs->insertTab(kCellTab, m_cell, tr("Derived cells"));
    m_tabs->insertTab(kLogTab, m_log, tr("Log"));
    m_tabs->insertTab(kControllerTab, m_controllerCurves, tr("Controller"));
    m_tabs->insertTab(kHiddenDistanceTab, m_hiddenScatter, tr("Hidden-state distance"));
    m_tabs->insertTab(kHiddenMapTab, m_hiddenMap, tr("Hidden-state map"));
    m_tabs->insertTab(kEditsTab, m_edits, tr("Edits"));
    m_tabs->insertTab(kEvaluationsTab, m_evaluations, tr("Evaluated"));
    showControllerViews(false);
    m_tabs->setTabVisible(kEditsTab, false);
    m_tabs->setTabVisible(kEvaluationsTab, false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_collapse);
    layout->addWidget(m_tabs, 1);
}

void RunViews::showStrategyViews(const std::string& strategy,
                                 const std::optional<engine::SearchConfig>& config) {
    // The op-distribution views only for strategies that learn one (random search samples
    // uniformly); a strategy this build does not know keeps every cell view.
    const auto* descriptor = search::findStrategy(strategy);
    m_space = descriptor ? descriptor->space : space::kCellSpace;
    m_tabs->setTabVisible(kAlphasTab, !descriptor || descriptor->learnsOpDistribution);
    m_tabs->setTabVisible(kCellTab, searchesCells());
    showControllerViews(descriptor && descriptor->family == search::StrategyFamily::Controller);
    const bool editing = descriptor && descriptor->family == search::StrategyFamily::Editing;
    m_tabs->setTabVisible(kEditsTab, editing);
    if (editing) m_edits->setRun(m_space, config ? config->constraints : engine::Constraints{});
}

bool RunViews::searchesCells() const { return m_space == space::kCellSpace; }

void RunViews::showControllerViews(bool show) {
    for (int tab : {kControllerTab, kHiddenDistanceTab, kHiddenMapTab})
        m_tabs->setTabVisible(tab, show);
}

void RunViews::clear() {
    m_runId.reset();
    m_config.reset();
    m_lastEpoch.reset();
    m_latestAlphas.reset();
    m_curves->clear();
    m_alphas->clear();
    m_cell->clear();
    m_collapse->reset();
    m_log->clear();
    m_controllerCurves->clear();
    m_hiddenScatter->clear();
    m_hiddenMap->clear();
    m_edits->clear();
    m_evaluations->setSamples({});
    m_tabs->setTabVisible(kEvaluationsTab, false);
    m_study->reset(std::nullopt);
}

void RunViews::beginLive(const RunStart& start,
                         const std::optional<widgets::RunReplay>& replayBefore) {
    if (replayBefore) {
        showReplay(*replayBefore);
    } else {
        clear();
        m_curves->setInitialConstraints(start.config.constraints);
        m_study->reset(start.config.space);
    }
    // The temperature plot's note depends on the strategy (SNAS has one, the others none).
    m_curves->setStrategy(widgets::toQString(start.config.strategy));
    showStrategyViews(start.config.strategy, start.config);
    m_runId = start.runId;
    m_config = start.config;
    appendLog(start.startEpoch > 0
                  ? tr("Run %1 resumed at epoch %2.").arg(start.runId).arg(start.startEpoch + 1)
                  : tr("Run %1 started.").arg(start.runId));
}

void RunViews::applyBatch(const EngineBatch& batch) {
    if (!batch.steps.empty()) m_curves->appendSteps(batch.steps);
    if (!batch.epochs.empty()) {
        m_curves->appendEpochs(batch.epochs);
        // The cost header ("40.4 k of 40.0 k") follows the newest epoch's network: the last
        // epoch arrives after the last step, so the steps' redraw alone left it one epoch behind.
        m_curves->setCostMetric(m_curves->costMetric());
        showEpochs(batch.epochs);
    }
    if (!batch.alphas.empty()) {
        m_alphas->appendSnapshots(batch.alphas);
        m_latestAlphas = batch.alphas.back();
        m_cell->setAlphas(batch.alphas.back());
    }
    for (const auto& [step, constraints] : batch.constraintChanges)
        constraintsApplied(step, constraints);
    if (!batch.steps.empty() || !batch.epochs.empty()) m_curves->refresh();
    for (const auto& [status, message] : batch.statuses) {
        const QString text =
            message.empty() ? tr("Status: %1").arg(widgets::statusText(status))
                            : tr("Status: %1 (%2)")
                                  .arg(widgets::statusText(status), widgets::toQString(message));
        appendLog(text);
    }
    for (const std::string& line : batch.logs) appendLog(widgets::toQString(line));
    if (!batch.samples.empty() && !searchesCells()) {
        m_edits->appendChildren(batch.samples);
    } else if (!batch.samples.empty()) {
        m_controllerCurves->appendSamples(batch.samples);
        m_study->addSamples(batch.samples);
        if (std::any_of(batch.samples.begin(), batch.samples.end(), widgets::hasHiddenState))
            showControllerViews(true);
    }
    if (!batch.samples.empty())
        appendLog(
            tr("%n architecture(s) sampled.", nullptr, static_cast<int>(batch.samples.size())));
}

void RunViews::showEpochs(const std::vector<engine::EpochMetrics>& epochs) {
    m_lastEpoch = epochs.back();
    if (searchesCells()) {
        m_cell->setGenotype(m_lastEpoch->genotype);
        m_collapse->check(m_lastEpoch->genotype);
    } else {
        m_edits->setDerived(*m_lastEpoch);
    }
    for (const auto& e : epochs)
        appendLog(
            tr("Epoch %1: train loss %2, validation accuracy %3, %4 parameters")
                .arg(e.epoch + 1)
                .arg(e.trainLoss, 0, 'f', 4)
                .arg(widgets::formatPercent(e.validAccuracy), widgets::formatCount(e.cost.params)));
}

void RunViews::constraintsChanged(const engine::Constraints& constraints) {
    m_curves->setPendingConstraints(constraints);
    m_curves->refresh();
    appendLog(tr("Constraints changed; the engine applies them before its next step."));
}

void RunViews::constraintsApplied(std::int64_t step, const engine::Constraints& constraints) {
    m_curves->addConstraintChange(step, constraints);
    if (!searchesCells()) m_edits->setConstraints(constraints);
    m_curves->refresh();
}

void RunViews::showReplay(const widgets::RunReplay& replay) {
    clear();
    m_runId = replay.record.id;
    m_config = replay.config;
    m_curves->setRun(replay.steps, replay.epochs,
                     replay.config ? replay.config->constraints : engine::Constraints{},
                     replay.constraintChanges);
    m_curves->setStrategy(widgets::toQString(replay.record.strategy));
    showStrategyViews(replay.record.strategy, replay.config);
    // The limits the run ended under, where the user changed them.
    if (!searchesCells() && !replay.constraintChanges.empty())
        m_edits->setConstraints(replay.constraintChanges.back().second);
    m_alphas->setSnapshots(replay.alphas);
    if (!replay.alphas.empty()) {
        m_latestAlphas = replay.alphas.back();
        m_cell->setAlphas(replay.alphas.back());
    }
    if (!replay.epochs.empty()) showEpochs(replay.epochs);
    // Candidates trained from scratch and imported (`evaluate`, `import-results`).
    m_evaluations->setSamples(replay.samples);
    m_tabs->setTabVisible(kEvaluationsTab, m_evaluations->rowCount() > 0);
    if (!searchesCells()) {
        m_edits->setChildren(replay.samples);
    } else {
        m_controllerCurves->setSamples(replay.samples);
        m_study->reset(replay.config ? std::optional(replay.config->space) : std::nullopt);
        m_study->addSamples(widgets::lastStudied(replay.samples, m_study->window()));
        if (std::any_of(replay.samples.begin(), replay.samples.end(), widgets::hasHiddenState))
            showControllerViews(true);
    }
    appendLog(tr("Replaying run %1 (%2): %3 epochs, %4 steps, %5 snapshots.")
                  .arg(replay.record.id)
                  .arg(widgets::statusText(replay.record.status))
                  .arg(replay.epochs.size())
                  .arg(replay.steps.size())
                  .arg(replay.alphas.size()));
    if (!replay.record.error.empty())
        appendLog(tr("Error: %1").arg(widgets::toQString(replay.record.error)));
}

void RunViews::appendLog(const QString& line) {
    m_log->appendPlainText(QStringLiteral("[%1] %2").arg(
        QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

}  // namespace nas::studio
