// predictor: a GCN (or MLP) fitted to a run's shared-weight scores, then asked about any
// architecture (rank) or for the best under resource limits (best).
#include <stdexcept>

#include "arguments.h"
#include "commands.h"
#include "predictor_commands.h"

namespace nas::cli {

int predictorCommand(const Words& words) {
    if (words.empty()) throw UsageError("predictor needs a subcommand: fit, rank or best");
    const Words rest(words.begin() + 1, words.end());
    if (words[0] == "fit") return predictorFitCommand(rest);
    if (words[0] == "rank") return predictorRankCommand(rest);
    if (words[0] == "best") return predictorBestCommand(rest);
    throw UsageError("unknown predictor subcommand '" + words[0] + "' (fit, rank or best)");
}

}  // namespace nas::cli
