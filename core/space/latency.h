#pragma once
// Latency measured on the device the search runs on, for latency constraints.
#include <functional>

#include <torch/types.h>

namespace nas::space {

// Median wall time in milliseconds of `forward` over `repeats` runs after `warmup` runs, in
// inference mode. Synchronises CUDA so GPU timings are real.
[[nodiscard]] double measureLatencyMs(const std::function<void()>& forward, const torch::Device& device,
                                      int warmup = 2, int repeats = 5);

}  // namespace nas::space
