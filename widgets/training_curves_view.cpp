#include "widgets/training_curves_view.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

#include "search/registry/strategy_registry.h"
#include "widgets/curve_plot.h"
#include "widgets/number_format.h"
#include "widgets/qt_text.h"

namespace nas::widgets {
namespace {

const QColor kTrainColor(0x31, 0x82, 0xbd);
const QColor kValidColor(0xe6, 0x55, 0x0d);
const QColor kStepColor(0x9e, 0xca, 0xe1);
const QColor kFeasibleColor(0x31, 0xa3, 0x54);

double stepProgress(const engine::StepEvent& s) {
    return s.epoch + (s.stepInEpoch + 1.0) / std::max(s.stepsPerEpoch, 1);
}

}  // namespace

TrainingCurvesView::TrainingCurvesView(QWidget* parent) : QWidget(parent) {
    m_lossPlot = makePlot(QStringLiteral("lossPlot"), tr("Loss"), tr("cross-entropy"));
    m_stepLoss = addCurve(m_lossPlot, tr("train (batch)"), kStepColor, false);
    m_trainLoss = addCurve(m_lossPlot, tr("train (epoch)"), kTrainColor, true);
    m_validLoss = addCurve(m_lossPlot, tr("validation (epoch)"), kValidColor, true);

    m_accuracyPlot = makePlot(QStringLiteral("accuracyPlot"), tr("Accuracy"), tr("accuracy (%)"));
    m_stepAccuracy = addCurve(m_accuracyPlot, tr("train (batch)"), kStepColor, false);
    m_trainAccuracy = addCurve(m_accuracyPlot, tr("train (epoch)"), kTrainColor, true);
    m_validAccuracy = addCurve(m_accuracyPlot, tr("validation (epoch)"), kValidColor, true);

    m_temperaturePlot =
        makePlot(QStringLiteral("temperaturePlot"), tr("Temperature (SNAS)"), tr("\u03c4"));
    m_temperature =
        addCurve(m_temperaturePlot, tr("Gumbel-softmax temperature"), kTrainColor, false);
    m_noTemperature = new QCPItemText(m_temperaturePlot);
    m_noTemperature->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_noTemperature->position->setCoords(0.5, 0.5);
    m_noTemperature->setColor(Qt::gray);

    m_costPlot =
        makePlot(QStringLiteral("costPlot"), tr("Cost of the derived network"), tr("cost"));
    // Limit first, so the shaded region lies under the cost curve.
    m_limit = addCurve(m_costPlot, tr("limit (feasible below)"), kFeasibleColor, false);
    m_limit->setLineStyle(QCPGraph::lsStepLeft);
    m_limit->setPen(QPen(kFeasibleColor.darker(130), 2, Qt::DashLine));
    QColor shade = kFeasibleColor;
    shade.setAlpha(45);
    m_limit->setBrush(shade);
    m_cost = addCurve(m_costPlot, tr("derived network"), kValidColor, true);

    m_scalarsPlot =
        makePlot(QStringLiteral("strategyScalarsPlot"), tr("Strategy signals"), tr("value"));
    m_scalarsPlot->setVisible(false);  // until the strategy reports one

    m_metricChoice = new QComboBox(this);
    m_metricChoice->setObjectName(QStringLiteral("costMetricChoice"));
    m_metricChoice->addItem(tr("Parameters"));
    m_metricChoice->addItem(tr("FLOPs (multiply-adds)"));
    m_metricChoice->addItem(tr("Memory access (elements)"));
    m_feasibility = new QLabel(this);
    m_feasibility->setObjectName(QStringLiteral("feasibilityLabel"));
    connect(m_metricChoice, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { setCostMetric(static_cast<CostMetric>(index)); });

    auto* costHeader = new QHBoxLayout;
    costHeader->addWidget(new QLabel(tr("Cost figure:"), this));
    costHeader->addWidget(m_metricChoice);
    costHeader->addStretch(1);
    costHeader->addWidget(m_feasibility);
    auto* costBox = new QVBoxLayout;
    costBox->addLayout(costHeader);
    costBox->addWidget(m_costPlot, 1);

    auto* grid = new QGridLayout(this);
    grid->addWidget(m_lossPlot, 0, 0);
    grid->addWidget(m_accuracyPlot, 0, 1);
    grid->addWidget(m_temperaturePlot, 1, 0);
    grid->addLayout(costBox, 1, 1);
    grid->addWidget(m_scalarsPlot, 2, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    clear();
}

QCustomPlot* TrainingCurvesView::makePlot(const QString& objectName, const QString& title,
                                          const QString& yLabel) {
    return makeCurvePlot(this, objectName, title, tr("epoch"), yLabel);
}

QCPGraph* TrainingCurvesView::scalarCurve(const std::string& name) {
    auto it = m_scalarCurves.find(name);
    if (it != m_scalarCurves.end()) return it->second;
    // Colours in order of appearance, from a small qualitative palette.
    static const QColor palette[] = {QColor(0x75, 0x70, 0xb3), QColor(0x1b, 0x9e, 0x77),
                                     QColor(0xd9, 0x5f, 0x02), QColor(0xe7, 0x29, 0x8a),
                                     QColor(0x66, 0xa6, 0x1e)};
    const QColor color = palette[m_scalarCurves.size() % std::size(palette)];
    m_scalarsPlot->setVisible(true);
    return m_scalarCurves[name] = addCurve(m_scalarsPlot, toQString(name), color, false);
}

void TrainingCurvesView::appendSteps(const std::vector<engine::StepEvent>& steps) {
    for (const engine::StepEvent& s : steps) {
        const double x = stepProgress(s);
        m_stepLoss->addData(x, s.loss);
        m_stepAccuracy->addData(x, s.accuracy * 100.0);
        if (s.temperature > 0) m_temperature->addData(x, s.temperature);
        for (const auto& [name, value] : s.scalars) scalarCurve(name)->addData(x, value);
        m_stepsPerEpoch = std::max(s.stepsPerEpoch, 1);
        m_lastStep = std::max(m_lastStep, s.step);
    }
    if (!steps.empty()) rebuildLimit();
}

void TrainingCurvesView::appendEpochs(const std::vector<engine::EpochMetrics>& epochs) {
    for (const engine::EpochMetrics& e : epochs) {
        const double x = e.epoch + 1.0;
        m_trainLoss->addData(x, e.trainLoss);
        m_validLoss->addData(x, e.validLoss);
        m_trainAccuracy->addData(x, e.trainAccuracy * 100.0);
        m_validAccuracy->addData(x, e.validAccuracy * 100.0);
        if (e.temperature > 0) m_temperature->addData(x, e.temperature);
        m_epochs.push_back(e);
    }
    if (!epochs.empty()) rebuildCost();
}

void TrainingCurvesView::setInitialConstraints(const engine::Constraints& constraints) {
    m_initial = constraints;
    rebuildLimit();
}

void TrainingCurvesView::addConstraintChange(std::int64_t step,
                                             const engine::Constraints& constraints) {
    m_changes.emplace_back(step, constraints);
    if (m_pending == constraints) m_pending.reset();
    rebuildLimit();
}

void TrainingCurvesView::setPendingConstraints(const engine::Constraints& constraints) {
    m_pending = constraints;
    rebuildLimit();
}

std::vector<std::pair<std::int64_t, engine::Constraints>> TrainingCurvesView::changesToDraw()
    const {
    auto changes = m_changes;
    if (m_pending)
        changes.emplace_back(
            std::max<std::int64_t>(m_lastStep + 1, changes.empty() ? 0 : changes.back().first),
            *m_pending);
    return changes;
}

void TrainingCurvesView::setRun(
    const std::vector<engine::StepEvent>& steps, const std::vector<engine::EpochMetrics>& epochs,
    const engine::Constraints& initial,
    const std::vector<std::pair<std::int64_t, engine::Constraints>>& changes) {
    clear();
    m_initial = initial;
    m_changes = changes;
    appendSteps(steps);
    appendEpochs(epochs);
    rebuildLimit();
    refresh();
}

void TrainingCurvesView::clear() {
    for (QCustomPlot* plot : {m_lossPlot, m_accuracyPlot, m_temperaturePlot, m_costPlot})
        for (int i = 0; i < plot->graphCount(); ++i) plot->graph(i)->data()->clear();
    m_scalarsPlot->clearGraphs();
    m_scalarCurves.clear();
    m_scalarsPlot->setVisible(false);
    m_epochs.clear();
    m_changes.clear();
    m_pending.reset();
    m_initial = {};
    m_stepsPerEpoch = 1;
    m_lastStep = -1;
    rebuildLimit();
    refresh();
}

void TrainingCurvesView::setCostMetric(CostMetric metric) {
    m_metric = metric;
    if (m_metricChoice->currentIndex() != static_cast<int>(metric))
        m_metricChoice->setCurrentIndex(static_cast<int>(metric));
    rebuildCost();
    rebuildLimit();
    refresh();
}

void TrainingCurvesView::setStrategy(const QString& strategy) {
    m_strategy = strategy;
    refresh();
}

QString TrainingCurvesView::temperatureNote() const {
    if (m_temperature->dataCount() > 0) return QString();
    // Whether the strategy anneals a temperature is its descriptor's to say.
    const auto* descriptor = search::findStrategy(toStdString(m_strategy));
    const bool anneals = descriptor && descriptor->hasTemperature;
    if (m_lastStep < 0 && m_epochs.empty())
        return anneals ? tr("The temperature appears with the first step") : QString();
    return anneals ? QString() : tr("This strategy has no temperature");
}

void TrainingCurvesView::rebuildCost() {
    m_cost->data()->clear();
    for (const engine::EpochMetrics& e : m_epochs)
        m_cost->addData(e.epoch + 1.0, costOf(e.cost, m_metric));
}

void TrainingCurvesView::rebuildLimit() {
    // The step line runs to the newest data, so the shaded region always spans the curves.
    double xEnd = 1.0;
    if (m_lastStep >= 0) xEnd = std::max(xEnd, progressOfStep(m_lastStep + 1, m_stepsPerEpoch));
    if (!m_epochs.empty()) xEnd = std::max(xEnd, m_epochs.back().epoch + 1.0);
    const auto points = limitTimeline(m_initial, changesToDraw(), m_metric, m_stepsPerEpoch);
    QVector<double> xs, ys;
    constexpr double kGap =
        std::numeric_limits<double>::quiet_NaN();  // no limit: a gap in the line
    for (const LimitPoint& p : points) {
        xs << p.x;
        ys << (p.limit ? *p.limit : kGap);
    }
    xs << std::max(xEnd, xs.back());
    ys << ys.back();
    m_limit->setData(xs, ys, true);

    const std::optional<double> limit = currentLimit();
    if (m_epochs.empty() || !limit) {
        m_feasibility->setText(limit ? tr("limit %1").arg(formatCount(*limit))
                                     : tr("unconstrained"));
        m_feasibility->setStyleSheet(QString());
        return;
    }
    const double cost = costOf(m_epochs.back().cost, m_metric);
    const bool feasible = cost <= *limit;
    m_feasibility->setText(
        feasible ? tr("%1 of %2: feasible").arg(formatCount(cost), formatCount(*limit))
                 : tr("%1 of %2: over the limit").arg(formatCount(cost), formatCount(*limit)));
    m_feasibility->setStyleSheet(feasible ? QStringLiteral("color: #237a3b;")
                                          : QStringLiteral("color: #b3261e; font-weight: bold;"));
}

std::optional<double> TrainingCurvesView::currentLimit() const {
    const auto points = limitTimeline(m_initial, changesToDraw(), m_metric, m_stepsPerEpoch);
    return points.back().limit;
}

void TrainingCurvesView::refresh() {
    const QString note = temperatureNote();
    m_noTemperature->setText(note);
    m_noTemperature->setVisible(!note.isEmpty());
    for (QCustomPlot* plot :
         {m_lossPlot, m_accuracyPlot, m_temperaturePlot, m_costPlot, m_scalarsPlot}) {
        bool hasData = false;
        for (int i = 0; i < plot->graphCount(); ++i) {
            bool found = false;
            (void)plot->graph(i)->getValueRange(found);  // NaN gaps alone are no data
            hasData |= found;
        }
        const bool fromZero = plot == m_costPlot || plot == m_accuracyPlot;
        if (!hasData) {
            // Nothing to fit: a fixed range, not the last one padded again (which grew the empty
            // axis with every refresh).
            plot->xAxis->setRange(0.0, 1.0);
            plot->yAxis->setRange(0.0, 1.0);
            plot->replot(QCustomPlot::rpQueuedReplot);
            continue;
        }
        plot->rescaleAxes(true);
        // Keep a little air above the top curve and start costs and accuracies at zero.
        const QCPRange y = plot->yAxis->range();
        const double pad = std::max(y.size() * 0.08, std::max(std::abs(y.upper) * 0.02, 1e-6));
        plot->yAxis->setRange(fromZero ? 0.0 : y.lower - pad, y.upper + pad);
        if (plot->xAxis->range().lower > 0) plot->xAxis->setRangeLower(0.0);
        // A strategy may report a signal for part of the run only (SNAS's penalty while a
        // strength is set): its epochs line up with the loss plot's above it.
        if (plot == m_scalarsPlot)
            plot->xAxis->setRangeUpper(
                std::max(plot->xAxis->range().upper, m_lossPlot->xAxis->range().upper));
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

int TrainingCurvesView::stepPointCount() const { return m_stepLoss->dataCount(); }
int TrainingCurvesView::epochPointCount() const { return m_validLoss->dataCount(); }

}  // namespace nas::widgets
