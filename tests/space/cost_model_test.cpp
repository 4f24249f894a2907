#include "space/cost_model.h"

#include <gtest/gtest.h>

using namespace nas::space;

namespace {
SpaceConfig dartsEvaluationSpace() {
    SpaceConfig space;
    space.channels = 36;
    space.layers = 20;
    return space;
}
}  // namespace

// The reference DARTS implementation's counts for DARTS_V2 at its evaluation setting.
TEST(CostModel, DartsV2ParameterCountMatchesReference) {
    const Genotype g = *publishedGenotype("DARTS_V2");
    EXPECT_EQ(networkCost(g, dartsEvaluationSpace(), false).params, 3349342);
    EXPECT_EQ(networkCost(g, dartsEvaluationSpace(), true).params, 3825768);
}

TEST(CostModel, OpFormulas) {
    // sep conv 3x3, C=16, stride 1, 32x32: weights 2*16*9 + 2*256 = 800.
    const Cost sep = opCost(OpKind::SepConv3x3, 16, 1, 32, 32, false);
    EXPECT_EQ(sep.params, 800);
    EXPECT_EQ(sep.flops, 800.0 * 1024);
    EXPECT_EQ(sep.mac, 1024.0 * (7 * 16 + 16) + 800);
    EXPECT_EQ(opCost(OpKind::SepConv3x3, 16, 1, 32, 32, true).params, 800 + 4 * 16);
    EXPECT_EQ(opCost(OpKind::MaxPool3x3, 16, 2, 16, 16, false).flops, 9.0 * 16 * 256);
    EXPECT_EQ(opCost(OpKind::MaxPool3x3, 16, 2, 16, 16, false).mac, 5.0 * 16 * 256);
    EXPECT_EQ(opCost(OpKind::None, 16, 1, 32, 32, true).mac, 0);
    EXPECT_EQ(opCost(OpKind::SkipConnect, 16, 1, 32, 32, true).params, 0);
    EXPECT_EQ(opCost(OpKind::SkipConnect, 16, 2, 16, 16, true).params, 16 * 16 + 32);
}

TEST(CostModel, EdgeTableSumsEveryCellOfItsType) {
    SpaceConfig space;  // 8 layers: 6 normal cells, 2 reduction cells
    const auto normal = edgeOpCosts(space, false);
    ASSERT_EQ(normal.size(), 14u);
    ASSERT_EQ(normal[0].size(), 8u);
    // Normal cells at C=16 (x2, 32x32), C=32 (x2, 16x16), C=64 (x2, 8x8); op 4 = sep_conv_3x3.
    double expected = 0;
    for (auto [c, y] : {std::pair{16, 32}, {32, 16}, {64, 8}})
        expected += 2 * opCost(OpKind::SepConv3x3, c, 1, y, y, false).flops;
    EXPECT_DOUBLE_EQ(normal[0][4].flops, expected);
    EXPECT_EQ(normal[0][0].params, 0);  // none
}

TEST(CostModel, ShapesFollowReductions) {
    SpaceConfig space;
    space.input = {1, 28, 28};
    const auto shapes = cellShapes(space, 4);
    ASSERT_EQ(shapes.size(), 8u);
    EXPECT_EQ(shapes[2].c, 32);
    EXPECT_EQ(shapes[2].outH, 14);
    EXPECT_TRUE(shapes[3].reductionPrev);
    EXPECT_EQ(shapes[7].outH, 7);
    EXPECT_EQ(shapes[7].cPrev, 4 * 64);
}

// A network below the minimum size is refused with a message, not costed past the end of its cells
// (export --layers 0 used to crash here).
TEST(CostModel, RefusesNetworksBelowTheMinimumSize) {
    const auto genotype = *publishedGenotype("DARTS_V2");
    for (const int layers : {-1, 0, 1, 2}) {
        SpaceConfig space;
        space.layers = layers;
        EXPECT_THROW((void)networkCost(genotype, space, true), std::invalid_argument)
            << layers << " layers";
        EXPECT_THROW((void)fixedNetworkCost(space, 4, true), std::invalid_argument)
            << layers << " layers";
    }
    SpaceConfig space;
    space.channels = 0;
    EXPECT_THROW((void)networkCost(genotype, space, false), std::invalid_argument);
    space.channels = 2;
    space.layers = kMinLayers;
    EXPECT_GT(networkCost(genotype, space, true).params, 0);
}

TEST(SpaceLimits, NameWhatIsWrongWithASize) {
    EXPECT_TRUE(channelsProblem(36).empty());
    EXPECT_TRUE(layersProblem(20).empty());
    for (const int channels : {-4, 0, 3, kMaxChannels + 2})
        EXPECT_FALSE(channelsProblem(channels).empty()) << channels;
    for (const int layers : {-1, 0, 2, kMaxLayers + 1})
        EXPECT_FALSE(layersProblem(layers).empty()) << layers;
    EXPECT_NE(layersProblem(0).find("not 0"), std::string::npos) << layersProblem(0);
}
