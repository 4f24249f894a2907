#pragma once
// The status bar's run progress: what the engine is doing, a progress bar over all steps of the
// search, and the time left as the engine estimates it.
#include <QWidget>

#include "engine/events.h"

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
    void showIdle(const QString& text);
    [[nodiscard]] int progressPercent() const;
    [[nodiscard]] QString etaText() const;

  private:
    QLabel* m_state = nullptr;
    QProgressBar* m_bar = nullptr;
    QLabel* m_eta = nullptr;
    int m_epochs = 1;
    std::int64_t m_runId = 0;
};

}  // namespace nas::studio
