// The GCN and MLP ensembles with real LibTorch: they learn a target defined on the graph, save and
// load exactly, refuse cells outside the space, and feed candidate selection.
#include "predictor/predictor.h"

#include <gtest/gtest.h>
#include <torch/types.h>
#include <torch/utils.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "predictor/architecture_sampler.h"
#include "predictor/candidate_selection.h"
#include "predictor/graph_encoding.h"
#include "predictor/rank_metrics.h"

namespace fs = std::filesystem;
using namespace nas::predictor;
using nas::space::Genotype;

namespace {

// A target defined on the graph: sep_conv ops on edges that read input 0, over both cells. It
// needs an op node's own feature and its predecessor's together, what one graph convolution
// mixes.
double sepConvsFromInput0(const Genotype& g) {
    double count = 0;
    for (const auto* cell : {&g.normal, &g.reduce})
        for (const auto& e : cell->edges)
            if (e.from == 0 && e.op.rfind("sep_conv", 0) == 0) ++count;
    return count;
}

TrainingSet synthetic(const std::vector<Genotype>& genotypes) {
    TrainingSet set;
    set.genotypes = genotypes;
    for (const auto& g : genotypes) set.scores.push_back(sepConvsFromInput0(g));
    return set;
}

struct Split {
    TrainingSet train, heldOut;
};

Split syntheticSplit(int train, int heldOut, std::uint64_t seed) {
    ArchitectureSampler sampler(nas::space::SpaceConfig{}, seed);
    auto all = sampler.sampleDistinct(train + heldOut);
    return {synthetic({all.begin(), all.begin() + train}),
            synthetic({all.begin() + train, all.end()})};
}

double heldOutSpearman(const Predictor& predictor, const TrainingSet& heldOut) {
    std::vector<double> predicted;
    for (const auto& p : predictor.predict(heldOut.genotypes)) predicted.push_back(p.mean);
    RankOptions options;
    options.intervals = false;
    return rankAgreement(heldOut.scores, predicted, options).spearman;
}

// Quick options for tests: a higher learning rate than the default's 1e-4 stands in for its 300
// epochs.
PredictorOptions quick(PredictorModel model, int epochs, int members) {
    PredictorOptions o;
    o.model = model;
    o.epochs = epochs;
    o.members = members;
    o.learningRate = 2e-3;
    o.seed = 11;
    return o;
}

fs::path tempPath(const std::string& name) {
    return fs::temp_directory_path() / ("nas-predictor-" + std::to_string(::getpid()) + "-" + name);
}

}  // namespace

// 240 architectures to fit, 80 held out. The target takes the integers 0 to about 6, most of them
// 0 to 2, so many held-out pairs tie; a chance ranking scores 0 +- 0.11 (1/sqrt(79)), and a
// predictor that only learned "sep convs anywhere" reaches about 0.5. Above 0.8 it has learned the
// conjunction of op and source that the graph encodes.
TEST(Predictor, GcnLearnsATargetDefinedOnTheGraph) {
    const auto data = syntheticSplit(240, 80, 5);
    Predictor predictor(nas::space::SpaceConfig{});
    int reports = 0;
    double lastHeldOut = 0;
    ASSERT_TRUE(predictor.fit(
        data.train, quick(PredictorModel::Gcn, 30, 1),
        [&](const FitProgress& p) {
            ++reports;
            lastHeldOut = p.heldOutSpearman.value_or(0);
            std::printf("epoch %d: loss %.4f, held-out spearman %.3f\n", p.epoch, p.trainLoss,
                        lastHeldOut);
        },
        nullptr, &data.heldOut, 5));
    EXPECT_EQ(reports, 6);
    const double rho = heldOutSpearman(predictor, data.heldOut);
    std::printf("GCN held-out spearman %.3f\n", rho);
    EXPECT_GT(rho, 0.8);
    EXPECT_NEAR(lastHeldOut, rho, 1e-9);  // one member: the ensemble is that member
}

TEST(Predictor, MlpBaselineLearnsItToo) {
    const auto data = syntheticSplit(240, 80, 6);
    Predictor predictor(nas::space::SpaceConfig{});
    ASSERT_TRUE(predictor.fit(data.train, quick(PredictorModel::Mlp, 60, 1)));
    const double rho = heldOutSpearman(predictor, data.heldOut);
    std::printf("MLP held-out spearman %.3f\n", rho);
    EXPECT_GT(rho, 0.6);
}

TEST(Predictor, SavedAndLoadedItPredictsTheSame) {
    const auto data = syntheticSplit(40, 20, 7);
    for (auto model : {PredictorModel::Gcn, PredictorModel::Mlp}) {
        Predictor predictor(nas::space::SpaceConfig{});
        ASSERT_TRUE(predictor.fit(data.train, quick(model, 3, 2)));
        predictor.summary().description = "synthetic";
        predictor.summary().heldOutSpearman = 0.25;
        const auto path = tempPath("roundtrip-" + toString(model) + ".pt");
        predictor.save(path.string());
        const auto loaded = Predictor::load(path.string());
        fs::remove(path);
        const auto before = predictor.predict(data.heldOut.genotypes);
        const auto after = loaded.predict(data.heldOut.genotypes);
        ASSERT_EQ(before.size(), after.size());
        for (std::size_t i = 0; i < before.size(); ++i) {
            EXPECT_EQ(before[i].mean, after[i].mean);
            EXPECT_EQ(before[i].std, after[i].std);
        }
        EXPECT_GT(before.front().std, 0.0);  // two members disagree somewhat
        EXPECT_EQ(loaded.options().model, model);
        EXPECT_EQ(loaded.options().members, 2);
        EXPECT_EQ(loaded.summary().count, 40);
        EXPECT_EQ(loaded.summary().scoreMean, predictor.summary().scoreMean);
        EXPECT_EQ(loaded.summary().description, "synthetic");
        EXPECT_EQ(loaded.summary().heldOutSpearman, 0.25);
        EXPECT_EQ(loaded.space().normalOps, nas::space::SpaceConfig{}.normalOps);
        EXPECT_EQ(loaded.encodingVersion(), kGraphEncodingVersion);
    }
}

TEST(Predictor, LoadNamesAMissingOrForeignFile) {
    const auto missing = tempPath("missing.pt");
    try {
        (void)Predictor::load(missing.string());
        FAIL() << "loaded a missing file";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
    }
    const auto junk = tempPath("junk.pt");
    std::ofstream(junk) << "not an archive";
    EXPECT_THROW((void)Predictor::load(junk.string()), std::runtime_error);
    fs::remove(junk);
}

TEST(Predictor, RefusesArchitecturesOutsideTheSpaceWithAClearMessage) {
    const auto data = syntheticSplit(10, 0, 8);
    Predictor predictor(nas::space::SpaceConfig{});
    EXPECT_THROW((void)predictor.predict(data.train.genotypes), std::logic_error);
    ASSERT_TRUE(predictor.fit(data.train, quick(PredictorModel::Gcn, 1, 1)));
    auto bad = data.train.genotypes;
    bad[1].normal.edges[0].op = "conv_7x1_1x7";
    try {
        (void)predictor.predict(bad);
        FAIL() << "predicted an architecture outside the space";
    } catch (const std::invalid_argument& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("architecture 1"), std::string::npos) << what;
        EXPECT_NE(what.find("conv_7x1_1x7"), std::string::npos) << what;
    }
    EXPECT_THROW(predictor.check(bad[1]), std::invalid_argument);
    EXPECT_THROW(
        (void)predictor.fit(TrainingSet{bad, data.train.scores}, quick(PredictorModel::Gcn, 1, 1)),
        std::invalid_argument);
}

TEST(Predictor, FittingLeavesTheGlobalGeneratorAloneAndCanBeCancelled) {
    const auto data = syntheticSplit(20, 0, 9);
    torch::manual_seed(42);
    const auto expected = torch::rand({4});
    torch::manual_seed(42);
    Predictor predictor(nas::space::SpaceConfig{});
    ASSERT_TRUE(predictor.fit(data.train, quick(PredictorModel::Gcn, 2, 2)));
    EXPECT_TRUE(torch::equal(torch::rand({4}), expected));

    const auto before = predictor.predict(data.train.genotypes.front());
    std::atomic<bool> cancel{true};
    EXPECT_FALSE(predictor.fit(data.train, quick(PredictorModel::Mlp, 5, 1), {}, &cancel));
    // A cancelled fit keeps the predictor it had.
    EXPECT_EQ(predictor.options().model, PredictorModel::Gcn);
    EXPECT_EQ(predictor.predict(data.train.genotypes.front()).mean, before.mean);
}

TEST(CandidateSelection, BestUnderLimitsComesFromTheFeasibleOnesHighestFirst) {
    const auto data = syntheticSplit(60, 0, 10);
    Predictor predictor(nas::space::SpaceConfig{});
    ASSERT_TRUE(predictor.fit(data.train, quick(PredictorModel::Gcn, 5, 2)));
    const nas::space::SpaceConfig space;
    SelectionOptions options;
    options.pool = 300;
    options.top = 5;
    options.seed = 1;
    const auto free = selectBest(predictor, space, options);
    EXPECT_EQ(free.pool, 300);
    EXPECT_EQ(free.feasible, 300);
    ASSERT_EQ(free.best.size(), 5u);
    // A limit at the median params of the pool.
    ArchitectureSampler sampler(space, 1);
    std::vector<double> params;
    for (const auto& g : sampler.sampleDistinct(300))
        params.push_back(nas::space::networkCost(g, space, false).params);
    std::nth_element(params.begin(), params.begin() + 150, params.end());
    options.constraints.maxParams = params[150];
    const auto limited = selectBest(predictor, space, options);
    EXPECT_LT(limited.feasible, 300);
    EXPECT_GT(limited.feasible, 100);
    ASSERT_EQ(limited.best.size(), 5u);
    for (std::size_t i = 0; i < limited.best.size(); ++i) {
        EXPECT_LE(limited.best[i].cost.params, *options.constraints.maxParams);
        // Alone or in a batch of 150, one architecture's score differs by float rounding.
        EXPECT_NEAR(limited.best[i].prediction.mean,
                    predictor.predict(limited.best[i].genotype).mean, 1e-5);
        if (i > 0) {
            EXPECT_GE(limited.best[i - 1].prediction.mean, limited.best[i].prediction.mean);
        }
    }
    options.constraints.maxParams = 10;  // below the stem and classifier alone
    try {
        (void)selectBest(predictor, space, options);
        FAIL() << "an impossible limit was accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("max_params"), std::string::npos) << e.what();
    }
}
