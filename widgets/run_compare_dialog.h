#pragma once
// Two runs compared: their epoch curves (loss, validation accuracy, cost) on shared axes, and the
// genotypes they derived side by side, node by node, with the nodes that differ highlighted and
// each network's cost from the analytic cost model.
#include <QDialog>
#include <optional>

#include "space/cost_model.h"
#include "widgets/run_replay.h"

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace nas::widgets {

class RunCompareDialog final : public QDialog {
    Q_OBJECT
  public:
    RunCompareDialog(const RunReplay& first, const RunReplay& second, QWidget* parent = nullptr);

    enum Plot { kLossPlot, kAccuracyPlot, kCostPlot };
    [[nodiscard]] QCustomPlot* plot(Plot which) const { return m_plots[which]; }
    [[nodiscard]] QTableWidget* genotypeTable() const { return m_table; }
    // Rows of the genotype table whose two sides differ.
    [[nodiscard]] int differingRows() const { return m_differing; }
    // The cost of run `side`'s last derived genotype; nullopt when it derived none.
    [[nodiscard]] const std::optional<space::Cost>& cost(int side) const { return m_costs[side]; }

  private:
    void buildPlots(const RunReplay& first, const RunReplay& second);
    void buildGenotypeTable(const RunReplay& first, const RunReplay& second);

    QCustomPlot* m_plots[3] = {nullptr, nullptr, nullptr};
    QTableWidget* m_table = nullptr;
    QLabel* m_costLabel = nullptr;
    std::optional<space::Cost> m_costs[2];
    int m_differing = 0;
};

// Heading of a run in comparisons and titles: "#3 darts-synthetic (DARTS, Synthetic)".
[[nodiscard]] QString runHeading(const store::RunRecord& run);

// The cost of the last genotype `replay` derived, in its own search space (the stored figure
// when the configuration no longer parses); nullopt when it derived none.
[[nodiscard]] std::optional<space::Cost> derivedCost(const RunReplay& replay);

}  // namespace nas::widgets
