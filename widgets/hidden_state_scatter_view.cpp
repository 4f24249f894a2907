#include "widgets/hidden_state_scatter_view.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

namespace nas::widgets {
namespace {

const QColor kPointColor(0x31, 0x82, 0xbd);

}  // namespace

QString formatCoefficient(double value) {
    return std::isnan(value) ? QStringLiteral("n/a") : QString::number(value, 'f', 2);
}

HiddenStateScatterView::HiddenStateScatterView(QWidget* parent) : QWidget(parent) {
    m_choice = new QComboBox(this);
    m_choice->setObjectName(QStringLiteral("hiddenStateMeasureChoice"));
    m_choice->addItem(tr("Graph edit distance"));
    m_choice->addItem(tr("Common connections"));
    m_choice->addItem(tr("Common ops"));
    m_choice->addItem(tr("Reward difference"));
    connect(m_choice, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { setMeasure(static_cast<Measure>(index)); });

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("hiddenStateScatterPlot"));
    m_plot->setMinimumSize(320, 240);
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString(), QFont(font().family(), -1, QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, m_title);
    m_points = m_plot->addGraph();
    m_points->setLineStyle(QCPGraph::lsNone);
    QColor fill = kPointColor;
    fill.setAlpha(90);
    m_points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, fill, 5));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    auto* header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("Against:"), this));
    header->addWidget(m_choice);
    header->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_plot, 1);
    rebuild();
}

void HiddenStateScatterView::setSnapshot(const HiddenStateSnapshot& snapshot) {
    m_result = snapshot.result;
    m_pairs = snapshot.pairs;
    rebuild();
}

void HiddenStateScatterView::clear() {
    m_result = {};
    m_pairs.clear();
    rebuild();
}

void HiddenStateScatterView::setMeasure(Measure measure) {
    m_measure = measure;
    if (m_choice->currentIndex() != measure) m_choice->setCurrentIndex(measure);
    rebuild();
}

int HiddenStateScatterView::pointCount() const { return m_points->data()->size(); }

QString HiddenStateScatterView::title() const { return m_title->text(); }

double HiddenStateScatterView::measureOf(const study::PairMeasures& pair, Measure measure) {
    switch (measure) {
        case kGraphEditDistance:
            return pair.graph.ged;
        case kCommonConnections:
            return pair.graph.commonConnections;
        case kCommonOps:
            return pair.graph.commonOps;
        case kRewardDifference:
            return pair.rewardDifference;
    }
    return 0;
}

void HiddenStateScatterView::rebuild() {
    const bool cosine = m_result.distance == study::HiddenDistance::Cosine;
    QVector<double> x, y;
    for (const auto& pair : m_pairs) {
        x << (cosine ? pair.cosine : pair.l2);
        y << measureOf(pair, m_measure);
    }
    m_points->setData(x, y);
    m_plot->xAxis->setLabel(cosine ? tr("hidden-state distance (1 - cosine)")
                                   : tr("hidden-state distance (L2)"));
    m_plot->yAxis->setLabel(m_choice->currentText());
    const auto index = static_cast<std::size_t>(m_measure);
    if (index < m_result.measures.size()) {
        const study::MeasureCorrelation& c = m_result.measures[index].second;
        m_title->setText(
            tr("%1: Spearman \u03c1 %2 [%3, %4], Pearson r %5, Kendall \u03c4 %6 (%7 samples, "
               "%8 pairs)")
                .arg(m_choice->currentText(), formatCoefficient(c.spearman),
                     formatCoefficient(c.spearmanCi.low), formatCoefficient(c.spearmanCi.high),
                     formatCoefficient(c.pearson), formatCoefficient(c.kendall))
                .arg(m_result.samples)
                .arg(m_result.pairs));
    } else {
        m_title->setText(tr("Hidden-state distance: no controller samples yet"));
    }
    m_plot->rescaleAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace nas::widgets
