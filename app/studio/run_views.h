#pragma once
// Every view of one run in tabs (curves, architecture distribution, cell DAG, log, for
// controller strategies the controller curves and the hidden-state views, for editing strategies
// the derived network and the children, for runs with imported evaluations their table) under the
// collapse warning. Fed live from engine batches or
// all at once from a stored replay; remembers what the export dialog needs (derived genotype, its
// cost, the space, the latest alphas).
#include <QWidget>
#include <cstdint>
#include <optional>
#include <string>

#include "app/studio/engine_batch.h"
#include "space/search_space.h"
#include "widgets/run_replay.h"

class QPlainTextEdit;
class QTabWidget;

namespace nas::widgets {
class AlphaDistributionView;
class CellDagView;
class CollapseAlert;
class ControllerCurvesView;
class EditSearchView;
class EvaluationsTable;
class HiddenStateMapView;
class HiddenStateScatterView;
class TrainingCurvesView;
}  // namespace nas::widgets

namespace nas::studio {

class HiddenStateWorker;

class RunViews final : public QWidget {
    Q_OBJECT
  public:
    enum Tab {
        kCurvesTab,
        kAlphasTab,
        kCellTab,
        kLogTab,
        kControllerTab,
        kHiddenDistanceTab,
        kHiddenMapTab,
        kEditsTab,
        kEvaluationsTab
    };

    explicit RunViews(QWidget* parent = nullptr);

    void clear();
    // A live run begins (after `replayBefore`, the stored part of a resumed run, if any).
    void beginLive(const RunStart& start, const std::optional<widgets::RunReplay>& replayBefore);
    // New data from the engine: every view updated once.
    void applyBatch(const EngineBatch& batch);
    // The user changed the constraints at the run's current step.
    // Asked for by the user: shown as pending from the newest step.
    void constraintsChanged(const engine::Constraints& constraints);
    // Applied by the engine before global step `step`: placed there, exactly as the store has it.
    void constraintsApplied(std::int64_t step, const engine::Constraints& constraints);
    void showReplay(const widgets::RunReplay& replay);
    void appendLog(const QString& line);

    [[nodiscard]] std::optional<std::int64_t> runId() const { return m_runId; }
    [[nodiscard]] const std::optional<engine::SearchConfig>& config() const { return m_config; }
    [[nodiscard]] const std::optional<engine::EpochMetrics>& lastEpoch() const {
        return m_lastEpoch;
    }
    [[nodiscard]] const std::optional<engine::AlphaSnapshot>& latestAlphas() const {
        return m_latestAlphas;
    }

    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] widgets::TrainingCurvesView* curves() const { return m_curves; }
    [[nodiscard]] widgets::AlphaDistributionView* alphas() const { return m_alphas; }
    [[nodiscard]] widgets::CellDagView* cell() const { return m_cell; }
    [[nodiscard]] widgets::CollapseAlert* collapseAlert() const { return m_collapse; }
    [[nodiscard]] QPlainTextEdit* log() const { return m_log; }
    [[nodiscard]] widgets::ControllerCurvesView* controllerCurves() const {
        return m_controllerCurves;
    }
    [[nodiscard]] widgets::HiddenStateScatterView* hiddenStateScatter() const {
        return m_hiddenScatter;
    }
    [[nodiscard]] widgets::HiddenStateMapView* hiddenStateMap() const { return m_hiddenMap; }
    [[nodiscard]] widgets::EditSearchView* editSearch() const { return m_edits; }
    [[nodiscard]] widgets::EvaluationsTable* evaluations() const { return m_evaluations; }
    [[nodiscard]] HiddenStateWorker* studyWorker() const { return m_study; }

  private:
    // Shows the views the run's strategy provides data for, and tells them its space and limits.
    void showStrategyViews(const std::string& strategy,
                           const std::optional<engine::SearchConfig>& config);
    // Whether the run searches DARTS cells (the cell, alpha and hidden-state views apply).
    [[nodiscard]] bool searchesCells() const;
    // The controller and hidden-state tabs: for controller strategies, and for any run whose
    // samples carry hidden states.
    void showControllerViews(bool show);

    void showEpochs(const std::vector<engine::EpochMetrics>& epochs);

    QTabWidget* m_tabs = nullptr;
    widgets::TrainingCurvesView* m_curves = nullptr;
    widgets::AlphaDistributionView* m_alphas = nullptr;
    widgets::CellDagView* m_cell = nullptr;
    widgets::CollapseAlert* m_collapse = nullptr;
    QPlainTextEdit* m_log = nullptr;
    widgets::ControllerCurvesView* m_controllerCurves = nullptr;
    widgets::HiddenStateScatterView* m_hiddenScatter = nullptr;
    widgets::HiddenStateMapView* m_hiddenMap = nullptr;
    widgets::EditSearchView* m_edits = nullptr;
    widgets::EvaluationsTable* m_evaluations = nullptr;
    HiddenStateWorker* m_study = nullptr;
    std::string m_space = space::kCellSpace;  // the run's search space
    std::optional<std::int64_t> m_runId;
    std::optional<engine::SearchConfig> m_config;
    std::optional<engine::EpochMetrics> m_lastEpoch;
    std::optional<engine::AlphaSnapshot> m_latestAlphas;
};

}  // namespace nas::studio
