#pragma once
// The images a config names, read or generated. Torch-free.
#include <cstdint>

#include "data/image_set.h"
#include "engine/search_config.h"

namespace nas::engine {

// Throws data::DatasetError naming the file and the problem.
[[nodiscard]] data::ImageSet loadImages(const DatasetConfig& dataset, data::Split split,
                                        std::uint64_t seed);

// Images a single-level strategy holds out for its validation metrics: its section's monitor_size,
// or a tenth of the training images, at most 1000 and at least one batch.
[[nodiscard]] int monitorSplitSize(const SearchConfig& config, int trainingImages);

// The share of the training images that trains the weights (data::splitSet's first part, with
// the config's seed). The rest is the split a search's validation figures and shared-weight scores
// come from: the monitor split of a single-level strategy, the architecture half of the others.
[[nodiscard]] double weightSplitFraction(const SearchConfig& config, int trainingImages);

}  // namespace nas::engine
