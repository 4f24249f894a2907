#include "widgets/run_replay.h"

#include <algorithm>

namespace nas::widgets {

std::optional<RunReplay> loadRunReplay(const store::RunStore& store, std::int64_t runId) {
    std::optional<store::RunRecord> record = store.findRun(runId);
    if (!record) return std::nullopt;
    RunReplay replay;
    replay.record = std::move(*record);
    try {
        replay.config = engine::parseSearchConfigText(replay.record.configJson);
    } catch (const engine::ConfigError&) {
        replay.config.reset();  // still replayable: the views only need the recorded data
    }
    replay.epochs = store.epochs(runId);
    replay.steps = store.steps(runId);
    replay.alphas = store.alphaSnapshots(runId);
    replay.samples = store.samples(runId);
    replay.constraintChanges = store.constraintChanges(runId);
    return replay;
}

void truncateReplay(RunReplay& replay, int firstEpoch) {
    auto eraseFrom = [firstEpoch](auto& items) {
        items.erase(
            std::remove_if(items.begin(), items.end(),
                           [firstEpoch](const auto& item) { return item.epoch >= firstEpoch; }),
            items.end());
    };
    eraseFrom(replay.epochs);
    eraseFrom(replay.steps);
    eraseFrom(replay.alphas);
    eraseFrom(replay.samples);
}

}  // namespace nas::widgets
