// Trained weights leave NAS Studio and load into the exported PyTorch module: the C++ network's
// saved parameters and BatchNorm statistics load strictly into model.py, which then computes the
// same logits as LibTorch on the same input.
#include <gtest/gtest.h>
#include <torch/serialize.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "export/pytorch_source.h"
#include "python_runner.h"
#include "space/derived_network.h"

namespace {

using nas::space::Genotype;
using nas::space::SpaceConfig;

// Every parameterised op kind, including skip_connect's factorized reduce in the reduction cell.
Genotype everyOpGenotype() {
    Genotype g;
    g.normal.edges = {{"sep_conv_3x3", 0, 0}, {"dil_conv_5x5", 1, 0}, {"conv_7x1_1x7", 2, 1},
                      {"avg_pool_3x3", 0, 1}, {"conv_3x1_1x3", 1, 2}, {"conv_1x1", 3, 2}};
    g.normal.concat = {2, 3, 4};
    g.reduce.edges = {{"skip_connect", 0, 0}, {"conv_3x3", 1, 0},     {"max_pool_3x3", 0, 1},
                      {"sep_conv_5x5", 2, 1}, {"dil_conv_3x3", 1, 2}, {"skip_connect", 3, 2}};
    g.reduce.concat = {2, 3, 4};
    return g;
}

// A small network for it; the odd map sizes exercise the factorized reduce's padding.
SpaceConfig smallOddSpace() {
    SpaceConfig space;
    space.channels = 4;
    space.layers = 3;
    space.classes = 5;
    space.input = {1, 11, 11};
    return space;
}

// The same input on both sides, computed rather than passed: sin(0.37 i) for i = 0, 1, ...
constexpr const char* kInputFormula = "torch.sin(torch.arange(%d, dtype=torch.float32) * 0.37)";

torch::Tensor fixedInput(const SpaceConfig& s, int batch) {
    const auto n = static_cast<int64_t>(batch) * s.input.channels * s.input.height * s.input.width;
    return torch::sin(torch::arange(n, torch::kFloat32) * 0.37)
        .reshape({batch, s.input.channels, s.input.height, s.input.width});
}

std::vector<double> numbersAfter(const std::string& output, const std::string& tag) {
    std::vector<double> values;
    const auto at = output.find(tag);
    if (at == std::string::npos) return values;
    std::istringstream in(output.substr(at + tag.size()));
    double v = 0;
    while (in >> v) values.push_back(v);
    return values;
}

class WeightsRoundTripTest : public nas::testing::PythonTest {
  protected:
    void checkSameLogits(const Genotype& g);
};

TEST_F(WeightsRoundTripTest, ExportedModuleLoadsWeightsAndComputesTheSameLogits) {
    checkSameLogits(everyOpGenotype());
}

// SNAS-Series' pools carry a BatchNorm, and the two cell types concatenate different numbers of
// states.
TEST_F(WeightsRoundTripTest, SnasBuiltPoolsAndPerCellWidthsLoadToo) {
    Genotype g = everyOpGenotype();
    g.style = nas::space::BuildStyle::Snas;
    g.reduce.concat = {3, 4};
    checkSameLogits(g);
}

void WeightsRoundTripTest::checkSameLogits(const Genotype& g) {
    torch::manual_seed(5);
    const SpaceConfig space = smallOddSpace();
    nas::space::DerivedNetwork net(g, space, /*auxiliary=*/true);

    // Move every BatchNorm away from its initial statistics so the check covers the buffers too.
    net->train();
    {
        torch::NoGradGuard noGrad;
        for (int i = 0; i < 3; ++i) net->forward(torch::randn({6, 1, 11, 11}) * 2 + 0.5);
    }
    net->eval();
    const int batch = 3;
    const auto expected = net->forward(fixedInput(space, batch)).logits.contiguous();
    torch::serialize::OutputArchive archive;
    net->save(archive);
    archive.save_to((m_dir / "weights.pt").string());

    nas::exporting::PyTorchSourceOptions options;
    options.auxiliary = true;
    write("model.py", nas::exporting::pytorchSource(g, space, options));
    char input[128];
    std::snprintf(input, sizeof input, kInputFormula, batch * 11 * 11);
    const std::string check =
        std::string("import torch\nfrom model import NasStudioNetwork, load_nas_studio_weights\n") +
        "x = " + input + ".reshape(3, 1, 11, 11)\n" +
        "for auxiliary in (True, False):\n"
        "    net = load_nas_studio_weights(NasStudioNetwork(auxiliary=auxiliary), "
        "'weights.pt').eval()\n"
        "    with torch.no_grad():\n"
        "        print('logits:', ' '.join(repr(v) for v in net(x).flatten().tolist()))\n";
    const auto run = runPython("check", check);
    ASSERT_EQ(run.status, 0) << run.output;

    const auto withAux = numbersAfter(run.output, "logits:");
    const auto deployed =
        numbersAfter(run.output.substr(run.output.find("logits:") + 1), "logits:");
    ASSERT_EQ(withAux.size(), static_cast<size_t>(expected.numel())) << run.output;
    ASSERT_EQ(deployed.size(), withAux.size()) << run.output;
    const auto* want = expected.data_ptr<float>();
    for (size_t i = 0; i < withAux.size(); ++i) {
        EXPECT_NEAR(withAux[i], want[i], 1e-4) << "logit " << i;
        EXPECT_NEAR(deployed[i], want[i], 1e-4)
            << "logit " << i << " (model without the auxiliary head)";
    }
}

TEST_F(WeightsRoundTripTest, WeightsOfAnotherNetworkAreRefused) {
    SpaceConfig space = smallOddSpace();
    nas::space::DerivedNetwork net(everyOpGenotype(), space, false);
    torch::serialize::OutputArchive archive;
    net->save(archive);
    archive.save_to((m_dir / "weights.pt").string());
    space.channels = 6;  // the exported module is wider than the saved weights
    write("model.py", nas::exporting::pytorchSource(everyOpGenotype(), space, {}));
    const auto run = runPython("check",
                               "from model import NasStudioNetwork, load_nas_studio_weights\n"
                               "load_nas_studio_weights(NasStudioNetwork(), 'weights.pt')\n");
    EXPECT_NE(run.status, 0);
    EXPECT_NE(run.output.find("size mismatch"), std::string::npos) << run.output;
}

}  // namespace
