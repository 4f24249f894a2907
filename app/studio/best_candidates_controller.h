#pragma once
// The predictor dock's "Best under constraints" tab: it runs a BestCandidatesJob on the run the
// panel has chosen when the view asks, and opens the studio's export dialog for any row. Rows are
// exported as networks of the run they were selected from, even after another run is chosen.
#include <QObject>
#include <QString>
#include <cstdint>
#include <optional>

#include "engine/events.h"
#include "widgets/best_candidates_data.h"

namespace nas::store {
class RunStore;
}
namespace nas::widgets {
class BestCandidatesView;
}

namespace nas::studio {

class BestCandidatesJob;

class BestCandidatesController final : public QObject {
    Q_OBJECT
  public:
    // `store`: the window's connection, which outlives this. `view` is not owned.
    BestCandidatesController(store::RunStore& store, QString workspaceRoot,
                             widgets::BestCandidatesView* view, QObject* parent = nullptr);

    // The run later requests select from; its own limits become the form's.
    void setRun(std::int64_t runId, const engine::Constraints& limits);
    [[nodiscard]] BestCandidatesJob* job() const { return m_job; }

  private:
    void find(const widgets::BestCandidatesRequest& request);
    void exportCandidate(const space::Genotype& genotype, const space::Cost& cost, int rank);
    [[nodiscard]] std::string runFolder(std::int64_t runId) const;

    store::RunStore& m_store;
    QString m_root;
    widgets::BestCandidatesView* m_view;
    BestCandidatesJob* m_job;
    std::optional<std::int64_t> m_run;
    std::optional<std::int64_t> m_resultsRun;  // the run the shown rows came from
};

}  // namespace nas::studio
