// RENA's reward under hard and soft limits.
#include <gtest/gtest.h>

#include <cmath>

#include "search/rena/reward.h"

using namespace nas::search::rena;
using nas::space::Cost;

namespace {
Cost cost(double params, double flops, double mac) {
    Cost c;
    c.params = params;
    c.flops = flops;
    c.mac = mac;
    return c;
}
}  // namespace

TEST(RenaReward, KeptLimitsLeaveTheAccuracy) {
    RenaLimits limits;
    limits.maxParams = 1000;
    limits.minIntensity = 1;
    const auto r = renaReward(0.8, cost(900, 8000, 1000), limits);  // intensity 2
    EXPECT_DOUBLE_EQ(r.value, 0.8);
    EXPECT_TRUE(r.feasible);
    EXPECT_TRUE(r.violated.empty());
}

TEST(RenaReward, AHardViolationGetsTheFloorAndIsNeverFeasible) {
    RenaLimits limits;
    limits.maxParams = 1000;
    limits.hardFloor = -0.1;
    for (const double params : {1000.5, 1500.0, 1e9}) {
        const auto r = renaReward(0.99, cost(params, 1, 1), limits);
        EXPECT_DOUBLE_EQ(r.value, -0.1);
        EXPECT_FALSE(r.feasible);
        EXPECT_EQ(r.violated, std::vector<std::string>{"params"});
    }
}

TEST(RenaReward, TheSoftPenaltyFallsMonotonicallyWithTheViolation) {
    RenaLimits limits;
    limits.maxFlops = 1000;
    limits.flopsMode = ConstraintMode::Soft;
    limits.softBase = 0.5;
    double previous = 0.9;
    for (double flops = 1001; flops < 5000; flops *= 1.3) {
        const auto r = renaReward(0.9, cost(1, flops, 1), limits);
        EXPECT_LT(r.value, previous) << flops;
        EXPECT_FALSE(r.feasible);
        previous = r.value;
    }
    // Twice the budget halves the reward.
    EXPECT_DOUBLE_EQ(renaReward(0.9, cost(1, 2000, 1), limits).value, 0.45);
}

TEST(RenaReward, AnIntensityFloorIsAMinimum) {
    RenaLimits limits;
    limits.minIntensity = 10;  // FLOPs per byte; a byte count is 4 per element
    limits.intensityMode = ConstraintMode::Soft;
    // 20 FLOPs per element = 5 per byte: half the floor, ratio 1.
    const auto r = renaReward(0.8, cost(1, 2000, 100), limits);
    EXPECT_DOUBLE_EQ(r.value, 0.4);
    EXPECT_EQ(r.violated, std::vector<std::string>{"intensity"});
    EXPECT_TRUE(renaReward(0.8, cost(1, 4000, 100), limits).feasible);
}
