#pragma once
// Cost figures of a genotype's derived network, with latency measured on a device. Torch-free
// header.
#include <optional>
#include <string>

#include "space/cost_model.h"
#include "space/genotype.h"

namespace nas::engine {

struct Inspection {
    space::Cost cost;                 // analytic
    double builtParams = 0;           // counted on the LibTorch module
    std::optional<double> latencyMs;  // median forward time at batch 1, inference mode
    std::string device;
};

[[nodiscard]] Inspection inspectGenotype(const space::Genotype& genotype,
                                         const space::SpaceConfig& space, bool auxiliary,
                                         bool measureLatency, const std::string& device);

}  // namespace nas::engine
