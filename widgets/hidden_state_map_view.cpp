#include "widgets/hidden_state_map_view.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "widgets/cell_dag_view.h"
#include "widgets/number_format.h"

namespace nas::widgets {
namespace {

constexpr double kClickRadiusPx = 8;
const QColor kUnknownColour(0xbd, 0xbd, 0xbd);

double percentOf(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

}  // namespace

HiddenStateMapView::HiddenStateMapView(QWidget* parent) : QWidget(parent) {
    m_choice = new QComboBox(this);
    m_choice->setObjectName(QStringLiteral("hiddenStateColourChoice"));
    m_choice->addItem(tr("Reward"));
    m_choice->addItem(tr("Skip connections"));
    m_choice->addItem(tr("Parameters"));
    m_choice->addItem(tr("Epoch"));
    connect(m_choice, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { setColouring(static_cast<Colouring>(index)); });

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("hiddenStateMapPlot"));
    m_plot->setMinimumSize(320, 240);
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString(), QFont(font().family(), -1, QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, m_title);
    m_scale = new QCPColorScale(m_plot);
    m_scale->setGradient(QCPColorGradient(QCPColorGradient::gpThermal));
    m_plot->plotLayout()->addElement(1, 1, m_scale);
    for (int i = 0; i < kColourSteps; ++i) {
        QCPGraph* graph = m_plot->addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        m_steps.push_back(graph);
    }
    // Points whose property is unknown (params of a run whose space is unknown) stay grey.
    m_unknown = m_plot->addGraph();
    m_unknown->setLineStyle(QCPGraph::lsNone);
    m_unknown->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, kUnknownColour.darker(120), kUnknownColour, 8));
    m_highlight = m_plot->addGraph();
    m_highlight->setLineStyle(QCPGraph::lsNone);
    m_highlight->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), Qt::NoBrush, 14));
    m_plot->xAxis->setLabel(tr("first principal component"));
    m_plot->yAxis->setLabel(tr("second principal component"));
    connect(m_plot, &QCustomPlot::mousePress, this, &HiddenStateMapView::onPlotClicked);

    m_selection = new QLabel(tr("Click a point to draw its cells."), this);
    m_selection->setObjectName(QStringLiteral("hiddenStateSelection"));
    m_selection->setWordWrap(true);
    m_cell = new CellDagView(this);
    m_cell->setObjectName(QStringLiteral("hiddenStateCell"));

    auto* left = new QWidget(this);
    auto* header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("Colour by:"), left));
    header->addWidget(m_choice);
    header->addStretch(1);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(header);
    leftLayout->addWidget(m_plot, 1);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_selection);
    rightLayout->addWidget(m_cell, 1);
    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("hiddenStateMapSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    rebuild();
}

void HiddenStateMapView::setSnapshot(const HiddenStateSnapshot& snapshot) {
    // A selected sample stays selected while it is still in the window (it moves one place down
    // for every sample that left).
    std::optional<std::int64_t> selectedStep;
    if (m_selected) selectedStep = m_points[static_cast<std::size_t>(*m_selected)].step;
    m_points = snapshot.points;
    m_variance = snapshot.variance;
    m_totalVariance = snapshot.totalVariance;
    m_selected.reset();
    if (selectedStep)
        for (std::size_t i = 0; i < m_points.size(); ++i)
            if (m_points[i].step == *selectedStep) m_selected = static_cast<int>(i);
    rebuild();
}

void HiddenStateMapView::clear() {
    m_points.clear();
    m_selected.reset();
    m_cell->clear();
    m_selection->setText(tr("Click a point to draw its cells."));
    rebuild();
}

void HiddenStateMapView::setColouring(Colouring colouring) {
    m_colouring = colouring;
    if (m_choice->currentIndex() != colouring) m_choice->setCurrentIndex(colouring);
    rebuild();
}

std::optional<double> HiddenStateMapView::propertyOf(int index) const {
    const HiddenStatePoint& p = m_points.at(static_cast<std::size_t>(index));
    switch (m_colouring) {
        case kByReward:
            return p.reward;
        case kBySkipConnections:
            return skipConnections(p.architecture);
        case kByParams:
            return p.params;
        case kByEpoch:
            return p.epoch + 1;
    }
    return std::nullopt;
}

QColor HiddenStateMapView::pointColour(int index) const {
    return m_colours.at(static_cast<std::size_t>(index));
}

QString HiddenStateMapView::title() const { return m_title->text(); }

void HiddenStateMapView::rebuild() {
    double low = INFINITY, high = -INFINITY;
    for (int i = 0; i < pointCount(); ++i)
        if (const auto value = propertyOf(i))
            low = std::min(low, *value), high = std::max(high, *value);
    const bool anyKnown = low <= high;
    if (anyKnown && low == high) low -= 0.5, high += 0.5;  // one value: the middle colour
    const QCPRange range = anyKnown ? QCPRange(low, high) : QCPRange(0, 1);
    m_scale->setDataRange(range);
    m_scale->axis()->setLabel(m_choice->currentText());

    // Each point goes to the graph of its colour step; that graph's colour is the step's middle.
    std::vector<QVector<double>> xs(kColourSteps), ys(kColourSteps);
    QVector<double> unknownX, unknownY;
    m_colours.assign(m_points.size(), kUnknownColour);
    QCPColorGradient gradient = m_scale->gradient();
    for (int i = 0; i < pointCount(); ++i) {
        const auto& position = m_points[static_cast<std::size_t>(i)].position;
        const auto value = propertyOf(i);
        if (!value) {
            unknownX << position[0], unknownY << position[1];
            continue;
        }
        const double share = (*value - range.lower) / range.size();
        const int step = std::clamp(static_cast<int>(share * kColourSteps), 0, kColourSteps - 1);
        xs[static_cast<std::size_t>(step)] << position[0];
        ys[static_cast<std::size_t>(step)] << position[1];
        m_colours[static_cast<std::size_t>(i)] = QColor::fromRgb(
            gradient.color(range.lower + (step + 0.5) / kColourSteps * range.size(), range));
    }
    for (int step = 0; step < kColourSteps; ++step) {
        QCPGraph* graph = m_steps[static_cast<std::size_t>(step)];
        const QColor colour = QColor::fromRgb(
            gradient.color(range.lower + (step + 0.5) / kColourSteps * range.size(), range));
        graph->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, colour.darker(120), colour, 8));
        graph->setData(xs[static_cast<std::size_t>(step)], ys[static_cast<std::size_t>(step)]);
    }
    m_unknown->setData(unknownX, unknownY);
    QVector<double> hx, hy;
    if (m_selected) {
        const auto& position = m_points[static_cast<std::size_t>(*m_selected)].position;
        hx << position[0], hy << position[1];
    }
    m_highlight->setData(hx, hy);

    m_title->setText(m_points.empty()
                         ? tr("Hidden states: no controller samples yet")
                         : tr("PCA of the last %1 hidden states: components explain %2 % and %3 %")
                               .arg(pointCount())
                               .arg(percentOf(m_variance[0], m_totalVariance), 0, 'f', 1)
                               .arg(percentOf(m_variance[1], m_totalVariance), 0, 'f', 1));
    m_plot->rescaleAxes();
    // A margin so the outermost points are not cut in half.
    m_plot->xAxis->scaleRange(1.1, m_plot->xAxis->range().center());
    m_plot->yAxis->scaleRange(1.1, m_plot->yAxis->range().center());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QPoint HiddenStateMapView::pixelOf(int index) const {
    const auto& position = m_points.at(static_cast<std::size_t>(index)).position;
    return QPointF(m_plot->xAxis->coordToPixel(position[0]),
                   m_plot->yAxis->coordToPixel(position[1]))
        .toPoint();
}

std::optional<int> HiddenStateMapView::pointAt(const QPoint& position) const {
    std::optional<int> nearest;
    double best = kClickRadiusPx * kClickRadiusPx;
    for (int i = 0; i < pointCount(); ++i) {
        const QPoint d = pixelOf(i) - position;
        const double squared =
            static_cast<double>(d.x()) * d.x() + static_cast<double>(d.y()) * d.y();
        if (squared <= best) best = squared, nearest = i;
    }
    return nearest;
}

void HiddenStateMapView::onPlotClicked(QMouseEvent* event) {
    if (const auto index = pointAt(event->pos())) selectPoint(*index);
}

void HiddenStateMapView::selectPoint(int index) {
    if (index < 0 || index >= pointCount()) return;
    m_selected = index;
    const HiddenStatePoint& p = m_points[static_cast<std::size_t>(index)];
    m_cell->setGenotype(p.architecture);
    m_selection->setText(tr("Sample at step %1 (epoch %2): reward %3, %4 skip connections, %5 "
                            "parameters")
                             .arg(p.step)
                             .arg(p.epoch + 1)
                             .arg(p.reward, 0, 'f', 3)
                             .arg(skipConnections(p.architecture))
                             .arg(p.params ? formatCount(*p.params) : QStringLiteral("?")));
    rebuild();
    emit pointSelected(index);
}

}  // namespace nas::widgets
