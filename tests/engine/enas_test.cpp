// ENAS: the controller's sampling, its REINFORCE and memory-buffer updates, and an exact resume.
#include "search/enas/enas.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/hidden_state_window.h"
#include "engine/search_session.h"
#include "engine/workspace.h"
#include "store/run_store.h"
#include "test_configs.h"

using namespace nas;

namespace {

engine::SearchConfig enasConfig() {
    auto config = fixtures::tinySearch("enas");
    config.space.nodes = 4;
    return config;
}

search::enas::EnasStrategy makeEnas(const engine::SearchConfig& config) {
    torch::manual_seed(3);
    return search::enas::EnasStrategy(config, torch::kCPU);
}

// Pearson's chi-square statistic of `counts` against `probabilities` over `n` draws.
double chiSquare(const std::vector<int>& counts, const std::vector<double>& probabilities, int n) {
    double statistic = 0;
    for (size_t k = 0; k < counts.size(); ++k) {
        const double expected = probabilities[k] * n;
        statistic += (counts[k] - expected) * (counts[k] - expected) / expected;
    }
    return statistic;
}

int countOp(const space::CellGenotype& cell, const std::string& op) {
    int n = 0;
    for (const auto& edge : cell.edges) n += edge.op == op;
    return n;
}

}  // namespace

TEST(EnasController, SamplesOnlyValidCellsOfTheSpace) {
    const auto config = enasConfig();
    auto enas = makeEnas(config);
    std::mt19937_64 rng(11);
    std::set<std::string> seenOps;
    for (int i = 0; i < 300; ++i) {
        const auto pass = enas.controller()->sample(rng);
        ASSERT_EQ(pass.decisions.size(), 32u);
        const auto genotype = enas.controller()->genotypeOf(pass.decisions);
        ASSERT_NO_THROW(space::validate(genotype));
        for (const auto* cell : {&genotype.normal, &genotype.reduce}) {
            ASSERT_EQ(cell->edges.size(), 8u);
            for (int node = 0; node < 4; ++node) {
                const auto in = cell->edgesInto(node);
                ASSERT_EQ(in.size(), 2u);
                EXPECT_NE(in[0].from, in[1].from) << "two edges from one state into node " << node;
                for (const auto& edge : in) {
                    EXPECT_LT(edge.from, node + 2);
                    EXPECT_NE(edge.op, "none");
                    seenOps.insert(edge.op);
                }
            }
        }
        EXPECT_EQ(pass.decisionStates.sizes(), (std::vector<int64_t>{32, 64}));
        EXPECT_EQ(pass.finalState.numel(), 64);
    }
    EXPECT_EQ(seenOps.size(), 7u) << "every op but none is drawn";
}

TEST(EnasController, DrawsEachDecisionFromTheDistributionItDeclares) {
    auto enas = makeEnas(enasConfig());
    torch::NoGradGuard noGrad;
    std::mt19937_64 rng(12);
    // The first input and the first op of the normal cell's first node come from the same
    // distributions in every pass: both cell inputs have zero anchors, so nothing sampled before
    // them changes the state they are drawn from.
    const int n = 4000;
    std::vector<int> inputs(2, 0), ops(7, 0);
    std::vector<double> inputP, opP;
    for (int i = 0; i < n; ++i) {
        const auto pass = enas.controller()->sample(rng);
        if (i == 0) {
            inputP = pass.distributions[0];
            opP = pass.distributions[2];
        }
        for (size_t k = 0; k < opP.size(); ++k) ASSERT_NEAR(pass.distributions[2][k], opP[k], 1e-9);
        ++inputs[static_cast<size_t>(pass.decisions[0])];
        ++ops[static_cast<size_t>(pass.decisions[2])];
    }
    ASSERT_EQ(opP.size(), 7u);
    // Critical values at p = 0.001: 10.83 (1 degree of freedom), 22.46 (6).
    EXPECT_LT(chiSquare(inputs, inputP, n), 10.83);
    EXPECT_LT(chiSquare(ops, opP, n), 22.46);
    // The authors' bias: separable convolutions lead in a fresh controller's normal cell.
    const auto& names = enasConfig().space.normalOps;  // none first, then the controller's ops
    for (size_t k = 0; k < opP.size(); ++k)
        if (names[k + 1].rfind("sep_conv", 0) == 0) EXPECT_GT(opP[k], 1.5 / 7) << names[k + 1];
}

TEST(EnasController, ReinforceMovesThePolicyTowardsARewardedOp) {
    auto config = enasConfig();
    config.setOption("enas", "op_bias", false);
    config.setOption("enas", "num_aggregate", 10);
    config.setOption("enas", "lr", 0.02);
    // The authors' op shaping caps any op's probability at 0.29 among seven; at 1.1*tanh the cap
    // is 0.75, room enough to see the policy move.
    config.setOption("enas", "op_tanh_reduce", 1.0);
    auto enas = makeEnas(config);
    // Toy reward: the share of normal-cell edges that are skip connections.
    auto skipShare = [](const space::Genotype& g) {
        return countOp(g.normal, "skip_connect") / 8.0;
    };
    auto meanShare = [&](int samples) {
        torch::NoGradGuard noGrad;
        std::mt19937_64 rng(99);
        double sum = 0;
        for (int i = 0; i < samples; ++i)
            sum +=
                skipShare(enas.controller()->genotypeOf(enas.controller()->sample(rng).decisions));
        return sum / samples;
    };
    const double before = meanShare(400);
    for (int update = 0; update < 40; ++update) enas.updateController(0, skipShare);
    const double after = meanShare(400);
    EXPECT_NEAR(before, 1.0 / 7, 0.05);
    EXPECT_GT(after, before + 0.2) << "skip share " << before << " -> " << after;
    const auto sampled = enas.takeSampled();
    ASSERT_EQ(sampled.size(), 400u);
    // Each record holds what the update used.
    std::set<std::string> names;
    for (const auto& [name, value] : sampled.back().metrics) names.insert(name);
    EXPECT_EQ(names, (std::set<std::string>{"entropy", "reward", "baseline"}));
    EXPECT_EQ(sampled.back().hiddenState.size(), 64u);
    EXPECT_GT(enas.baseline(), 0.2);
}

namespace {

// Teacher-forced cross-entropy (nats per architecture) of the 20 architectures an ENAS controller
// kept during epoch 0, after 20 updates in epoch 1 that reward skip connections, with the
// reconstruction loss at `weight`.
double reconstructionAfterDrift(double weight) {
    auto config = enasConfig();
    config.setOption("enas", "op_bias", false);
    config.setOption("enas", "op_tanh_reduce", 1.0);
    config.setOption("enas", "lr", 0.02);
    config.setOption("enas", "num_aggregate", 5);
    config.setOption("enas", "memory_buffer.enabled", true);
    config.setOption("enas", "memory_buffer.start_epoch", 0);
    config.setOption("enas", "memory_buffer.loss_start_epoch", 1);
    config.setOption("enas", "memory_buffer.batch", 10);
    config.setOption("enas", "memory_buffer.weight", weight);
    auto enas = makeEnas(config);
    const auto constant = [](const space::Genotype&) { return 0.0; };
    for (int i = 0; i < 4; ++i) enas.updateController(0, constant);
    const std::vector<std::vector<int>> stored(enas.memoryBuffer().entries().begin(),
                                               enas.memoryBuffer().entries().end());
    EXPECT_EQ(stored.size(), 20u);
    // The reward pulls the policy away from what it sampled in epoch 0; the buffer pulls back.
    const auto skipShare = [](const space::Genotype& g) {
        return countOp(g.normal, "skip_connect") / 8.0;
    };
    for (int i = 0; i < 20; ++i) enas.updateController(1, skipShare);
    bool reconstructed = false;
    for (const auto& sample : enas.takeSampled())
        for (const auto& [name, value] : sample.metrics) reconstructed |= name == "reconstruction";
    EXPECT_TRUE(reconstructed);
    return enas.reconstructionLoss(stored);
}

}  // namespace

TEST(EnasMemoryBuffer, TheReconstructionLossKeepsStoredArchitecturesLikely) {
    const double withBuffer = reconstructionAfterDrift(1.0);
    const double without = reconstructionAfterDrift(0.0);
    EXPECT_LT(withBuffer, without - 2.0) << "nats per stored architecture, with the "
                                            "reconstruction loss and without: "
                                         << withBuffer << ", " << without;
}

namespace {

struct Quiet : engine::SearchObserver {};

struct Stopper : engine::SearchObserver {
    engine::SearchControl* control = nullptr;
    void onStep(const engine::StepEvent& e) override {
        if (e.epoch == 1 && e.stepInEpoch == 1) control->requestStop();
    }
};

std::string workspace(const std::string& name) {
    const auto root = std::filesystem::temp_directory_path() /
                      ("nas-enas-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(root);
    return root.string();
}

}  // namespace

TEST(EnasSearch, AStoppedAndResumedRunWithABufferRepeatsTheUninterruptedOneExactly) {
    auto config = enasConfig();
    config.epochs = 3;
    config.setOption("enas", "memory_buffer.enabled", true);
    config.setOption("enas", "memory_buffer.start_epoch", 0);
    config.setOption("enas", "memory_buffer.loss_start_epoch", 1);
    config.setOption("enas", "memory_buffer.batch", 4);

    const auto whole = workspace("whole");
    {
        engine::SearchSession session(config, whole);
        engine::SearchControl control;
        Quiet quiet;
        ASSERT_EQ(session.run(quiet, control).status, engine::RunStatus::Finished);
    }
    const auto parts = workspace("parts");
    std::int64_t runId = 0;
    {
        engine::SearchSession session(config, parts);
        engine::SearchControl control;
        Stopper stopper;
        stopper.control = &control;
        const auto outcome = session.run(stopper, control);
        ASSERT_EQ(outcome.status, engine::RunStatus::Stopped);
        runId = outcome.runId;
    }
    {
        engine::SearchSession resumed(runId, parts);
        engine::SearchControl control;
        Quiet quiet;
        ASSERT_EQ(resumed.run(quiet, control).status, engine::RunStatus::Finished);
    }
    const store::RunStore a(engine::Workspace(whole).databasePath());
    const store::RunStore b(engine::Workspace(parts).databasePath());
    const auto epochsA = a.epochs(1), epochsB = b.epochs(runId);
    ASSERT_EQ(epochsA.size(), 3u);
    ASSERT_EQ(epochsB.size(), 3u);
    for (size_t e = 0; e < 3; ++e) {
        EXPECT_EQ(epochsA[e].genotype, epochsB[e].genotype) << "epoch " << e;
        EXPECT_EQ(epochsA[e].trainLoss, epochsB[e].trainLoss) << "epoch " << e;
    }
    const auto samplesA = a.samples(1), samplesB = b.samples(runId);
    // Per epoch: 2 updates of 2 samples, then 3 derive samples.
    ASSERT_EQ(samplesA.size(), 3u * 7u);
    ASSERT_EQ(samplesB.size(), samplesA.size());
    for (size_t i = 0; i < samplesA.size(); ++i) {
        EXPECT_EQ(samplesA[i].architecture, samplesB[i].architecture) << i;
        EXPECT_DOUBLE_EQ(samplesA[i].score, samplesB[i].score) << i;
        ASSERT_EQ(samplesA[i].tensors.size(), 3u);
        ASSERT_EQ(samplesB[i].tensors.size(), 3u);
        for (size_t t = 0; t < 3; ++t) {
            EXPECT_EQ(samplesA[i].tensors[t].shape, samplesB[i].tensors[t].shape);
            EXPECT_EQ(samplesA[i].tensors[t].values, samplesB[i].tensors[t].values) << i;
        }
        EXPECT_EQ(samplesA[i].metrics, samplesB[i].metrics) << i;
    }
    // The run folder holds the hidden-state study after the last epoch; the resumed run, whose
    // window restarted from the store, holds the same one.
    auto studyOf = [](const std::string& root, std::int64_t run) {
        std::ifstream in(std::filesystem::path(engine::Workspace(root).runFolder(run)) /
                         engine::kHiddenStateStudyFile);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const auto study = studyOf(whole, 1);
    ASSERT_FALSE(study.empty());
    EXPECT_EQ(nlohmann::json::parse(study)["samples"], 21);
    EXPECT_EQ(studyOf(parts, runId), study);
    std::filesystem::remove_all(whole);
    std::filesystem::remove_all(parts);
}
