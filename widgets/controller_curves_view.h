#pragma once
// A controller's learning signals per sampled architecture: reward against the moving baseline,
// and the entropy of its decisions (and the memory buffer's reconstruction loss where it runs).
// Across: the controller's sample number; a dashed line where each epoch's samples begin.
#include <QWidget>
#include <vector>

#include "engine/events.h"

class QCustomPlot;
class QCPGraph;

namespace nas::widgets {

class ControllerCurvesView final : public QWidget {
    Q_OBJECT
  public:
    explicit ControllerCurvesView(QWidget* parent = nullptr);

    // Live: samples as they arrive. Those scored to pick an epoch's architecture ("derive") and
    // those without a reward (random search) are no controller updates and are left out.
    void appendSamples(const std::vector<engine::SampleRecord>& samples);
    // Replay: replaces everything.
    void setSamples(const std::vector<engine::SampleRecord>& samples);
    void clear();

    [[nodiscard]] int sampleCount() const { return m_count; }
    // Epoch boundaries marked (one per epoch after the first).
    [[nodiscard]] int boundaryCount() const { return m_boundaries; }
    [[nodiscard]] QCustomPlot* rewardPlot() const { return m_rewardPlot; }
    [[nodiscard]] QCustomPlot* entropyPlot() const { return m_entropyPlot; }
    [[nodiscard]] QCPGraph* rewardCurve() const { return m_reward; }
    [[nodiscard]] QCPGraph* baselineCurve() const { return m_baseline; }
    [[nodiscard]] QCPGraph* entropyCurve() const { return m_entropy; }
    [[nodiscard]] QCPGraph* reconstructionCurve() const { return m_reconstruction; }

  private:
    QCustomPlot* makePlot(const QString& objectName, const QString& title, const QString& yLabel);
    void markEpoch(double x);
    void replot();

    QCustomPlot* m_rewardPlot = nullptr;
    QCustomPlot* m_entropyPlot = nullptr;
    QCPGraph* m_reward = nullptr;
    QCPGraph* m_baseline = nullptr;
    QCPGraph* m_entropy = nullptr;
    QCPGraph* m_reconstruction = nullptr;
    int m_count = 0;
    int m_boundaries = 0;
    int m_lastEpoch = -1;
};

}  // namespace nas::widgets
