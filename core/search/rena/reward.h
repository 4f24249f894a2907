#pragma once
// RENA's reward: a child's accuracy with its resource constraints, each hard or soft.
//   ratio     how far a child breaks one limit: value / limit - 1 for a maximum (params, FLOPs),
//             limit / value - 1 for a minimum (compute intensity); 0 when it is kept
//   hard      a child that breaks any hard limit gets the floor reward and is never the best
//   soft      reward = accuracy x product over broken soft limits of base^ratio  (0 < base < 1): 1
//             when kept, falling smoothly as the violation grows (base 0.5: twice the budget
//             halves the reward)
// Torch-free.
#include <optional>
#include <string>
#include <vector>

#include "space/cost_model.h"

namespace nas::search::rena {

enum class ConstraintMode { Hard, Soft };

struct RenaLimits {
    std::optional<double> maxParams;
    std::optional<double> maxFlops;
    std::optional<double> minIntensity;  // FLOPs per byte (space/layers/layer_cost.h)
    ConstraintMode paramsMode = ConstraintMode::Hard;
    ConstraintMode flopsMode = ConstraintMode::Hard;
    ConstraintMode intensityMode = ConstraintMode::Hard;
    double softBase = 0.5;
    double hardFloor = 0;
};

struct Reward {
    double value = 0;
    bool feasible = true;               // every limit kept: the child may be reported as the best
    std::vector<std::string> violated;  // "params", "flops", "intensity"
};

[[nodiscard]] Reward renaReward(double accuracy, const space::Cost& cost, const RenaLimits& limits);

}  // namespace nas::search::rena
