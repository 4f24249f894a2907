#pragma once
// Drawing one cell of a genotype as a DAG in a QGraphicsScene: inputs c_{k-2} and c_{k-1}, the
// intermediate nodes, the output c_{k}; each kept edge coloured and labelled by its op, its width
// showing how sure the search is of that op, and a tooltip with the edge's whole distribution.
#include <QGraphicsScene>
#include <QPointF>
#include <QRectF>
#include <vector>

#include "engine/events.h"
#include "space/genotype.h"

class QGraphicsPathItem;

namespace nas::widgets {

// Marks op-edge items (QGraphicsItem::data(kDagItemRole)), so views and tests can find them.
inline constexpr int kDagItemRole = 0;
inline constexpr int kDagStateRole = 1;  // a node's state (kDagOutputState for the output)
inline constexpr int kDagFromRole = 2;   // an edge's source state
inline constexpr int kDagToRole = 3;     // an edge's target state
inline constexpr int kDagEdgeRole = 4;   // an op edge's (and its label's) index in the cell's edges
inline constexpr int kDagReductionRole = 5;  // true on the reduction cell's op edges and labels
inline constexpr int kDagOutputState = -1;
inline constexpr char kDagOpEdge[] = "op-edge";
inline constexpr char kDagConcatEdge[] = "concat-edge";
inline constexpr char kDagNode[] = "node";
inline constexpr char kDagEdgeLabel[] = "edge-label";

struct CellDrawing {
    std::vector<QGraphicsPathItem*> opEdges;  // one per genotype edge, in genotype order
    std::vector<QGraphicsItem*> edgeLabels;   // the op labels' plates
    QRectF bounds;
};

// Pen width of an edge whose op has probability `p` (thin when unsure, thick when certain).
[[nodiscard]] double edgeWidthFor(double probability);

// Draws `cell` with its top-left corner at `origin`. `alphas` (may be null or empty) gives the
// probability of each op per supernet edge, for widths and tooltips.
CellDrawing drawCell(QGraphicsScene& scene, const space::CellGenotype& cell,
                     const engine::CellAlphas* alphas, const QString& title, QPointF origin);

// A row of colour swatches for `ops`, starting at `origin`; returns its bounds.
QRectF drawOpLegend(QGraphicsScene& scene, const std::vector<std::string>& ops, QPointF origin);

}  // namespace nas::widgets
