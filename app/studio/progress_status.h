#pragma once
// The status bar's run progress: what the engine is doing, a progress bar over all steps of the
// search, and the time left as the engine estimates it.
#include <QWidget>

#include "engine/events.h"
#include "engine/search_session.h"

class QLabel;
class QProgressBar;

namespace nas::studio {

class ProgressStatus final : public QWidget {
    Q_OBJECT
  public:
    explicit ProgressStatus(QWidget* parent = nullptr);

    void startRun(std::int64_t runId, int epochs, int startEpoch);
    void showStep(const engine::StepEvent& step);
    void showStatus(engine::RunStatus status);
    // What the engine is busy with before its first step.
    void showPhase(engine::SearchPhase phase);
    // A pause was asked for; the engine pauses at its next step boundary.
    void showPausing();
    void showIdle(const QString& text);
    [[nodiscard]] int progressPercent() const;
    [[nodiscard]] QString etaText() const;
    [[nodiscard]] QString stateText() const;
    // The first steps of a run include warm-up and a cold estimate: no ETA before this many.
    static constexpr int kStepsBeforeEta = 3;

  private:
    QLabel* m_state = nullptr;
    QProgressBar* m_bar = nullptr;
    QLabel* m_eta = nullptr;
    int m_epochs = 1;
    std::int64_t m_runId = 0;
    std::int64_t m_firstStep = -1;  // the first step this session reported
};

}  // namespace nas::studio
