// The best-under-constraints job with a real (tiny, quickly fitted) GCN predictor: it delivers
// selectBest's answer on the GUI thread, with progress; refuses limits no network can meet and a
// re-scoring without shared weights; measures latency under a latency limit; says when no
// architecture of the pool meets the limits; and builds its input from a run in a workspace.
#include "app/studio/best_candidates_job.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "engine/search_config.h"
#include "predictor/architecture_sampler.h"
#include "predictor/candidate_selection.h"
#include "store/run_store.h"
#include "studio_test_support.h"

namespace fs = std::filesystem;
using namespace nas;
using nas::studio::BestCandidatesInput;
using nas::studio::BestCandidatesJob;

namespace {

constexpr int kPool = 50;

engine::SearchConfig tinyRun() {
    return engine::parseSearchConfig(studio::fixtures::quickSearch());
}

// Two members fitted for a few epochs on twelve architectures scored by their parameter count: a
// predictor in well under a second, whose ranking is not all ties.
std::shared_ptr<const predictor::Predictor> tinyPredictor(const space::SpaceConfig& space) {
    predictor::ArchitectureSampler sampler(space, 3);
    predictor::TrainingSet data;
    data.genotypes = sampler.sampleDistinct(12);
    for (const auto& g : data.genotypes)
        data.scores.push_back(0.5 + space::networkCost(g, space, false).params * 1e-6);
    predictor::PredictorOptions options;
    options.members = 2;
    options.epochs = 3;
    options.gcnLayers = 2;
    options.gcnWidth = 16;
    options.headWidth = 16;
    auto fitted = std::make_shared<predictor::Predictor>(space);
    EXPECT_TRUE(fitted->fit(data, options));
    return fitted;
}

struct Outcome {
    std::optional<widgets::BestCandidates> result;
    std::optional<QString> error;
    QStringList progress;
};

// Runs one selection and waits for its end.
Outcome run(BestCandidatesJob& job, const BestCandidatesInput& input,
            const widgets::BestCandidatesRequest& request) {
    Outcome out;
    const QMetaObject::Connection connections[] = {
        QObject::connect(&job, &BestCandidatesJob::finished,
                         [&](const widgets::BestCandidates& r) { out.result = r; }),
        QObject::connect(&job, &BestCandidatesJob::failed,
                         [&](const QString& message) { out.error = message; }),
        QObject::connect(&job, &BestCandidatesJob::progress,
                         [&](const QString& text) { out.progress << text; })};
    EXPECT_TRUE(job.start(input, request));
    EXPECT_TRUE(job.isRunning());
    EXPECT_TRUE(studio::fixtures::waitFor([&] { return out.result || out.error; }));
    for (const auto& c : connections) QObject::disconnect(c);
    EXPECT_FALSE(job.isRunning());
    return out;
}

class BestCandidatesJobTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_input.config = tinyRun();
        s_input.predictor = tinyPredictor(s_input.config.space);
    }
    static widgets::BestCandidatesRequest request(int top = 5) {
        widgets::BestCandidatesRequest r;
        r.selection.pool = kPool;
        r.selection.top = top;
        r.selection.seed = 11;
        return r;
    }
    static BestCandidatesInput s_input;
};
BestCandidatesInput BestCandidatesJobTest::s_input;

}  // namespace

TEST_F(BestCandidatesJobTest, DeliversWhatSelectBestAnswers) {
    auto r = request();
    r.selection.constraints.maxParams = 1e9;
    BestCandidatesJob job;
    const auto out = run(job, s_input, r);
    ASSERT_TRUE(out.result) << (out.error ? out.error->toStdString() : "");
    ASSERT_FALSE(out.progress.isEmpty());
    EXPECT_TRUE(out.progress.front().contains(QStringLiteral("50")))
        << out.progress.front().toStdString();
    const auto direct =
        predictor::selectBest(*s_input.predictor, s_input.config.space, r.selection);
    EXPECT_EQ(out.result->pool, kPool);
    EXPECT_EQ(out.result->feasible, direct.feasible);
    EXPECT_EQ(out.result->constraints, r.selection.constraints);
    ASSERT_EQ(out.result->candidates.size(), 5u);
    for (std::size_t i = 0; i < direct.best.size(); ++i) {
        const auto& c = out.result->candidates[i];
        EXPECT_EQ(c.genotype, direct.best[i].genotype);
        EXPECT_DOUBLE_EQ(c.prediction.mean, direct.best[i].prediction.mean);
        EXPECT_DOUBLE_EQ(c.cost.params, direct.best[i].cost.params);
        EXPECT_FALSE(c.latencyMs);
        EXPECT_FALSE(c.supernetScore);
        if (i > 0) EXPECT_GE(out.result->candidates[i - 1].prediction.mean, c.prediction.mean);
    }
    // The job runs again once the first has ended.
    const auto again = run(job, s_input, r);
    ASSERT_TRUE(again.result);
    EXPECT_EQ(again.result->candidates.front().genotype, direct.best.front().genotype);
}

TEST_F(BestCandidatesJobTest, RefusesALimitNoNetworkOfTheSpaceCanMeet) {
    auto r = request();
    r.selection.constraints.maxParams = 10;
    BestCandidatesJob job;
    const auto out = run(job, s_input, r);
    ASSERT_TRUE(out.error);
    EXPECT_FALSE(out.result);
    EXPECT_TRUE(out.error->contains(QStringLiteral("can meet"))) << out.error->toStdString();
}

TEST_F(BestCandidatesJobTest, AnEmptyResultWhenNoArchitectureOfThePoolMeetsTheLimits) {
    // Every architecture of the pool, then a limit one parameter below the cheapest of them (far
    // above the space's smallest network: no pool of 50 draws only parameter-free ops).
    BestCandidatesJob job;
    const auto all = run(job, s_input, request(kPool));
    ASSERT_TRUE(all.result);
    double cheapest = 1e18;
    for (const auto& c : all.result->candidates) cheapest = std::min(cheapest, c.cost.params);
    auto r = request();
    r.selection.constraints.maxParams = cheapest - 1;
    ASSERT_TRUE(engine::constraintProblems(s_input.config.space, r.selection.constraints).empty());
    const auto out = run(job, s_input, r);
    ASSERT_TRUE(out.result) << (out.error ? out.error->toStdString() : "");
    EXPECT_EQ(out.result->pool, kPool);
    EXPECT_EQ(out.result->feasible, 0);
    EXPECT_TRUE(out.result->candidates.empty());
}

TEST_F(BestCandidatesJobTest, ALatencyLimitHasTheBestMeasured) {
    auto r = request(3);
    r.selection.constraints.maxLatencyMs = 1e6;
    BestCandidatesJob job;
    const auto out = run(job, s_input, r);
    ASSERT_TRUE(out.result) << (out.error ? out.error->toStdString() : "");
    ASSERT_EQ(out.result->candidates.size(), 3u);
    EXPECT_EQ(out.result->latencyMeasured, 3);
    for (const auto& c : out.result->candidates) {
        ASSERT_TRUE(c.latencyMs);
        EXPECT_GT(*c.latencyMs, 0);
    }
}

TEST_F(BestCandidatesJobTest, StopsBetweenLatencyMeasurements) {
    auto r = request(kPool);
    r.selection.constraints.maxLatencyMs = 1e6;
    BestCandidatesJob job;
    QObject::connect(&job, &BestCandidatesJob::progress, [&](const QString& text) {
        if (text.contains(QStringLiteral("latency"))) job.requestStop();
    });
    const auto out = run(job, s_input, r);
    ASSERT_TRUE(out.error) << "all " << kPool << " measured before the stop arrived";
    EXPECT_EQ(*out.error, QStringLiteral("stopped"));
}

TEST_F(BestCandidatesJobTest, RefusesToRescoreWithoutSharedWeights) {
    auto r = request();
    r.rescoreBatches = 4;
    BestCandidatesJob job;
    const auto out = run(job, s_input, r);
    ASSERT_TRUE(out.error);
    EXPECT_TRUE(out.error->contains(QStringLiteral("checkpoint"))) << out.error->toStdString();
}

TEST_F(BestCandidatesJobTest, RefusesAnInputWithoutAPredictorAndAStartWhileRunning) {
    BestCandidatesJob job;
    EXPECT_FALSE(job.start(BestCandidatesInput{}, request()));
    auto r = request(kPool);
    r.selection.pool = 400;
    ASSERT_TRUE(job.start(s_input, r));
    EXPECT_FALSE(job.start(s_input, r));
    // Destroyed while it runs: it waits for the worker, and nothing is delivered afterwards.
}

TEST(BestCandidatesInput, ComesFromARunsConfigAndItsFittedPredictor) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const std::string root = dir.path().toStdString();
    store::RunStore store((fs::path(root) / "runs.sqlite").string());
    const auto config = tinyRun();
    store::NewRun newRun;
    newRun.name = "tiny";
    newRun.strategy = "darts";
    newRun.dataset = "synthetic";
    newRun.configJson = engine::toJson(config).dump();
    const auto withPredictor = store.createRun(newRun);
    const auto without = store.createRun(newRun);
    const auto folder = [&](std::int64_t id) {
        const auto path = fs::path(root) / "runs" / std::to_string(id);
        fs::create_directories(path);
        return path.string();
    };
    const auto fitted = tinyPredictor(config.space);
    fitted->save((fs::path(folder(withPredictor)) /
                  predictor::predictorFileName(predictor::PredictorModel::Gcn))
                     .string());

    const auto input = studio::loadBestCandidatesInput(store, withPredictor, folder(withPredictor));
    ASSERT_TRUE(input.predictor);
    EXPECT_EQ(input.config.space.channels, config.space.channels);
    EXPECT_EQ(input.config.space.layers, config.space.layers);
    EXPECT_TRUE(input.checkpoint.empty());  // the run saved none
    EXPECT_FALSE(input.scoreCachePath.empty());
    const auto genotype = predictor::ArchitectureSampler(config.space, 1).sampleDistinct(1).front();
    EXPECT_DOUBLE_EQ(input.predictor->predict(genotype).mean, fitted->predict(genotype).mean);

    try {
        (void)studio::loadBestCandidatesInput(store, without, folder(without));
        ADD_FAILURE() << "a run without a fitted predictor";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("predictor fit"), std::string::npos) << e.what();
    }
    EXPECT_THROW((void)studio::loadBestCandidatesInput(store, 99, folder(99)), std::runtime_error);
}
