// RENA's children: a short standalone training that learns, is the same on any thread, and stops
// when asked.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "rena_fixtures.h"
#include "search/rena/child_training.h"

using namespace nas;
using namespace nas::search::rena;
using namespace nas::space::layers;

namespace {

nas::testing::SplitData syntheticData() { return nas::testing::syntheticSplit(256, 128, 16, 4); }

LayerNetwork small(int filters) {
    LayerNetwork n;
    n.stemFilters = 8;
    n.layers = {{LayerKind::Conv, 3, filters, 2, -1}, {LayerKind::Conv, 3, filters, 2, 0}};
    return n;
}

const space::InputShape kInput{1, 16, 16};

}  // namespace

TEST(RenaChildren, AShortTrainingLearnsTheTask) {
    const auto data = syntheticData();
    ChildTrainingSettings settings;
    settings.epochs = 3;
    settings.batchSize = 32;
    const auto result =
        trainChild(small(16), kInput, 4, data.train, data.valid, settings, 1, torch::kCPU);
    EXPECT_FALSE(result.stopped);
    EXPECT_GT(result.accuracy, 0.5);  // chance is 0.25
    EXPECT_GT(result.seconds, 0.0);
}

TEST(RenaChildren, ThePoolGivesWhatEachChildGivesAloneAndLeavesTheGlobalGeneratorAlone) {
    const auto data = syntheticData();
    ChildTrainingSettings settings;
    settings.batchSize = 32;
    const std::vector<LayerNetwork> networks{small(8), small(12), small(16), small(8)};
    const std::vector<std::uint64_t> seeds{1, 2, 3, 4};
    torch::manual_seed(77);
    const auto expectedDraw = torch::rand({1}).item<double>();
    torch::manual_seed(77);
    std::vector<int> finished(networks.size(), 0);
    const auto pooled =
        trainChildren(networks, seeds, kInput, 4, data.train, data.valid, settings, torch::kCPU, 2,
                      [&](std::size_t i, const ChildResult&) { ++finished[i]; });
    EXPECT_DOUBLE_EQ(torch::rand({1}).item<double>(), expectedDraw);
    for (std::size_t i = 0; i < networks.size(); ++i) {
        EXPECT_EQ(finished[i], 1);
        const auto alone = trainChild(networks[i], kInput, 4, data.train, data.valid, settings,
                                      seeds[i], torch::kCPU);
        EXPECT_DOUBLE_EQ(pooled[i].accuracy, alone.accuracy) << i;
        EXPECT_DOUBLE_EQ(pooled[i].trainLoss, alone.trainLoss) << i;
    }
    // Same network, other seed: another initialisation, another loss.
    EXPECT_NE(pooled[0].trainLoss, pooled[3].trainLoss);
}

TEST(RenaChildren, AStopEndsTrainingWithoutAResult) {
    const auto data = syntheticData();
    std::atomic<bool> stop{true};
    const auto result =
        trainChild(small(8), kInput, 4, data.train, data.valid, {}, 1, torch::kCPU, &stop);
    EXPECT_TRUE(result.stopped);
}
