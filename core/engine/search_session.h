#pragma once
// One search run: builds data, space and strategy from a config, runs epochs of steps, reports
// events at a bounded rate, stores everything, checkpoints each epoch, and obeys commands between
// steps. Torch-free header (pimpl), so the GUI bridge can hold a session without torch headers.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/events.h"
#include "engine/search_config.h"
#include "engine/search_control.h"

namespace nas::parallel {
class RankGroup;
}

namespace nas::engine {

// What a search is busy with before its first step completes: on a loaded machine each can take
// minutes, and the user should see which.
enum class SearchPhase { LoadingData, BuildingSupernet, FirstStep };

// Receives a search's reports on the engine thread; implementations hop threads themselves.
class SearchObserver {
  public:
    virtual ~SearchObserver() = default;
    virtual void onStarted(std::int64_t /*runId*/, const SearchConfig& /*config*/,
                           int /*startEpoch*/) {}
    virtual void onStep(const StepEvent& /*event*/) {}           // at most event_rate_hz per second
    virtual void onAlphas(const AlphaSnapshot& /*snapshot*/) {}  // at most event_rate_hz per second
    virtual void onEpoch(const EpochMetrics& /*metrics*/) {}
    // Architectures a strategy sampled and scored, as the store keeps them (after each epoch).
    virtual void onSamples(const std::vector<SampleRecord>& /*samples*/) {}
    virtual void onStatus(RunStatus /*status*/, const std::string& /*message*/) {}
    virtual void onLog(const std::string& /*line*/) {}
    // New constraints took effect before global step `step` (the store records the same step).
    virtual void onConstraints(std::int64_t /*step*/, const Constraints& /*constraints*/) {}
    // New constraints were refused (no network of the space can meet them) and never reached the
    // strategy; `problems` says why, in the words the config validation uses.
    virtual void onConstraintsRefused(const std::vector<std::string>& /*problems*/) {}
    // A slow stage before the first step begins.
    virtual void onPhase(SearchPhase /*phase*/) {}
};

// This process's place in a data-parallel search: every rank runs the same steps on its own shard
// of each batch; rank 0 alone writes the store, the checkpoints and the run folder. With a group,
// the ranks average their gradients before every update and stop together; without one (tests)
// each rank trains on its shard alone.
struct SessionRank {
    int rank = 0;
    int worldSize = 1;
    std::shared_ptr<parallel::RankGroup> group;
    [[nodiscard]] bool records() const { return rank == 0; }
};

struct SearchOutcome {
    std::int64_t runId = 0;
    RunStatus status = RunStatus::Failed;
    std::string message;  // what went wrong, for failed runs
    [[nodiscard]] bool ok() const {
        return status == RunStatus::Finished || status == RunStatus::Stopped;
    }
};

class SearchSession final {
  public:
    // A new run in `workspaceRoot`.
    SearchSession(SearchConfig config, std::string workspaceRoot, SessionRank rank = {});
    // Continue run `runId` from its last checkpoint.
    SearchSession(std::int64_t runId, std::string workspaceRoot, SessionRank rank = {});
    ~SearchSession();
    SearchSession(const SearchSession&) = delete;
    SearchSession& operator=(const SearchSession&) = delete;

    // Runs to the end, a stop command, or an error; never throws for run-time failures (they
    // come back as a failed outcome, recorded in the store).
    SearchOutcome run(SearchObserver& observer, SearchControl& control);

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace nas::engine
