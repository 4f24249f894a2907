#include "widgets/best_candidates_plot.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "widgets/curve_plot.h"

namespace nas::widgets {
namespace {

constexpr double kClickRadiusPx = 8;
const QColor kPointColour(0x42, 0x85, 0xf4);
const QColor kFrontColour(0xe6, 0x55, 0x0d);
const QColor kLimitColour(0xc6, 0x28, 0x28);

}  // namespace

BestCandidatesPlot::BestCandidatesPlot(QWidget* parent) : QWidget(parent) {
    m_choice = new QComboBox(this);
    m_choice->setObjectName(QStringLiteral("bestCostChoice"));
    // In CostMetric's order.
    m_choice->addItem(tr("Parameters"));
    m_choice->addItem(tr("FLOPs"));
    m_choice->addItem(tr("Memory access"));
    connect(m_choice, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { setMetric(static_cast<CostMetric>(index)); });

    m_plot = makeCurvePlot(this, QStringLiteral("bestCandidatesPlot"), QString(), QString(),
                           tr("predicted accuracy (%)"));
    m_title = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0));
    m_points = m_plot->addGraph();
    m_points->setName(tr("candidates (± spread)"));
    m_points->setLineStyle(QCPGraph::lsNone);
    m_points->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, kPointColour.darker(130), kPointColour, 7));
    m_errors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
    m_errors->setDataPlottable(m_points);
    m_errors->setPen(QPen(kPointColour.lighter(130)));
    m_errors->removeFromLegend();
    m_frontGraph = m_plot->addGraph();
    m_frontGraph->setName(tr("Pareto front"));
    m_frontGraph->setLineStyle(QCPGraph::lsLine);
    m_frontGraph->setPen(QPen(kFrontColour, 2));
    m_frontGraph->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssDiamond, QPen(kFrontColour.darker(130), 1.5), kFrontColour, 11));
    m_selectedGraph = m_plot->addGraph();
    m_selectedGraph->setName(tr("selected"));
    m_selectedGraph->setLineStyle(QCPGraph::lsNone);
    m_selectedGraph->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), Qt::NoBrush, 17));
    m_limitLine = new QCPItemStraightLine(m_plot);
    m_limitLine->setPen(QPen(kLimitColour, 1.5, Qt::DashLine));
    m_limitLine->setVisible(false);
    m_plot->xAxis->setNumberFormat(QStringLiteral("gb"));
    connect(m_plot, &QCustomPlot::mousePress, this, &BestCandidatesPlot::onPlotClicked);

    auto* header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("Cost:"), this));
    header->addWidget(m_choice);
    header->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_plot, 1);
    rebuild();
}

void BestCandidatesPlot::setCandidates(const std::vector<BestCandidate>& candidates,
                                       const engine::Constraints& limits) {
    m_candidates = candidates;
    m_limits = limits;
    m_selected.reset();
    rebuild();
}

void BestCandidatesPlot::clear() { setCandidates({}, {}); }

void BestCandidatesPlot::setMetric(CostMetric metric) {
    m_metric = metric;
    if (m_choice->currentIndex() != static_cast<int>(metric))
        m_choice->setCurrentIndex(static_cast<int>(metric));
    rebuild();
}

void BestCandidatesPlot::setSelected(std::optional<int> index) {
    if (index && (*index < 0 || *index >= static_cast<int>(m_candidates.size()))) index.reset();
    m_selected = index;
    showSelected();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

double BestCandidatesPlot::xOf(int index) const {
    return costOf(m_candidates[static_cast<std::size_t>(index)].cost, m_metric);
}

double BestCandidatesPlot::yOf(int index) const {
    return 100.0 * m_candidates[static_cast<std::size_t>(index)].prediction.mean;
}

void BestCandidatesPlot::rebuild() {
    const int count = static_cast<int>(m_candidates.size());
    // QCPGraph keeps its data sorted by key, and the error bars follow that order.
    std::vector<int> order(static_cast<std::size_t>(count));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) { return xOf(a) < xOf(b); });
    QVector<double> xs, ys, spreads;
    for (const int i : order) {
        xs << xOf(i);
        ys << yOf(i);
        spreads << 100.0 * m_candidates[static_cast<std::size_t>(i)].prediction.std;
    }
    m_points->setData(xs, ys, true);
    m_errors->setData(spreads);

    m_front = paretoCandidates(m_candidates, m_metric);
    QVector<double> fx, fy;
    for (const int i : m_front) fx << xOf(i), fy << yOf(i);
    m_frontGraph->setData(fx, fy, true);
    showSelected();

    m_plot->xAxis->setLabel(m_choice->currentText());
    const auto limit = limitOf(m_limits, m_metric);
    m_limitLine->setVisible(limit.has_value());
    if (limit) {
        m_limitLine->point1->setCoords(*limit, 0);
        m_limitLine->point2->setCoords(*limit, 1);
    }
    m_title->setText(count == 0
                         ? tr("Predicted accuracy against cost: no candidates")
                         : tr("Predicted accuracy against cost: %1 of %2 on the Pareto front")
                               .arg(m_front.size())
                               .arg(count));

    m_plot->rescaleAxes();
    // The limit comes into view when it lies near the points; a far one would squash them.
    if (const QCPRange x = m_plot->xAxis->range();
        limit && count > 0 && *limit <= x.upper + 0.5 * std::max(x.size(), 0.1 * x.upper)) {
        QCPRange wider = x;
        wider.expand(*limit);
        m_plot->xAxis->setRange(wider);
    }
    if (count > 0) {
        // A margin so that the outermost points (and their error bars) are not cut.
        double low = ys.front() - spreads.front(), high = ys.front() + spreads.front();
        for (int i = 0; i < count; ++i)
            low = std::min(low, ys[i] - spreads[i]), high = std::max(high, ys[i] + spreads[i]);
        if (high > low) m_plot->yAxis->setRange(low, high);
        m_plot->xAxis->scaleRange(1.1, m_plot->xAxis->range().center());
        m_plot->yAxis->scaleRange(1.15, m_plot->yAxis->range().center());
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void BestCandidatesPlot::showSelected() {
    QVector<double> x, y;
    if (m_selected) x << xOf(*m_selected), y << yOf(*m_selected);
    m_selectedGraph->setData(x, y);
}

QString BestCandidatesPlot::title() const { return m_title->text(); }

QPoint BestCandidatesPlot::pixelOf(int index) const {
    return QPoint(static_cast<int>(std::lround(m_plot->xAxis->coordToPixel(xOf(index)))),
                  static_cast<int>(std::lround(m_plot->yAxis->coordToPixel(yOf(index)))));
}

std::optional<int> BestCandidatesPlot::pointAt(const QPoint& position) const {
    std::optional<int> best;
    double bestDistance = kClickRadiusPx;
    for (int i = 0; i < static_cast<int>(m_candidates.size()); ++i) {
        const double dx = m_plot->xAxis->coordToPixel(xOf(i)) - position.x();
        const double dy = m_plot->yAxis->coordToPixel(yOf(i)) - position.y();
        const double distance = std::hypot(dx, dy);
        if (distance <= bestDistance) bestDistance = distance, best = i;
    }
    return best;
}

void BestCandidatesPlot::onPlotClicked(QMouseEvent* event) {
    if (const auto index = pointAt(event->pos())) {
        setSelected(index);
        emit pointClicked(*index);
    }
}

}  // namespace nas::widgets
