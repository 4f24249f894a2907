#include "job_ranks.h"

#include <cstdlib>

#include "parallel/join_job.h"

namespace nas::cli {

const std::set<std::string>& rankOptions() {
    static const std::set<std::string> options{"rank", "world-size", "master", "rank-timeout"};
    return options;
}

parallel::RankSetup rankSetup(const Arguments& args) {
    parallel::RankSetup setup;
    try {
        if (const auto fromLauncher = parallel::rankSetupFromEnvironment(
                [](const char* name) { return std::getenv(name); }))
            setup = *fromLauncher;
        if (const auto master = args.option("master")) parallel::setMaster(setup, *master);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    setup.rank = args.intOption("rank", setup.rank);
    setup.worldSize = args.intOption("world-size", setup.worldSize);
    setup.timeoutSeconds = args.intOption("rank-timeout", setup.timeoutSeconds);
    if (const auto problems = parallel::rankSetupProblems(setup); !problems.empty())
        throw UsageError(problems.front());
    return setup;
}

engine::SessionRank joinRanks(const parallel::RankSetup& setup) {
    if (!setup.distributed()) return {};
    return {setup.rank, setup.worldSize, parallel::joinJob(setup)};
}

std::string rankArguments(const parallel::RankSetup& setup) {
    if (!setup.distributed()) return {};
    const bool ipv6 = setup.masterAddress.find(':') != std::string::npos;
    return " --rank " + std::to_string(setup.rank) + " --world-size " +
           std::to_string(setup.worldSize) + " --master " + (ipv6 ? "[" : "") +
           setup.masterAddress + (ipv6 ? "]:" : ":") + std::to_string(setup.masterPort);
}

}  // namespace nas::cli
