#pragma once
// Opens the controller comparison of two stored runs: the dialog shows their reward
// distributions at once, and one study worker per run fills its correlation columns when its
// study is done (the workers belong to the dialog and stop with it).
#include <QWidget>

#include "widgets/run_replay.h"

namespace nas::widgets {
class ControllerCompareDialog;
}

namespace nas::studio {

// Whether the comparison has anything to show: either run sampled architectures.
[[nodiscard]] bool hasControllerComparison(const widgets::RunReplay& first,
                                           const widgets::RunReplay& second);

// The dialog, shown, deleted on close.
widgets::ControllerCompareDialog* openControllerComparison(const widgets::RunReplay& first,
                                                           const widgets::RunReplay& second,
                                                           QWidget* parent);

}  // namespace nas::studio
