// The PyTorch source export: the emitted file is run with the system Python and torch, and the
// parameter count it prints must equal the cost model's (and the published DARTS counts).
#include "export/pytorch_source.h"

#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <stdexcept>
#include <string>

#include "python_runner.h"
#include "space/cost_model.h"
#include "space/genotype.h"
#include "space/op_catalogue.h"

namespace {

using nas::exporting::pytorchSource;
using nas::exporting::PyTorchSourceOptions;
using nas::space::CellGenotype;
using nas::space::Genotype;
using nas::space::SpaceConfig;

using nas::testing::ProcessResult;

long long printedParameters(const std::string& output) {
    std::smatch m;
    if (!std::regex_search(output, m, std::regex(R"(parameters: (\d+))"))) return -1;
    return std::stoll(m[1]);
}

long long costModelParameters(const Genotype& g, const SpaceConfig& space, bool auxiliary) {
    return std::llround(nas::space::networkCost(g, space, auxiliary).params);
}

class PyTorchSourceTest : public nas::testing::PythonTest {
  protected:
    ProcessResult runSource(const std::string& source, const std::string& name) {
        return runPython(name, source);
    }
};

SpaceConfig dartsEvaluationSpace() {
    SpaceConfig space;
    space.channels = 36;
    space.layers = 20;
    space.classes = 10;
    space.input = {3, 32, 32};
    return space;
}

// Node 0 has three inputs, node 1 none; NASP's op sets (normal and reduction).
Genotype naspGenotype() {
    Genotype g;
    g.normal.edges = {{"conv_3x1_1x3", 0, 0}, {"conv_1x1", 1, 0},     {"sep_conv_7x7", 0, 0},
                      {"conv_3x3", 2, 2},     {"dil_conv_3x3", 3, 2}, {"skip_connect", 4, 3},
                      {"sep_conv_3x3", 0, 3}, {"sep_conv_5x5", 1, 3}};
    g.normal.concat = {2, 3, 4, 5};
    g.reduce.edges = {{"max_pool_5x5", 0, 0}, {"max_pool_7x7", 1, 0}, {"skip_connect", 1, 0},
                      {"avg_pool_3x3", 0, 1}, {"skip_connect", 2, 1}, {"max_pool_3x3", 1, 3},
                      {"skip_connect", 0, 3}, {"avg_pool_3x3", 4, 3}};
    g.reduce.concat = {2, 3, 4, 5};  // node 2 (state 4) has no input: zeros
    return g;
}

// Every other op, three nodes, strided ops on an odd-sized map.
Genotype oddSizeGenotype() {
    Genotype g;
    g.normal.edges = {{"none", 0, 0},
                      {"dil_conv_5x5", 1, 0},
                      {"conv_7x1_1x7", 2, 1},
                      {"avg_pool_3x3", 0, 1},
                      {"sep_conv_7x7", 3, 2}};
    g.normal.concat = {2, 3, 4};
    g.reduce.edges = {{"skip_connect", 0, 0}, {"none", 1, 0},         {"dil_conv_5x5", 0, 0},
                      {"conv_7x1_1x7", 1, 0}, {"sep_conv_5x5", 0, 1}, {"dil_conv_3x3", 1, 1},
                      {"conv_3x3", 2, 1},     {"conv_1x1", 0, 2},     {"conv_3x1_1x3", 1, 2},
                      {"sep_conv_7x7", 1, 2}, {"max_pool_7x7", 0, 2}, {"sep_conv_3x3", 3, 2}};
    g.reduce.concat = {2, 3, 4};
    return g;
}

TEST_F(PyTorchSourceTest, DartsV2MatchesPublishedCount) {
    const Genotype g = *nas::space::publishedGenotype("DARTS_V2");
    const SpaceConfig space = dartsEvaluationSpace();
    const ProcessResult run = runSource(pytorchSource(g, space, {}), "darts_v2");
    ASSERT_EQ(run.status, 0) << run.output;
    EXPECT_EQ(printedParameters(run.output), 3349342) << run.output;
    EXPECT_EQ(costModelParameters(g, space, false), 3349342);
    EXPECT_NE(run.output.find("logits shape: (2, 10)"), std::string::npos) << run.output;
    EXPECT_EQ(run.output.find("warning"), std::string::npos) << run.output;
}

TEST_F(PyTorchSourceTest, DartsV2WithAuxiliaryMatchesPublishedCount) {
    const Genotype g = *nas::space::publishedGenotype("DARTS_V2");
    const SpaceConfig space = dartsEvaluationSpace();
    PyTorchSourceOptions options;
    options.auxiliary = true;
    const std::string source = pytorchSource(g, space, options);
    // The auxiliary map is 8x8 at 32x32 inputs: DARTS's own pooling.
    EXPECT_NE(source.find("nn.AvgPool2d(5, stride=3, padding=0, count_include_pad=False)"),
              std::string::npos);
    const ProcessResult run = runSource(source, "darts_v2_aux");
    ASSERT_EQ(run.status, 0) << run.output;
    EXPECT_EQ(printedParameters(run.output), 3825768) << run.output;
    EXPECT_EQ(costModelParameters(g, space, true), 3825768);
    EXPECT_NE(run.output.find("auxiliary logits shape: (2, 10)"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("logits shape: (2, 10)"), std::string::npos) << run.output;
}

TEST_F(PyTorchSourceTest, SmallNaspSpaceWithUnevenInDegrees) {
    SpaceConfig space;
    space.channels = 8;
    space.layers = 5;
    space.classes = 10;
    space.input = {1, 28, 28};
    space.normalOps = nas::space::naspNormalOps();
    space.reduceOps = nas::space::naspReduceOps();
    const Genotype g = naspGenotype();
    for (bool auxiliary : {false, true}) {
        SCOPED_TRACE(auxiliary ? "with auxiliary head" : "without auxiliary head");
        PyTorchSourceOptions options;
        options.auxiliary = auxiliary;
        options.className = "SmallNet";
        const std::string source = pytorchSource(g, space, options);
        EXPECT_NE(source.find("class SmallNet(nn.Module)"), std::string::npos);
        if (auxiliary) {
            // 7x7 at the auxiliary head: our adaptive pool, said in a comment.
            EXPECT_NE(source.find("nn.AdaptiveAvgPool2d(2)"), std::string::npos);
            EXPECT_NE(source.find("28x28"), std::string::npos);
        }
        const ProcessResult run = runSource(source, auxiliary ? "small_aux" : "small");
        ASSERT_EQ(run.status, 0) << run.output;
        EXPECT_EQ(printedParameters(run.output), costModelParameters(g, space, auxiliary))
            << run.output;
        EXPECT_NE(run.output.find("logits shape: (2, 10)"), std::string::npos) << run.output;
    }
}

TEST_F(PyTorchSourceTest, OddMapSizesAndEveryOtherOp) {
    SpaceConfig space;
    space.channels = 4;
    space.layers = 3;  // reductions at cells 1 and 2: 15x15 -> 8x8 -> 4x4
    space.classes = 7;
    space.input = {3, 15, 15};
    const Genotype g = oddSizeGenotype();
    PyTorchSourceOptions options;
    options.auxiliary = true;
    options.dropPath = 0.3;
    const ProcessResult run = runSource(pytorchSource(g, space, options), "odd");
    ASSERT_EQ(run.status, 0) << run.output;
    EXPECT_EQ(printedParameters(run.output), costModelParameters(g, space, true)) << run.output;
    EXPECT_NE(run.output.find("auxiliary logits shape: (2, 7)"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("logits shape: (2, 7)"), std::string::npos) << run.output;
}

// NASNet's cells concatenate five and three states (DARTS's per-cell multiplier); SNAS-Series
// builds its genotypes with a BatchNorm after each pool. Figures from the authors' model code (see
// tests/space/published_genotypes_test.cpp).
TEST_F(PyTorchSourceTest, PublishedGenotypesMatchTheAuthorsCounts) {
    struct Case {
        const char* name;
        long long params;
        long long paramsWithAuxiliary;
    };
    // One Python run each (a run takes seconds): NASNet with the auxiliary head, which reads a
    // reduction cell's width, SNAS without it.
    for (const Case& c :
         {Case{"NASNet", 3830950, 4288944}, Case{"SNAS_mild_edge_all", 2663542, 3139968}}) {
        const Genotype g = *nas::space::publishedGenotype(c.name);
        for (bool auxiliary : {g.style == nas::space::BuildStyle::Darts}) {
            SCOPED_TRACE(std::string(c.name) + (auxiliary ? " with auxiliary head" : ""));
            PyTorchSourceOptions options;
            options.auxiliary = auxiliary;
            const std::string source = pytorchSource(g, dartsEvaluationSpace(), options);
            const bool snas = g.style == nas::space::BuildStyle::Snas;
            EXPECT_NE(source.find(snas ? "POOL_BATCHNORM = True" : "POOL_BATCHNORM = False"),
                      std::string::npos);
            const ProcessResult run =
                runSource(source, std::string(c.name) + (auxiliary ? "_aux" : ""));
            ASSERT_EQ(run.status, 0) << run.output;
            EXPECT_EQ(printedParameters(run.output), auxiliary ? c.paramsWithAuxiliary : c.params)
                << run.output;
            EXPECT_EQ(run.output.find("warning"), std::string::npos) << run.output;
        }
    }
}

// Text-only checks (no Python needed).

TEST(PyTorchSourceText, HeaderSummarisesCellsAndEmbedsTheGenotype) {
    const std::string source = pytorchSource(naspGenotype(), dartsEvaluationSpace(), {});
    EXPECT_EQ(source.rfind("# Generated by NAS Studio", 0), 0u);
    EXPECT_NE(source.find("#   node 1 (state 3) = zeros (no incoming edge)"), std::string::npos);
    EXPECT_NE(source.find("#   node 0 (state 2) = conv_3x1_1x3(state 0) + conv_1x1(state 1) + "
                          "sep_conv_7x7(state 0)"),
              std::string::npos);
    EXPECT_NE(source.find("    (\"max_pool_7x7\", 1, 0),"), std::string::npos);
    EXPECT_NE(source.find("REDUCE_CONCAT = [2, 3, 4, 5]"), std::string::npos);
    EXPECT_NE(source.find("DROP_PATH_PROB = 0.2\n"), std::string::npos);
    EXPECT_NE(source.find("class NasStudioNetwork(nn.Module)"), std::string::npos);
    EXPECT_NE(source.find("if __name__ == \"__main__\":"), std::string::npos);
}

TEST(PyTorchSourceText, RejectsWhatItCannotBuild) {
    const Genotype darts = *nas::space::publishedGenotype("DARTS_V2");
    const SpaceConfig space = dartsEvaluationSpace();
    PyTorchSourceOptions badName;
    badName.className = "2Net";
    EXPECT_THROW((void)pytorchSource(darts, space, badName), std::invalid_argument);
    badName.className = "Cell";
    EXPECT_THROW((void)pytorchSource(darts, space, badName), std::invalid_argument);

    Genotype unreduced = darts;
    unreduced.reduce.concat = {1, 3, 4, 5};
    EXPECT_THROW((void)pytorchSource(unreduced, space, {}), std::invalid_argument);

    Genotype unknownOp = darts;
    unknownOp.normal.edges[0].op = "conv_9x9";
    EXPECT_THROW((void)pytorchSource(unknownOp, space, {}), std::invalid_argument);

    PyTorchSourceOptions badDrop;
    badDrop.dropPath = 1.0;
    EXPECT_THROW((void)pytorchSource(darts, space, badDrop), std::invalid_argument);
}

}  // namespace
