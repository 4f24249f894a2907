#include "widgets/cell_dag_scene.h"

#include <QBrush>
#include <QCoreApplication>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QPainterPath>
#include <QPen>
#include <QTextDocument>
#include <algorithm>
#include <cmath>
#include <vector>

#include "space/space_config.h"
#include "widgets/cell_dag_layout.h"
#include "widgets/cell_labels.h"
#include "widgets/op_palette.h"
#include "widgets/qt_text.h"

namespace nas::widgets {
namespace {

constexpr double kDefaultWidth = 2.5;
// Text sizes in scene units (pixels at 100 %), so text scales with the drawing and the view.
constexpr int kNodeTextPx = 16;
constexpr int kEdgeTextPx = 15;
constexpr int kTitleTextPx = 19;
constexpr int kLegendTextPx = 15;

QFont pixelFont(int pixels, bool bold = false) {
    QFont font;
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

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

void addNode(QGraphicsScene& scene, const CellArcLayout& layout, int state, const QString& label) {
    const bool io = layout.isIo(state);
    auto* shape = scene.addPath(layout.outline(state));
    shape->setBrush(io ? QColor(0xde, 0xeb, 0xf7) : QColor(0xff, 0xf5, 0xd6));
    shape->setPen(QPen(QColor(0x44, 0x44, 0x44), 1.5));
    shape->setZValue(2);
    shape->setData(kDagItemRole, QString::fromLatin1(kDagNode));
    shape->setData(kDagStateRole, state);
    // Rich text, so c_{k-1} reads as c with a subscript.
    auto* text = scene.addText(QString(), pixelFont(kNodeTextPx));
    text->setHtml(label);
    text->document()->setDocumentMargin(0);
    text->setPos(layout.centre(state) - text->boundingRect().center());
    text->setZValue(3);
}

// The op's name on a pale plate, placed where it covers no node and no other label.
QGraphicsItem* addEdgeLabel(QGraphicsScene& scene, const space::GenotypeEdge& e,
                            const QPainterPath& edge, QPointF anchor,
                            std::vector<QRectF>& blocked) {
    auto* plate = new QGraphicsRectItem;
    auto* text = new QGraphicsSimpleTextItem(opShortLabel(e.op), plate);
    text->setFont(pixelFont(kEdgeTextPx));
    text->setBrush(opColor(e.op).darker(170));
    const QSizeF size = text->boundingRect().size() + QSizeF(6.0, 2.0);
    const QRectF rect = placeLabel(edge, anchor, size, blocked);
    plate->setRect(QRectF(QPointF(0, 0), rect.size()));
    plate->setPos(rect.topLeft());
    text->setPos(3.0, 1.0);
    plate->setPen(QPen(opColor(e.op), 1.0));
    plate->setBrush(QColor(255, 255, 255, 235));
    plate->setZValue(5);
    plate->setData(kDagItemRole, QString::fromLatin1(kDagEdgeLabel));
    plate->setToolTip(
        QStringLiteral("%1 \u2192 %2: %3").arg(stateLabel(e.from)).arg(e.to).arg(toQString(e.op)));
    scene.addItem(plate);
    blocked.push_back(rect.adjusted(-2, -2, 2, 2));
    return plate;
}

}  // namespace

double edgeWidthFor(double probability) { return 1.0 + 6.0 * std::clamp(probability, 0.0, 1.0); }

CellDrawing drawCell(QGraphicsScene& scene, const space::CellGenotype& cell,
                     const engine::CellAlphas* alphas, const QString& title, QPointF origin) {
    CellDrawing drawing;
    const int nodes = std::max(cell.nodeCount(), 1);
    const CellArcLayout layout(nodes, origin, kDagOutputState);
    const int lastState = nodes + 1;
    auto known = [&](int state) { return state >= 0 && state <= lastState; };

    auto* heading = scene.addSimpleText(title, pixelFont(kTitleTextPx, true));
    heading->setPos(origin.x() + CellArcLayout::kMargin, origin.y() + 4.0);

    std::vector<QRectF> blocked;  // what labels must not cover: nodes, title, earlier labels
    blocked.push_back(heading->sceneBoundingRect());
    for (int state = 0; state <= lastState; ++state) {
        addNode(scene, layout, state, stateHtml(state));
        blocked.push_back(layout.box(state).adjusted(-3, -3, 3, 3));
    }
    addNode(scene, layout, kDagOutputState, outputHtml());
    blocked.push_back(layout.box(kDagOutputState).adjusted(-3, -3, 3, 3));

    for (std::size_t index = 0; index < cell.edges.size(); ++index) {
        const space::GenotypeEdge& e = cell.edges[index];
        const int to = e.to + 2;
        if (!known(e.from) || !known(to)) continue;
        const QPainterPath full = layout.edgePath(e.from, to);
        const auto dist = distributionOf(alphas, space::edgeIndex(e.from, e.to));
        double width = kDefaultWidth;
        for (const auto& [op, p] : dist)
            if (op == e.op) width = edgeWidthFor(p);
        auto* item =
            new DagEdgeItem(clippedArrowPath(full, layout.outline(e.from), layout.outline(to)));
        item->setPen(QPen(opColor(e.op), width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        item->setToolTip(tooltipFor(e, dist));
        item->setData(kDagItemRole, QString::fromLatin1(kDagOpEdge));
        item->setData(kDagFromRole, e.from);
        item->setData(kDagToRole, to);
        item->setData(kDagEdgeRole, static_cast<int>(index));
        item->setZValue(1);
        scene.addItem(item);
        drawing.opEdges.push_back(item);
    }
    // Labels after all edges, shortest edges first: they have the least room to move.
    std::vector<const space::GenotypeEdge*> byLength;
    for (const space::GenotypeEdge& e : cell.edges)
        if (known(e.from) && known(e.to + 2)) byLength.push_back(&e);
    std::stable_sort(byLength.begin(), byLength.end(), [](const auto* a, const auto* b) {
        return a->to + 2 - a->from < b->to + 2 - b->from;
    });
    for (const space::GenotypeEdge* e : byLength) {
        QGraphicsItem* label = addEdgeLabel(scene, *e, layout.edgePath(e->from, e->to + 2),
                                            layout.labelAnchor(e->from, e->to + 2), blocked);
        label->setData(kDagEdgeRole, static_cast<int>(e - cell.edges.data()));
        drawing.edgeLabels.push_back(label);
    }

    // Concatenated states feed the output; drawn dashed and grey: they carry no op.
    for (int state : cell.concat) {
        if (!known(state)) continue;
        const QPainterPath full = layout.edgePath(state, kDagOutputState);
        auto* line = scene.addPath(
            clippedArrowPath(full, layout.outline(state), layout.outline(kDagOutputState)),
            QPen(QColor(0x88, 0x88, 0x88), 1.4, Qt::DashLine));
        line->setZValue(0);
        line->setData(kDagItemRole, QString::fromLatin1(kDagConcatEdge));
        line->setData(kDagFromRole, state);
        line->setData(kDagToRole, kDagOutputState);
    }
    drawing.bounds = layout.bounds();
    return drawing;
}

QRectF drawOpLegend(QGraphicsScene& scene, const std::vector<std::string>& ops, QPointF origin) {
    QRectF bounds(origin, QSizeF(0, 0));
    double x = origin.x();
    for (const std::string& op : ops) {
        auto* swatch = scene.addRect(x, origin.y(), 16, 16, QPen(Qt::darkGray), opColor(op));
        auto* text = scene.addSimpleText(toQString(op), pixelFont(kLegendTextPx));
        text->setPos(x + 21, origin.y() + 8 - text->boundingRect().height() / 2);
        bounds = bounds.united(swatch->sceneBoundingRect()).united(text->sceneBoundingRect());
        x = text->sceneBoundingRect().right() + 16;
    }
    return bounds;
}

}  // namespace nas::widgets
