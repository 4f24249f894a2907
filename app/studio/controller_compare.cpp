#include "app/studio/controller_compare.h"

#include <memory>

#include "app/studio/hidden_state_worker.h"
#include "widgets/controller_compare_dialog.h"
#include "widgets/hidden_state_tracker.h"

namespace nas::studio {

bool hasControllerComparison(const widgets::RunReplay& first, const widgets::RunReplay& second) {
    return !first.samples.empty() || !second.samples.empty();
}

widgets::ControllerCompareDialog* openControllerComparison(const widgets::RunReplay& first,
                                                           const widgets::RunReplay& second,
                                                           QWidget* parent) {
    auto* dialog = new widgets::ControllerCompareDialog(first, second, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const widgets::RunReplay* runs[2] = {&first, &second};
    for (int side = 0; side < 2; ++side) {
        const auto studied =
            widgets::lastStudied(runs[side]->samples, study::StudyOptions{}.window);
        if (studied.empty()) {
            dialog->setNoStudy(side);  // random search: rewards, but no hidden states
            continue;
        }
        auto* worker = new HiddenStateWorker(dialog);
        // The table shows the whole window's study, not the snapshots on the way.
        auto latest = std::make_shared<study::StudyResult>();
        QObject::connect(
            worker, &HiddenStateWorker::snapshotReady, dialog,
            [latest](const widgets::HiddenStateSnapshot& snapshot) { *latest = snapshot.result; });
        QObject::connect(worker, &HiddenStateWorker::idle, dialog,
                         [dialog, side, latest] { dialog->setStudy(side, *latest); });
        worker->reset(runs[side]->config ? std::optional(runs[side]->config->space) : std::nullopt);
        worker->addSamples(studied);
    }
    dialog->show();
    return dialog;
}

}  // namespace nas::studio
