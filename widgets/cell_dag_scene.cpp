#include "widgets/cell_dag_scene.h"

#include <QBrush>
#include <QCoreApplication>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSimpleTextItem>
#include <QPainterPath>
#include <QPen>
#include <algorithm>
#include <cmath>
#include <map>

#include "space/space_config.h"
#include "widgets/cell_labels.h"
#include "widgets/op_palette.h"
#include "widgets/qt_text.h"

namespace nas::widgets {
namespace {

constexpr double kColumn = 140.0;  // horizontal distance between node columns
constexpr double kHeight = 340.0;  // height of a cell drawing
constexpr double kNodeRadius = 20.0;
constexpr double kDefaultWidth = 2.5;

// An edge that thickens while hovered, so the tooltip's edge is obvious in a dense cell.
class DagEdgeItem final : public QGraphicsPathItem {
  public:
    explicit DagEdgeItem(const QPainterPath& path) : QGraphicsPathItem(path) {
        setAcceptHoverEvents(true);
    }

  protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override {
        QPen p = pen();
        m_width = p.widthF();
        p.setWidthF(m_width + 3.0);
        setPen(p);
        QGraphicsPathItem::hoverEnterEvent(event);
    }
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override {
        QPen p = pen();
        p.setWidthF(m_width);
        setPen(p);
        QGraphicsPathItem::hoverLeaveEvent(event);
    }
    // A generous hover area: thin edges are otherwise hard to hit.
    QPainterPath shape() const override {
        QPainterPathStroker stroker;
        stroker.setWidth(std::max(pen().widthF(), 10.0));
        return stroker.createStroke(path());
    }

  private:
    double m_width = kDefaultWidth;
};

struct Layout {
    std::map<int, QPointF> states;  // state index -> centre
    QPointF output;
    double middle = 0;
};

Layout layoutCell(int nodes, QPointF origin) {
    Layout l;
    const double top = origin.y() + 40.0;  // room for the title
    l.middle = top + kHeight / 2.0;
    l.states[0] = {origin.x() + 50.0, top + 30.0};
    l.states[1] = {origin.x() + 50.0, top + kHeight - 30.0};
    // Intermediate nodes zig-zag around the middle so edges between neighbours stay visible.
    for (int i = 0; i < nodes; ++i) {
        const double dy = (i % 2 == 0 ? -1.0 : 1.0) * kHeight * 0.16;
        l.states[i + 2] = {origin.x() + 50.0 + kColumn * (i + 1), l.middle + dy};
    }
    l.output = {origin.x() + 50.0 + kColumn * (nodes + 1), l.middle};
    return l;
}

// A curve that bows away from the middle the further it jumps, so long edges pass around the
// nodes they skip instead of through them.
QPainterPath edgePath(QPointF from, QPointF to, double middle) {
    const double span = std::abs(to.x() - from.x()) / kColumn;
    const double side = from.y() <= middle ? -1.0 : 1.0;
    const double bow = span > 1.2 ? side * 28.0 * (span - 1.0) : 0.0;
    QPainterPath path(from);
    path.cubicTo(QPointF(from.x() + (to.x() - from.x()) * 0.35, from.y() + bow),
                 QPointF(from.x() + (to.x() - from.x()) * 0.65, to.y() + bow), to);
    return path;
}

// The path cut back to the target node's rim, with an arrow head there.
QPainterPath withArrow(const QPainterPath& full) {
    const double length = full.length();
    const double tEnd = full.percentAtLength(std::max(0.0, length - kNodeRadius));
    QPainterPath cut(full.pointAtPercent(0));
    constexpr int kSegments = 24;  // a polyline is exact enough at this size
    for (int i = 1; i <= kSegments; ++i) cut.lineTo(full.pointAtPercent(tEnd * i / kSegments));
    const QPointF tip = full.pointAtPercent(tEnd);
    const double angle = qDegreesToRadians(full.angleAtPercent(tEnd));
    const QPointF back(std::cos(angle), -std::sin(angle));  // Qt angles run counter-clockwise
    const QPointF normal(-back.y(), back.x());
    cut.moveTo(tip);
    cut.lineTo(tip - back * 9.0 + normal * 4.5);
    cut.moveTo(tip);
    cut.lineTo(tip - back * 9.0 - normal * 4.5);
    return cut;
}

// The distribution of supernet edge `edge`, or empty when the snapshot lacks it.
std::vector<std::pair<std::string, double>> distributionOf(const engine::CellAlphas* alphas,
                                                           int edge) {
    std::vector<std::pair<std::string, double>> out;
    if (!alphas || edge < 0 || edge >= static_cast<int>(alphas->probs.size())) return out;
    const auto& row = alphas->probs[static_cast<size_t>(edge)];
    for (size_t o = 0; o < alphas->ops.size() && o < row.size(); ++o)
        out.emplace_back(alphas->ops[o], row[o]);
    return out;
}

QString tooltipFor(const space::GenotypeEdge& e,
                   const std::vector<std::pair<std::string, double>>& dist) {
    QString text = QStringLiteral("<b>%1 \u2192 %2: %3</b>")
                       .arg(stateLabel(e.from))
                       .arg(e.to)
                       .arg(toQString(e.op).toHtmlEscaped());
    if (dist.empty())
        return text + QStringLiteral("<br/>") +
               QCoreApplication::translate("nas::widgets::CellDagView",
                                           "No op probabilities recorded for this edge.");
    auto sorted = dist;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    text += QStringLiteral("<table>");
    for (const auto& [op, p] : sorted) {
        const QString name = toQString(op).toHtmlEscaped();
        const QString cellStyle =
            op == e.op ? QStringLiteral(" style='font-weight:bold'") : QString();
        text += QStringLiteral(
                    "<tr><td%1><span style='color:%2'>\u25a0</span> %3</td><td "
                    "align='right'%1>%4</td></tr>")
                    .arg(cellStyle, opColor(op).name(), name)
                    .arg(p, 0, 'f', 3);
    }
    return text + QStringLiteral("</table>");
}

void addNode(QGraphicsScene& scene, QPointF centre, const QString& label, bool io) {
    const QRectF box(centre.x() - kNodeRadius * (io ? 1.6 : 1.0), centre.y() - kNodeRadius,
                     kNodeRadius * (io ? 3.2 : 2.0), kNodeRadius * 2.0);
    QAbstractGraphicsShapeItem* shape = nullptr;
    if (io) {
        QPainterPath rounded;
        rounded.addRoundedRect(box, 8, 8);
        shape = scene.addPath(rounded);
        shape->setBrush(QColor(0xde, 0xeb, 0xf7));
    } else {
        shape = scene.addEllipse(box);
        shape->setBrush(QColor(0xff, 0xf5, 0xd6));
    }
    shape->setPen(QPen(QColor(0x44, 0x44, 0x44), 1.5));
    shape->setZValue(2);
    auto* text = scene.addSimpleText(label);
    text->setPos(centre - text->boundingRect().center());
    text->setZValue(3);
}

}  // namespace

double edgeWidthFor(double probability) { return 1.0 + 6.0 * std::clamp(probability, 0.0, 1.0); }

CellDrawing drawCell(QGraphicsScene& scene, const space::CellGenotype& cell,
                     const engine::CellAlphas* alphas, const QString& title, QPointF origin) {
    CellDrawing drawing;
    const int nodes = std::max(cell.nodeCount(), 1);
    const Layout l = layoutCell(nodes, origin);

    auto* heading = scene.addSimpleText(title, QFont(QString(), 13, QFont::Bold));
    heading->setPos(origin.x() + 10.0, origin.y());

    addNode(scene, l.states.at(0), stateLabel(0), true);
    addNode(scene, l.states.at(1), stateLabel(1), true);
    for (int i = 0; i < nodes; ++i) addNode(scene, l.states.at(i + 2), stateLabel(i + 2), false);
    addNode(scene, l.output, outputLabel(), true);

    for (const space::GenotypeEdge& e : cell.edges) {
        if (!l.states.count(e.from) || !l.states.count(e.to + 2)) continue;
        const QPainterPath full = edgePath(l.states.at(e.from), l.states.at(e.to + 2), l.middle);
        const auto dist = distributionOf(alphas, space::edgeIndex(e.from, e.to));
        double width = kDefaultWidth;
        for (const auto& [op, p] : dist)
            if (op == e.op) width = edgeWidthFor(p);
        auto* item = new DagEdgeItem(withArrow(full));
        item->setPen(QPen(opColor(e.op), width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        item->setToolTip(tooltipFor(e, dist));
        item->setData(kDagItemRole, QString::fromLatin1(kDagOpEdge));
        item->setZValue(1);
        scene.addItem(item);
        drawing.opEdges.push_back(item);

        // The label sits on the curve's middle, on a pale plate so crossing edges stay readable.
        auto* label = scene.addSimpleText(opShortLabel(e.op), QFont(QString(), 9));
        label->setBrush(opColor(e.op).darker(160));
        const QPointF mid = full.pointAtPercent(0.5);
        label->setPos(mid - label->boundingRect().center());
        label->setZValue(5);
        auto* plate = scene.addRect(label->sceneBoundingRect().adjusted(-2, -1, 2, 1), Qt::NoPen,
                                    QColor(255, 255, 255, 200));
        plate->setZValue(4);
    }
    // Concatenated states feed the output; drawn dashed and grey: they carry no op.
    for (int state : cell.concat) {
        if (!l.states.count(state)) continue;
        auto* line = scene.addPath(withArrow(edgePath(l.states.at(state), l.output, l.middle)),
                                   QPen(QColor(0x88, 0x88, 0x88), 1.2, Qt::DashLine));
        line->setZValue(0);
    }
    drawing.bounds = QRectF(origin, QSizeF(100.0 + kColumn * (nodes + 1), kHeight + 60.0));
    return drawing;
}

QRectF drawOpLegend(QGraphicsScene& scene, const std::vector<std::string>& ops, QPointF origin) {
    QRectF bounds(origin, QSizeF(0, 0));
    double x = origin.x();
    for (const std::string& op : ops) {
        auto* swatch = scene.addRect(x, origin.y(), 14, 14, QPen(Qt::darkGray), opColor(op));
        auto* text = scene.addSimpleText(toQString(op), QFont(QString(), 9));
        text->setPos(x + 18, origin.y() - 1);
        bounds = bounds.united(swatch->sceneBoundingRect()).united(text->sceneBoundingRect());
        x = text->sceneBoundingRect().right() + 16;
    }
    return bounds;
}

}  // namespace nas::widgets
