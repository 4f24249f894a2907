#pragma once
// A run's sample that was trained from scratch (`nas-studio-cli evaluate`, added by
// `import-results`): marked by a metric, so the CLI and the studio tell it from the samples a
// search scored with shared weights. Torch-free.
#include <algorithm>

#include "engine/events.h"

namespace nas::engine {

inline constexpr const char* kEvaluatedMetric = "evaluated";

[[nodiscard]] inline bool isEvaluated(const SampleRecord& sample) {
    return std::any_of(sample.metrics.begin(), sample.metrics.end(),
                       [](const auto& metric) { return metric.first == kEvaluatedMetric; });
}

}  // namespace nas::engine
