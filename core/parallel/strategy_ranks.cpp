#include "parallel/strategy_ranks.h"

#include <cstdio>
#include <stdexcept>

#include "parallel/rank_group.h"
#include "search/strategy.h"
#include "space/supernet.h"

namespace nas::parallel {

void joinStrategy(RankGroup& group, search::SearchStrategy& strategy) {
    // Ranks start from the same seed or checkpoint; rank 0's copy settles any difference.
    auto& weights = strategy.supernet();
    auto state = weights->parameters();
    for (const auto& buffer : weights->buffers()) state.push_back(buffer);
    group.broadcastFromRankZero(state);
    strategy.setGradientSync([&group](const std::vector<torch::Tensor>& parameters) {
        group.averageGradients(parameters);
    });
}

void shareRunningStatistics(RankGroup& group, search::SearchStrategy& strategy) {
    if (auto* weights = strategy.sharedWeights())
        group.broadcastFromRankZero((*weights)->buffers());
}

std::string checkRanksAgree(RankGroup& group, search::SearchStrategy& strategy) {
    const double checksum = weightsChecksum(strategy.supernet()->parameters());
    const auto [low, high] = group.range(checksum);
    char line[160];
    if (low != high) {
        std::snprintf(line, sizeof line,
                      "the %d ranks ended with different weights (checksums %.10g to %.10g)",
                      group.size(), low, high);
        throw std::runtime_error(line);
    }
    std::snprintf(line, sizeof line, "all %d ranks end with the same weights (checksum %.10g)",
                  group.size(), checksum);
    return line;
}

}  // namespace nas::parallel
