#include "predictor/constraint_filter.h"

#include <stdexcept>

namespace nas::predictor {

std::vector<CostedArchitecture> withinConstraints(const std::vector<space::Genotype>& genotypes,
                                                  const space::SpaceConfig& space,
                                                  const engine::Constraints& constraints) {
    if (constraints.maxLatencyMs)
        throw std::invalid_argument(
            "a latency limit needs each candidate measured on the device; the predictor's "
            "selection filters by params, FLOPs and memory access only");
    std::vector<CostedArchitecture> kept;
    for (const auto& genotype : genotypes) {
        auto cost = space::networkCost(genotype, space, /*auxiliary=*/false);
        if (constraints.violations(cost).empty()) kept.push_back({genotype, cost});
    }
    return kept;
}

}  // namespace nas::predictor
