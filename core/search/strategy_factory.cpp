#include <stdexcept>

#include "search/darts.h"
#include "search/nasp.h"
#include "search/random_ws.h"
#include "search/snas.h"

namespace nas::search {

std::unique_ptr<SearchStrategy> makeStrategy(const engine::SearchConfig& config, torch::Device device) {
    if (config.strategy == "darts") return std::make_unique<DartsStrategy>(config, device);
    if (config.strategy == "snas") return std::make_unique<SnasStrategy>(config, device);
    if (config.strategy == "nasp") return std::make_unique<NaspStrategy>(config, device);
    if (config.strategy == "random") return std::make_unique<RandomStrategy>(config, device);
    throw std::invalid_argument("unknown search strategy '" + config.strategy + "'");
}

}  // namespace nas::search
