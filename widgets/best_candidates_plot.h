#pragma once
// The candidates of a best-under-constraints selection as a scatter of predicted accuracy (with the
// ensemble's spread as error bars) against a chosen cost: params, FLOPs or memory access. The
// Pareto front (best_candidates_data.h) is drawn as a line through its points with their own
// markers, the chosen cost's limit as a dashed vertical line, and one selected candidate is ringed.
#include <QPoint>
#include <QWidget>
#include <optional>
#include <vector>

#include "widgets/best_candidates_data.h"
#include "widgets/constraint_limits.h"

class QComboBox;
class QCustomPlot;
class QCPErrorBars;
class QCPGraph;
class QCPItemStraightLine;
class QCPTextElement;
class QMouseEvent;

namespace nas::widgets {

class BestCandidatesPlot final : public QWidget {
    Q_OBJECT
  public:
    explicit BestCandidatesPlot(QWidget* parent = nullptr);

    void setCandidates(const std::vector<BestCandidate>& candidates,
                       const engine::Constraints& limits);
    void clear();
    void setMetric(CostMetric metric);
    [[nodiscard]] CostMetric metric() const { return m_metric; }
    // Rings candidate `index` (nullopt: none).
    void setSelected(std::optional<int> index);
    [[nodiscard]] std::optional<int> selected() const { return m_selected; }

    // Candidates on the Pareto front for the current cost, by increasing cost.
    [[nodiscard]] const std::vector<int>& front() const { return m_front; }
    // The candidate under pixel `position` of the plot (within a few pixels), if any.
    [[nodiscard]] std::optional<int> pointAt(const QPoint& position) const;
    [[nodiscard]] QPoint pixelOf(int index) const;
    [[nodiscard]] QString title() const;

    [[nodiscard]] QCustomPlot* plot() const { return m_plot; }
    [[nodiscard]] QComboBox* metricChoice() const { return m_choice; }
    [[nodiscard]] QCPGraph* pointsGraph() const { return m_points; }
    [[nodiscard]] QCPGraph* frontGraph() const { return m_frontGraph; }
    [[nodiscard]] QCPGraph* selectedGraph() const { return m_selectedGraph; }
    [[nodiscard]] QCPItemStraightLine* limitLine() const { return m_limitLine; }

  signals:
    // A click on candidate `index`'s point.
    void pointClicked(int index);

  private:
    void rebuild();
    void showSelected();
    void onPlotClicked(QMouseEvent* event);
    [[nodiscard]] double xOf(int index) const;
    [[nodiscard]] double yOf(int index) const;  // in percent

    QComboBox* m_choice = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    QCPGraph* m_points = nullptr;
    QCPErrorBars* m_errors = nullptr;
    QCPGraph* m_frontGraph = nullptr;
    QCPGraph* m_selectedGraph = nullptr;
    QCPItemStraightLine* m_limitLine = nullptr;
    CostMetric m_metric = CostMetric::Params;
    std::vector<BestCandidate> m_candidates;
    engine::Constraints m_limits;
    std::vector<int> m_front;
    std::optional<int> m_selected;
};

}  // namespace nas::widgets
