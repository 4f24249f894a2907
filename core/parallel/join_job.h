#pragma once
// Joining a data-parallel job from code that keeps torch out of its headers and sources (the CLI):
// the group is built, and later destroyed, where torch is known.
#include <memory>

#include "parallel/rank_setup.h"

namespace nas::parallel {

class RankGroup;

// Blocks until every rank has joined; std::runtime_error when they do not within the setup's
// timeout, std::invalid_argument for a setup with problems.
[[nodiscard]] std::shared_ptr<RankGroup> joinJob(const RankSetup& setup);

}  // namespace nas::parallel
