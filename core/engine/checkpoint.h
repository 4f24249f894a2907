#pragma once
// Search checkpoints: strategy state (weights, alphas, optimizer states), where to continue, and
// the random generator, in one LibTorch archive written atomically.
#include <string>

#include "search/strategy.h"

namespace nas::engine {

// Where a resumed search continues, and the running sums of the epoch it continues.
struct CheckpointPosition {
    int epoch = 0;  // the epoch to run next (or to continue)
    int step = 0;   // the step within that epoch to run next
    std::int64_t globalStep = 0;
    double lossSum = 0;
    double accuracySum = 0;
    int stepsCounted = 0;
};

void saveCheckpoint(const std::string& path, const search::SearchStrategy& strategy,
                    const CheckpointPosition& position);
// The shared weights alone, for scoring sub-networks after (or beside) a run: no optimizer state,
// no architecture parameters, and the global random generators are left as they are. Throws
// std::runtime_error naming the file when it is missing or unreadable.
void loadSharedWeights(const std::string& path, space::Supernet& supernet,
                       const torch::Device& device);
// Throws std::runtime_error naming the file when it is missing or unreadable.
[[nodiscard]] CheckpointPosition loadCheckpoint(const std::string& path,
                                                search::SearchStrategy& strategy,
                                                const torch::Device& device);

}  // namespace nas::engine
