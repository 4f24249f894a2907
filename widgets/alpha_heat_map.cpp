#include "widgets/alpha_heat_map.h"

#include <QToolTip>

#include "widgets/cell_labels.h"
#include "widgets/op_palette.h"
#include "widgets/qt_text.h"

namespace nas::widgets {

AlphaHeatMap::AlphaHeatMap(const QString& title, QWidget* parent) : QCustomPlot(parent) {
    setMinimumSize(260, 220);
    plotLayout()->insertRow(0);
    plotLayout()->addElement(
        0, 0, new QCPTextElement(this, title, QFont(font().family(), -1, QFont::Bold)));

    m_map = new QCPColorMap(xAxis, yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);  // each cell spans +-0.5 around its edge/op index
    // White (improbable) to deep blue (certain): readable on screen and in print.
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, QColor(0xf7, 0xfb, 0xff));
    gradient.setColorStopAt(0.5, QColor(0x6b, 0xae, 0xd6));
    gradient.setColorStopAt(1.0, QColor(0x08, 0x30, 0x6b));
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(0.0, 1.0));

    auto* scale = m_scale = new QCPColorScale(this);
    scale->setType(QCPAxis::atRight);
    scale->setGradient(gradient);
    scale->setDataRange(QCPRange(0.0, 1.0));
    scale->axis()->setLabel(tr("probability"));
    m_map->setColorScale(scale);
    plotLayout()->addElement(1, 1, scale);
    // Keep the scale's height aligned with the map.
    auto* margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    yAxis->setRangeReversed(true);  // edge 0 at the top, as the edges are listed
    xAxis->setTickLabelRotation(40);
    xAxis->grid()->setVisible(false);
    yAxis->grid()->setVisible(false);

    m_selection = new QCPItemRect(this);
    m_selection->setPen(QPen(QColor(0xe6, 0x55, 0x0d), 2));
    m_selection->setBrush(Qt::NoBrush);
    m_selection->setVisible(false);

    setMouseTracking(true);
    connect(this, &QCustomPlot::mouseMove, this, &AlphaHeatMap::showTooltip);
    connect(this, &QCustomPlot::mousePress, this, &AlphaHeatMap::handleClick);
}

void AlphaHeatMap::rebuildAxes(const std::vector<std::string>& ops, int edges) {
    m_opNames = ops;
    m_ops = static_cast<int>(ops.size());
    m_edges = edges;
    auto opTicker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < m_ops; ++i) opTicker->addTick(i, opShortLabel(ops[static_cast<size_t>(i)]));
    xAxis->setTicker(opTicker);
    auto edgeTicker = QSharedPointer<QCPAxisTickerText>::create();
    for (int e = 0; e < m_edges; ++e) edgeTicker->addTick(e, edgeLabel(e));
    yAxis->setTicker(edgeTicker);
    m_map->data()->setSize(std::max(m_ops, 1), std::max(m_edges, 1));
    m_map->data()->setRange(QCPRange(0, std::max(m_ops - 1, 0)),
                            QCPRange(0, std::max(m_edges - 1, 0)));
    xAxis->setRange(-0.5, m_ops - 0.5);
    yAxis->setRange(-0.5, m_edges - 0.5);
}

void AlphaHeatMap::setCell(const engine::CellAlphas& cell) {
    const int edges = static_cast<int>(cell.probs.size());
    if (cell.ops != m_opNames || edges != m_edges) rebuildAxes(cell.ops, edges);
    m_map->setVisible(edges > 0 && m_ops > 0);
    for (int e = 0; e < edges; ++e) {
        const auto& row = cell.probs[static_cast<size_t>(e)];
        for (int o = 0; o < m_ops; ++o)
            m_map->data()->setCell(
                o, e, o < static_cast<int>(row.size()) ? row[static_cast<size_t>(o)] : 0.0);
    }
    updateColourRange();
    replot(QCustomPlot::rpQueuedReplot);
}

void AlphaHeatMap::setScaleToData(bool on) {
    m_scaleToData = on;
    updateColourRange();
    replot(QCustomPlot::rpQueuedReplot);
}

QCPRange AlphaHeatMap::colourRange() const { return m_map->dataRange(); }

void AlphaHeatMap::updateColourRange() {
    QCPRange range(0.0, 1.0);
    if (m_scaleToData && m_edges > 0 && m_ops > 0) {
        double low = 1.0, high = 0.0;
        for (int e = 0; e < m_edges; ++e)
            for (int o = 0; o < m_ops; ++o) {
                low = std::min(low, m_map->data()->cell(o, e));
                high = std::max(high, m_map->data()->cell(o, e));
            }
        // A uniform cell still gets a range of some width, centred on its value.
        if (high - low < 1e-6) {
            low -= 5e-4;
            high += 5e-4;
        }
        range = QCPRange(low, high);
    }
    m_map->setDataRange(range);
    m_scale->setDataRange(range);
    m_scale->axis()->setLabel(m_scaleToData ? tr("probability (scaled to this cell)")
                                            : tr("probability"));
}

void AlphaHeatMap::setSelectedEdge(int edge) {
    const bool valid = edge >= 0 && edge < m_edges;
    m_selection->setVisible(valid);
    if (valid) {
        m_selection->topLeft->setCoords(-0.5, edge - 0.5);
        m_selection->bottomRight->setCoords(m_ops - 0.5, edge + 0.5);
    }
    replot(QCustomPlot::rpQueuedReplot);
}

double AlphaHeatMap::probabilityAt(int edge, int op) const {
    if (edge < 0 || edge >= m_edges || op < 0 || op >= m_ops) return -1.0;
    return m_map->data()->cell(op, edge);
}

bool AlphaHeatMap::cellAt(const QPoint& pos, int& edge, int& op) const {
    if (!axisRect()->rect().contains(pos)) return false;
    op = static_cast<int>(std::lround(xAxis->pixelToCoord(pos.x())));
    edge = static_cast<int>(std::lround(yAxis->pixelToCoord(pos.y())));
    return edge >= 0 && edge < m_edges && op >= 0 && op < m_ops;
}

void AlphaHeatMap::showTooltip(QMouseEvent* event) {
    int edge = 0, op = 0;
    if (!cellAt(event->pos(), edge, op)) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1, %2: %3")
                           .arg(edgeLabel(edge), toQString(m_opNames[static_cast<size_t>(op)]))
                           .arg(probabilityAt(edge, op), 0, 'f', 3),
                       this);
}

void AlphaHeatMap::handleClick(QMouseEvent* event) {
    int edge = 0, op = 0;
    if (cellAt(event->pos(), edge, op)) emit edgeClicked(edge);
}

}  // namespace nas::widgets
