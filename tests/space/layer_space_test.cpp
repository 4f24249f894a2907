// The layer-level space RENA edits: its rules, JSON form, hand-counted costs, edits and its place
// behind the space interface.
#include "space/layers/layer_space.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "space/layers/layer_cost.h"
#include "space/layers/layer_edits.h"
#include "space/layers/layer_network.h"

using namespace nas::space;
using namespace nas::space::layers;

namespace {

const InputShape kFashion{1, 28, 28};

// stem 4 | conv3x3x8/2, max3x3+s1, conv1x1x16/2+s0
LayerNetwork smallNetwork() {
    LayerNetwork n;
    n.stemFilters = 4;
    n.layers = {{LayerKind::Conv, 3, 8, 2, -1},
                {LayerKind::MaxPool, 3, 0, 1, 1},
                {LayerKind::Conv, 1, 16, 2, 0}};
    return n;
}

std::string refusal(const LayerNetwork& network, const Edit& edit) {
    const auto result = applyEdit(network, edit);
    EXPECT_FALSE(result.network) << editText(edit);
    return result.refusal;
}

}  // namespace

TEST(LayerNetwork, ShapesFollowStridesAndPoolingsKeepTheirChannels) {
    const auto shapes = stateShapes(smallNetwork(), kFashion);
    ASSERT_EQ(shapes.size(), 4u);
    EXPECT_EQ(shapes[0].channels, 4);
    EXPECT_EQ(shapes[0].height, 28);
    EXPECT_EQ(shapes[1].channels, 8);
    EXPECT_EQ(shapes[1].height, 14);
    EXPECT_EQ(shapes[2].channels, 8);
    EXPECT_EQ(shapes[3].channels, 16);
    EXPECT_EQ(shapes[3].height, 7);
}

TEST(LayerNetwork, JsonRoundTripsAndBadFormsAreNamed) {
    const auto network = smallNetwork();
    EXPECT_EQ(layerNetworkFromJson(toJson(network)), network);
    EXPECT_EQ(networkText(network), "stem4 | conv3x3x8/2 max3x3+s1 conv1x1x16/2+s0");
    auto form = toJson(network);
    form["layers"][1]["type"] = "lstm";
    try {
        (void)layerNetworkFromJson(form);
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("unknown layer type 'lstm'"), std::string::npos);
    }
    form = toJson(network);
    form["layers"][2].erase("kernel");
    EXPECT_THROW((void)layerNetworkFromJson(form), std::invalid_argument);
}

TEST(LayerNetwork, ValidationNamesTheLayerAndTheRule) {
    auto network = smallNetwork();
    network.layers[0].kernel = 4;
    try {
        validate(network);
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("layer 1 (conv): kernel 4"), std::string::npos)
            << e.what();
    }
    network = smallNetwork();
    network.layers[1].skipFrom = 2;  // its own output
    EXPECT_THROW(validate(network), std::invalid_argument);
    network = smallNetwork();
    network.layers.push_back({LayerKind::Conv, 3, 8, 2, -1});
    network.layers.push_back({LayerKind::Conv, 3, 8, 2, -1});
    EXPECT_THROW(validate(network), std::invalid_argument);  // four reductions
    EXPECT_NO_THROW(validate(smallNetwork()));
}

TEST(LayerCost, HandCountedSmallNetwork) {
    const auto cost = layerNetworkCost(smallNetwork(), kFashion, 10);
    // stem: 3x3 conv 1->4 on 28x28 and BN
    EXPECT_DOUBLE_EQ(cost.stem.params, 9 * 1 * 4 + 8);
    EXPECT_DOUBLE_EQ(cost.stem.flops, 36.0 * 784);
    EXPECT_DOUBLE_EQ(cost.stem.mac, 784.0 * (1 + 4) + 44);
    // conv3x3 4->8, stride 2, 14x14 out: reads 4 C_in per output position
    EXPECT_DOUBLE_EQ(cost.layers[0].params, 288 + 16);
    EXPECT_DOUBLE_EQ(cost.layers[0].flops, 288.0 * 196);
    EXPECT_DOUBLE_EQ(cost.layers[0].mac, 196.0 * (16 + 8) + 304);
    // max pool 3x3 on 8x14x14 plus an identity skip: 9 C y^2, 2 C y^2, then 3 C y^2 to add
    EXPECT_DOUBLE_EQ(cost.layers[1].params, 0);
    EXPECT_DOUBLE_EQ(cost.layers[1].flops, 9.0 * 8 * 196);
    EXPECT_DOUBLE_EQ(cost.layers[1].mac, 2.0 * 8 * 196 + 3.0 * 8 * 196);
    // conv1x1 8->16 stride 2 on 7x7, skip from the stem (4x28x28) projected by a 1x1 conv
    const double conv = 8 * 16;
    const double projection = 4 * 16;
    EXPECT_DOUBLE_EQ(cost.layers[2].params, conv + 32 + projection + 32);
    EXPECT_DOUBLE_EQ(cost.layers[2].flops, (conv + projection) * 49);
    EXPECT_DOUBLE_EQ(cost.layers[2].mac, 49.0 * (4 * 8 + 16) + 160        // the conv
                                             + 49.0 * (16 * 4 + 16) + 96  // the projection
                                             + 3.0 * 16 * 49);            // the addition
    // global pool over 16x7x7, linear 16->10
    EXPECT_DOUBLE_EQ(cost.head.params, 170);
    EXPECT_DOUBLE_EQ(cost.head.flops, 160);
    EXPECT_DOUBLE_EQ(cost.head.mac, 16.0 * 49 + 16 + 16 + 10 + 170);
    const double params = 44 + 304 + 0 + (conv + 32 + projection + 32) + 170;
    EXPECT_DOUBLE_EQ(cost.total.params, params);
    EXPECT_DOUBLE_EQ(computeIntensity(cost.total), cost.total.flops / (4 * cost.total.mac));
}

TEST(LayerCost, SeparableAndDilatedConvolutionsFollowTheCellFormulas) {
    LayerNetwork n;
    n.stemFilters = 8;
    n.layers = {{LayerKind::SepConv, 3, 16, 1, -1}, {LayerKind::DilConv, 5, 16, 2, -1}};
    const auto cost = layerNetworkCost(n, kFashion, 10);
    // sep 3x3 8->16 at 28x28: 2 C_in k^2 + (C_in + C_out) C_in weights, BNs of 8 and 16
    const double sep = 2 * 8 * 9 + (8 + 16) * 8;
    EXPECT_DOUBLE_EQ(cost.layers[0].params, sep + 2 * 8 + 2 * 16);
    EXPECT_DOUBLE_EQ(cost.layers[0].flops, sep * 784);
    EXPECT_DOUBLE_EQ(cost.layers[0].mac, 784.0 * (7 * 8 + 16) + sep + 48);
    // dil 5x5 16->16 stride 2 at 14x14: C_in k^2 + C_in C_out
    const double dil = 16 * 25 + 16 * 16;
    EXPECT_DOUBLE_EQ(cost.layers[1].params, dil + 32);
    EXPECT_DOUBLE_EQ(cost.layers[1].mac, 196.0 * (6 * 16 + 16) + dil + 32);
}

TEST(LayerEdits, ScaleChangesOneLayerOrIsRefused) {
    const auto network = smallNetwork();
    const auto scaled = applyEdit(network, {EditKind::Scale, 0, 32, 5, {}});
    ASSERT_TRUE(scaled.network) << scaled.refusal;
    EXPECT_EQ(scaled.network->layers[0].filters, 32);
    EXPECT_EQ(scaled.network->layers[0].kernel, 5);
    EXPECT_EQ(scaled.network->layers[1], network.layers[1]);
    EXPECT_NE(refusal(network, {EditKind::Scale, 1, 16, 0, {}}).find("no filters"),
              std::string::npos);
    EXPECT_NE(refusal(network, {EditKind::Scale, 0, 8, 3, {}}).find("already"), std::string::npos);
    EXPECT_NE(refusal(network, {EditKind::Scale, 0, 1000, 0, {}}).find("filters must be"),
              std::string::npos);
    EXPECT_NE(refusal(network, {EditKind::Scale, 0, 0, 4, {}}).find("kernel 4"), std::string::npos);
    EXPECT_NE(refusal(network, {EditKind::Scale, 7, 16, 0, {}}).find("no layer 8"),
              std::string::npos);
}

TEST(LayerEdits, InsertionMovesLaterSkipsWithTheirLayers) {
    const auto network = smallNetwork();
    const Layer added{LayerKind::SepConv, 3, 8, 1, 1};
    const auto result = applyEdit(network, {EditKind::Insert, 1, 0, 0, added});
    ASSERT_TRUE(result.network) << result.refusal;
    const auto& layers = result.network->layers;
    ASSERT_EQ(layers.size(), 4u);
    EXPECT_EQ(layers[1], added);
    EXPECT_EQ(layers[2].skipFrom, 1);  // the pool's skip still comes from the first conv
    EXPECT_EQ(layers[3].skipFrom, 0);  // from the stem
    const auto atEnd =
        applyEdit(network, {EditKind::Insert, 3, 0, 0, {LayerKind::AvgPool, 3, 0, 1, -1}});
    ASSERT_TRUE(atEnd.network) << atEnd.refusal;
    EXPECT_EQ(atEnd.network->layers.back().kind, LayerKind::AvgPool);
    // A third stride-2 layer is allowed, a fourth breaks the rules.
    const Layer reducing{LayerKind::Conv, 3, 8, 2, -1};
    const auto third = applyEdit(network, {EditKind::Insert, 0, 0, 0, reducing});
    ASSERT_TRUE(third.network) << third.refusal;
    EXPECT_NE(refusal(*third.network, {EditKind::Insert, 0, 0, 0, reducing}).find("stride 2"),
              std::string::npos);
    EXPECT_FALSE(applyEdit(network, {EditKind::Insert, 5, 0, 0, added}).network);
}

TEST(LayerEdits, RemovalRedirectsSkipsFromTheRemovedLayerToItsInput) {
    const auto network = smallNetwork();
    const auto result = applyEdit(network, {EditKind::Remove, 0, 0, 0, {}});
    ASSERT_TRUE(result.network) << result.refusal;
    const auto& layers = result.network->layers;
    ASSERT_EQ(layers.size(), 2u);
    EXPECT_EQ(layers[0].skipFrom, 0);  // was the removed conv's output: now the stem's
    EXPECT_EQ(layers[1].skipFrom, 0);
    LayerNetwork one;
    one.layers = {{LayerKind::Conv, 3, 8, 1, -1}};
    EXPECT_NE(refusal(one, {EditKind::Remove, 0, 0, 0, {}}).find("1 to 16 layers"),
              std::string::npos);
}

TEST(LayerEdits, EveryEditOfASeedNetworkIsValidOrRefused) {
    const auto network = smallNetwork();
    const LayerRules rules;
    int allowed = 0;
    for (int position = -1; position <= 4; ++position) {
        for (const int filters : {0, 4, 16, 300})
            for (const int kernel : {0, 1, 3, 4, 5})
                if (const auto r =
                        applyEdit(network, {EditKind::Scale, position, filters, kernel, {}});
                    r.network) {
                    EXPECT_NO_THROW(validate(*r.network, rules));
                    ++allowed;
                } else {
                    EXPECT_FALSE(r.refusal.empty());
                }
        for (const auto kind : allLayerKinds())
            for (const int stride : {1, 2})
                for (const int skip : {-1, 0, 2, 5}) {
                    const Layer layer{kind, 3, isPool(kind) ? 0 : 16, stride, skip};
                    if (const auto r =
                            applyEdit(network, {EditKind::Insert, position, 0, 0, layer});
                        r.network) {
                        EXPECT_NO_THROW(validate(*r.network, rules));
                        ++allowed;
                    }
                }
        if (const auto r = applyEdit(network, {EditKind::Remove, position, 0, 0, {}}); r.network)
            ++allowed;
    }
    EXPECT_GT(allowed, 50);
}

TEST(LayerEdits, JsonAndText) {
    const Edit insert{EditKind::Insert, 2, 0, 0, {LayerKind::DilConv, 5, 32, 2, 1}};
    EXPECT_EQ(editFromJson(toJson(insert)), insert);
    EXPECT_EQ(editText(insert), "insert dil5x5x32/2+s1 at 3");
    const Edit scale{EditKind::Scale, 0, 24, 0, {}};
    EXPECT_EQ(editFromJson(toJson(scale)), scale);
    EXPECT_EQ(editText(scale), "scale layer 1: filters 24");
    EXPECT_THROW((void)editFromJson({{"kind", "grow"}, {"position", 0}}), std::invalid_argument);
}

TEST(LayerSpace, JoinsTheSpaceInterface) {
    const SearchSpace& space = searchSpace(kLayerSpace);
    SpaceConfig config;
    config.input = kFashion;
    const auto form = toJson(smallNetwork());
    EXPECT_NO_THROW(space.validate(form, config));
    EXPECT_DOUBLE_EQ(space.cost(form, config).params,
                     layerNetworkCost(smallNetwork(), kFashion, 10).total.params);
    const auto picture = space.picture(form);
    ASSERT_EQ(picture.groups.size(), 1u);
    EXPECT_EQ(picture.groups[0].nodes.size(), 3u + 3u);         // input, stem, 3 layers, classifier
    EXPECT_EQ(picture.groups[0].edges.size(), 1u + 3 + 2 + 1);  // stem, layers, 2 skips, head
    EXPECT_FALSE(space.hasOpDistribution());
    EXPECT_EQ(space.summary(form), networkText(smallNetwork()));
}
