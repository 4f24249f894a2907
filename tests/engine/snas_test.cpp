// SNAS as its authors' code does it: the locally decomposable resource penalty, single-level
// training on every training image but a monitor split, and drop path during the search.
#include "search/snas/snas.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "engine/runtime.h"
#include "engine/search_session.h"
#include "space/cost_model.h"
#include "space/op_catalogue.h"
#include "space/supernet.h"
#include "test_configs.h"

using namespace nas;

namespace {

// Two edges per cell (one node), each choosing between none and one op whose cost is known.
engine::SearchConfig twoEdgeSearch() {
    auto c = fixtures::tinySearch("snas");
    c.space.nodes = 1;
    c.space.normalOps = c.space.reduceOps = {"none", "sep_conv_3x3"};
    return c;
}

// [2 edges, 2 ops] with sep_conv_3x3 weighted a0 on edge 0 and a1 on edge 1.
torch::Tensor sample(double a0, double a1) {
    return torch::tensor({1 - a0, a0, 1 - a1, a1}, torch::kFloat).view({2, 2}).requires_grad_(true);
}

// The penalty as written down by hand: per cell type, the mean over its cells of, per edge, the
// mean over params, FLOPs and MAC of log(max(1, a_e * cost)).
double handPenalty(const engine::SearchConfig& c, double n0, double n1, double r0, double r1) {
    double total = 0;
    for (bool reduction : {false, true}) {
        const double a[2] = {reduction ? r0 : n0, reduction ? r1 : n1};
        double sum = 0;
        int cells = 0;
        for (const auto& s : space::cellShapes(c.space, c.space.nodes)) {
            if (s.reduction != reduction) continue;
            ++cells;
            for (int e = 0; e < 2; ++e) {
                const int stride = reduction ? 2 : 1;  // both edges leave the cell's inputs
                const auto cost = space::opCost(space::opKindFromName("sep_conv_3x3"), s.c, stride,
                                                s.outH, s.outW, false);
                for (double x : {cost.params, cost.flops, cost.mac})
                    sum += std::log(std::max(1.0, a[e] * x)) / 3.0;
            }
        }
        total += sum / cells;
    }
    return total;
}

class TempWorkspace {
  public:
    TempWorkspace() {
        static int counter = 0;
        m_root = (std::filesystem::temp_directory_path() /
                  ("nas-snas-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
                     .string();
        std::filesystem::remove_all(m_root);
    }
    ~TempWorkspace() { std::filesystem::remove_all(m_root); }
    const std::string& root() const { return m_root; }

  private:
    std::string m_root;
};

struct StepCounter : engine::SearchObserver {
    std::vector<engine::StepEvent> steps;
    std::vector<engine::EpochMetrics> epochs;
    void onStep(const engine::StepEvent& e) override { steps.push_back(e); }
    void onEpoch(const engine::EpochMetrics& m) override { epochs.push_back(m); }
};

}  // namespace

TEST(SnasPenalty, EachEdgesGradientIsOneOverItsOwnWeightByHand) {
    const auto c = twoEdgeSearch();
    search::SnasStrategy snas(c, torch::kCPU);
    // log(a * cost) has derivative 1/a in a, whatever the cost: on edge 0 of the normal cells
    // 1/0.5 = 2 from each of the three resources, averaged to 2. Edge 1 weighs sep_conv_3x3 so
    // little that every cost is below 1 and is raised to 1: its log is 0, so is its gradient.
    auto zNormal = sample(0.5, 1e-9);
    auto zReduce = sample(0.25, 0.8);
    const auto penalty = snas.resourcePenalty(zNormal, zReduce);
    EXPECT_NEAR(penalty.item<double>(), handPenalty(c, 0.5, 1e-9, 0.25, 0.8), 1e-4);
    penalty.backward();
    const auto gN = zNormal.grad();
    const auto gR = zReduce.grad();
    EXPECT_NEAR(gN[0][1].item<double>(), 2.0, 1e-5);
    EXPECT_EQ(gN[1][1].item<double>(), 0.0);
    EXPECT_NEAR(gR[0][1].item<double>(), 4.0, 1e-5);
    EXPECT_NEAR(gR[1][1].item<double>(), 1.25, 1e-5);
    // none costs nothing: its weight has no gradient.
    EXPECT_EQ(gN[0][0].item<double>(), 0.0);
    EXPECT_EQ(gR[1][0].item<double>(), 0.0);

    // Local: edge 0's gradient does not change when edge 1's choice does.
    auto zNormal2 = sample(0.5, 0.9);
    snas.resourcePenalty(zNormal2, sample(0.25, 0.8)).backward();
    EXPECT_NEAR(zNormal2.grad()[0][1].item<double>(), 2.0, 1e-5);
}

TEST(SnasPenalty, GlobalScopeCouplesTheEdgesThroughTheTotal) {
    auto c = twoEdgeSearch();
    c.setOption("snas", "penalty_scope", "global");
    search::SnasStrategy snas(c, torch::kCPU);
    auto gradientOfEdge0 = [&](double otherEdge) {
        auto z = sample(0.5, otherEdge);
        snas.resourcePenalty(z, sample(0.5, 0.5)).backward();
        return z.grad()[0][1].item<double>();
    };
    const double alone = gradientOfEdge0(1e-9);
    const double withNeighbour = gradientOfEdge0(0.9);
    EXPECT_LT(withNeighbour, alone);  // the other edge's cost dilutes edge 0's gradient
    EXPECT_LT(alone, 0.5);            // and it is far weaker than the local form's 2
}

TEST(SnasPenalty, ABudgetSwitchesItsResourceOffWhileTheNetworkIsUnderIt) {
    const auto c = twoEdgeSearch();
    search::SnasStrategy snas(c, torch::kCPU);
    engine::Constraints generous;
    generous.maxParams = generous.maxFlops = generous.maxMac = 1e12;
    snas.setConstraints(generous);
    auto z = sample(0.5, 0.5);
    const auto none = snas.resourcePenalty(z, sample(0.5, 0.5));
    EXPECT_EQ(none.item<double>(), 0.0);

    // Only the parameter budget is exceeded: only the params log of each edge counts, a third
    // of the gradient of the unconstrained penalty.
    engine::Constraints tightParams = generous;
    tightParams.maxParams = 1.0;
    snas.setConstraints(tightParams);
    auto z2 = sample(0.5, 0.5);
    snas.resourcePenalty(z2, sample(0.5, 0.5)).backward();
    EXPECT_NEAR(z2.grad()[0][1].item<double>(), 2.0 / 3.0, 1e-5);
}

TEST(SnasConfig, DefaultsAreTheAuthorsAndBadValuesAreNamed) {
    const engine::SearchConfig defaults;
    using nas::search::realOption;
    using nas::search::wholeOption;
    using nas::search::wordOption;
    EXPECT_EQ(wordOption(defaults, "snas", "penalty_scope"), "local");
    EXPECT_DOUBLE_EQ(realOption(defaults, "snas", "drop_path_prob"), 0.3);
    EXPECT_EQ(wholeOption(defaults, "snas", "monitor_size"), 0);
    const auto parsed = engine::parseSearchConfig(nlohmann::json::parse(
        R"({"snas": {"penalty_scope": "global", "drop_path_prob": 0, "monitor_size": 500}})"));
    EXPECT_EQ(wordOption(parsed, "snas", "penalty_scope"), "global");
    EXPECT_EQ(realOption(parsed, "snas", "drop_path_prob"), 0.0);
    EXPECT_EQ(wholeOption(parsed, "snas", "monitor_size"), 500);
    EXPECT_EQ(engine::toJson(parsed)["snas"]["monitor_size"], 500);
    try {
        (void)engine::parseSearchConfig(nlohmann::json::parse(
            R"({"batch_size": 64, "snas": {"penalty_scope": "cell", "drop_path_prob": 1, "monitor_size": 10}})"));
        FAIL() << "accepted bad snas settings";
    } catch (const engine::ConfigError& e) {
        const std::string text = e.what();
        EXPECT_NE(text.find("snas.penalty_scope"), std::string::npos) << text;
        EXPECT_NE(text.find("snas.drop_path_prob"), std::string::npos) << text;
        EXPECT_NE(text.find("snas.monitor_size"), std::string::npos) << text;
    }
}

TEST(SnasSession, TrainsOnEveryImageButTheMonitorSplit) {
    auto c = fixtures::tinySearch("snas", 1, 0);  // 0: every batch of the training part
    c.setOption("snas", "monitor_size", 32);
    TempWorkspace ws;
    engine::SearchSession session(c, ws.root());
    engine::SearchControl control;
    StepCounter counter;
    ASSERT_TRUE(session.run(counter, control).ok());
    // 128 images, 32 held out: 96 train, 6 batches of 16 (DARTS's split would give 4).
    ASSERT_EQ(counter.steps.size(), 6u);
    EXPECT_EQ(counter.steps.front().stepsPerEpoch, 6);
    ASSERT_EQ(counter.epochs.size(), 1u);
    EXPECT_GT(counter.epochs.front().validAccuracy, 0.0);  // measured on the monitor split

    auto darts = fixtures::tinySearch("darts", 1, 0);
    TempWorkspace ws2;
    engine::SearchSession dartsSession(darts, ws2.root());
    StepCounter dartsCounter;
    ASSERT_TRUE(dartsSession.run(dartsCounter, control).ok());
    EXPECT_EQ(dartsCounter.steps.front().stepsPerEpoch, 4);
}

TEST(SnasSession, TheAutomaticMonitorIsATenthOfTheImages) {
    auto c = fixtures::tinySearch("snas", 1, 0);
    c.dataset.syntheticCount = 320;
    c.setOption("snas", "monitor_size", 0);  // 32 images held out, 288 train: 18 batches of 16
    TempWorkspace ws;
    engine::SearchSession session(c, ws.root());
    engine::SearchControl control;
    StepCounter counter;
    ASSERT_TRUE(session.run(counter, control).ok());
    EXPECT_EQ(counter.steps.front().stepsPerEpoch, 18);
}

TEST(SnasDropPath, DropsWholeEdgeOutputsPerSampleInTrainingOnly) {
    space::SpaceConfig sc;
    sc.nodes = 1;
    sc.normalOps = sc.reduceOps = {"none", "skip_connect"};
    torch::manual_seed(3);
    space::SearchCell cell(sc, 4, 4, 4, false, false);
    const auto s0 = torch::randn({32, 4, 6, 6});
    const auto s1 = torch::randn({32, 4, 6, 6});
    auto run = [&](std::vector<float> w, double drop) {
        space::EdgeMixing m;
        m.weights = torch::tensor(w).view({2, 2});
        m.dropPath = drop;
        torch::NoGradGuard noGrad;
        return cell->forward(s0, s1, m);
    };
    const auto h0 = run({0, 1, 0, 0}, 0.0);  // edge 0 alone
    const auto h1 = run({0, 0, 0, 1}, 0.0);  // edge 1 alone
    const auto dropped = run({0, 1, 0, 1}, 0.5);
    int partial = 0;
    for (int64_t i = 0; i < 32; ++i) {
        // Each sample keeps each edge or not, survivors scaled by 1 / (1 - 0.5).
        bool matched = false;
        for (int k0 : {0, 1})
            for (int k1 : {0, 1})
                matched = matched ||
                          torch::allclose(dropped[i], 2.0 * (k0 * h0[i] + k1 * h1[i]), 1e-5, 1e-5);
        EXPECT_TRUE(matched) << "sample " << i;
        partial += torch::allclose(dropped[i], 2.0 * (h0[i] + h1[i]), 1e-5, 1e-5) ? 0 : 1;
    }
    EXPECT_GT(partial, 0);
    cell->eval();
    EXPECT_TRUE(torch::allclose(run({0, 1, 0, 1}, 0.5),
                                run({0, 1, 0, 0}, 0.0) + run({0, 0, 0, 1}, 0.0), 1e-5, 1e-5));
}
