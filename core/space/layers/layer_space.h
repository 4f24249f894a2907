#pragma once
// The layer-level space behind the space interface (space/search_space.h), so that strategies,
// costs, exports and views take its networks as they take cells. Torch-free.
#include <memory>

#include "space/search_space.h"

namespace nas::space::layers {

inline constexpr const char* kLayerSpace = "layer-chain";
[[nodiscard]] std::shared_ptr<const SearchSpace> makeLayerSpace();

}  // namespace nas::space::layers
