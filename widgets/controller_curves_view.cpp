#include "widgets/controller_curves_view.h"

#include <qcustomplot.h>

#include <QVBoxLayout>
#include <optional>

#include "widgets/curve_plot.h"
#include "widgets/hidden_state_tracker.h"

namespace nas::widgets {
namespace {

const QColor kRewardColor(0x31, 0x82, 0xbd);
const QColor kBaselineColor(0xe6, 0x55, 0x0d);
const QColor kEntropyColor(0x75, 0x70, 0xb3);
const QColor kReconstructionColor(0x1b, 0x9e, 0x77);

}  // namespace

ControllerCurvesView::ControllerCurvesView(QWidget* parent) : QWidget(parent) {
    m_rewardPlot =
        makePlot(QStringLiteral("controllerRewardPlot"), tr("Reward and baseline"), tr("reward"));
    m_reward = addCurve(m_rewardPlot, tr("reward"), kRewardColor, false);
    m_baseline = addCurve(m_rewardPlot, tr("baseline"), kBaselineColor, false);
    m_entropyPlot = makePlot(QStringLiteral("controllerEntropyPlot"),
                             tr("Entropy of the controller's decisions"), tr("nats"));
    m_entropy = addCurve(m_entropyPlot, tr("entropy"), kEntropyColor, false);
    m_reconstruction = addCurve(m_entropyPlot, tr("memory buffer reconstruction loss"),
                                kReconstructionColor, false);
    m_reconstruction->removeFromLegend();  // until the run reports one

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_rewardPlot, 1);
    layout->addWidget(m_entropyPlot, 1);
}

QCustomPlot* ControllerCurvesView::makePlot(const QString& objectName, const QString& title,
                                            const QString& yLabel) {
    return makeCurvePlot(this, objectName, title, tr("controller sample"), yLabel);
}

void ControllerCurvesView::appendSamples(const std::vector<engine::SampleRecord>& samples) {
    bool added = false;
    for (const auto& record : samples) {
        const auto reward = sampleMetric(record, "reward");
        if (!reward || isDeriveSample(record)) continue;
        const double x = ++m_count;
        if (m_lastEpoch >= 0 && record.epoch != m_lastEpoch) markEpoch(x - 0.5);
        m_lastEpoch = record.epoch;
        m_reward->addData(x, *reward);
        if (const auto baseline = sampleMetric(record, "baseline"))
            m_baseline->addData(x, *baseline);
        if (const auto entropy = sampleMetric(record, "entropy")) m_entropy->addData(x, *entropy);
        if (const auto loss = sampleMetric(record, "reconstruction")) {
            if (m_reconstruction->data()->isEmpty()) m_reconstruction->addToLegend();
            m_reconstruction->addData(x, *loss);
        }
        added = true;
    }
    if (added) replot();
}

void ControllerCurvesView::setSamples(const std::vector<engine::SampleRecord>& samples) {
    clear();
    appendSamples(samples);
}

void ControllerCurvesView::clear() {
    for (QCPGraph* graph : {m_reward, m_baseline, m_entropy, m_reconstruction})
        graph->data()->clear();
    m_reconstruction->removeFromLegend();
    for (QCustomPlot* plot : {m_rewardPlot, m_entropyPlot}) plot->clearItems();
    m_count = 0;
    m_boundaries = 0;
    m_lastEpoch = -1;
    replot();
}

void ControllerCurvesView::markEpoch(double x) {
    for (QCustomPlot* plot : {m_rewardPlot, m_entropyPlot}) {
        auto* line = new QCPItemStraightLine(plot);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    }
    ++m_boundaries;
}

void ControllerCurvesView::replot() {
    for (QCustomPlot* plot : {m_rewardPlot, m_entropyPlot}) {
        plot->rescaleAxes();
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

}  // namespace nas::widgets
