// Uniform samples of the space, and their filtering by resource limits.
#include <gtest/gtest.h>

#include <algorithm>

#include "predictor/architecture_check.h"
#include "predictor/architecture_sampler.h"
#include "predictor/constraint_filter.h"

using nas::predictor::ArchitectureSampler;

TEST(ArchitectureSampler, SamplesFollowTheSpaceRulesAndTheSeed) {
    const nas::space::SpaceConfig space;
    ArchitectureSampler sampler(space, 7);
    const auto samples = sampler.sampleDistinct(200);
    ASSERT_EQ(samples.size(), 200u);
    for (const auto& genotype : samples) {
        EXPECT_NO_THROW(nas::predictor::checkArchitecture(genotype, space));
        for (const auto* cell : {&genotype.normal, &genotype.reduce}) {
            ASSERT_EQ(cell->edges.size(), 8u);
            EXPECT_EQ(cell->concat, (std::vector<int>{2, 3, 4, 5}));
            for (int node = 0; node < 4; ++node) {
                const auto in = cell->edgesInto(node);
                ASSERT_EQ(in.size(), 2u);
                EXPECT_NE(in[0].from, in[1].from);
            }
            for (const auto& e : cell->edges) EXPECT_NE(e.op, "none");
        }
        EXPECT_EQ(std::count(samples.begin(), samples.end(), genotype), 1);
    }
    ArchitectureSampler again(space, 7);
    EXPECT_EQ(again.sampleDistinct(200), samples);
    ArchitectureSampler other(space, 8);
    EXPECT_NE(other.sample(), samples.front());
}

TEST(ConstraintFilter, KeepsExactlyTheArchitecturesWithinEveryLimit) {
    const nas::space::SpaceConfig space;
    ArchitectureSampler sampler(space, 3);
    const auto pool = sampler.sampleDistinct(100);
    std::vector<double> params;
    for (const auto& g : pool) params.push_back(nas::space::networkCost(g, space, false).params);
    std::vector<double> sorted = params;
    std::sort(sorted.begin(), sorted.end());
    nas::engine::Constraints limits;
    limits.maxParams = sorted[49];
    const auto kept = nas::predictor::withinConstraints(pool, space, limits);
    const auto expected =
        std::count_if(params.begin(), params.end(), [&](double p) { return p <= sorted[49]; });
    EXPECT_EQ(static_cast<long>(kept.size()), static_cast<long>(expected));
    for (const auto& c : kept) EXPECT_LE(c.cost.params, *limits.maxParams);
    // Kept in the pool's order.
    EXPECT_EQ(kept.front().genotype, *std::find_if(pool.begin(), pool.end(), [&](const auto& g) {
                  return nas::space::networkCost(g, space, false).params <= sorted[49];
              }));

    EXPECT_EQ(nas::predictor::withinConstraints(pool, space, {}).size(), pool.size());
    nas::engine::Constraints tight;
    tight.maxFlops = 1;
    EXPECT_TRUE(nas::predictor::withinConstraints(pool, space, tight).empty());
    nas::engine::Constraints latency;
    latency.maxLatencyMs = 5;
    EXPECT_THROW((void)nas::predictor::withinConstraints(pool, space, latency),
                 std::invalid_argument);
}
