#include "search/rena/reward.h"

#include <cmath>

#include "space/cost_model.h"

namespace nas::search::rena {

Reward renaReward(double accuracy, const space::Cost& cost, const RenaLimits& limits) {
    struct Term {
        const char* name;
        double ratio;
        ConstraintMode mode;
    };
    std::vector<Term> broken;
    if (limits.maxParams && cost.params > *limits.maxParams)
        broken.push_back({"params", cost.params / *limits.maxParams - 1, limits.paramsMode});
    if (limits.maxFlops && cost.flops > *limits.maxFlops)
        broken.push_back({"flops", cost.flops / *limits.maxFlops - 1, limits.flopsMode});
    if (limits.minIntensity) {
        const double intensity = space::computeIntensity(cost);
        if (intensity < *limits.minIntensity)
            broken.push_back({"intensity",
                              intensity > 0 ? *limits.minIntensity / intensity - 1 : INFINITY,
                              limits.intensityMode});
    }
    Reward reward;
    reward.value = accuracy;
    bool hardBroken = false;
    for (const auto& term : broken) {
        reward.violated.emplace_back(term.name);
        if (term.mode == ConstraintMode::Hard)
            hardBroken = true;
        else
            reward.value *= std::pow(limits.softBase, term.ratio);
    }
    reward.feasible = broken.empty();
    if (hardBroken) reward.value = limits.hardFloor;
    return reward;
}

}  // namespace nas::search::rena
