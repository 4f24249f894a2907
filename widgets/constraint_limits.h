#pragma once
// The limit a constraint puts on one cost figure, as it changed over a search: the curves view
// draws it as a step line over the training-progress axis and shades the feasible side.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "engine/events.h"

namespace nas::widgets {

enum class CostMetric { Params = 0, Flops = 1, Mac = 2 };

[[nodiscard]] std::optional<double> limitOf(const engine::Constraints& constraints,
                                            CostMetric metric);
[[nodiscard]] double costOf(const space::Cost& cost, CostMetric metric);

// Training progress in epochs, the x axis of every curve: step `stepInEpoch` of epoch `epoch` ends
// at epoch + (stepInEpoch + 1) / stepsPerEpoch.
[[nodiscard]] double progressOfStep(std::int64_t globalStep, int stepsPerEpoch);

struct LimitPoint {
    double x = 0;
    std::optional<double> limit;  // nullopt: unconstrained from x on
};

// The limit from x = 0 to `xEnd`: `initial` holds from the start, each change from its step on.
// Consecutive points with the same limit are merged.
[[nodiscard]] std::vector<LimitPoint> limitTimeline(
    const engine::Constraints& initial,
    const std::vector<std::pair<std::int64_t, engine::Constraints>>& changes, CostMetric metric,
    int stepsPerEpoch);

}  // namespace nas::widgets
