#include <gtest/gtest.h>

#include "space/cost_model.h"
#include "space/derived_network.h"
#include "space/operations.h"
#include "space/supernet.h"

using namespace nas::space;

TEST(DerivedNetwork, DartsV2HasTheReferenceParameterCount) {
    SpaceConfig space;
    space.channels = 36;
    space.layers = 20;
    const Genotype g = *publishedGenotype("DARTS_V2");
    EXPECT_EQ(parameterCount(*DerivedNetwork(g, space, false)), 3349342);
    EXPECT_EQ(parameterCount(*DerivedNetwork(g, space, true)), 3825768);
}

// The built module has the authors' counts too (the cost model is checked for every published
// genotype in published_genotypes_test.cpp): NASNet's cells concatenate five and three states, and
// SNAS-Series' code follows each pool with an affine BatchNorm.
TEST(DerivedNetwork, PublishedGenotypesHaveTheAuthorsParameterCounts) {
    SpaceConfig space;
    space.channels = 36;
    space.layers = 20;
    struct Case {
        const char* name;
        std::int64_t params;
        std::int64_t paramsWithAuxiliary;
    };
    for (const Case& c : {Case{"NASNet", 3830950, 4288944}, Case{"AmoebaNet", 3145078, 3603072},
                          Case{"SNAS_mild_edge_all", 2663542, 3139968}}) {
        const Genotype g = *publishedGenotype(c.name);
        EXPECT_EQ(parameterCount(*DerivedNetwork(g, space, false)), c.params) << c.name;
        EXPECT_EQ(parameterCount(*DerivedNetwork(g, space, true)), c.paramsWithAuxiliary) << c.name;
    }
}

// Cells of different widths and SNAS's zero nodes run forward, auxiliary head included.
TEST(DerivedNetwork, PerCellConcatWidthsAndZeroNodesRunForward) {
    SpaceConfig space;
    space.channels = 4;
    space.layers = 5;
    for (const char* name : {"NASNet", "SNAS_aggressive_edge_all"}) {
        DerivedNetwork net(*publishedGenotype(name), space, true);
        const auto out = net->forward(torch::randn({2, 3, 32, 32}));
        EXPECT_EQ(out.logits.sizes(), (std::vector<int64_t>{2, 10})) << name;
        EXPECT_EQ(out.auxLogits.sizes(), (std::vector<int64_t>{2, 10})) << name;
        EXPECT_EQ(parameterCount(*net), networkCost(*publishedGenotype(name), space, true).params)
            << name;
    }
}

TEST(DerivedNetwork, AnyInDegreeAndAllOpsMatchTheCostModel) {
    SpaceConfig space;
    space.channels = 8;
    space.layers = 5;
    space.input = {1, 28, 28};
    Genotype g;
    g.normal.edges = {{"conv_7x1_1x7", 0, 0}, {"sep_conv_7x7", 1, 0}, {"conv_3x3", 1, 0},
                      {"dil_conv_5x5", 2, 2}, {"conv_3x1_1x3", 3, 2}, {"conv_1x1", 0, 2}};
    g.normal.concat = {2, 3, 4};  // node 1 has no input: zeros
    g.reduce.edges = {{"max_pool_5x5", 0, 0},
                      {"skip_connect", 1, 1},
                      {"avg_pool_3x3", 2, 1},
                      {"max_pool_7x7", 1, 2},
                      {"none", 3, 2}};
    g.reduce.concat = {2, 3, 4};
    DerivedNetwork net(g, space, true);
    net->setDropPath(0.2);
    EXPECT_EQ(parameterCount(*net), networkCost(g, space, true).params);
    const auto out = net->forward(torch::randn({2, 1, 28, 28}));
    EXPECT_EQ(out.logits.sizes(), (std::vector<int64_t>{2, 10}));
    EXPECT_EQ(out.auxLogits.sizes(), (std::vector<int64_t>{2, 10}));
    net->eval();
    EXPECT_FALSE(net->forward(torch::randn({2, 1, 28, 28})).auxLogits.defined());
}

namespace {

// A supernet of three cells, 4 channels, on size x size RGB images: small enough for exact checks.
SpaceConfig tinySpace(int size) {
    SpaceConfig space;
    space.channels = 4;
    space.layers = 3;
    space.input = {3, size, size};
    return space;
}

}  // namespace

TEST(Supernet, MixesOpsAndSkipsInactiveOnes) {
    const auto space = tinySpace(16);
    torch::manual_seed(0);
    Supernet net(space);
    const auto x = torch::randn({2, 3, 16, 16});
    EdgeMixing mixing;
    mixing.weights = torch::softmax(torch::randn({14, 8}), 1).requires_grad_(true);
    auto logits = net->forward(x, mixing, mixing);
    EXPECT_EQ(logits.sizes(), (std::vector<int64_t>{2, 10}));
    logits.sum().backward();
    EXPECT_GT(mixing.weights.grad().abs().sum().item<double>(), 0.0);

    // One active op per edge; the others evaluated without a graph still give their weight a
    // gradient.
    EdgeMixing sparse;
    sparse.weights = torch::zeros({14, 8});
    sparse.active.assign(14, EdgeMixing::kEdgeOff);
    for (int e : {0, 1, 2, 5, 9}) {
        sparse.active[e] = 4;
        sparse.weights[e][4] = 1.0;
    }
    sparse.weights.requires_grad_(true);
    sparse.inactiveWithoutGraph = true;
    net->zero_grad();
    net->forward(x, sparse, sparse).sum().backward();
    const auto g = sparse.weights.grad();
    EXPECT_NE(g[0][5].item<double>(), 0.0);  // inactive op on an active edge
    EXPECT_NE(g[3][4].item<double>(), 0.0);  // op on an edge that is off
    EXPECT_EQ(g[0][0].item<double>(), 0.0);  // none never contributes
}

TEST(Supernet, InactiveOpsOnPartOfTheBatchEstimateTheirGradientUnbiased) {
    const auto space = tinySpace(12);
    torch::manual_seed(1);
    Supernet net(space);
    net->eval();  // per-sample outputs independent of the batch, so the check below is exact
    auto gradient = [&](const torch::Tensor& x, int64_t part) {
        EdgeMixing m;
        m.weights = torch::zeros({14, 8});
        m.active.assign(14, EdgeMixing::kEdgeOff);
        for (int e : {0, 1, 3, 4, 6, 8, 11, 13}) {
            m.active[e] = 4;
            m.weights[e][4] = 1.0;
        }
        m.weights.requires_grad_(true);
        m.inactiveWithoutGraph = true;
        m.inactiveBatch = part;
        const auto logits = net->forward(x, m, m);
        // The same labels for both copies too.
        torch::nn::functional::cross_entropy(logits, torch::arange(x.size(0)) % (x.size(0) / 2))
            .backward();
        return std::make_pair(logits.detach(), m.weights.grad());
    };
    // A batch made of two copies of the same half: the first half, scaled by two, is exactly the
    // whole batch's contribution, so the estimate must equal the full gradient.
    const auto half = torch::randn({3, 3, 12, 12});
    const auto x = torch::cat({half, half});
    const auto [fullLogits, full] = gradient(x, 0);
    const auto [partLogits, part] = gradient(x, 3);
    EXPECT_TRUE(torch::allclose(fullLogits, partLogits)) << "the forward value does not change";
    EXPECT_TRUE(torch::allclose(full, part, 1e-4, 1e-6)) << full - part;
    EXPECT_NE(part[2][5].item<double>(), 0.0);  // an op on an edge that is off still learns
}

TEST(Supernet, SharingInputWorkBetweenEdgesChangesNoValueGradientOrStatistic) {
    const auto space = tinySpace(12);
    torch::manual_seed(2);
    Supernet shared(space);
    Supernet separate(space);
    {
        torch::NoGradGuard noGrad;
        const auto from = shared->parameters();
        auto to = separate->parameters();
        for (size_t i = 0; i < to.size(); ++i) to[i].copy_(from[i]);
    }
    separate->shareInputWork(false);
    const auto x = torch::randn({4, 3, 12, 12});
    const auto alphas = torch::randn({14, 8});
    // Every op weighted (DARTS), then one op per edge with the rest on half the batch and no
    // graph (NASP), whose batch norms then keep different statistics on different edges.
    auto mixings = [&] {
        EdgeMixing all;
        all.weights = torch::softmax(alphas, 1).requires_grad_(true);
        EdgeMixing one;
        one.weights = torch::zeros({14, 8});
        one.active.assign(14, 0);
        for (int e = 0; e < 14; ++e) {
            one.active[e] = 1 + e % 7;  // pools, skip and convolutions alike
            one.weights[e][one.active[e]] = 1.0;
        }
        one.weights.requires_grad_(true);
        one.inactiveWithoutGraph = true;
        one.inactiveBatch = 2;
        return std::vector<EdgeMixing>{all, one};
    };
    auto a = mixings(), b = mixings();
    for (size_t m = 0; m < a.size(); ++m) {
        const auto outShared = shared->forward(x, a[m], a[m]);
        const auto outSeparate = separate->forward(x, b[m], b[m]);
        EXPECT_TRUE(torch::allclose(outShared, outSeparate, 1e-4, 1e-5)) << m;
        outShared.pow(2).sum().backward();
        outSeparate.pow(2).sum().backward();
        EXPECT_TRUE(torch::allclose(a[m].weights.grad(), b[m].weights.grad(), 1e-3, 1e-5)) << m;
    }
    const auto gradsShared = shared->parameters(), gradsSeparate = separate->parameters();
    for (size_t i = 0; i < gradsShared.size(); ++i) {
        ASSERT_EQ(gradsShared[i].grad().defined(), gradsSeparate[i].grad().defined()) << i;
        if (gradsShared[i].grad().defined())
            EXPECT_TRUE(torch::allclose(gradsShared[i].grad(), gradsSeparate[i].grad(), 1e-3, 1e-5))
                << i;
    }
    // Batch norms stay per edge: each holds the statistics it holds without sharing, and the
    // evaluation-mode outputs, which use them, agree too.
    const auto statsShared = shared->named_buffers(), statsSeparate = separate->named_buffers();
    for (const auto& item : statsSeparate)
        EXPECT_TRUE(torch::allclose(item.value(), statsShared[item.key()], 1e-4, 1e-5))
            << item.key();
    shared->eval();
    separate->eval();
    torch::NoGradGuard noGrad;
    EdgeMixing all;
    all.weights = torch::softmax(alphas, 1);
    const auto evalShared = shared->forward(x, all, all);
    const auto evalSeparate = separate->forward(x, all, all);

    EXPECT_TRUE(torch::allclose(evalShared, evalSeparate, 1e-4, 1e-5))
        << evalShared << evalSeparate;
}
