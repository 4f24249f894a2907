#pragma once
// Everything the views need to replay one stored run, read from the run store in one go.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "engine/events.h"
#include "engine/search_config.h"
#include "store/run_store.h"

namespace nas::widgets {

struct RunReplay {
    store::RunRecord record;
    // The run's configuration; nullopt when the stored JSON no longer parses (an older version).
    std::optional<engine::SearchConfig> config;
    std::vector<engine::EpochMetrics> epochs;
    std::vector<engine::StepEvent> steps;
    std::vector<engine::AlphaSnapshot> alphas;
    // Architectures the strategy sampled, with scores, tensors and metrics (none for DARTS-like
    // strategies).
    std::vector<engine::SampleRecord> samples;
    std::vector<std::pair<std::int64_t, engine::Constraints>> constraintChanges;
};

// nullopt when the run does not exist. Store errors propagate (store::StoreError).
[[nodiscard]] std::optional<RunReplay> loadRunReplay(const store::RunStore& store,
                                                     std::int64_t runId);

// Keeps only what came before epoch `firstEpoch`: a resumed run continues from its checkpoint
// and re-reports the later epochs.
void truncateReplay(RunReplay& replay, int firstEpoch);

}  // namespace nas::widgets
