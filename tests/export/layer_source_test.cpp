// The exported PyTorch module of a layer-chain network, run by Debian's Python with torch: every
// layer kind, skips with and without a projection; its parameter count is the cost model's.
#include "export/layer_source.h"

#include <gtest/gtest.h>

#include "export/architecture_export.h"
#include "python_runner.h"
#include "space/layers/layer_cost.h"
#include "space/layers/layer_space.h"

using namespace nas;
using space::layers::LayerKind;

namespace {

class LayerSourceTest : public nas::testing::PythonTest {};

space::layers::LayerNetwork everyKind() {
    space::layers::LayerNetwork n;
    n.stemFilters = 8;
    n.layers = {{LayerKind::Conv, 3, 8, 1, 0},  // a skip of the same shape: a plain addition
                {LayerKind::SepConv, 5, 16, 2, -1},
                {LayerKind::DilConv, 3, 16, 1, 1},  // from a wider, larger map: projected
                {LayerKind::MaxPool, 3, 0, 2, -1},
                {LayerKind::AvgPool, 3, 0, 1, 2},
                {LayerKind::Conv, 1, 24, 1, -1}};
    return n;
}

}  // namespace

TEST_F(LayerSourceTest, BuildsEveryKindWithTheCostModelsParameterCount) {
    const space::InputShape input{1, 28, 28};
    const auto network = everyKind();
    const auto expected = space::layers::layerNetworkCost(network, input, 10).total.params;
    const auto run = runPython("model", exporting::layerNetworkSource(network, input, 10));
    ASSERT_EQ(run.status, 0) << run.output;
    EXPECT_NE(run.output.find("parameters: " + std::to_string(static_cast<long long>(expected))),
              std::string::npos)
        << run.output << "\nexpected " << expected;
    EXPECT_NE(run.output.find("logits: (2, 10)"), std::string::npos) << run.output;
}

TEST_F(LayerSourceTest, TheArchitectureExportWritesTheModuleBesideTheJson) {
    space::SpaceConfig config;
    config.input = {1, 28, 28};
    config.classes = 10;
    const space::Architecture architecture{space::layers::kLayerSpace,
                                           space::layers::toJson(everyKind())};
    const auto written =
        exporting::exportArchitecture((m_dir / "out").string(), architecture, config, {}, 0.8);
    ASSERT_EQ(written.size(), 3u);
    const auto run = nas::testing::runCommand("cd '" + (m_dir / "out").string() + "' && " +
                                              nas::testing::pythonInterpreter() + " model.py");
    EXPECT_EQ(run.status, 0) << run.output;
    // A network the space refuses is not exported, and nothing is written.
    auto broken = space::layers::toJson(everyKind());
    broken["layers"][0]["kernel"] = 4;
    EXPECT_THROW((void)exporting::exportArchitecture((m_dir / "bad").string(),
                                                     {space::layers::kLayerSpace, broken}, config,
                                                     {}, std::nullopt),
                 std::invalid_argument);
    EXPECT_FALSE(std::filesystem::exists(m_dir / "bad"));
}
