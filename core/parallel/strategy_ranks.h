#pragma once
// What a data-parallel search does with its strategy at the few points where ranks meet: join
// (same weights everywhere, gradients averaged from then on), epoch ends (rank 0's batch-norm
// statistics everywhere, as PyTorch's DDP broadcasts its buffers) and the end of the run (a check
// that every rank holds the same weights).
#include <string>

namespace nas::search {
class SearchStrategy;
}

namespace nas::parallel {

class RankGroup;

// For a strategy with shared weights (the session refuses the others).
void joinStrategy(RankGroup& group, search::SearchStrategy& strategy);
void shareRunningStatistics(RankGroup& group, search::SearchStrategy& strategy);
// One line for the log when the ranks agree; std::runtime_error when they hold different weights.
[[nodiscard]] std::string checkRanksAgree(RankGroup& group, search::SearchStrategy& strategy);

}  // namespace nas::parallel
