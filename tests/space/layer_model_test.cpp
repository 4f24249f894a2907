// Layer networks as LibTorch modules: they run, and their parameters are exactly those the cost
// model counts.
#include "space/layers/layer_model.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "space/layers/layer_cost.h"
#include "space/layers/layer_edits.h"
#include "space/operations.h"

using namespace nas::space;
using namespace nas::space::layers;

namespace {

const InputShape kFashion{1, 28, 28};

LayerNetwork everyKind() {
    LayerNetwork n;
    n.stemFilters = 8;
    n.layers = {{LayerKind::Conv, 3, 12, 1, -1},   {LayerKind::SepConv, 5, 16, 2, 0},
                {LayerKind::DilConv, 3, 16, 1, 2}, {LayerKind::MaxPool, 3, 0, 2, -1},
                {LayerKind::AvgPool, 3, 0, 1, 3},  {LayerKind::DilConv, 5, 24, 2, 1},
                {LayerKind::Conv, 1, 8, 1, 6}};
    return n;
}

}  // namespace

TEST(LayerModel, RunsAndHasExactlyTheCountedParameters) {
    const auto network = everyKind();
    validate(network);
    LayerModel model(network, kFashion, 10);
    EXPECT_EQ(static_cast<double>(parameterCount(*model)),
              layerNetworkCost(network, kFashion, 10).total.params);
    const auto logits = model->forward(torch::randn({3, 1, 28, 28}));
    EXPECT_EQ(logits.sizes(), (std::vector<int64_t>{3, 10}));
    logits.sum().backward();
    for (const auto& p : model->parameters()) EXPECT_TRUE(p.grad().defined());
}

TEST(LayerModel, EveryAllowedEditBuildsARunnableModelOfTheCountedSize) {
    torch::NoGradGuard noGrad;
    LayerNetwork seed;
    seed.stemFilters = 8;
    seed.layers = {{LayerKind::Conv, 3, 8, 2, -1}, {LayerKind::Conv, 3, 16, 2, 0}};
    int built = 0;
    for (int position = 0; position <= 2; ++position)
        for (const auto kind : allLayerKinds())
            for (const int stride : {1, 2})
                for (const int skip : {-1, 0, position}) {
                    const Layer layer{kind, kind == LayerKind::DilConv ? 5 : 3,
                                      isPool(kind) ? 0 : 12, stride, skip};
                    const auto r = applyEdit(seed, {EditKind::Insert, position, 0, 0, layer});
                    if (!r.network) continue;
                    LayerModel model(*r.network, kFashion, 10);
                    model->eval();
                    EXPECT_EQ(static_cast<double>(parameterCount(*model)),
                              layerNetworkCost(*r.network, kFashion, 10).total.params)
                        << networkText(*r.network);
                    EXPECT_EQ(model->forward(torch::randn({2, 1, 28, 28})).size(1), 10);
                    ++built;
                }
    EXPECT_GT(built, 40);
}
