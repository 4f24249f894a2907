#include "widgets/cell_dag_layout.h"

#include <QLineF>
#include <QPolygonF>
#include <QtMath>
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace nas::widgets {
namespace {

// Room a label needs above the highest arc and below the lowest one.
constexpr double kLabelRoom = 18.0;
// A cubic with both control points at height k peaks at 0.75 k.
constexpr double kApexOfControl = 0.75;

double overlapArea(const QRectF& a, const QRectF& b) {
    const QRectF both = a.intersected(b);
    return both.isEmpty() ? 0.0 : both.width() * both.height();
}

// A path's points by the share of its length, from one flattening of it: QPainterPath's own
// pointAtPercent measures the whole path again on every call, which made redrawing a cell with
// its arrow cuts take tens of milliseconds.
class PathByLength {
  public:
    explicit PathByLength(const QPainterPath& path) {
        const auto polygons = path.toSubpathPolygons();
        if (!polygons.isEmpty()) m_points = polygons.first();
        m_lengths.push_back(0.0);
        for (int i = 1; i < m_points.size(); ++i)
            m_lengths.push_back(m_lengths.back() + QLineF(m_points[i - 1], m_points[i]).length());
    }

    [[nodiscard]] QPointF pointAt(double t) const {
        if (m_points.size() < 2) return m_points.isEmpty() ? QPointF() : m_points.first();
        const auto [i, f] = segmentAt(t);
        return m_points[i] + (m_points[i + 1] - m_points[i]) * f;
    }
    // In degrees, counter-clockwise, as QPainterPath::angleAtPercent.
    [[nodiscard]] double angleAt(double t) const {
        if (m_points.size() < 2) return 0.0;
        return QLineF(m_points[segmentAt(t).first], m_points[segmentAt(t).first + 1]).angle();
    }

  private:
    // The segment holding share `t` of the length, and how far along it.
    [[nodiscard]] std::pair<int, double> segmentAt(double t) const {
        const double at = std::clamp(t, 0.0, 1.0) * m_lengths.back();
        const auto upper = std::upper_bound(m_lengths.begin(), m_lengths.end(), at);
        const int i = std::clamp(static_cast<int>(upper - m_lengths.begin()) - 1, 0,
                                 static_cast<int>(m_points.size()) - 2);
        const double span =
            m_lengths[static_cast<size_t>(i) + 1] - m_lengths[static_cast<size_t>(i)];
        return {i, span > 0.0 ? (at - m_lengths[static_cast<size_t>(i)]) / span : 0.0};
    }

    QPolygonF m_points;
    std::vector<double> m_lengths;  // from the start to each point
};

// The parameter (by length) where `path` crosses the rim of `shape`, searched between a point
// inside (tInside) and one outside (tOutside).
double rimCrossing(const PathByLength& path, const QPainterPath& shape, double tInside,
                   double tOutside) {
    if (!shape.contains(path.pointAt(tInside))) return tInside;
    for (int i = 0; i < 30; ++i) {
        const double mid = (tInside + tOutside) / 2.0;
        (shape.contains(path.pointAt(mid)) ? tInside : tOutside) = mid;
    }
    return tOutside;
}

}  // namespace

CellArcLayout::CellArcLayout(int nodes, QPointF origin, int outputState)
    : m_nodes(std::max(nodes, 1)), m_outputState(outputState), m_origin(origin) {
    // The longest op edge runs from c_{k-2} to the last node; the longest concat edge from node 0
    // to the output. Both sides are as tall as their highest arc.
    const int longest = m_nodes + 1;
    const int longestEven = longest % 2 == 0 ? longest : longest - 1;
    const int longestOdd = longest % 2 == 1 ? longest : longest - 1;
    const double above = std::max(-arcHeight(longestEven), kIoHalfHeight) + kLabelRoom;
    const double below = std::max(arcHeight(longestOdd), kIoHalfHeight) + kLabelRoom;
    m_rowY = origin.y() + kTitleHeight + above;
    const double width = 2.0 * (kMargin + kIoHalfWidth) + kColumn * (m_nodes + 2);
    m_bounds = QRectF(origin, QSizeF(width, kTitleHeight + above + below));
}

bool CellArcLayout::isIo(int state) const { return state == m_outputState || state < 2; }

int CellArcLayout::column(int state) const { return state == m_outputState ? m_nodes + 2 : state; }

QPointF CellArcLayout::centre(int state) const {
    return {m_origin.x() + kMargin + kIoHalfWidth + kColumn * column(state), m_rowY};
}

QRectF CellArcLayout::box(int state) const {
    const QPointF c = centre(state);
    const double hw = isIo(state) ? kIoHalfWidth : kNodeRadius;
    const double hh = isIo(state) ? kIoHalfHeight : kNodeRadius;
    return {c.x() - hw, c.y() - hh, 2.0 * hw, 2.0 * hh};
}

QPainterPath CellArcLayout::outline(int state) const {
    QPainterPath path;
    if (isIo(state))
        path.addRoundedRect(box(state), 8, 8);
    else
        path.addEllipse(box(state));
    return path;
}

double CellArcLayout::arcHeight(int span) const {
    if (span <= 1) return 0.0;
    const bool up = span % 2 == 0;
    const int rank = up ? (span - 2) / 2 : (span - 3) / 2;  // arcs below it on its side
    const double height = kArcBase + kArcRise * rank;
    return up ? -height : height;
}

QPainterPath CellArcLayout::edgePath(int from, int to) const {
    const QPointF a = centre(from), b = centre(to);
    QPainterPath path(a);
    const double height = arcHeight(std::abs(column(to) - column(from)));
    if (height == 0.0) {
        path.lineTo(b);
        return path;
    }
    // Control points above the ends, further in the longer the arc: it leaves its node steeply
    // enough to clear the neighbouring nodes, and arcs of different spans meet a node at
    // different angles, so their arrow heads stay apart.
    const double control = height / kApexOfControl;
    const double inward = 0.3 * kColumn * (std::abs(column(to) - column(from)) - 1);
    path.cubicTo(QPointF(a.x() + inward, a.y() + control), QPointF(b.x() - inward, b.y() + control),
                 b);
    return path;
}

QPointF CellArcLayout::labelAnchor(int from, int to) const {
    const QPointF a = centre(from), b = centre(to);
    return {(a.x() + b.x()) / 2.0, m_rowY + arcHeight(std::abs(column(to) - column(from)))};
}

QPainterPath clippedArrowPath(const QPainterPath& fullPath, const QPainterPath& from,
                              const QPainterPath& to) {
    const PathByLength full(fullPath);
    const double tStart = rimCrossing(full, from, 0.0, 0.5);
    const double tEnd = rimCrossing(full, to, 1.0, 0.5);
    QPainterPath cut(full.pointAt(tStart));
    constexpr int kSegments = 32;  // a polyline is exact enough at this size
    for (int i = 1; i <= kSegments; ++i)
        cut.lineTo(full.pointAt(tStart + (tEnd - tStart) * i / kSegments));
    const QPointF tip = full.pointAt(tEnd);
    const double angle = qDegreesToRadians(full.angleAt(tEnd));
    const QPointF back(std::cos(angle), -std::sin(angle));  // Qt angles run counter-clockwise
    const QPointF normal(-back.y(), back.x());
    cut.moveTo(tip);
    cut.lineTo(tip - back * 10.0 + normal * 5.0);
    cut.moveTo(tip);
    cut.lineTo(tip - back * 10.0 - normal * 5.0);
    return cut;
}

QRectF placeLabel(const QPainterPath& edge, QPointF anchor, QSizeF size,
                  const std::vector<QRectF>& blocked) {
    std::vector<QPointF> candidates{anchor};
    for (double step : {0.08, 0.16, 0.24}) {
        for (double t : {0.5 - step, 0.5 + step}) candidates.push_back(edge.pointAtPercent(t));
    }
    const double shift = size.height() + 4.0;
    for (double k : {1.0, -1.0, 2.0, -2.0}) candidates.push_back(anchor + QPointF(0, k * shift));

    QRectF best;
    double bestOverlap = std::numeric_limits<double>::infinity();
    for (const QPointF& c : candidates) {
        const QRectF rect(c.x() - size.width() / 2.0, c.y() - size.height() / 2.0, size.width(),
                          size.height());
        double overlap = 0.0;
        for (const QRectF& b : blocked) overlap += overlapArea(rect, b);
        if (overlap == 0.0) return rect;
        if (overlap < bestOverlap) {
            bestOverlap = overlap;
            best = rect;
        }
    }
    return best;
}

}  // namespace nas::widgets
