// Gives the built-in strategies' descriptors their engines, and builds the one a config names.
#include <mutex>
#include <stdexcept>

#include "search/registry/strategy_registry.h"
#include "search/strategy.h"

// Each built-in strategy's factory, one declaration each, from the NAS_STRATEGIES list.
#define NAS_STRATEGY(name)                                                    \
    namespace nas::search::name {                                             \
    std::unique_ptr<SearchStrategy> makeStrategy(const engine::SearchConfig&, \
                                                 const StrategyContext&);     \
    }
#include "strategy_list.inc"
#undef NAS_STRATEGY

namespace nas::search {

std::unique_ptr<SearchStrategy> makeStrategy(const engine::SearchConfig& config,
                                             const StrategyContext& context) {
    static std::once_flag attached;
    std::call_once(attached, [] {
#define NAS_STRATEGY(name) attachStrategyFactory(#name, &name::makeStrategy);
#include "strategy_list.inc"
#undef NAS_STRATEGY
    });
    const auto& descriptor = strategyDescriptor(config.strategy);
    if (!descriptor.create)
        throw std::invalid_argument("strategy '" + config.strategy +
                                    "' has no engine in this program");
    return descriptor.create(config, context);
}

std::unique_ptr<SearchStrategy> makeStrategy(const engine::SearchConfig& config,
                                             torch::Device device) {
    return makeStrategy(config, StrategyContext{device, {}, {}, nullptr});
}

}  // namespace nas::search
