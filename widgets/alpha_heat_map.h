#pragma once
// Heat map of one cell's architecture distribution at one moment: rows are the supernet's edges,
// columns the candidate ops, colour the op's probability on that edge.
#include <qcustomplot.h>

#include "engine/events.h"

namespace nas::widgets {

class AlphaHeatMap final : public QCustomPlot {
    Q_OBJECT
  public:
    explicit AlphaHeatMap(const QString& title, QWidget* parent = nullptr);

    // Shows `cell`; an empty cell clears the map. Replots on the next event-loop pass.
    void setCell(const engine::CellAlphas& cell);
    void setSelectedEdge(int edge);
    // Off: colours span probabilities 0 to 1. On: they span the shown cell's lowest to highest
    // probability, so the small early differences between ops become visible.
    void setScaleToData(bool on);
    [[nodiscard]] bool scalesToData() const { return m_scaleToData; }
    [[nodiscard]] QCPRange colourRange() const;
    [[nodiscard]] int edgeCount() const { return m_edges; }
    [[nodiscard]] int opCount() const { return m_ops; }
    // Probability shown in a cell of the map (for tests and tooltips); -1 outside the map.
    [[nodiscard]] double probabilityAt(int edge, int op) const;

  signals:
    void edgeClicked(int edge);

  private:
    void rebuildAxes(const std::vector<std::string>& ops, int edges);
    [[nodiscard]] bool cellAt(const QPoint& pos, int& edge, int& op) const;
    void showTooltip(QMouseEvent* event);
    void handleClick(QMouseEvent* event);
    void updateColourRange();

    QCPColorMap* m_map = nullptr;
    QCPItemRect* m_selection = nullptr;
    QCPColorScale* m_scale = nullptr;
    bool m_scaleToData = false;
    std::vector<std::string> m_opNames;
    int m_edges = 0;
    int m_ops = 0;
};

}  // namespace nas::widgets
