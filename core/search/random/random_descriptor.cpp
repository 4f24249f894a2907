// Random search with weight sharing in the registry: its config section and checks (torch-free).
// The defaults are Li & Talwalkar's code's, except epoch_candidates (ours, for the live views).
#include "engine/search_config.h"
#include "search/registry/problem_list.h"
#include "search/registry/strategy_registry.h"

namespace nas::search::random {
namespace {

// Bound on candidates and epoch_candidates: a typo is refused, not scored for days.
constexpr std::int64_t kMaxCandidates = 1000000;

std::vector<std::string> validate(const engine::SearchConfig& config) {
    ProblemList problems;
    const auto candidates = wholeOption(config, "random", "candidates");
    problems.check(candidates >= 1 && candidates <= kMaxCandidates,
                   "random.candidates must be from 1 to " + std::to_string(kMaxCandidates));
    problems.check(wholeOption(config, "random", "candidate_batches") >= 1,
                   "random.candidate_batches must be at least 1");
    const auto rerank = wholeOption(config, "random", "rerank");
    problems.check(
        rerank >= 1 && rerank <= candidates,
        "random.rerank must be from 1 to random.candidates (" + std::to_string(candidates) + ")");
    const auto perEpoch = wholeOption(config, "random", "epoch_candidates");
    problems.check(perEpoch >= 0 && perEpoch <= kMaxCandidates,
                   "random.epoch_candidates must be from 0 to " + std::to_string(kMaxCandidates));
    const auto bn = wordOption(config, "random", "bn_mode");
    problems.check(bn == "eval" || bn == "recalibrate" || bn == "batch",
                   "random.bn_mode must be eval, recalibrate or batch (got '" + bn + "')");
    const auto unsampled = wordOption(config, "random", "unsampled_ops");
    problems.check(unsampled == "run" || unsampled == "skip",
                   "random.unsampled_ops must be run or skip (got '" + unsampled + "')");
    problems.check(wholeOption(config, "random", "calibration_batches") >= 1,
                   "random.calibration_batches must be at least 1");
    return problems.take();
}

}  // namespace

StrategyDescriptor descriptor() {
    StrategyDescriptor d;
    d.name = "random";
    d.displayName = "Random";
    d.description =
        "random search with weight sharing: uniform samples train the supernet, the best is kept";
    d.family = StrategyFamily::Sampling;
    d.learnsOpDistribution = false;
    d.options = {
        {"candidates", std::int64_t{1000},
         "final selection: fresh samples scored with the shared weights"},
        {"candidate_batches", std::int64_t{10}, "validation batches that score each candidate"},
        {"rerank", std::int64_t{10}, "best candidates scored again on the whole validation split"},
        {"epoch_candidates", std::int64_t{8},
         "samples scored after other epochs for the live views (0: none)"},
        {"bn_mode", std::string("eval"), "batch norm while scoring: eval, recalibrate or batch"},
        {"calibration_batches", std::int64_t{10}, "training batches that recalibrate batch norm"},
        {"sample_none", true, "draw each edge's op from every op, none included"},
        {"unsampled_ops", std::string("run"),
         "ops a step did not sample: run (weighted 0, as the authors' code) or skip (faster)"},
    };
    d.validate = validate;
    return d;
}

}  // namespace nas::search::random
