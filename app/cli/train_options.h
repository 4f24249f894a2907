#pragma once
// The options `train` and `evaluate` share: which data, what size, how long, and where the weights
// go, read into a TrainConfig and checked before any data is read (a bad value must not cost a
// training run first).
#include <optional>
#include <set>
#include <string>

#include "arguments.h"
#include "engine/trainer.h"

namespace nas::cli {

// The option names (each takes a value) and flags below.
[[nodiscard]] const std::set<std::string>& trainOptionNames();
[[nodiscard]] const std::set<std::string>& trainFlagNames();

// The config the options describe. A run's genotype trains on the run's dataset (`runDataset`)
// unless --dataset names another. Throws UsageError naming a bad value.
[[nodiscard]] engine::TrainConfig trainConfig(
    const Arguments& args, const std::optional<engine::DatasetConfig>& runDataset);

}  // namespace nas::cli
