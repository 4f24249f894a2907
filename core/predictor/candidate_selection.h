#pragma once
// The predictor as a lookup over the space (Chen et al.): sample a pool of architectures, keep
// those within the resource limits, rank them by predicted score, return the best. Torch-free.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/events.h"
#include "predictor/predictor.h"
#include "predictor/shared_weight_scoring.h"
#include "space/cost_model.h"

namespace nas::predictor {

struct SelectionOptions {
    int pool = 10000;  // distinct architectures sampled uniformly
    int top = 10;
    std::uint64_t seed = 0;
    engine::Constraints constraints;
    // Measures one architecture's latency in ms; needed for a latency limit. Latency is measured,
    // not computed, so only the best predicted of the cost-feasible ones are measured, in order,
    // until `top` meet the limit or `latencyMeasurements` were measured.
    std::function<double(const space::Genotype&)> measureLatencyMs;
    int latencyMeasurements = 200;
};

struct Candidate {
    space::Genotype genotype;
    space::Cost cost;
    Prediction prediction;
    std::optional<double> latencyMs;  // when a latency limit had it measured
    std::optional<double> rescored;   // shared-weight score of rescoreBest
};

struct Selection {
    std::vector<Candidate> best;  // highest predicted first; ties keep the pool's order
    int pool = 0;                 // architectures sampled
    int feasible = 0;             // of those, within the analytic limits
    int latencyMeasured = 0;      // of those, how many had their latency measured
};

// Candidates are costed with `space` (the run's network: channels, layers, input), which must have
// the predictor's nodes and ops. Throws std::invalid_argument with every problem when a limit can
// never be met in `space` (engine::constraintProblems), or for a latency limit without
// `measureLatencyMs`; a pool with no feasible architecture gives an empty `best`.
[[nodiscard]] Selection selectBest(const Predictor& predictor, const space::SpaceConfig& space,
                                   const SelectionOptions& options);

// The paper's last step: the selected candidates scored again with the shared weights of
// `checkpoint` (a search of `config`), on more validation data than the predictor's training
// scores had, and ordered by that score (ties: predicted order). Scores go through the cache of
// `cachePath` (score_cache.h). False, with `selection` as it was, when cancelled.
bool rescoreBest(Selection& selection, const engine::SearchConfig& config,
                 const std::string& checkpoint, const SharedWeightScoring& scoring,
                 const std::string& cachePath, const std::atomic<bool>* cancel = nullptr);

}  // namespace nas::predictor
