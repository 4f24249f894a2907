#pragma once
// The DARTS search setting both step benchmarks time: 16 channels, 8 layers, batch 64, 3x32x32
// random images, the eight DARTS ops. A name is a strategy, optionally with one option after a
// colon: "nasp:F" sets nasp.inactive_batch_fraction, "random:skip" sets random.unsampled_ops.
#include <string>

#include "data/tensor_data.h"
#include "engine/search_config.h"

namespace nas::bench {

inline engine::SearchConfig stepBenchConfig(const std::string& name) {
    engine::SearchConfig config;
    const auto colon = name.find(':');
    config.strategy = name.substr(0, colon);
    if (colon != std::string::npos && config.strategy == "nasp")
        config.setOption("nasp", "inactive_batch_fraction", std::stod(name.substr(colon + 1)));
    if (colon != std::string::npos && config.strategy == "random")
        config.setOption("random", "unsampled_ops", name.substr(colon + 1));
    config.space.input = {3, 32, 32};
    config.batchSize = 64;
    return config;
}

inline data::Batch randomBatch(const torch::Device& device) {
    return data::Batch{
        torch::randn({64, 3, 32, 32}, torch::TensorOptions().device(device)),
        torch::randint(0, 10, {64}, torch::TensorOptions().device(device).dtype(torch::kLong))};
}

}  // namespace nas::bench
