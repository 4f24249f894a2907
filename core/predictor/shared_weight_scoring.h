#pragma once
// A predictor's training targets: architectures scored with a finished (or paused) search's shared
// weights on its validation data. Torch-free header: the CLI and the studio's jobs call it.
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/search_config.h"
#include "space/genotype.h"

namespace nas::predictor {

struct SharedWeightScoring {
    int batches = 4;               // validation batches per architecture, the same ones for each
    std::string bnMode = "batch";  // eval | recalibrate | batch (search/evaluator.h BnMode)
    int calibrationBatches = 4;    // training batches behind each recalibration
    std::string device = "auto";   // where the supernet runs: auto | cpu | cuda
};

// Accuracy (fraction right) of each architecture's sub-network with the weights of `checkpoint` (a
// checkpoint of the search `config` describes) on the search's own validation split, built as the
// search built it: the architecture half for bilevel strategies, the monitor split for
// single-level ones. `progress(done, total)` after each architecture; nullopt when `cancel` turned
// true. Throws std::invalid_argument naming the architecture for one outside the space,
// std::runtime_error for a missing checkpoint or dataset. Leaves the global random generators as
// they were.
[[nodiscard]] std::optional<std::vector<double>> scoreWithSharedWeights(
    const engine::SearchConfig& config, const std::string& checkpoint,
    const std::vector<space::Genotype>& genotypes, const SharedWeightScoring& scoring = {},
    const std::function<void(int done, int total)>& progress = {},
    const std::atomic<bool>* cancel = nullptr);

}  // namespace nas::predictor
