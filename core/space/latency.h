#pragma once
// Latency measured on the device the search runs on, for latency constraints.
#include <torch/types.h>

#include <functional>

namespace nas::space {

// Median wall time in milliseconds of `forward` over `repeats` runs after `warmup` runs, in
// inference mode. Synchronises CUDA so GPU timings are real.
[[nodiscard]] double measureLatencyMs(const std::function<void()>& forward,
                                      const torch::Device& device, int warmup = 2, int repeats = 5);

}  // namespace nas::space

#include <vector>

#include "space/space_config.h"

namespace nas::space {

// Measured forward time (ms, batch 1) of each candidate op on each edge, summed over every cell of
// the type: the latency counterpart of edgeOpCosts, for latency constraints. Indexed [edge][op].
// Edges of the same stride in cells of the same shape share one measurement.
[[nodiscard]] std::vector<std::vector<double>> edgeOpLatencyMs(const SpaceConfig& space,
                                                               bool reduction,
                                                               const torch::Device& device);

}  // namespace nas::space
