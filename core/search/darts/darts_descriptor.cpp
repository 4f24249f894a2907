// DARTS in the registry: its config section and checks (torch-free).
#include "engine/search_config.h"
#include "search/registry/strategy_registry.h"

namespace nas::search::darts {
namespace {

std::vector<std::string> validate(const engine::SearchConfig& config) {
    const auto order = wholeOption(config, "darts", "order");
    if (order == 1 || order == 2) return {};
    return {"darts.order must be 1 or 2 (got " + std::to_string(order) + ")"};
}

}  // namespace

StrategyDescriptor descriptor() {
    StrategyDescriptor d;
    d.name = "darts";
    d.displayName = "DARTS";
    d.description = "differentiable search: softmax-mixed ops, bi-level alternating steps";
    d.family = StrategyFamily::Differentiable;
    d.options = {
        {"order", std::int64_t{1}, "1: first-order approximation; 2: second-order virtual step"}};
    d.validate = validate;
    return d;
}

}  // namespace nas::search::darts
