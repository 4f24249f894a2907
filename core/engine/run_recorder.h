#pragma once
// Where a search's results go, kept apart from the loop that produces them. A single-process
// search, and rank 0 of a data-parallel one, records into the run store and checkpoint files; every
// other rank runs the very same steps and writes nothing, so N processes never race on one
// workspace.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/checkpoint.h"
#include "engine/events.h"

namespace nas::store {
class RunStore;
}

namespace nas::engine {

class Workspace;

// What one finished epoch adds to the record, stored together with the checkpoint after it.
struct EpochRecord {
    EpochMetrics metrics;
    AlphaSnapshot alphas;
    std::vector<SampleRecord> samples;
    std::string hiddenStateStudy;  // JSON of the study after this epoch; empty when none ran
};

class RunRecorder {
  public:
    virtual ~RunRecorder() = default;
    virtual void recordSteps(const std::vector<StepEvent>& steps) = 0;
    // A periodic snapshot of the op probabilities between epochs.
    virtual void recordAlphas(const AlphaSnapshot& snapshot) = 0;
    virtual void setStatus(RunStatus status, const std::string& message = {}) = 0;
    virtual void recordConstraintChange(std::int64_t step, const Constraints& constraints) = 0;
    // Saves the strategy at `position`; `epoch`'s rows, when given, land in the same transaction
    // that switches the run to the new checkpoint file.
    virtual void checkpoint(const CheckpointPosition& position,
                            const search::SearchStrategy& strategy, const EpochRecord* epoch) = 0;
};

// Records run `runId` into `store` and the run's folder of `workspace` (both outlive it).
[[nodiscard]] std::unique_ptr<RunRecorder> storeRecorder(store::RunStore& store,
                                                         const Workspace& workspace,
                                                         std::int64_t runId);
// Records nothing: the recorder of every rank but 0.
[[nodiscard]] std::unique_ptr<RunRecorder> silentRecorder();

}  // namespace nas::engine
