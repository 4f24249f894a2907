#pragma once
// What the engine reported between two repaints, handed from the worker thread to the GUI thread
// in one piece (one lock, one move, one repaint), never one signal per event.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/events.h"
#include "engine/search_config.h"
#include "engine/search_session.h"

namespace nas::studio {

struct RunStart {
    std::int64_t runId = 0;
    engine::SearchConfig config;
    int startEpoch = 0;
};

struct EngineBatch {
    std::optional<RunStart> started;
    std::vector<engine::StepEvent> steps;
    std::vector<engine::AlphaSnapshot> alphas;
    std::vector<engine::EpochMetrics> epochs;
    std::vector<engine::SampleRecord> samples;  // sampled architectures, as the store keeps them
    std::vector<std::pair<engine::RunStatus, std::string>> statuses;
    std::vector<std::string> logs;
    std::vector<std::pair<std::int64_t, engine::Constraints>>
        constraintChanges;  // (step applied, constraints)
    std::vector<engine::SearchPhase> phases;
    std::vector<std::vector<std::string>> refusedConstraints;  // the problems of each refusal

    [[nodiscard]] bool empty() const {
        return !started && steps.empty() && alphas.empty() && epochs.empty() && samples.empty() &&
               statuses.empty() && logs.empty() && constraintChanges.empty() && phases.empty() &&
               refusedConstraints.empty();
    }
};

}  // namespace nas::studio
