// RENA in the registry: its config section and checks (torch-free). The authors published no code;
// the policy, action set and reward are ours (shared/design/METHODS.md), the defaults sized so an
// update trains in minutes on a laptop's CPU.
#include "engine/search_config.h"
#include "search/registry/problem_list.h"
#include "search/registry/strategy_registry.h"
#include "space/layers/layer_network.h"
#include "space/layers/layer_space.h"

namespace nas::search::rena {
namespace {

// Bounds that refuse a typo rather than run it for days.
constexpr std::int64_t kMaxChildren = 1000;
constexpr std::int64_t kMaxWidth = 4096;

std::vector<std::string> validate(const engine::SearchConfig& config) {
    ProblemList problems;
    auto whole = [&config](const char* key) { return wholeOption(config, "rena", key); };
    auto real = [&config](const char* key) { return realOption(config, "rena", key); };
    for (const char* key : {"children_per_update", "edits_per_child", "updates_per_epoch"})
        problems.check(
            whole(key) >= 1 && whole(key) <= kMaxChildren,
            std::string("rena.") + key + " must be from 1 to " + std::to_string(kMaxChildren));
    problems.check(whole("workers") >= 1 && whole("workers") <= 64,
                   "rena.workers must be from 1 to 64");
    for (const char* key : {"policy.embedding", "policy.hidden"})
        problems.check(
            whole(key) >= 1 && whole(key) <= kMaxWidth,
            std::string("rena.") + key + " must be from 1 to " + std::to_string(kMaxWidth));
    problems.check(real("policy.lr") > 0, "rena.policy.lr must be positive");
    problems.check(real("policy.baseline_decay") >= 0 && real("policy.baseline_decay") < 1,
                   "rena.policy.baseline_decay must be at least 0 and below 1");
    problems.check(real("policy.entropy_weight") >= 0,
                   "rena.policy.entropy_weight must be at least 0");
    problems.check(whole("child.epochs") >= 1, "rena.child.epochs must be at least 1");
    problems.check(whole("child.batch_size") >= 1, "rena.child.batch_size must be at least 1");
    problems.check(real("child.lr") > 0, "rena.child.lr must be positive");
    problems.check(real("child.momentum") >= 0 && real("child.momentum") < 1,
                   "rena.child.momentum must be at least 0 and below 1");
    problems.check(real("child.weight_decay") >= 0, "rena.child.weight_decay must be at least 0");
    const auto mode = wordOption(config, "rena", "constraint_mode");
    problems.check(mode == "hard" || mode == "soft",
                   "rena.constraint_mode must be hard or soft (got '" + mode + "')");
    for (const char* key : {"params_mode", "flops_mode", "intensity_mode"}) {
        const auto own = wordOption(config, "rena", key);
        problems.check(
            own == "same" || own == "hard" || own == "soft",
            std::string("rena.") + key + " must be same, hard or soft (got '" + own + "')");
    }
    problems.check(real("soft_base") > 0 && real("soft_base") < 1,
                   "rena.soft_base must be between 0 and 1");
    if (const auto seed = wordOption(config, "rena", "seed_network"); !seed.empty()) {
        try {
            space::layers::validate(
                space::layers::layerNetworkFromJson(nlohmann::json::parse(seed)));
        } catch (const std::exception& e) {
            problems.check(false, std::string("rena.seed_network: ") + e.what());
        }
    }
    // The reward knows params, FLOPs and compute intensity; a limit it cannot see would be
    // silently ignored.
    if (config.strategy != "rena") return problems.take();
    problems.check(!config.constraints.maxMac,
                   "constraints.max_mac is not one of RENA's limits (max_params, max_flops, "
                   "min_intensity)");
    problems.check(!config.constraints.maxLatencyMs,
                   "constraints.max_latency_ms is not one of RENA's limits (max_params, "
                   "max_flops, min_intensity)");
    return problems.take();
}

}  // namespace

StrategyDescriptor descriptor() {
    StrategyDescriptor d;
    d.name = "rena";
    d.displayName = "RENA";
    d.description =
        "a policy network edits a layer-level network under resource limits; each child trains "
        "from scratch";
    d.family = StrategyFamily::Editing;
    d.space = space::layers::kLayerSpace;
    d.learnsOpDistribution = false;
    d.options = {
        {"children_per_update", std::int64_t{8},
         "children edited, trained and rewarded per update"},
        {"edits_per_child", std::int64_t{2},
         "policy edits applied to the current network per child"},
        {"updates_per_epoch", std::int64_t{1}, "policy updates (steps) in an epoch"},
        {"uniform", false, "edits drawn uniformly, the policy never trained: the random baseline"},
        {"workers", std::int64_t{1}, "children trained at once, each on its own thread"},
        {"policy.embedding", std::int64_t{32}, "size of each layer's embedding"},
        {"policy.hidden", std::int64_t{32}, "LSTM units per direction of the network embedding"},
        {"policy.lr", 0.006, "Adam learning rate of the policy"},
        {"policy.baseline_decay", 0.95, "moving-average decay of the reward baseline"},
        {"policy.entropy_weight", 0.0, "entropy bonus added to each child's reward"},
        {"child.epochs", std::int64_t{1}, "passes over the weight split that train each child"},
        {"child.batch_size", std::int64_t{64}, "batch size of a child's training"},
        {"child.lr", 0.05, "SGD learning rate of a child, cosine-annealed to 0"},
        {"child.momentum", 0.9, "SGD momentum of a child"},
        {"child.weight_decay", 3e-4, "weight decay of a child"},
        {"constraint_mode", std::string("hard"),
         "hard: a child that breaks a limit gets reward 0; soft: accuracy x soft_base^ratio",
         "constraint-mode"},
        {"params_mode", std::string("same"),
         "the params limit's mode: same (as constraint_mode), "
         "hard or soft"},
        {"flops_mode", std::string("same"), "the FLOPs limit's mode: same, hard or soft"},
        {"intensity_mode", std::string("same"), "the intensity floor's mode: same, hard or soft"},
        {"soft_base", 0.5, "soft penalty base: breaking a limit by its whole size halves at 0.5"},
        {"seed_network", std::string(),
         "the network the edits start from, as the layer space's JSON text; empty: stem16 | "
         "conv3x3x16 conv3x3x32/2 conv3x3x64/2"},
    };
    d.validate = validate;
    return d;
}

}  // namespace nas::search::rena
