#pragma once
// Detecting a collapsed cell: differentiable searches are known to drift towards parameter-free
// ops (skip connections, pools), which look good to the supernet but make a poor network.
#include "space/genotype.h"

namespace nas::widgets {

// Share of the cell's edges whose op has no learnable weights (0 for an empty cell).
[[nodiscard]] double parameterFreeFraction(const space::CellGenotype& cell);

inline constexpr double kCollapseThreshold = 0.5;

// True when at least `threshold` of the cell's edges are parameter-free.
[[nodiscard]] bool isCollapsed(const space::CellGenotype& cell,
                               double threshold = kCollapseThreshold);

}  // namespace nas::widgets
