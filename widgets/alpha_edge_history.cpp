#include "widgets/alpha_edge_history.h"

#include "widgets/op_palette.h"
#include "widgets/qt_text.h"

namespace nas::widgets {

AlphaEdgeHistory::AlphaEdgeHistory(QWidget* parent) : QCustomPlot(parent) {
    setMinimumSize(300, 200);
    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, QString(), QFont(font().family(), -1, QFont::Bold));
    plotLayout()->addElement(0, 0, m_title);
    xAxis->setLabel(tr("step"));
    yAxis->setLabel(tr("probability"));
    yAxis->setRange(0.0, 1.0);
    legend->setVisible(true);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(4);
    // The legend below the plot, so it never hides the bands.
    plotLayout()->addElement(2, 0, legend);
    plotLayout()->setRowStretchFactor(2, 0.001);
    m_marker = new QCPItemStraightLine(this);
    m_marker->setPen(QPen(Qt::black, 1, Qt::DashLine));
    m_marker->setVisible(false);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
}

void AlphaEdgeHistory::reset(const std::vector<std::string>& ops, const QString& title) {
    clearGraphs();
    m_bands.clear();
    m_title->setText(title);
    QCPGraph* below = nullptr;
    for (const std::string& op : ops) {
        QCPGraph* band = addGraph();
        band->setName(toQString(op));
        const QColor color = opColor(op);
        band->setPen(QPen(color.darker(115), 1));
        QColor fill = color;
        fill.setAlpha(210);
        band->setBrush(fill);
        // Each band fills down to the band below: the stacked-area idiom in QCustomPlot.
        if (below) band->setChannelFillGraph(below);
        below = band;
        m_bands.push_back(band);
    }
}

void AlphaEdgeHistory::append(double step, const std::vector<double>& probs) {
    double top = 0.0;
    for (size_t i = 0; i < m_bands.size(); ++i) {
        top += i < probs.size() ? probs[i] : 0.0;
        m_bands[i]->addData(step, top);
    }
}

void AlphaEdgeHistory::setMarker(double step) {
    m_marker->point1->setCoords(step, 0.0);
    m_marker->point2->setCoords(step, 1.0);
    m_marker->setVisible(true);
}

void AlphaEdgeHistory::refresh() {
    if (!m_bands.empty()) {
        bool found = false;
        const QCPRange keys = m_bands.front()->getKeyRange(found);
        if (found) xAxis->setRange(keys.lower, std::max(keys.upper, keys.lower + 1.0));
    }
    yAxis->setRange(0.0, 1.0);
    replot(QCustomPlot::rpQueuedReplot);
}

int AlphaEdgeHistory::pointCount() const {
    return m_bands.empty() ? 0 : m_bands.front()->dataCount();
}

}  // namespace nas::widgets
