#pragma once
// Where the parts of a cell drawing go: an arc diagram. Every state sits on one row in
// topological order (c_{k-2}, c_{k-1}, node 0, 1, ..., c_{k}); an edge between neighbours is a
// straight line, and a longer edge is an arc that leaves the row upwards (even spans) or
// downwards (odd spans) and is higher the more columns it spans. No node lies on any edge but its
// own ends, and edges of one side and span never share an apex, so their labels never collide.
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <vector>

namespace nas::widgets {

class CellArcLayout {
  public:
    // Sizes in scene units; text is sized to match, so the whole drawing scales with the view.
    static constexpr double kColumn = 165.0;      // distance between neighbouring states
    static constexpr double kNodeRadius = 22.0;   // intermediate nodes
    static constexpr double kIoHalfWidth = 30.0;  // inputs and output: rounded boxes
    static constexpr double kIoHalfHeight = 19.0;
    static constexpr double kArcBase = 56.0;  // apex height of the lowest arc on each side
    static constexpr double kArcRise = 32.0;  // extra height per further arc on the same side
    static constexpr double kTitleHeight = 34.0;
    static constexpr double kMargin = 16.0;

    // `nodes` intermediate nodes; the drawing's top-left corner at `origin`. `outputState` is the
    // key the output has in centre() and outline().
    CellArcLayout(int nodes, QPointF origin, int outputState);

    [[nodiscard]] bool isIo(int state) const;
    [[nodiscard]] QPointF centre(int state) const;
    // The node's filled outline (a circle, or a rounded box for inputs and output).
    [[nodiscard]] QPainterPath outline(int state) const;
    [[nodiscard]] QRectF box(int state) const;
    // The edge from centre to centre, and its natural label position (the arc's apex, or the
    // middle of a straight edge).
    [[nodiscard]] QPainterPath edgePath(int from, int to) const;
    [[nodiscard]] QPointF labelAnchor(int from, int to) const;
    // The whole drawing, title included.
    [[nodiscard]] QRectF bounds() const { return m_bounds; }

  private:
    [[nodiscard]] int column(int state) const;
    // Signed apex height of an edge spanning `span` columns (negative: above the row).
    [[nodiscard]] double arcHeight(int span) const;

    int m_nodes = 1;
    int m_outputState = -1;
    QPointF m_origin;
    double m_rowY = 0;
    QRectF m_bounds;
};

// `full` cut back to where it leaves `from` and enters `to` (filled outlines), with an arrow head
// at the target's rim.
[[nodiscard]] QPainterPath clippedArrowPath(const QPainterPath& full, const QPainterPath& from,
                                            const QPainterPath& to);

// A spot for a label of `size` near `anchor` on `edge` that overlaps none of `blocked`: the
// anchor itself when it is free, otherwise the nearest free candidate along the edge or just
// beside it; the least-overlapping candidate when none is free.
[[nodiscard]] QRectF placeLabel(const QPainterPath& edge, QPointF anchor, QSizeF size,
                                const std::vector<QRectF>& blocked);

}  // namespace nas::widgets
