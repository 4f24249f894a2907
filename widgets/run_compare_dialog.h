#pragma once
// Two runs' training curves side by side, each under a heading that names the run.
#include <QDialog>

#include "widgets/run_replay.h"

namespace nas::widgets {

class TrainingCurvesView;

class RunCompareDialog final : public QDialog {
    Q_OBJECT
  public:
    RunCompareDialog(const RunReplay& first, const RunReplay& second, QWidget* parent = nullptr);

    [[nodiscard]] TrainingCurvesView* curves(int side) const {
        return side == 0 ? m_left : m_right;
    }

  private:
    TrainingCurvesView* m_left = nullptr;
    TrainingCurvesView* m_right = nullptr;
};

// Heading of a run in comparisons and titles: "#3 darts-synthetic (DARTS, Synthetic)".
[[nodiscard]] QString runHeading(const store::RunRecord& run);

}  // namespace nas::widgets
