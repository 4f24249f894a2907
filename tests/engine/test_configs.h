#pragma once
// Small, fast search settings on synthetic data for engine tests.
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/search_config.h"
#include "search/registry/strategy_registry.h"
#include "space/search_space.h"

namespace nas::fixtures {

// The engine suites run on the CPU; NAS_TEST_DEVICE=cuda runs them on the GPU instead.
inline std::string testDevice() {
    const char* device = std::getenv("NAS_TEST_DEVICE");
    return device && *device ? device : "cpu";
}

// Every registered strategy of the DARTS cell space: the parameterised suites run each one
// (strategies of other spaces have suites of their own).
inline std::vector<std::string> cellStrategyNames() {
    std::vector<std::string> names;
    for (const auto* strategy : search::registeredStrategies())
        if (strategy->space == space::kCellSpace) names.push_back(strategy->name);
    return names;
}

inline engine::SearchConfig tinySearch(const std::string& strategy, int epochs = 2, int steps = 3) {
    engine::SearchConfig c;
    c.strategy = strategy;
    c.dataset.name = "synthetic";
    c.dataset.syntheticCount = 128;
    c.dataset.syntheticShape = {3, 16, 16};
    c.space.channels = 4;
    c.space.layers = 3;
    c.space.input = c.dataset.syntheticShape;
    c.epochs = epochs;
    c.stepsPerEpoch = steps;
    c.batchSize = 16;
    c.seed = 5;
    c.device = testDevice();
    c.eventRateHz = 1000;                     // every step reaches the observer
    c.threads = 1;                            // ctest runs suites side by side on few cores
    c.setOption("random", "candidates", 12);  // random search's final selection: 1000 by default
    c.setOption("random", "candidate_batches", 2);
    c.setOption("random", "rerank", 3);
    c.setOption("enas", "train_steps", 2);  // controller updates: 30 x 10 samples by default
    c.setOption("enas", "num_aggregate", 2);
    c.setOption("enas", "derive_samples", 3);
    return c;
}

}  // namespace nas::fixtures
