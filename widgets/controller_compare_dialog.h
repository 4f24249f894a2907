#pragma once
// Two runs of sampling strategies compared (ENAS with and without its memory buffer, ENAS against
// random search with weight sharing): the hidden-state correlation table side by side and the
// reward distributions on one histogram. The dialog shows the rewards at once; the studies are
// slow (graph edit distances), so its host computes them off the GUI thread and hands each in.
#include <QDialog>
#include <optional>
#include <vector>

#include "study/hidden_state_study.h"
#include "widgets/run_replay.h"

class QCustomPlot;
class QCPBars;
class QTableWidget;

namespace nas::widgets {

class ControllerCompareDialog final : public QDialog {
    Q_OBJECT
  public:
    static constexpr int kBins = 20;

    ControllerCompareDialog(const RunReplay& first, const RunReplay& second,
                            QWidget* parent = nullptr);

    // Run `side`'s study (0 or 1): fills its columns of the table.
    void setStudy(int side, const study::StudyResult& result);
    // Run `side` has no hidden states: its columns say so.
    void setNoStudy(int side);

    [[nodiscard]] bool hasStudy(int side) const { return m_studied[side]; }
    // The rewards drawn for run `side` (its controller or search samples, not the derive ones).
    [[nodiscard]] int rewardCount(int side) const {
        return static_cast<int>(m_rewards[side].size());
    }
    [[nodiscard]] QCPBars* histogram(int side) const { return m_bars[side]; }
    [[nodiscard]] QCustomPlot* rewardPlot() const { return m_plot; }
    [[nodiscard]] QTableWidget* correlationTable() const { return m_table; }

  private:
    void buildHistogram(const RunReplay& first, const RunReplay& second);
    void buildTable(const RunReplay& first, const RunReplay& second);

    QCustomPlot* m_plot = nullptr;
    QCPBars* m_bars[2] = {nullptr, nullptr};
    QTableWidget* m_table = nullptr;
    std::vector<double> m_rewards[2];
    bool m_studied[2] = {false, false};
};

// The rewards of a run's samples the histogram counts: each sample's reward (its score where it
// has none), derive samples left out.
[[nodiscard]] std::vector<double> sampleRewards(const std::vector<engine::SampleRecord>& samples);

}  // namespace nas::widgets
