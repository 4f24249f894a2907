#pragma once
// The data-parallel options of search and resume: where this process stands in the job, from the
// launcher's environment (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT) with the flags laid over it.
#include <set>
#include <string>

#include "arguments.h"
#include "engine/search_session.h"
#include "parallel/rank_setup.h"

namespace nas::cli {

// The flags, for a command's option list.
[[nodiscard]] const std::set<std::string>& rankOptions();
// The setup the environment and flags describe (one process when neither names a world size above
// 1); UsageError naming what is wrong.
[[nodiscard]] parallel::RankSetup rankSetup(const Arguments& args);
// This process's rank in the job, joined (blocks until every rank is there).
[[nodiscard]] engine::SessionRank joinRanks(const parallel::RankSetup& setup);
// The flags a rank passes to `resume` to rejoin the same job, e.g. " --rank 1 --world-size 2
// --master host:29500"; empty for one process.
[[nodiscard]] std::string rankArguments(const parallel::RankSetup& setup);

}  // namespace nas::cli
