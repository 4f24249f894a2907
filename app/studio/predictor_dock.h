#pragma once
// The studio's predictor panel in a dock (Run ▸ Predictor): it lists the workspace's runs, reads
// the chosen run's cells and fitted predictors from the store and its folder, asks the predictor
// on every edit, fits a new one as a PredictorFitJob, and measures latency on a worker thread. A
// second tab holds the chosen run's best predicted architectures under constraints
// (BestCandidatesController).
#include <QDockWidget>
#include <QString>
#include <QTabWidget>
#include <cstdint>
#include <memory>
#include <optional>

#include "app/studio/worker_thread.h"
#include "widgets/predictor_fit_box.h"

namespace nas::store {
class RunStore;
}
namespace nas::space {
struct Genotype;
struct SpaceConfig;
}  // namespace nas::space
namespace nas::widgets {
class BestCandidatesView;
class PredictorPanel;
}  // namespace nas::widgets

namespace nas::studio {

class BestCandidatesController;
class PredictorFitJob;

class PredictorDock final : public QDockWidget {
    Q_OBJECT
  public:
    // `store`: the window's connection, which outlives the dock.
    PredictorDock(store::RunStore& store, QString workspaceRoot, QWidget* parent = nullptr);
    ~PredictorDock() override;

    [[nodiscard]] widgets::PredictorPanel* panel() const { return m_panel; }
    [[nodiscard]] PredictorFitJob* fitJob() const { return m_fitJob; }
    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] widgets::BestCandidatesView* bestView() const { return m_bestView; }
    [[nodiscard]] BestCandidatesController* best() const { return m_best; }
    static constexpr int kPanelTab = 0;
    static constexpr int kBestTab = 1;
    // The last problem reading a run or a predictor (tests read it).
    [[nodiscard]] const QString& lastError() const { return m_lastError; }

    // Reads the run list again (a fitted predictor or a finished run shows).
    void refreshRuns();
    // Shows the dock with run `runId` chosen (else the chosen one, else the newest run with a
    // checkpoint).
    void showRun(std::optional<std::int64_t> runId);

  private:
    void loadRun(std::int64_t runId);
    void loadPredictors(std::int64_t runId);
    void startFit(const widgets::PredictorFitRequest& request);
    void onFitFinished(bool ok, bool cancelled, double heldOutSpearman, const QString& message);
    void measureLatency(const space::Genotype& genotype, const space::SpaceConfig& space);
    [[nodiscard]] std::string runFolder(std::int64_t runId) const;

    store::RunStore& m_store;
    QString m_root;
    QTabWidget* m_tabs = nullptr;
    widgets::PredictorPanel* m_panel = nullptr;
    widgets::BestCandidatesView* m_bestView = nullptr;
    BestCandidatesController* m_best = nullptr;
    PredictorFitJob* m_fitJob = nullptr;
    std::optional<std::int64_t> m_fittingRun;
    QString m_lastError;
    bool m_placed = false;  // floated and sized on its first showing
    // Last: joined first.
    WorkerThread m_latencyWorker;
};

}  // namespace nas::studio
