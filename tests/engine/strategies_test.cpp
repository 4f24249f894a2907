#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "data/synthetic.h"
#include "data/tensor_data.h"
#include "engine/checkpoint.h"
#include "engine/runtime.h"
#include "search/nasp/nasp.h"
#include "search/random/random_ws.h"
#include "search/registry/strategy_registry.h"
#include "search/snas/snas.h"
#include "test_configs.h"

using namespace nas;

namespace {

struct Fixture {
    const torch::Device device = engine::resolveDevice(fixtures::testDevice());
    engine::SearchConfig config;
    std::unique_ptr<search::SearchStrategy> strategy;
    std::unique_ptr<data::BatchLoader> loader;

    explicit Fixture(const std::string& name, engine::SearchConfig c = {}) {
        config = c.strategy.empty() ? fixtures::tinySearch(name) : c;
        config.strategy = name;
        torch::manual_seed(1);
        strategy = search::makeStrategy(config, device);
        const auto images = data::makeSynthetic({256, 3, 16, 16, 10, 3});
        loader = std::make_unique<data::BatchLoader>(
            data::toTensors(images, data::channelStats(images), device), 16, true, false, 3);
        strategy->beginEpoch(0);
    }
    search::StepResult step(int i) {
        return strategy->step(loader->batch(i % 16), loader->batch((i + 7) % 16));
    }
};

double meanLoss(Fixture& f, int from, int count, std::vector<double>& losses) {
    double sum = 0;
    for (int i = from; i < from + count; ++i) sum += losses[static_cast<size_t>(i)];
    return sum / count;
}

}  // namespace

class EveryStrategy : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryStrategy, LearnsTheSyntheticTaskAndDerivesAValidGenotype) {
    auto config = fixtures::tinySearch(GetParam());
    // Random search (and a fresh ENAS controller) trains each op of an edge about one step in
    // seven, which takes hundreds of steps to show; with one op per edge its learning shows as fast
    // as the others'.
    const bool sampling = GetParam() == "random" || GetParam() == "enas";
    if (sampling) {
        config.space.normalOps = config.space.reduceOps = {"none", "sep_conv_3x3"};
        config.setOption("random", "sample_none", false);
    }
    Fixture f(GetParam(), config);
    std::vector<double> losses;
    const int steps = sampling ? 80 : 40;
    for (int i = 0; i < steps; ++i) losses.push_back(f.step(i).loss);
    EXPECT_LT(meanLoss(f, steps - 8, 8, losses), meanLoss(f, 0, 8, losses) - 0.2) << GetParam();
    const auto g = f.strategy->derive();
    EXPECT_NO_THROW(space::validate(g));
    const auto p = f.strategy->probabilities(false);
    EXPECT_EQ(p.sizes(),
              (std::vector<int64_t>{14, static_cast<int64_t>(config.space.normalOps.size())}));
    EXPECT_TRUE(torch::allclose(p.sum(1), torch::ones({14}), 1e-4, 1e-4));
}

TEST_P(EveryStrategy, AppliesEveryUpdateThroughTheOneGradientSync) {
    Fixture f(GetParam());
    const auto weights = f.strategy->supernet()->parameters().size();
    size_t weightSyncs = 0, alphaSyncs = 0;
    f.strategy->setGradientSync([&](const std::vector<torch::Tensor>& parameters) {
        // A data-parallel search would average these gradients across ranks here.
        if (parameters.size() == weights) ++weightSyncs;
        if (parameters.size() == 2) ++alphaSyncs;
    });
    for (int i = 0; i < 3; ++i) (void)f.step(i);
    EXPECT_EQ(weightSyncs, 3u) << GetParam();
    // Differentiable strategies update their alphas once per step, through the same hook (a
    // controller learns after the epoch).
    const bool differentiable =
        search::strategyDescriptor(GetParam()).family == search::StrategyFamily::Differentiable;
    EXPECT_EQ(alphaSyncs, differentiable ? 3u : 0u) << GetParam();
}

TEST(SharedWeights, LoadFromACheckpointAloneWithoutTouchingTheRandomGenerators) {
    // Every strategy saves its supernet the same way (CellSearchStrategy); the cheapest one shows
    // it.
    Fixture f("random");
    for (int i = 0; i < 2; ++i) (void)f.step(i);
    const auto path = (std::filesystem::temp_directory_path() /
                       ("nas-weights-" + std::to_string(::getpid()) + ".pt"))
                          .string();
    engine::saveCheckpoint(path, *f.strategy, {});
    space::Supernet fresh(f.config.space);
    fresh->to(f.device);
    torch::manual_seed(77);
    const auto before = at::detail::getDefaultCPUGenerator().get_state();
    engine::loadSharedWeights(path, fresh, f.device);
    EXPECT_TRUE(torch::equal(at::detail::getDefaultCPUGenerator().get_state(), before))
        << "loading the weights moved the global random generator";
    const auto trained = f.strategy->supernet()->parameters();
    const auto loaded = fresh->parameters();
    ASSERT_EQ(trained.size(), loaded.size());
    for (size_t i = 0; i < trained.size(); ++i)
        EXPECT_TRUE(torch::equal(trained[i], loaded[i])) << i;
    std::filesystem::remove(path);
    EXPECT_THROW(engine::loadSharedWeights(path, fresh, f.device), std::runtime_error);
}

INSTANTIATE_TEST_SUITE_P(Strategies, EveryStrategy,
                         ::testing::ValuesIn(fixtures::cellStrategyNames()));

TEST(Darts, SecondOrderStepMovesAlphas) {
    auto c = fixtures::tinySearch("darts");
    c.setOption("darts", "order", 2);
    Fixture f("darts", c);
    auto& cell = dynamic_cast<search::CellSearchStrategy&>(*f.strategy);
    const auto before = cell.alphas(false).detach().clone();
    f.step(0);
    const auto after = cell.alphas(false).detach();
    EXPECT_TRUE(torch::isfinite(after).all().item<bool>());
    EXPECT_GT((after - before).abs().max().item<double>(), 0.0);
    // The DARTS rule: two edges per node, never none.
    for (const auto& e : f.strategy->derive().normal.edges) EXPECT_NE(e.op, "none");
    EXPECT_EQ(f.strategy->derive().normal.edges.size(), 8u);
}

TEST(Snas, TemperatureAnnealsLinearly) {
    auto c = fixtures::tinySearch("snas", 5);
    Fixture f("snas", c);
    f.strategy->beginEpoch(0);
    EXPECT_DOUBLE_EQ(f.strategy->temperature(), 1.0);
    f.strategy->beginEpoch(4);
    EXPECT_NEAR(f.strategy->temperature(), 0.03, 1e-12);
    f.strategy->beginEpoch(2);
    EXPECT_NEAR(f.strategy->temperature(), 0.515, 1e-9);
}

TEST(Snas, ResourcePenaltyRanksCostlyCellsHigherAndRespectsBudgets) {
    Fixture f("snas");
    auto& snas = dynamic_cast<search::SnasStrategy&>(*f.strategy);
    auto oneHot = [&f](int op) {
        return torch::nn::functional::one_hot(torch::full({14}, op, torch::kLong), 8)
            .to(f.device, torch::kFloat);
    };
    const double none = snas.resourcePenalty(oneHot(0), oneHot(0)).item<double>();
    const double sep5 = snas.resourcePenalty(oneHot(5), oneHot(5)).item<double>();
    EXPECT_GT(sep5, none + 0.5);
    engine::Constraints generous;
    generous.maxParams = generous.maxFlops = generous.maxMac = 1e12;
    snas.setConstraints(generous);
    EXPECT_DOUBLE_EQ(snas.resourcePenalty(oneHot(5), oneHot(5)).item<double>(), 0.0);
}

TEST(Snas, LatencyLimitAddsTheMeasuredOpLatencies) {
    Fixture f("snas");
    auto& snas = dynamic_cast<search::SnasStrategy&>(*f.strategy);
    auto oneHot = [&f](int op) {
        return torch::nn::functional::one_hot(torch::full({14}, op, torch::kLong), 8)
            .to(f.device, torch::kFloat);
    };
    engine::Constraints limits;
    limits.maxParams = limits.maxFlops = limits.maxMac = 1e12;  // only latency can bind
    snas.setConstraints(limits);
    const double withoutLatency = snas.resourcePenalty(oneHot(5), oneHot(5)).item<double>();
    limits.maxLatencyMs = 1e-6;
    snas.setConstraints(limits);
    const double sep5 = snas.resourcePenalty(oneHot(5), oneHot(5)).item<double>();
    const double skip = snas.resourcePenalty(oneHot(3), oneHot(3)).item<double>();
    EXPECT_EQ(withoutLatency, 0.0);
    EXPECT_GT(sep5, skip);
    EXPECT_GT(skip, 0.0);
}

TEST(Snas, StrongConstraintPushesMassToCheapOps) {
    auto c = fixtures::tinySearch("snas");
    c.arch.lr = 0.05;
    c.constraints.strength = 1.0;
    Fixture f("snas", c);
    f.strategy->setConstraints(c.constraints);
    auto costlyMass = [&] {
        const auto p = f.strategy->probabilities(false);
        return p.narrow(1, 4, 4).sum().item<double>();  // sep and dil convs
    };
    const double before = costlyMass();
    for (int i = 0; i < 20; ++i) f.step(i);
    EXPECT_LT(costlyMass(), before - 0.5);
}

TEST(Snas, ChildKeepsEveryNonNoneEdge) {
    Fixture f("snas");
    auto& cell = dynamic_cast<search::CellSearchStrategy&>(*f.strategy);
    {
        torch::NoGradGuard g;
        cell.alphas(false).fill_(0.0);
        cell.alphas(false).select(1, 4).fill_(5.0);  // sep_conv_3x3 everywhere
        cell.alphas(false)[3][0] = 20.0;             // but none on edge 3
    }
    const auto g = f.strategy->derive();
    EXPECT_EQ(g.normal.edges.size(), 13u);
    for (const auto& e : g.normal.edges) EXPECT_EQ(e.op, "sep_conv_3x3");
}

TEST(Nasp, ProximalStepKeepsOneOpPerEdgeTwoEdgesPerNodeAndTheBox) {
    Fixture f("nasp");
    auto& nasp = dynamic_cast<search::NaspStrategy&>(*f.strategy);
    for (int i = 0; i < 5; ++i) f.step(i);
    const auto mixing = nasp.binarise(false, false);
    std::vector<int> perNode(4, 0);
    for (int e = 0; e < 14; ++e) {
        const int k = mixing.activeOp(e);
        if (k == space::EdgeMixing::kEdgeOff) {
            EXPECT_EQ(mixing.weights[e].sum().item<double>(), 0.0);
            continue;
        }
        EXPECT_NE(k, 0) << "none chosen";
        EXPECT_EQ(mixing.weights[e].sum().item<double>(), 1.0);
        ++perNode[static_cast<size_t>(space::edgeTarget(e))];
    }
    for (int n : perNode) EXPECT_EQ(n, 2);
    for (bool r : {false, true}) {
        EXPECT_GE(nasp.alphas(r).min().item<double>(), 0.0);
        EXPECT_LE(nasp.alphas(r).max().item<double>(), 1.0);
    }
}

TEST(Nasp, WeightStepTouchesOnlyTheChosenOps) {
    Fixture f("nasp");
    auto& nasp = dynamic_cast<search::NaspStrategy&>(*f.strategy);
    std::map<std::string, torch::Tensor> before;
    for (const auto& item : nasp.supernet()->named_parameters())
        before[item.key()] = item.value().detach().clone();
    f.step(0);
    // The weight step used the projection of the alphas after the step's architecture update.
    const auto chosen = nasp.binarise(false, false);
    // Edge-op parameters of cell 0 (a normal cell): changed exactly where the op was chosen.
    int changed = 0, unchanged = 0;
    for (const auto& item : nasp.supernet()->named_parameters()) {
        const auto& name = item.key();
        if (name.rfind("cell0.edge", 0) != 0) continue;
        const int edge = std::stoi(name.substr(10));
        const int op = std::stoi(name.substr(name.find("_op") + 3));
        const bool moved = !torch::equal(before[name], item.value().detach());
        if (chosen.activeOp(edge) == op) {
            changed += moved;
        } else {
            EXPECT_FALSE(moved) << name;
            ++unchanged;
        }
    }
    EXPECT_GT(changed, 0);
    EXPECT_GT(unchanged, 0);
}

TEST(RandomSearch, SamplesValidCells) {
    auto c = fixtures::tinySearch("random");
    c.setOption("random", "sample_none",
                false);  // every node then has two edges (selection_test.cpp covers none)
    Fixture f("random", c);
    auto& random = dynamic_cast<search::RandomStrategy&>(*f.strategy);
    for (int i = 0; i < 20; ++i) {
        const auto g = random.sample();
        EXPECT_NO_THROW(space::validate(g));
        for (int node = 0; node < 4; ++node) {
            const auto in = g.normal.edgesInto(node);
            ASSERT_EQ(in.size(), 2u);
            EXPECT_NE(in[0].from, in[1].from);
        }
    }
}

TEST(Checkpoint, RestoresWeightsAlphasOptimizerAndPosition) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("nas-ckpt-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = (dir / "checkpoint.pt").string();
    Fixture a("darts");
    for (int i = 0; i < 3; ++i) a.step(i);
    engine::CheckpointPosition pos;
    pos.epoch = 1;
    pos.step = 2;
    pos.globalStep = 7;
    pos.lossSum = 4.5;
    pos.stepsCounted = 2;
    engine::saveCheckpoint(path, *a.strategy, pos);

    torch::manual_seed(99);
    Fixture b("darts");
    const auto restored = engine::loadCheckpoint(path, *b.strategy, b.device);
    EXPECT_EQ(restored.epoch, 1);
    EXPECT_EQ(restored.step, 2);
    EXPECT_EQ(restored.globalStep, 7);
    EXPECT_DOUBLE_EQ(restored.lossSum, 4.5);
    auto& ca = dynamic_cast<search::CellSearchStrategy&>(*a.strategy);
    auto& cb = dynamic_cast<search::CellSearchStrategy&>(*b.strategy);
    EXPECT_TRUE(torch::equal(ca.alphas(true), cb.alphas(true)));
    const auto pa = ca.supernet()->parameters(), pb = cb.supernet()->parameters();
    for (size_t i = 0; i < pa.size(); ++i) ASSERT_TRUE(torch::equal(pa[i], pb[i]));
    // Same state, same batch: the next step gives the same loss (optimizer moments restored too).
    torch::manual_seed(4);
    const double la = a.step(3).loss;
    torch::manual_seed(4);
    const double lb = b.step(3).loss;
    EXPECT_DOUBLE_EQ(la, lb);
    std::filesystem::remove_all(dir);
    EXPECT_THROW((void)engine::loadCheckpoint((dir / "missing.pt").string(), *b.strategy, b.device),
                 std::runtime_error);
}

TEST(Checkpoint, RestoresTheRandomStateOfTheDeviceTheSearchRunsOn) {
    // A resumed SNAS search must draw the Gumbel noise the uninterrupted one would have, on a GPU
    // as on the CPU: the GPU's own generator, which the checkpoint does not keep, must not be the
    // source.
    const auto dir =
        std::filesystem::temp_directory_path() / ("nas-rng-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = (dir / "checkpoint.pt").string();
    Fixture f("snas");
    f.step(0);
    engine::saveCheckpoint(path, *f.strategy, {});
    const double uninterrupted = f.step(1).loss;
    (void)torch::rand({64}, torch::TensorOptions().device(f.device));  // move both generators on
    (void)torch::rand({64});
    (void)engine::loadCheckpoint(path, *f.strategy, f.device);
    EXPECT_DOUBLE_EQ(f.step(1).loss, uninterrupted) << "on " << f.device;
    std::filesystem::remove_all(dir);
}
