#include "widgets/constraint_limits.h"

#include <algorithm>

namespace nas::widgets {

std::optional<double> limitOf(const engine::Constraints& constraints, CostMetric metric) {
    switch (metric) {
        case CostMetric::Params:
            return constraints.maxParams;
        case CostMetric::Flops:
            return constraints.maxFlops;
        case CostMetric::Mac:
            return constraints.maxMac;
    }
    return std::nullopt;
}

double costOf(const space::Cost& cost, CostMetric metric) {
    switch (metric) {
        case CostMetric::Params:
            return cost.params;
        case CostMetric::Flops:
            return cost.flops;
        case CostMetric::Mac:
            return cost.mac;
    }
    return 0.0;
}

double progressOfStep(std::int64_t globalStep, int stepsPerEpoch) {
    // A change recorded at step s applies from step s on, i.e. from the end of step s - 1.
    return static_cast<double>(globalStep) / static_cast<double>(std::max(stepsPerEpoch, 1));
}

std::vector<LimitPoint> limitTimeline(
    const engine::Constraints& initial,
    const std::vector<std::pair<std::int64_t, engine::Constraints>>& changes, CostMetric metric,
    int stepsPerEpoch) {
    std::vector<LimitPoint> points{{0.0, limitOf(initial, metric)}};
    auto sorted = changes;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [step, constraints] : sorted) {
        const LimitPoint next{progressOfStep(step, stepsPerEpoch), limitOf(constraints, metric)};
        if (next.limit == points.back().limit) continue;
        if (next.x <= points.back().x)
            points.back().limit = next.limit;  // same moment: last wins
        else
            points.push_back(next);
    }
    return points;
}

}  // namespace nas::widgets
