#pragma once
// Architectures with their analytic costs, and those within resource limits. Torch-free.
#include <vector>

#include "engine/events.h"
#include "space/cost_model.h"
#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::predictor {

struct CostedArchitecture {
    space::Genotype genotype;
    space::Cost cost;  // of the derived network of `space`, without auxiliary head
};

// Those of `genotypes` whose cost breaks none of `constraints`' limits on params, FLOPs and memory
// access, in the order given. A latency limit throws std::invalid_argument: latency is measured on
// a device, not computed, and this filter only computes.
[[nodiscard]] std::vector<CostedArchitecture> withinConstraints(
    const std::vector<space::Genotype>& genotypes, const space::SpaceConfig& space,
    const engine::Constraints& constraints);

}  // namespace nas::predictor
