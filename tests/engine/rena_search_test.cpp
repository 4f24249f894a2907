// RENA's search loop on a small synthetic task: children under a hard limit, acceptance, the
// uniform baseline, and a stop-and-resume that continues exactly.
#include "search/rena/rena_search.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <sstream>

#include "rena_fixtures.h"
#include "space/layers/layer_cost.h"

using namespace nas;
using namespace nas::search::rena;
using namespace nas::space::layers;

namespace {

nas::testing::SplitData syntheticData() { return nas::testing::syntheticSplit(128, 64, 12, 3); }

RenaSettings smallSettings() {
    RenaSettings s;
    s.seedNetwork.stemFilters = 4;
    s.seedNetwork.layers = {{LayerKind::Conv, 3, 8, 2, -1}, {LayerKind::Conv, 3, 16, 2, -1}};
    s.childrenPerUpdate = 3;
    s.editsPerChild = 2;
    s.workers = 2;
    s.child.batchSize = 32;
    return s;
}

RenaSearch makeSearch(const RenaSettings& settings, std::uint64_t seed = 4) {
    torch::manual_seed(seed);
    const auto data = syntheticData();
    return RenaSearch(settings, {1, 12, 12}, 3, data.train, data.valid, torch::kCPU, seed);
}

std::string saved(const RenaSearch& search) {
    torch::serialize::OutputArchive archive;
    search.save(archive);
    std::ostringstream out;
    archive.save_to(out);
    return out.str();
}

}  // namespace

TEST(RenaSearch, AHardLimitKeepsEveryViolatingChildFromBeingBest) {
    auto settings = smallSettings();
    // Below the seed network's size: only children that shrink it are feasible.
    const double seedParams = layerNetworkCost(settings.seedNetwork, {1, 12, 12}, 3).total.params;
    settings.limits.maxParams = seedParams * 0.9;
    settings.limits.hardFloor = 0;
    auto search = makeSearch(settings);
    for (int u = 0; u < 3; ++u) {
        const auto children = search.update();
        ASSERT_TRUE(children);
        ASSERT_EQ(children->size(), 3u);
        for (const auto& c : *children) {
            EXPECT_GT(c.cost.params, 0.0);
            EXPECT_EQ(c.edits.size() + static_cast<std::size_t>(c.refusedEdits), 2u);
            if (c.cost.params > *settings.limits.maxParams) {
                EXPECT_FALSE(c.reward.feasible);
                EXPECT_DOUBLE_EQ(c.reward.value, 0);
                EXPECT_EQ(c.reward.violated, std::vector<std::string>{"params"});
            } else {
                EXPECT_DOUBLE_EQ(c.reward.value, c.training.accuracy);
            }
        }
        if (search.bestFeasible())
            EXPECT_LE(search.bestFeasible()->cost.params, *settings.limits.maxParams);
    }
    EXPECT_EQ(search.updates(), 3);
    ASSERT_TRUE(search.baseline());
}

TEST(RenaSearch, TheUniformBaselineNeverLearns) {
    auto settings = smallSettings();
    settings.uniform = true;
    auto search = makeSearch(settings);
    ASSERT_TRUE(search.update());
    ASSERT_TRUE(search.update());
    // Its policy's weights stay zero (every allowed decision equally likely); nothing learned.
    for (const auto& p : search.policy()->parameters())
        EXPECT_EQ(p.abs().sum().item<double>(), 0.0);
    EXPECT_FALSE(search.baseline());
    const auto probabilities = search.policy()
                                   ->sample(search.current(), *std::make_unique<std::mt19937_64>(1))
                                   .kindProbabilities;
    for (const double p : probabilities) EXPECT_NEAR(p, 1.0 / 3, 1e-6);  // float32 softmax
}

TEST(RenaSearch, StopAndResumeContinuesExactly) {
    const auto settings = smallSettings();
    auto straight = makeSearch(settings);
    ASSERT_TRUE(straight.update());
    const auto expected = straight.update();
    ASSERT_TRUE(expected);

    auto first = makeSearch(settings);
    ASSERT_TRUE(first.update());
    // A stop during the second update changes nothing.
    std::atomic<bool> stop{true};
    EXPECT_FALSE(first.update(&stop));
    std::istringstream in(saved(first));
    torch::serialize::InputArchive archive;
    archive.load_from(in);
    auto resumed = makeSearch(settings);
    resumed.load(archive);
    EXPECT_EQ(resumed.current(), first.current());
    const auto continued = resumed.update();
    ASSERT_TRUE(continued);
    ASSERT_EQ(continued->size(), expected->size());
    for (std::size_t i = 0; i < expected->size(); ++i) {
        EXPECT_EQ((*continued)[i].network, (*expected)[i].network) << i;
        EXPECT_DOUBLE_EQ((*continued)[i].training.accuracy, (*expected)[i].training.accuracy);
        EXPECT_EQ((*continued)[i].accepted, (*expected)[i].accepted);
    }
    EXPECT_EQ(resumed.current(), straight.current());
    EXPECT_DOUBLE_EQ(*resumed.baseline(), *straight.baseline());
}
