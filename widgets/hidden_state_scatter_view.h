#pragma once
// Does the controller's hidden state follow the architecture? Every pair of the study's window as
// a point: hidden-state distance across, one graph measure (edit distance, common connections,
// common ops, reward difference) up, with that measure's coefficients and interval in the title.
#include <QWidget>
#include <vector>

#include "widgets/hidden_state_tracker.h"

class QCustomPlot;
class QCPGraph;
class QCPTextElement;
class QComboBox;

namespace nas::widgets {

class HiddenStateScatterView final : public QWidget {
    Q_OBJECT
  public:
    // In the order of study::StudyResult::measures.
    enum Measure { kGraphEditDistance, kCommonConnections, kCommonOps, kRewardDifference };

    explicit HiddenStateScatterView(QWidget* parent = nullptr);

    void setSnapshot(const HiddenStateSnapshot& snapshot);
    void clear();
    void setMeasure(Measure measure);
    [[nodiscard]] Measure measure() const { return m_measure; }

    [[nodiscard]] int pointCount() const;
    [[nodiscard]] QString title() const;
    [[nodiscard]] QCustomPlot* plot() const { return m_plot; }
    [[nodiscard]] QComboBox* measureChoice() const { return m_choice; }

  private:
    void rebuild();
    [[nodiscard]] static double measureOf(const study::PairMeasures& pair, Measure measure);

    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_points = nullptr;
    QCPTextElement* m_title = nullptr;
    QComboBox* m_choice = nullptr;
    Measure m_measure = kGraphEditDistance;
    study::StudyResult m_result;
    std::vector<study::PairMeasures> m_pairs;
};

// "ρ 0.42 [0.31, 0.52]" and the like; an undefined figure reads "n/a".
[[nodiscard]] QString formatCoefficient(double value);

}  // namespace nas::widgets
