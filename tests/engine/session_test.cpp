#include <ATen/Context.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "engine/checkpoint_files.h"
#include "engine/hidden_state_window.h"
#include "engine/search_session.h"
#include "engine/workspace.h"
#include "store/run_store.h"
#include "temp_workspace.h"
#include "test_configs.h"

using namespace nas;

namespace {

using fixtures::TempWorkspace;

// Records what the engine reports; optionally acts on the control at a given step.
struct Recorder : engine::SearchObserver {
    std::vector<engine::StepEvent> steps;
    std::vector<engine::EpochMetrics> epochs;
    std::vector<engine::RunStatus> statuses;
    int alphas = 0;
    std::function<void(const engine::StepEvent&)> onEachStep;
    void onStep(const engine::StepEvent& e) override {
        steps.push_back(e);
        if (onEachStep) onEachStep(e);
    }
    void onAlphas(const engine::AlphaSnapshot&) override { ++alphas; }
    void onEpoch(const engine::EpochMetrics& m) override { epochs.push_back(m); }
    void onStatus(engine::RunStatus s, const std::string&) override { statuses.push_back(s); }
    void onLog(const std::string& line) override { logs.push_back(line); }
    std::vector<std::string> logs;
};

// A run of `epochs` epochs of 3 steps, stopped at the first step of its second epoch.
engine::SearchOutcome runStoppedInSecondEpoch(const std::string& root, int epochs) {
    engine::SearchSession session(fixtures::tinySearch("darts", epochs, 3), root);
    engine::SearchControl control;
    Recorder rec;
    rec.onEachStep = [&](const engine::StepEvent& e) {
        if (e.epoch == 1) control.requestStop();
    };
    return session.run(rec, control);
}

bool logged(const Recorder& rec, const std::string& text) {
    return std::any_of(rec.logs.begin(), rec.logs.end(), [&](const std::string& line) {
        return line.find(text) != std::string::npos;
    });
}

}  // namespace

class SessionPerStrategy : public ::testing::TestWithParam<std::string> {};

TEST_P(SessionPerStrategy, RunsToTheEndAndStoresEverything) {
    TempWorkspace ws;
    engine::SearchSession session(fixtures::tinySearch(GetParam()), ws.root());
    Recorder rec;
    engine::SearchControl control;
    const auto outcome = session.run(rec, control);
    ASSERT_EQ(outcome.status, engine::RunStatus::Finished) << outcome.message;
    EXPECT_EQ(rec.steps.size(), 6u);
    ASSERT_EQ(rec.epochs.size(), 2u);
    EXPECT_GT(rec.alphas, 0);
    EXPECT_GT(rec.epochs[1].cost.params, 0);

    const auto store = ws.store();
    const auto run = store.findRun(outcome.runId);
    ASSERT_TRUE(run);
    EXPECT_EQ(run->status, engine::RunStatus::Finished);
    EXPECT_EQ(run->strategy, GetParam());
    EXPECT_EQ(store.epochs(outcome.runId).size(), 2u);
    EXPECT_EQ(store.steps(outcome.runId).size(), 6u);
    EXPECT_FALSE(store.alphaSnapshots(outcome.runId).empty());
    EXPECT_EQ(store.epochs(outcome.runId)[1].genotype, rec.epochs[1].genotype);
    // One checkpoint file is left: the one the store names (a controller's run folder also holds
    // its hidden-state study).
    const auto checkpoint = store.latestCheckpoint(outcome.runId);
    ASSERT_TRUE(checkpoint);
    const auto runFolder = engine::Workspace(ws.root()).runFolder(outcome.runId);
    int checkpoints = 0;
    for (const auto& entry : std::filesystem::directory_iterator(runFolder))
        checkpoints += entry.path().extension() == ".pt";
    EXPECT_EQ(checkpoints, 1);
    const bool controller =
        search::strategyDescriptor(GetParam()).family == search::StrategyFamily::Controller;
    EXPECT_EQ(
        std::filesystem::exists(std::filesystem::path(runFolder) / engine::kHiddenStateStudyFile),
        controller);
    EXPECT_TRUE(std::filesystem::exists(engine::resolveCheckpoint(runFolder, checkpoint->path)));
    // Random search: 8 scored after the first epoch, then the final selection's 12.
    if (GetParam() == "random") EXPECT_EQ(store.architectures(outcome.runId).size(), 8u + 12u);
}

INSTANTIATE_TEST_SUITE_P(Strategies, SessionPerStrategy,
                         ::testing::ValuesIn(fixtures::cellStrategyNames()));

TEST(Session, PausesResumesTakesNewConstraintsAndStops) {
    TempWorkspace ws;
    engine::SearchSession session(fixtures::tinySearch("snas", 3, 4), ws.root());
    engine::SearchControl control;
    Recorder rec;
    std::atomic<bool> sawPause{false};
    std::thread commander;
    rec.onEachStep = [&](const engine::StepEvent& e) {
        if (e.step == 1) {
            control.requestPause();
            // Resume from another thread once the engine reports the pause.
            commander = std::thread([&] {
                while (!sawPause) std::this_thread::sleep_for(std::chrono::milliseconds(5));
                engine::Constraints c;
                c.maxParams = 5e5;
                c.strength = 0.01;
                control.setConstraints(c);
                control.requestResume();
            });
        }
        if (e.step == 5) control.requestStop();
    };
    class Watcher : public engine::SearchObserver {
      public:
        Watcher(Recorder& r, std::atomic<bool>& p) : m_r(r), m_p(p) {}
        void onStep(const engine::StepEvent& e) override { m_r.onStep(e); }
        void onEpoch(const engine::EpochMetrics& m) override { m_r.onEpoch(m); }
        void onStatus(engine::RunStatus s, const std::string& msg) override {
            m_r.onStatus(s, msg);
            if (s == engine::RunStatus::Paused) m_p = true;
        }

      private:
        Recorder& m_r;
        std::atomic<bool>& m_p;
    } watcher(rec, sawPause);
    const auto outcome = session.run(watcher, control);
    commander.join();
    ASSERT_EQ(outcome.status, engine::RunStatus::Stopped) << outcome.message;
    EXPECT_EQ(rec.steps.size(), 6u);  // steps 0..5, then the stop
    EXPECT_NE(std::find(rec.statuses.begin(), rec.statuses.end(), engine::RunStatus::Paused),
              rec.statuses.end());
    const auto store = ws.store();
    const auto changes = store.constraintChanges(outcome.runId);
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].first, 2);  // applied before the third step
    EXPECT_EQ(changes[0].second.maxParams, 5e5);
    EXPECT_EQ(store.findRun(outcome.runId)->status, engine::RunStatus::Stopped);

    // Resuming finishes the run, every epoch recorded once, continuing at the stopped step.
    engine::SearchSession resumed(outcome.runId, ws.root());
    Recorder rest;
    engine::SearchControl control2;
    const auto second = resumed.run(rest, control2);
    ASSERT_EQ(second.status, engine::RunStatus::Finished) << second.message;
    ASSERT_FALSE(rest.steps.empty());
    EXPECT_EQ(rest.steps.front().step, 6);
    const auto epochs = store.epochs(outcome.runId);
    ASSERT_EQ(epochs.size(), 3u);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(epochs[static_cast<size_t>(i)].epoch, i);
    EXPECT_EQ(store.steps(outcome.runId).size(), 12u);
}

TEST(Session, MissingDatasetFailsClearlyAndLeavesNoRun) {
    TempWorkspace ws;
    auto config = fixtures::tinySearch("darts");
    config.dataset.name = "fashion-mnist";
    config.dataset.path = "/nonexistent/fashion";
    config.space.input = {1, 28, 28};
    engine::SearchSession session(config, ws.root());
    Recorder rec;
    engine::SearchControl control;
    const auto outcome = session.run(rec, control);
    EXPECT_EQ(outcome.status, engine::RunStatus::Failed);
    EXPECT_NE(outcome.message.find("/nonexistent/fashion"), std::string::npos) << outcome.message;
    EXPECT_TRUE(ws.store().listRuns().empty());
}

TEST(Session, ResumingAFinishedOrUnknownRunIsRefused) {
    TempWorkspace ws;
    engine::SearchSession first(fixtures::tinySearch("nasp", 1, 2), ws.root());
    Recorder rec;
    engine::SearchControl control;
    const auto done = first.run(rec, control);
    ASSERT_TRUE(done.ok());
    engine::SearchSession again(done.runId, ws.root());
    const auto refused = again.run(rec, control);
    EXPECT_EQ(refused.status, engine::RunStatus::Failed);
    EXPECT_NE(refused.message.find("already finished"), std::string::npos);
    EXPECT_EQ(ws.store().findRun(done.runId)->status, engine::RunStatus::Finished);
    engine::SearchSession unknown(999, ws.root());
    EXPECT_NE(unknown.run(rec, control).message.find("no run 999"), std::string::npos);
}

TEST(Session, DeterministicModeGivesTheSameStepsOnTheCpuAndLastsOneRun) {
    auto lossesOf = [](const engine::SearchConfig& config, bool& deterministicDuringRun) {
        TempWorkspace ws;
        engine::SearchSession session(config, ws.root());
        Recorder rec;
        rec.onEachStep = [&](const engine::StepEvent&) {
            deterministicDuringRun = at::globalContext().deterministicAlgorithms();
        };
        engine::SearchControl control;
        EXPECT_TRUE(session.run(rec, control).ok());
        std::vector<double> losses;
        for (const auto& step : rec.steps) losses.push_back(step.loss);
        return losses;
    };
    auto config = fixtures::tinySearch("snas", 1, 3);
    bool during = true;
    const auto usual = lossesOf(config, during);
    EXPECT_FALSE(during);
    config.deterministic = true;
    EXPECT_EQ(lossesOf(config, during), usual);  // the CPU kernels are deterministic already
    EXPECT_TRUE(during);
    config.deterministic = false;
    (void)lossesOf(config, during);
    EXPECT_FALSE(during) << "the next run of the process is back to LibTorch's defaults";
}

TEST(Session, ResumesAMovedWorkspaceFromItsCheckpointAndClearsStrayFiles) {
    TempWorkspace ws;
    const auto stopped = runStoppedInSecondEpoch(ws.root(), 3);
    ASSERT_EQ(stopped.status, engine::RunStatus::Stopped) << stopped.message;
    const auto moved = ws.root() + "-moved";
    std::filesystem::rename(ws.root(), moved);
    // What a search killed while writing checkpoints leaves: a partial file and one never recorded.
    const auto runFolder = std::filesystem::path(engine::Workspace(moved).runFolder(stopped.runId));
    std::ofstream(runFolder / "checkpoint-99.pt.tmp-12345") << "partial";
    std::ofstream(runFolder / "checkpoint-98.pt") << "never recorded";

    engine::SearchSession resumed(stopped.runId, moved);
    Recorder rec;
    engine::SearchControl control;
    const auto outcome = resumed.run(rec, control);
    ASSERT_EQ(outcome.status, engine::RunStatus::Finished) << outcome.message;
    EXPECT_TRUE(logged(rec, "resuming run " + std::to_string(stopped.runId) + " at epoch 2"));
    EXPECT_EQ(rec.epochs.size(), 2u);  // the first epoch was not run again
    const store::RunStore store(engine::Workspace(moved).databasePath());
    EXPECT_EQ(store.epochs(stopped.runId).size(), 3u);
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(runFolder))
        files.push_back(entry.path().filename().string());
    EXPECT_EQ(files, std::vector<std::string>{
                         std::filesystem::path(store.latestCheckpoint(stopped.runId)->path)
                             .filename()
                             .string()});
    std::filesystem::remove_all(moved);
}

TEST(Session, AResumeThatCannotStartLeavesTheRunAsItWas) {
    TempWorkspace ws;
    const auto stopped = runStoppedInSecondEpoch(ws.root(), 3);
    ASSERT_EQ(stopped.status, engine::RunStatus::Stopped) << stopped.message;
    const auto runFolder = engine::Workspace(ws.root()).runFolder(stopped.runId);
    std::filesystem::remove_all(runFolder);

    engine::SearchSession resumed(stopped.runId, ws.root());
    Recorder rec;
    engine::SearchControl control;
    const auto outcome = resumed.run(rec, control);
    EXPECT_EQ(outcome.status, engine::RunStatus::Failed);
    EXPECT_NE(outcome.message.find("checkpoint"), std::string::npos) << outcome.message;
    EXPECT_NE(outcome.message.find("missing"), std::string::npos) << outcome.message;
    // Neither restarted from scratch nor marked failed: the stopped run and its epoch are intact.
    const auto store = ws.store();
    EXPECT_EQ(store.findRun(stopped.runId)->status, engine::RunStatus::Stopped);
    EXPECT_EQ(store.epochs(stopped.runId).size(), 1u);
}

TEST(SessionRanks, ARankOtherThanZeroRunsTheSameStepsAndWritesNothing) {
    TempWorkspace ws;
    auto config = fixtures::tinySearch("darts", 2, 3);
    engine::SearchControl control;
    Recorder silent;
    const auto outcome =
        engine::SearchSession(config, ws.root(), engine::SessionRank{1, 2}).run(silent, control);
    ASSERT_EQ(outcome.status, engine::RunStatus::Finished) << outcome.message;
    EXPECT_EQ(silent.epochs.size(), 2u);
    EXPECT_FALSE(std::filesystem::exists(ws.root())) << "rank 1 wrote into the workspace";

    Recorder recording;
    const auto first =
        engine::SearchSession(config, ws.root(), engine::SessionRank{0, 2}).run(recording, control);
    ASSERT_EQ(first.status, engine::RunStatus::Finished) << first.message;
    ASSERT_EQ(recording.epochs.size(), 2u);
    EXPECT_EQ(ws.store().epochs(first.runId).size(), 2u);
    // Rank 0 and rank 1 trained on different halves of each batch, with the same steps.
    EXPECT_EQ(recording.steps.back().step, silent.steps.back().step);
    EXPECT_NE(recording.epochs[0].trainLoss, silent.epochs[0].trainLoss);
}

TEST(SessionQueries, AreAnsweredBetweenStepsAndWhilePausedWithTheCurrentWeights) {
    TempWorkspace ws;
    auto config = fixtures::tinySearch("darts", 1, 3);
    engine::SearchSession session(config, ws.root());
    engine::SearchControl control;
    Recorder rec;
    const auto genotype = *space::publishedGenotype("DARTS_V2");
    std::vector<engine::SubnetScore> answers;
    std::atomic<bool> pausedAnswer{false};
    std::thread poster;
    rec.onEachStep = [&](const engine::StepEvent& e) {
        if (e.step == 0)
            control.post(
                [&](engine::LiveSearch& live) { answers.push_back(live.score(genotype, 2)); });
        if (e.step == 1) {
            // Paused after this step: a query from another thread is answered without a resume.
            control.requestPause();
            poster = std::thread([&] {
                control.post([&](engine::LiveSearch& live) {
                    answers.push_back(live.score(genotype, 1));
                    pausedAnswer = true;
                });
                while (!pausedAnswer) std::this_thread::sleep_for(std::chrono::milliseconds(5));
                control.requestResume();
            });
        }
    };
    const auto outcome = session.run(rec, control);
    poster.join();
    ASSERT_EQ(outcome.status, engine::RunStatus::Finished) << outcome.message;
    ASSERT_EQ(answers.size(), 2u);
    EXPECT_EQ(answers[0].step, 1);  // answered before step 1 ran, with the weights after step 0
    EXPECT_EQ(answers[0].batches, 2);
    EXPECT_EQ(answers[1].step, 2);
    EXPECT_EQ(answers[1].batches, 1);
    for (const auto& a : answers) {
        EXPECT_GE(a.accuracy, 0.0);
        EXPECT_LE(a.accuracy, 1.0);
        EXPECT_GT(a.loss, 0.0);
    }
}

TEST(SessionRecords, StrategyScalarsAndSamplesReachTheObserverAndTheStore) {
    TempWorkspace ws;
    struct Samples : Recorder {
        std::vector<engine::SampleRecord> samples;
        void onSamples(const std::vector<engine::SampleRecord>& s) override {
            samples.insert(samples.end(), s.begin(), s.end());
        }
    };
    engine::SearchControl control;
    // SNAS reports its λ-weighted resource penalty each step while a constraint is on.
    auto snas = fixtures::tinySearch("snas", 1, 3);
    snas.constraints.strength = 0.01;
    Samples snasSeen;
    const auto snasRun = engine::SearchSession(snas, ws.root()).run(snasSeen, control);
    ASSERT_EQ(snasRun.status, engine::RunStatus::Finished) << snasRun.message;
    ASSERT_FALSE(snasSeen.steps.empty());
    ASSERT_EQ(snasSeen.steps[0].scalars.size(), 1u);
    EXPECT_EQ(snasSeen.steps[0].scalars[0].first, "resource penalty");
    EXPECT_GT(snasSeen.steps[0].scalars[0].second, 0.0);
    const auto stored = ws.store().steps(snasRun.runId);
    ASSERT_FALSE(stored.empty());
    EXPECT_EQ(stored[0].scalars, snasSeen.steps[0].scalars);
    // Random search's scored samples arrive as sample records, and the store keeps the same.
    Samples randomSeen;
    const auto randomRun = engine::SearchSession(fixtures::tinySearch("random", 1, 3), ws.root())
                               .run(randomSeen, control);
    ASSERT_EQ(randomRun.status, engine::RunStatus::Finished) << randomRun.message;
    ASSERT_FALSE(randomSeen.samples.empty());
    const auto kept = ws.store().samples(randomRun.runId);
    ASSERT_EQ(kept.size(), randomSeen.samples.size());
    EXPECT_EQ(kept[0].architecture, randomSeen.samples[0].architecture);
    EXPECT_DOUBLE_EQ(kept[0].score, randomSeen.samples[0].score);
}
