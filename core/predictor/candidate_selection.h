#pragma once
// The predictor as a lookup over the space (Chen et al.): sample a pool of architectures, keep
// those within the resource limits, rank them by predicted score, return the best. Torch-free.
#include <cstdint>
#include <vector>

#include "engine/events.h"
#include "predictor/predictor.h"
#include "space/cost_model.h"

namespace nas::predictor {

struct SelectionOptions {
    int pool = 10000;  // distinct architectures sampled uniformly
    int top = 10;
    std::uint64_t seed = 0;
    engine::Constraints constraints;  // params, FLOPs, memory access (no latency)
};

struct Candidate {
    space::Genotype genotype;
    space::Cost cost;
    Prediction prediction;
};

struct Selection {
    std::vector<Candidate> best;  // highest predicted first; ties keep the pool's order
    int pool = 0;                 // architectures sampled
    int feasible = 0;             // of those, within the limits
};

// Candidates are costed with `space` (the run's network: channels, layers, input), which must have
// the predictor's nodes and ops. Throws std::invalid_argument with every problem when a limit can
// never be met in `space` (engine::constraintProblems) or a latency limit is given; a pool with no
// feasible architecture gives an empty `best`.
[[nodiscard]] Selection selectBest(const Predictor& predictor, const space::SpaceConfig& space,
                                   const SelectionOptions& options);

}  // namespace nas::predictor
