#include "widgets/cell_dag_view.h"

#include <QGraphicsPathItem>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QSvgGenerator>
#include <QWheelEvent>
#include <set>

#include "widgets/cell_dag_layout.h"
#include "widgets/cell_dag_scene.h"

namespace nas::widgets {
namespace {
constexpr double kCellGap = 30.0;  // between the two cells' drawings
}  // namespace

CellDagView::CellDagView(QWidget* parent) : QGraphicsView(parent) {
    setObjectName(QStringLiteral("cellDagView"));
    m_scene = new QGraphicsScene(this);
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setBackgroundBrush(Qt::white);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setMinimumSize(400, 220);
    setToolTip(QString());
    clear();
}

void CellDagView::setGenotype(const space::Genotype& genotype) {
    if (m_genotype && *m_genotype == genotype) return;  // unchanged: keep the user's zoom
    m_genotype = genotype;
    rebuild();
}

void CellDagView::setAlphas(const engine::AlphaSnapshot& snapshot) {
    m_alphas = snapshot;
    if (m_genotype) rebuild();
}

void CellDagView::clear() {
    m_genotype.reset();
    m_alphas.reset();
    m_userZoomed = false;
    rebuild();
}

void CellDagView::rebuild() {
    m_scene->clear();
    m_opEdges.clear();
    if (!m_genotype) {
        auto* text = m_scene->addSimpleText(
            tr("No derived architecture yet: it appears after the first epoch."));
        text->setBrush(Qt::gray);
        m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20));
        fit();
        return;
    }
    const engine::CellAlphas* normal = m_alphas ? &m_alphas->normal : nullptr;
    const engine::CellAlphas* reduce = m_alphas ? &m_alphas->reduce : nullptr;
    m_sideBySide = sideBySideFits();
    const CellDrawing left =
        drawCell(*m_scene, m_genotype->normal, normal, tr("Normal cell"), QPointF(0, 0));
    const QPointF second = m_sideBySide ? QPointF(left.bounds.right() + kCellGap, 0)
                                        : QPointF(0, left.bounds.bottom() + kCellGap);
    const CellDrawing right =
        drawCell(*m_scene, m_genotype->reduce, reduce, tr("Reduction cell"), second);
    m_opEdges = left.opEdges;
    m_opEdges.insert(m_opEdges.end(), right.opEdges.begin(), right.opEdges.end());
    for (const CellDrawing* drawing : {&left, &right}) {
        std::vector<QGraphicsItem*> clickable(drawing->opEdges.begin(), drawing->opEdges.end());
        clickable.insert(clickable.end(), drawing->edgeLabels.begin(), drawing->edgeLabels.end());
        for (QGraphicsItem* item : clickable) {
            item->setData(kDagReductionRole, drawing == &right);
            if (m_edgesClickable) item->setCursor(Qt::PointingHandCursor);
        }
    }

    // A legend of the ops in use, in a stable order.
    std::set<std::string> used;
    for (const auto* cell : {&m_genotype->normal, &m_genotype->reduce})
        for (const auto& e : cell->edges) used.insert(e.op);
    const QRectF cells = left.bounds.united(right.bounds);
    drawOpLegend(*m_scene, {used.begin(), used.end()},
                 QPointF(cells.left() + CellArcLayout::kMargin, cells.bottom() + 6.0));
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-15, -15, 15, 15));
    fit();
}

bool CellDagView::sideBySideFits() const {
    if (!m_genotype) return false;
    const QSizeF a =
        CellArcLayout(std::max(m_genotype->normal.nodeCount(), 1), {}, 0).bounds().size();
    const QSizeF b =
        CellArcLayout(std::max(m_genotype->reduce.nodeCount(), 1), {}, 0).bounds().size();
    constexpr double kLegend = 40.0;
    const QSizeF beside(a.width() + kCellGap + b.width(),
                        std::max(a.height(), b.height()) + kLegend);
    const QSizeF stacked(std::max(a.width(), b.width()),
                         a.height() + kCellGap + b.height() + kLegend);
    const QSizeF room = viewport()->size();
    auto scaleFor = [&](QSizeF s) {
        return std::min(room.width() / s.width(), room.height() / s.height());
    };
    return scaleFor(beside) > scaleFor(stacked);
}

void CellDagView::fit() {
    if (!m_userZoomed) fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
}

void CellDagView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    // The cells go side by side in a wide view and one above the other in a tall one, whichever
    // draws them (and their text) larger.
    if (m_genotype && !m_userZoomed && sideBySideFits() != m_sideBySide) rebuild();
    fit();
}

void CellDagView::wheelEvent(QWheelEvent* event) {
    // Ctrl+wheel zooms; a plain wheel scrolls as everywhere else.
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    m_userZoomed = true;
    const double factor = event->angleDelta().y() > 0 ? 1.15 : 1.0 / 1.15;
    scale(factor, factor);
}

void CellDagView::setEdgesClickable(bool clickable) {
    if (clickable == m_edgesClickable) return;
    m_edgesClickable = clickable;
    setDragMode(clickable ? QGraphicsView::NoDrag : QGraphicsView::ScrollHandDrag);
    if (m_genotype) rebuild();
}

void CellDagView::mousePressEvent(QMouseEvent* event) {
    if (m_edgesClickable && event->button() == Qt::LeftButton) {
        for (QGraphicsItem* item : items(event->position().toPoint())) {
            const QVariant edge = item->data(kDagEdgeRole);
            if (!edge.isValid()) continue;
            event->accept();
            emit edgeClicked(item->data(kDagReductionRole).toBool(), edge.toInt(),
                             event->globalPosition().toPoint());
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

bool CellDagView::exportPng(const QString& path, double scale) const {
    const QRectF source = m_scene->sceneRect();
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        m_scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    }
    return image.save(path, "PNG");
}

bool CellDagView::exportSvg(const QString& path) const {
    const QRectF source = m_scene->sceneRect();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setTitle(tr("Derived cells"));
    svg.setDescription(tr("Normal and reduction cell drawn by NAS Studio"));
    QPainter painter;
    if (!painter.begin(&svg)) return false;
    painter.fillRect(QRectF(QPointF(0, 0), source.size()), Qt::white);
    m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    return painter.end();
}

}  // namespace nas::widgets
