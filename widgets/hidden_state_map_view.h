#pragma once
// The controller's hidden states on their first two principal components, each point coloured by
// a chosen property of its architecture (reward, skip connections, parameters, epoch). A click on
// a point draws that architecture's cells beside the map.
#include <QColor>
#include <QWidget>
#include <optional>
#include <vector>

#include "widgets/hidden_state_tracker.h"

class QCustomPlot;
class QCPColorScale;
class QCPGraph;
class QCPTextElement;
class QComboBox;
class QLabel;
class QMouseEvent;

namespace nas::widgets {

class CellDagView;

class HiddenStateMapView final : public QWidget {
    Q_OBJECT
  public:
    enum Colouring { kByReward, kBySkipConnections, kByParams, kByEpoch };
    // Points fall into this many colour steps (one graph each: QCustomPlot colours per graph).
    static constexpr int kColourSteps = 16;

    explicit HiddenStateMapView(QWidget* parent = nullptr);

    void setSnapshot(const HiddenStateSnapshot& snapshot);
    void clear();
    void setColouring(Colouring colouring);
    [[nodiscard]] Colouring colouring() const { return m_colouring; }
    // Shows sample `index` of the snapshot (oldest first) in the cell drawing and marks it.
    void selectPoint(int index);

    [[nodiscard]] int pointCount() const { return static_cast<int>(m_points.size()); }
    [[nodiscard]] QColor pointColour(int index) const;
    // The property the colouring reads, per point; nullopt where it is unknown (no params).
    [[nodiscard]] std::optional<double> propertyOf(int index) const;
    [[nodiscard]] std::optional<int> selected() const { return m_selected; }
    // The point under pixel `position` of the plot (within a few pixels), if any.
    [[nodiscard]] std::optional<int> pointAt(const QPoint& position) const;
    [[nodiscard]] QPoint pixelOf(int index) const;
    [[nodiscard]] QString title() const;
    [[nodiscard]] QCustomPlot* plot() const { return m_plot; }
    [[nodiscard]] QComboBox* colourChoice() const { return m_choice; }
    [[nodiscard]] CellDagView* cell() const { return m_cell; }
    [[nodiscard]] QLabel* selectionLabel() const { return m_selection; }

  signals:
    void pointSelected(int index);

  private:
    void rebuild();
    void onPlotClicked(QMouseEvent* event);

    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    QCPColorScale* m_scale = nullptr;
    std::vector<QCPGraph*> m_steps;  // one per colour step
    QCPGraph* m_unknown = nullptr;
    QCPGraph* m_highlight = nullptr;
    QComboBox* m_choice = nullptr;
    QLabel* m_selection = nullptr;
    CellDagView* m_cell = nullptr;
    Colouring m_colouring = kByReward;
    std::vector<HiddenStatePoint> m_points;
    std::vector<QColor> m_colours;
    std::array<double, 2> m_variance{};
    double m_totalVariance = 0;
    std::optional<int> m_selected;
};

}  // namespace nas::widgets
