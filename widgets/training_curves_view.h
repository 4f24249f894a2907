#pragma once
// Training curves of a search: loss and accuracy (train per step and epoch, validation per epoch),
// the SNAS temperature, and the cost of the current derived cell against its constraint, with the
// feasible region shaded and moving when the constraint changes.
#include <QWidget>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "engine/events.h"
#include "widgets/constraint_limits.h"

class QCustomPlot;
class QCPGraph;
class QCPItemText;
class QComboBox;
class QLabel;

namespace nas::widgets {

class TrainingCurvesView final : public QWidget {
    Q_OBJECT
  public:
    explicit TrainingCurvesView(QWidget* parent = nullptr);

    void appendSteps(const std::vector<engine::StepEvent>& steps);
    void appendEpochs(const std::vector<engine::EpochMetrics>& epochs);
    // The constraints the run started with (drawn from x = 0).
    void setInitialConstraints(const engine::Constraints& constraints);
    // A change the engine applied from global step `step` on (live or replayed). It replaces a
    // pending request for the same constraints.
    void addConstraintChange(std::int64_t step, const engine::Constraints& constraints);
    // A change the user asked for and the engine has not applied yet (it does so before its next
    // step): drawn from the newest step until addConstraintChange places it exactly.
    void setPendingConstraints(const engine::Constraints& constraints);
    [[nodiscard]] bool hasPendingConstraints() const { return m_pending.has_value(); }
    [[nodiscard]] const std::vector<std::pair<std::int64_t, engine::Constraints>>&
    constraintChanges() const {
        return m_changes;
    }
    // Replay: everything at once.
    void setRun(const std::vector<engine::StepEvent>& steps,
                const std::vector<engine::EpochMetrics>& epochs, const engine::Constraints& initial,
                const std::vector<std::pair<std::int64_t, engine::Constraints>>& changes);
    void clear();
    void setCostMetric(CostMetric metric);
    // The strategy of the run shown (snas, darts, ...; empty: none yet). Until steps arrive, the
    // temperature plot says what to expect from it; with no strategy it says nothing.
    void setStrategy(const QString& strategy);
    [[nodiscard]] QString temperatureNote() const;
    // Schedules one repaint of every plot (views are repainted once per batch of data).
    void refresh();

    [[nodiscard]] int stepPointCount() const;
    [[nodiscard]] int epochPointCount() const;
    [[nodiscard]] std::optional<double> currentLimit() const;
    [[nodiscard]] CostMetric costMetric() const { return m_metric; }
    [[nodiscard]] std::int64_t lastStep() const { return m_lastStep; }

  private:
    QCustomPlot* makePlot(const QString& objectName, const QString& title, const QString& yLabel);
    void rebuildCost();
    void rebuildLimit();
    // The curve of a strategy's named per-step scalar, made on first sight.
    QCPGraph* scalarCurve(const std::string& name);

    QCustomPlot* m_lossPlot = nullptr;
    QCustomPlot* m_accuracyPlot = nullptr;
    QCustomPlot* m_temperaturePlot = nullptr;
    QCustomPlot* m_costPlot = nullptr;
    // Whatever per-step scalars the strategy reports (StepEvent::scalars), one curve per name.
    QCustomPlot* m_scalarsPlot = nullptr;
    std::map<std::string, QCPGraph*> m_scalarCurves;
    QCPGraph* m_stepLoss = nullptr;
    QCPGraph* m_trainLoss = nullptr;
    QCPGraph* m_validLoss = nullptr;
    QCPGraph* m_stepAccuracy = nullptr;
    QCPGraph* m_trainAccuracy = nullptr;
    QCPGraph* m_validAccuracy = nullptr;
    QCPGraph* m_temperature = nullptr;
    QCPGraph* m_cost = nullptr;
    QCPGraph* m_limit = nullptr;
    QCPItemText* m_noTemperature = nullptr;
    QComboBox* m_metricChoice = nullptr;
    QLabel* m_feasibility = nullptr;

    CostMetric m_metric = CostMetric::Params;
    QString m_strategy;
    std::vector<engine::EpochMetrics> m_epochs;  // kept to redraw the cost in another metric
    engine::Constraints m_initial;
    std::vector<std::pair<std::int64_t, engine::Constraints>> m_changes;
    std::optional<engine::Constraints> m_pending;
    // m_changes, plus the pending change at the newest step.
    [[nodiscard]] std::vector<std::pair<std::int64_t, engine::Constraints>> changesToDraw() const;
    int m_stepsPerEpoch = 1;
    std::int64_t m_lastStep = -1;
};

}  // namespace nas::widgets
