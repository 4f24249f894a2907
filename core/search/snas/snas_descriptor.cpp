// SNAS in the registry: its config section and checks (torch-free).
#include "engine/search_config.h"
#include "search/registry/problem_list.h"
#include "search/registry/strategy_registry.h"

namespace nas::search::snas {
namespace {

std::vector<std::string> validate(const engine::SearchConfig& config) {
    ProblemList problems;
    const double tau0 = realOption(config, "snas", "tau0");
    const double tauMin = realOption(config, "snas", "tau_min");
    problems.check(tau0 > 0 && tauMin > 0 && tauMin <= tau0,
                   "snas.tau_min must be positive and at most tau0");
    const auto form = wordOption(config, "snas", "cost_form");
    problems.check(form == "log" || form == "linear",
                   "snas.cost_form must be log or linear (got '" + form + "')");
    const auto scope = wordOption(config, "snas", "penalty_scope");
    problems.check(scope == "local" || scope == "global",
                   "snas.penalty_scope must be local or global (got '" + scope + "')");
    const double dropPath = realOption(config, "snas", "drop_path_prob");
    problems.check(dropPath >= 0 && dropPath < 1,
                   "snas.drop_path_prob must be at least 0 and below 1");
    problems.check(realOption(config, "snas", "arch_grad_clip") > 0,
                   "snas.arch_grad_clip must be positive");
    const auto monitor = wholeOption(config, "snas", "monitor_size");
    problems.check(config.strategy != "snas" || monitor == 0 || monitor >= config.batchSize,
                   "snas.monitor_size must be 0 (automatic) or hold at least one batch (" +
                       std::to_string(config.batchSize) + " images), got " +
                       std::to_string(monitor));
    return problems.take();
}

}  // namespace

StrategyDescriptor descriptor() {
    StrategyDescriptor d;
    d.name = "snas";
    d.displayName = "SNAS";
    d.description =
        "stochastic search: Gumbel-softmax samples, one backward pass, local resource cost";
    d.family = StrategyFamily::Differentiable;
    d.singleLevel = true;
    d.hasTemperature = true;
    d.options = {
        {"tau0", 1.0, "Gumbel-softmax temperature at the first epoch"},
        {"tau_min", 0.03, "temperature at the last epoch (linear in between)"},
        {"cost_form", std::string("log"),
         "log: mean of log costs; linear: the authors' weighted sum"},
        {"penalty_scope", std::string("local"),
         "local: per cell and edge (SNAS's code); global: whole network"},
        {"arch_grad_clip", 10.0, "gradient norm clip of the log-alphas"},
        {"drop_path_prob", 0.3, "drop path on each edge's mixed output while searching"},
        {"monitor_size", std::int64_t{0},
         "training images held out to monitor (0: a tenth, at most 1000)"},
    };
    d.validate = validate;
    return d;
}

}  // namespace nas::search::snas
