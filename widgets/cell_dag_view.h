#pragma once
// The derived genotype's two cells as DAGs, side by side, with edge widths and tooltips from the
// latest architecture distribution; exportable as PNG and SVG. With clickable edges, a click on an
// op edge (or its label) says which edge it was, for editing.
#include <QGraphicsView>
#include <optional>
#include <vector>

#include "engine/events.h"
#include "space/genotype.h"

class QGraphicsPathItem;

namespace nas::widgets {

class CellDagView final : public QGraphicsView {
    Q_OBJECT
  public:
    explicit CellDagView(QWidget* parent = nullptr);

    void setGenotype(const space::Genotype& genotype);
    // The distribution that sets widths and tooltips; redraws when a genotype is shown.
    void setAlphas(const engine::AlphaSnapshot& snapshot);
    void clear();

    [[nodiscard]] bool hasGenotype() const { return m_genotype.has_value(); }
    [[nodiscard]] const std::vector<QGraphicsPathItem*>& opEdgeItems() const { return m_opEdges; }

    // Clickable edges: a left click on an op edge or its label emits edgeClicked instead of
    // dragging the drawing.
    void setEdgesClickable(bool clickable);

    // The drawing at its natural size on white; false (and nothing written) when the file fails.
    [[nodiscard]] bool exportPng(const QString& path, double scale = 2.0) const;
    [[nodiscard]] bool exportSvg(const QString& path) const;

  signals:
    // Edge `edge` (index into the cell's edges) of the normal or the reduction cell was clicked
    // at `globalPos`.
    void edgeClicked(bool reduction, int edge, QPoint globalPos);

  protected:
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

  private:
    void rebuild();
    void fit();
    // Whether the two cells drawn side by side fill this view better than one above the other.
    [[nodiscard]] bool sideBySideFits() const;

    QGraphicsScene* m_scene = nullptr;
    std::optional<space::Genotype> m_genotype;
    std::optional<engine::AlphaSnapshot> m_alphas;
    std::vector<QGraphicsPathItem*> m_opEdges;
    bool m_userZoomed = false;
    bool m_sideBySide = false;
    bool m_edgesClickable = false;
};

}  // namespace nas::widgets
