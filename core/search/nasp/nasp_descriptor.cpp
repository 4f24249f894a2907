// NASP in the registry: its config section and checks (torch-free).
#include "engine/search_config.h"
#include "search/registry/problem_list.h"
#include "search/registry/strategy_registry.h"

namespace nas::search::nasp {
namespace {

std::vector<std::string> validate(const engine::SearchConfig& config) {
    ProblemList problems;
    const double fraction = realOption(config, "nasp", "inactive_batch_fraction");
    problems.check(fraction > 0 && fraction <= 1, "nasp.inactive_batch_fraction must be in (0, 1]");
    problems.check(realOption(config, "nasp", "size_eta") >= 0,
                   "nasp.size_eta must not be negative");
    return problems.take();
}

}  // namespace

StrategyDescriptor descriptor() {
    StrategyDescriptor d;
    d.name = "nasp";
    d.displayName = "NASP";
    d.description = "proximal search: one op per edge active, alphas kept in a box";
    d.family = StrategyFamily::Differentiable;
    d.options = {
        {"size_eta", 0.0, "model-size regulariser weight (off, as in NASP)"},
        // Ours: 1 is NASP's code; less estimates the unchosen ops' gradient on part of the batch.
        {"inactive_batch_fraction", 1.0,
         "share of the validation batch that evaluates the unchosen ops"},
    };
    d.validate = validate;
    return d;
}

}  // namespace nas::search::nasp
