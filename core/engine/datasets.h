#pragma once
// The images a config names, read or generated. Torch-free.
#include <cstdint>

#include "data/image_set.h"
#include "engine/search_config.h"

namespace nas::engine {

// Throws data::DatasetError naming the file and the problem.
[[nodiscard]] data::ImageSet loadImages(const DatasetConfig& dataset, data::Split split,
                                        std::uint64_t seed);

}  // namespace nas::engine
