// Scoring with the shared weights (SubnetEvaluator), random search's final selection, and the
// step orders DARTS's second order and NASP take from their authors' code.
#include <gtest/gtest.h>
#include <torch/autograd.h>
#include <torch/nn/functional/loss.h>

#include <algorithm>
#include <map>
#include <numeric>

#include "data/synthetic.h"
#include "data/tensor_data.h"
#include "engine/runtime.h"
#include "search/darts/darts.h"
#include "search/evaluator.h"
#include "search/nasp/nasp.h"
#include "search/random/random_ws.h"
#include "test_configs.h"

using namespace nas;

namespace {

struct Harness {
    const torch::Device device = engine::resolveDevice(fixtures::testDevice());
    engine::SearchConfig config;
    std::unique_ptr<search::SearchStrategy> strategy;
    std::unique_ptr<data::BatchLoader> loader;
    std::map<int, int> fetched;  // batch index -> times the evaluator asked for it

    explicit Harness(engine::SearchConfig c) : config(std::move(c)) {
        torch::manual_seed(1);
        strategy = search::makeStrategy(config, device);
        const auto images = data::makeSynthetic({256, 3, 16, 16, 10, 3});
        loader = std::make_unique<data::BatchLoader>(
            data::toTensors(images, data::channelStats(images), device), 16, true, false, 3);
        strategy->beginEpoch(0);
    }
    // The loader's 16 batches, counting each fetch.
    search::BatchSource source() {
        return {[this](int i) {
                    ++fetched[i];
                    return loader->batch(i);
                },
                loader->batchCount()};
    }
    int fetches() const {
        return std::accumulate(fetched.begin(), fetched.end(), 0,
                               [](int sum, const auto& kv) { return sum + kv.second; });
    }
    void train(int steps) {
        for (int i = 0; i < steps; ++i)
            strategy->step(loader->batch(i % 16), loader->batch((i + 7) % 16));
    }
};

engine::SearchConfig randomConfig(int epochs) {
    auto c = fixtures::tinySearch("random", epochs);
    c.setOption("random", "candidates", 30);
    c.setOption("random", "candidate_batches", 2);
    c.setOption("random", "rerank", 4);
    c.setOption("random", "epoch_candidates", 5);
    return c;
}

std::vector<torch::Tensor> bufferCopies(search::SearchStrategy& s) {
    std::vector<torch::Tensor> out;
    for (const auto& b : s.supernet()->buffers()) out.push_back(b.clone());
    return out;
}

bool sameTensors(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!torch::equal(a[i], b[i])) return false;
    return true;
}

}  // namespace

TEST(RandomSelection, ScoresTheConfiguredCountsAndDeliversTheBestOfTheReRanked) {
    Harness s(randomConfig(1));
    s.train(6);
    search::SubnetEvaluator evaluator(s.strategy->supernet(), s.device, search::BnMode::Eval);
    std::vector<std::string> logs;
    search::EpochScoring scoring{&evaluator, s.source(),
                                 [&](const std::string& l) { logs.push_back(l); },
                                 [] { return false; }};
    ASSERT_TRUE(
        s.strategy->endEpoch(0, scoring));  // the only epoch is the last: the final selection

    // 30 candidates on 2 batches each, then the best 4 on all 16 batches of the split.
    EXPECT_EQ(s.fetches(), 30 * 2 + 4 * 16);
    const auto sampled = s.strategy->takeSampled();
    ASSERT_EQ(sampled.size(), 30u);
    // The candidates walk on through the split (60 batches cover the 16 more than three times),
    // and each of the 4 re-ranked sees all 16.
    for (int i = 0; i < 16; ++i) EXPECT_GE(s.fetched[i], 3 + 4) << i;

    // The winner: the best whole-split accuracy among the 4 best quick scores.
    std::vector<size_t> order(sampled.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return sampled[a].score > sampled[b].score; });
    double best = -1;
    space::Genotype expected;
    for (size_t r = 0; r < 4; ++r) {
        const double accuracy =
            evaluator.evaluateAll(sampled[order[r]].genotype, s.source()).accuracy;
        if (accuracy > best) {
            best = accuracy;
            expected = sampled[order[r]].genotype;
        }
    }
    EXPECT_EQ(s.strategy->derive(), expected);
    // Progress: ten reports while scoring, one for the re-ranking, one for the choice.
    EXPECT_EQ(logs.size(), 12u);
    EXPECT_NE(logs.front().find("3 of 30 candidates"), std::string::npos) << logs.front();
    EXPECT_NE(logs.back().find("chosen"), std::string::npos) << logs.back();
}

TEST(RandomSelection, OtherEpochsPickTheBestOfAFewFreshSamples) {
    Harness s(randomConfig(3));
    s.train(4);
    search::SubnetEvaluator evaluator(s.strategy->supernet(), s.device, search::BnMode::Eval);
    search::EpochScoring scoring{&evaluator, s.source(), {}, {}};
    ASSERT_TRUE(s.strategy->endEpoch(0, scoring));
    EXPECT_EQ(s.fetches(), 5 * 2);
    const auto sampled = s.strategy->takeSampled();
    ASSERT_EQ(sampled.size(), 5u);
    const auto best =
        std::max_element(sampled.begin(), sampled.end(),
                         [](const auto& a, const auto& b) { return a.score < b.score; });
    EXPECT_EQ(s.strategy->derive(), best->genotype);
}

TEST(RandomSelection, AStoppedSelectionLeavesNoTraceAndRunsAgainTheSame) {
    Harness stopped(randomConfig(1)), straight(randomConfig(1));
    stopped.train(3);
    straight.train(3);
    search::SubnetEvaluator a(stopped.strategy->supernet(), stopped.device, search::BnMode::Eval);
    int asked = 0;
    search::EpochScoring cut{&a, stopped.source(), {}, [&] { return ++asked > 7; }};
    EXPECT_FALSE(stopped.strategy->endEpoch(0, cut));
    EXPECT_TRUE(stopped.strategy->takeSampled().empty());
    search::EpochScoring again{&a, stopped.source(), {}, [] { return false; }};
    ASSERT_TRUE(stopped.strategy->endEpoch(0, again));

    search::SubnetEvaluator b(straight.strategy->supernet(), straight.device, search::BnMode::Eval);
    search::EpochScoring whole{&b, straight.source(), {}, [] { return false; }};
    ASSERT_TRUE(straight.strategy->endEpoch(0, whole));
    EXPECT_EQ(stopped.strategy->derive(), straight.strategy->derive());
    EXPECT_EQ(stopped.strategy->takeSampled().size(), straight.strategy->takeSampled().size());
}

TEST(RandomSelection, SamplesNoneAsTheAuthorsDoUnlessTold) {
    for (bool none : {true, false}) {
        auto c = randomConfig(1);
        c.setOption("random", "sample_none", none);
        Harness s(c);
        auto& random = dynamic_cast<search::RandomStrategy&>(*s.strategy);
        int missing = 0;
        for (int i = 0; i < 40; ++i) {
            const auto g = random.sample();
            EXPECT_NO_THROW(space::validate(g));
            for (int node = 0; node < 4; ++node)
                missing += 2 - static_cast<int>(g.normal.edgesInto(node).size());
        }
        // 320 edges, each none with probability 1/8 when none can be drawn.
        if (none) {
            EXPECT_GT(missing, 15);
        } else {
            EXPECT_EQ(missing, 0);
        }
        const auto p = s.strategy->probabilities(false);
        EXPECT_NEAR(p[0][0].item<double>(), none ? 1.0 / 8 : 0.0, 1e-6);
    }
}

TEST(RandomSearch, RunsTheUnsampledOpsWeightedZeroAsTheAuthorsUnlessTold) {
    for (const std::string mode : {"run", "skip"}) {
        auto c = randomConfig(1);
        c.setOption("random", "unsampled_ops", mode);
        Harness s(c);
        auto& net = s.strategy->supernet();
        std::vector<torch::Tensor> before;
        for (const auto& p : net->parameters()) before.push_back(p.detach().clone());
        std::vector<torch::Tensor> statsBefore;
        for (const auto& b : net->named_buffers())
            if (b.key().find("running_mean") != std::string::npos)
                statsBefore.push_back(b.value().clone());
        s.train(1);
        int unchanged = 0;
        const auto params = net->parameters();
        for (size_t i = 0; i < params.size(); ++i) unchanged += torch::equal(params[i], before[i]);
        int statsUnchanged = 0;
        size_t k = 0;
        for (const auto& b : net->named_buffers())
            if (b.key().find("running_mean") != std::string::npos)
                statsUnchanged += torch::equal(b.value(), statsBefore[k++]);
        if (mode == "run") {
            // Weight decay moves every weight; every batch norm saw its op's output.
            EXPECT_EQ(unchanged, 0);
            EXPECT_EQ(statsUnchanged, 0);
        } else {
            EXPECT_GT(unchanged, static_cast<int>(params.size()) / 4);
            EXPECT_GT(statsUnchanged, 0);
        }
    }
}

TEST(SubnetEvaluator, EveryModeLeavesTheSupernetAsItFoundIt) {
    Harness s(randomConfig(1));
    s.train(5);
    auto& random = dynamic_cast<search::RandomStrategy&>(*s.strategy);
    const auto genotype = random.sample();
    // The search BN layers have no affine weights but do keep running statistics.
    int runningMeans = 0;
    for (const auto& b : s.strategy->supernet()->named_buffers())
        if (b.key().find("running_mean") != std::string::npos) ++runningMeans;
    EXPECT_GT(runningMeans, 100);
    const auto before = bufferCopies(*s.strategy);
    for (auto mode : {search::BnMode::Eval, search::BnMode::Recalibrate, search::BnMode::Batch}) {
        search::SubnetEvaluator evaluator(s.strategy->supernet(), s.device, mode, s.source(), 3);
        const auto ev = evaluator.evaluate(genotype, s.source(), 5, 4);
        EXPECT_EQ(ev.samples, 4 * 16);
        EXPECT_TRUE(s.strategy->supernet()->is_training()) << search::toString(mode);
        EXPECT_TRUE(sameTensors(before, bufferCopies(*s.strategy))) << search::toString(mode);
    }
    EXPECT_THROW((void)search::bnModeFromName("running"), std::invalid_argument);
}

TEST(SubnetEvaluator, RecalibrationOnTheScoredBatchMatchesItsOwnStatistics) {
    // Statistics recomputed on exactly the batch being scored are that batch's statistics (the
    // variance unbiased), so the score is close to the batch-statistics score; the stale running
    // statistics of a barely trained supernet are not.
    Harness s(randomConfig(1));
    s.train(3);
    const auto genotype = dynamic_cast<search::RandomStrategy&>(*s.strategy).sample();
    const search::BatchSource one{[&](int) { return s.loader->batch(2); }, 1};
    search::SubnetEvaluator recalibrated(s.strategy->supernet(), s.device,
                                         search::BnMode::Recalibrate, one, 1);
    search::SubnetEvaluator batch(s.strategy->supernet(), s.device, search::BnMode::Batch);
    const double a = recalibrated.evaluate(genotype, one, 0, 1).loss;
    const double b = batch.evaluate(genotype, one, 0, 1).loss;
    EXPECT_NEAR(a, b, 0.05 * b);
}

TEST(Darts, VirtualStepTakesMomentumAndWeightDecayAsTheAuthorsDo) {
    auto c = fixtures::tinySearch("darts");
    Harness s(c);
    auto& darts = dynamic_cast<search::DartsStrategy&>(*s.strategy);
    auto params = darts.supernet()->parameters();
    std::vector<torch::Tensor> w0;
    for (const auto& p : params) w0.push_back(p.detach().clone());
    s.train(1);  // one real step: the optimizer now holds a momentum buffer per weight
    const double lr = darts.learningRate();
    const double momentum = c.weights.momentum, decay = c.weights.weightDecay;
    ASSERT_GT(momentum, 0);
    ASSERT_GT(decay, 0);

    // By hand: after one SGD step from rest, w1 = w0 - lr * buffer, so buffer = (w0 - w1) / lr.
    // The virtual step is w1 - lr * (momentum * buffer + grad L_train(w1) + decay * w1).
    const auto train = s.loader->batch(5);
    space::EdgeMixing normal, reduce;
    normal.weights = torch::softmax(darts.alphas(false).detach(), -1);
    reduce.weights = torch::softmax(darts.alphas(true).detach(), -1);
    const auto loss = torch::cross_entropy_loss(
        darts.supernet()->forward(train.images, normal, reduce), train.labels);
    const auto grads = torch::autograd::grad({loss}, params);
    const auto virtualWeights = darts.virtualWeights(train);
    ASSERT_EQ(virtualWeights.size(), params.size());
    double momentumShare = 0;
    for (size_t i = 0; i < params.size(); ++i) {
        const auto w1 = params[i].detach();
        const auto buffer = (w0[i] - w1) / lr;
        const auto expected = w1 - lr * (momentum * buffer + grads[i] + decay * w1);
        EXPECT_TRUE(torch::allclose(virtualWeights[i], expected, 1e-4, 1e-6)) << "parameter " << i;
        momentumShare =
            std::max(momentumShare, (lr * momentum * buffer).abs().max().item<double>());
        // The supernet's own weights stay where the real step left them.
        EXPECT_TRUE(torch::equal(params[i].detach(), w1));
    }
    EXPECT_GT(momentumShare, 1e-4);  // the momentum term is there, not lost in the tolerance
}

TEST(Nasp, ClipsAlphasToTheBoxRightAfterTheArchitectureStep) {
    auto c = fixtures::tinySearch("nasp");
    c.arch.lr = 10.0;  // one Adam step moves every alpha about 10: far outside [0, 1]
    Harness s(c);
    auto& nasp = dynamic_cast<search::NaspStrategy&>(*s.strategy);
    nasp.architectureStep(s.loader->batch(3));
    for (bool r : {false, true}) {
        const auto& a = nasp.alphas(r);
        EXPECT_GE(a.min().item<double>(), 0.0);
        EXPECT_LE(a.max().item<double>(), 1.0);
        // Pushed out and clipped back: on the bounds, not in between.
        EXPECT_EQ((a.eq(0.0) | a.eq(1.0)).sum().item<int64_t>(), a.numel());
    }

    // The weight step trains exactly the ops the projection of those clipped alphas chooses.
    std::map<std::string, torch::Tensor> before;
    for (const auto& item : nasp.supernet()->named_parameters())
        before[item.key()] = item.value().detach().clone();
    const auto chosen = nasp.binarise(false, false);
    nasp.weightStep(s.loader->batch(4));
    int changed = 0;
    for (const auto& item : nasp.supernet()->named_parameters()) {
        const auto& name = item.key();
        if (name.rfind("cell0.edge", 0) != 0) continue;
        const int edge = std::stoi(name.substr(10));
        const int op = std::stoi(name.substr(name.find("_op") + 3));
        const bool moved = !torch::equal(before[name], item.value().detach());
        EXPECT_EQ(moved, chosen.activeOp(edge) == op) << name;
        changed += moved;
    }
    EXPECT_GT(changed, 0);
}
