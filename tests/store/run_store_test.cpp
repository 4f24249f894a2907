// The run store against a real SQLite file in a temporary directory. Row counts and pragmas are
// read through a separate plain sqlite3 connection, so they check the file, not the store's view.
#include "store/run_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <regex>
#include <vector>

namespace nas::store {
namespace {

namespace fs = std::filesystem;
using engine::RunStatus;

space::Genotype dartsV2() { return *space::publishedGenotype("DARTS_V2"); }

// One edge per node: valid, but without a DARTS string form.
space::Genotype chainGenotype() {
    space::Genotype g;
    g.normal.edges = {{"sep_conv_3x3", 0, 0}, {"skip_connect", 2, 1}};
    g.normal.concat = {2, 3};
    g.reduce.edges = {{"max_pool_3x3", 1, 0}};
    g.reduce.concat = {2};
    return g;
}

NewRun newRun(const std::string& name) {
    return {name, "darts", "fashion-mnist", R"({"epochs": 3})", "cpu", "0.1.0", 42};
}

engine::EpochMetrics epochMetrics(int epoch, double validAccuracy, const space::Genotype& g,
                                  double params) {
    engine::EpochMetrics m;
    m.epoch = epoch;
    m.trainLoss = 1.5 - 0.1 * epoch;
    m.trainAccuracy = 0.5 + 0.01 * epoch;
    m.validLoss = 1.6 - 0.1 * epoch;
    m.validAccuracy = validAccuracy;
    m.temperature = 2.0;
    m.learningRate = 0.025;
    m.seconds = 12.5;
    m.genotype = g;
    m.cost = {params, params * 100, params * 3};
    return m;
}

engine::StepEvent stepEvent(std::int64_t step, int epoch) {
    return {step,
            epoch,
            static_cast<int>(step % 10),
            10,
            2.0 / (step + 1),
            0.1 * (step % 10),
            1.0,
            0.05,
            100.0 - step};
}

engine::AlphaSnapshot alphaSnapshot(std::int64_t step, int epoch) {
    engine::AlphaSnapshot a;
    a.step = step;
    a.epoch = epoch;
    a.normal.ops = {"none", "skip_connect", "sep_conv_3x3"};
    a.normal.probs = {{0.2, 0.3, 0.5}, {0.1, 0.1, 0.8}};
    a.reduce.ops = {"max_pool_3x3", "avg_pool_3x3"};
    a.reduce.probs = {{0.6, 0.4}, {0.5, 0.5}, {0.25, 0.75}};
    return a;
}

engine::SampledArchitecture architecture(std::int64_t step, int epoch, double score) {
    engine::SampledArchitecture a;
    a.step = step;
    a.epoch = epoch;
    a.genotype = dartsV2();
    a.score = score;
    return a;
}

class RunStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "nas-store-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
        m_path = (m_dir / "runs.db").string();
    }
    void TearDown() override {
        for (const auto& mounted : m_mounts) umount2(mounted.c_str(), MNT_DETACH);
        std::error_code ignored;
        fs::permissions(m_dir, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(m_dir, ignored);
    }

    // The first column of the first row of `sql`, as text, through a connection of its own.
    std::string query(const std::string& sql) const {
        sqlite3* db = nullptr;
        EXPECT_EQ(sqlite3_open(m_path.c_str(), &db), SQLITE_OK);
        sqlite3_stmt* stmt = nullptr;
        std::string result;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
            result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        else
            ADD_FAILURE() << "query failed: " << sql << ": " << sqlite3_errmsg(db);
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        return result;
    }
    int count(const std::string& table, const std::string& where = "1") const {
        return std::stoi(query("SELECT COUNT(*) FROM " + table + " WHERE " + where));
    }

    fs::path m_dir;
    std::string m_path;
    std::vector<fs::path> m_mounts;  // unmounted before the folder is removed
};

TEST_F(RunStoreTest, CreatesRunsAndListsThemNewestFirst) {
    RunStore store(m_path);
    EXPECT_EQ(store.path(), m_path);
    NewRun first = newRun("first");
    first.seed = std::numeric_limits<std::uint64_t>::max() - 7;  // above int64's range
    const auto a = store.createRun(first);
    const auto b = store.createRun(newRun("second"));
    EXPECT_NE(a, b);

    const auto runs = store.listRuns();
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].id, b);
    EXPECT_EQ(runs[1].id, a);
    const RunRecord& r = runs[1];
    EXPECT_EQ(r.name, "first");
    EXPECT_EQ(r.strategy, "darts");
    EXPECT_EQ(r.dataset, "fashion-mnist");
    EXPECT_EQ(r.configJson, R"({"epochs": 3})");
    EXPECT_EQ(r.device, "cpu");
    EXPECT_EQ(r.version, "0.1.0");
    EXPECT_EQ(r.seed, first.seed);
    EXPECT_EQ(r.status, RunStatus::Running);
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.epochsDone, 0);
    EXPECT_FALSE(r.bestValidAccuracy);
    EXPECT_FALSE(r.params);
    const std::regex iso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
    EXPECT_TRUE(std::regex_match(r.createdAt, iso)) << r.createdAt;
    EXPECT_TRUE(std::regex_match(r.updatedAt, iso)) << r.updatedAt;

    EXPECT_EQ(store.findRun(a)->name, "first");
    EXPECT_FALSE(store.findRun(a + b + 100));
    EXPECT_EQ(query("SELECT owner_pid FROM runs WHERE id = " + std::to_string(a)),
              std::to_string(getpid()));
}

TEST_F(RunStoreTest, SetsStatusAndClaimsRuns) {
    RunStore store(m_path);
    const auto run = store.createRun(newRun("r"));
    store.setStatus(run, RunStatus::Failed, "out of memory");
    EXPECT_EQ(store.findRun(run)->status, RunStatus::Failed);
    EXPECT_EQ(store.findRun(run)->error, "out of memory");

    // As if another process had owned it.
    sqlite3* db = nullptr;
    sqlite3_open(m_path.c_str(), &db);
    sqlite3_exec(db, "UPDATE runs SET owner_pid = 1, owner_host = 'elsewhere'", nullptr, nullptr,
                 nullptr);
    sqlite3_close(db);
    store.claimRun(run);
    EXPECT_EQ(store.findRun(run)->status, RunStatus::Running);
    EXPECT_EQ(store.findRun(run)->error, "");
    EXPECT_EQ(query("SELECT owner_pid FROM runs"), std::to_string(getpid()));
    // Once taken, it cannot be taken again: two resumes started together get one run between them.
    try {
        store.claimRun(run);
        ADD_FAILURE() << "claimed a running run";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("still running"), std::string::npos) << e.what();
    }

    EXPECT_THROW(store.setStatus(run + 1, RunStatus::Finished), StoreError);
    EXPECT_THROW(store.claimRun(run + 1), StoreError);
}

TEST_F(RunStoreTest, RoundTripsEpochsWithGenotypeAndCost) {
    RunStore store(m_path);
    const auto run = store.createRun(newRun("r"));
    store.recordEpoch(run, epochMetrics(0, 0.70, chainGenotype(), 1000));
    store.recordEpoch(run, epochMetrics(1, 0.90, dartsV2(), 3000));
    engine::EpochMetrics noGenotype = epochMetrics(2, 0.80, {}, 0);
    noGenotype.trainLoss = std::numeric_limits<double>::quiet_NaN();  // a diverged run
    store.recordEpoch(run, noGenotype);

    const auto epochs = store.epochs(run);
    ASSERT_EQ(epochs.size(), 3u);
    const auto expected = epochMetrics(1, 0.90, dartsV2(), 3000);
    const auto& e = epochs[1];
    EXPECT_EQ(e.epoch, 1);
    EXPECT_DOUBLE_EQ(e.trainLoss, expected.trainLoss);
    EXPECT_DOUBLE_EQ(e.trainAccuracy, expected.trainAccuracy);
    EXPECT_DOUBLE_EQ(e.validLoss, expected.validLoss);
    EXPECT_DOUBLE_EQ(e.validAccuracy, 0.90);
    EXPECT_DOUBLE_EQ(e.temperature, 2.0);
    EXPECT_DOUBLE_EQ(e.learningRate, 0.025);
    EXPECT_DOUBLE_EQ(e.seconds, 12.5);
    EXPECT_EQ(e.genotype, dartsV2());
    EXPECT_DOUBLE_EQ(e.cost.params, 3000);
    EXPECT_DOUBLE_EQ(e.cost.flops, 300000);
    EXPECT_DOUBLE_EQ(e.cost.mac, 9000);
    EXPECT_EQ(epochs[0].genotype, chainGenotype());
    EXPECT_EQ(epochs[2].genotype, space::Genotype{});
    EXPECT_DOUBLE_EQ(epochs[2].cost.params, 0);
    EXPECT_TRUE(std::isnan(epochs[2].trainLoss));

    // The DARTS string is stored where the genotype has one.
    EXPECT_EQ(query("SELECT darts FROM epochs WHERE epoch = 1"), space::toDartsString(dartsV2()));
    EXPECT_EQ(count("epochs", "epoch = 0 AND darts IS NULL"), 1);

    const auto record = store.findRun(run);
    EXPECT_EQ(record->epochsDone, 3);
    EXPECT_DOUBLE_EQ(record->bestValidAccuracy.value(), 0.90);
    EXPECT_FALSE(record->params);  // the last epoch derived no genotype
    store.recordEpoch(run, epochMetrics(3, 0.85, chainGenotype(), 1234));
    EXPECT_DOUBLE_EQ(store.findRun(run)->params.value(), 1234);
}

TEST_F(RunStoreTest, RecordingAnEpochAgainReplacesIt) {
    RunStore store(m_path);
    const auto run = store.createRun(newRun("r"));
    store.recordEpoch(run, epochMetrics(0, 0.5, dartsV2(), 10));
    store.recordEpoch(run, epochMetrics(0, 0.6, chainGenotype(), 20));
    const auto epochs = store.epochs(run);
    ASSERT_EQ(epochs.size(), 1u);
    EXPECT_DOUBLE_EQ(epochs[0].validAccuracy, 0.6);
    EXPECT_EQ(epochs[0].genotype, chainGenotype());
    EXPECT_EQ(count("epochs", "epoch = 0 AND darts IS NULL"), 1);
    EXPECT_EQ(store.findRun(run)->epochsDone, 1);
}

TEST_F(RunStoreTest, RoundTripsStepBatches) {
    RunStore store(m_path);
    const auto run = store.createRun(newRun("r"));
    std::vector<engine::StepEvent> batch;
    for (int s = 0; s < 25; ++s) batch.push_back(stepEvent(s, s / 10));
    store.recordSteps(run, batch);
    store.recordSteps(run, {});
    auto changed = stepEvent(3, 0);
    changed.loss = 9.0;
    store.recordSteps(run, {changed});

    const auto steps = store.steps(run);
    ASSERT_EQ(steps.size(), 25u);
    for (int s = 0; s < 25; ++s) {
        const auto want = s == 3 ? changed : stepEvent(s, s / 10);
        EXPECT_EQ(steps[s].step, want.step);
        EXPECT_EQ(steps[s].epoch, want.epoch);
        EXPECT_EQ(steps[s].stepInEpoch, want.stepInEpoch);
        EXPECT_EQ(steps[s].stepsPerEpoch, want.stepsPerEpoch);
        EXPECT_DOUBLE_EQ(steps[s].loss, want.loss);
        EXPECT_DOUBLE_EQ(steps[s].accuracy, want.accuracy);
        EXPECT_DOUBLE_EQ(steps[s].temperature, want.temperature);
        EXPECT_DOUBLE_EQ(steps[s].secondsPerStep, want.secondsPerStep);
        EXPECT_DOUBLE_EQ(steps[s].etaSeconds, want.etaSeconds);
    }
}

TEST_F(RunStoreTest, RoundTripsAlphaSnapshotsInStepOrder) {
    RunStore store(m_path);
    const auto run = store.createRun(newRun("r"));
    store.recordAlphas(run, alphaSnapshot(50, 1));
    store.recordAlphas(run, alphaSnapshot(10, 0));
    EXPECT_EQ(count("alpha_values"), 2 * (2 * 3 + 3 * 2));  // one row per (cell, edge, op)

    auto changed = alphaSnapshot(50, 1);
    changed.normal.probs[1] = {0.0, 0.5, 0.5};
    store.recordAlphas(run, changed);
    EXPECT_EQ(count("alpha_snapshots"), 2);
    EXPECT_EQ(count("alpha_values"), 2 * (2 * 3 + 3 * 2));

    const auto snapshots = store.alphaSnapshots(run);
    ASSERT_EQ(snapshots.size(), 2u);
    const auto want = alphaSnapshot(10, 0);
    EXPECT_EQ(snapshots[0].step, 10);
    EXPECT_EQ(snapshots[0].epoch, 0);
    EXPECT_EQ(snapshots[0].normal.ops, want.normal.ops);
    EXPECT_EQ(snapshots[0].normal.probs, want.normal.probs);
    EXPECT_EQ(snapshots[0].reduce.ops, want.reduce.ops);
    EXPECT_EQ(snapshots[0].reduce.probs, want.reduce.probs);
    EXPECT_EQ(snapshots[1].step, 50);
    EXPECT_EQ(snapshots[1].normal.probs, changed.normal.probs);
}

TEST_F(RunStoreTest, RoundTripsSampledArchitectures) {
    RunStore store(m_path);
    const auto run = store.createRun(newRun("r"));
    auto withState = architecture(7, 0, 0.61);
    withState.predicted = 0.64;
    withState.hiddenState = {0.5f, -1.25f, 3.0e-8f, 1e30f};
    auto plain = architecture(7, 0, 0.55);
    plain.genotype = chainGenotype();
    store.recordArchitectures(run, {withState, plain});
    store.recordArchitectures(run, {architecture(2, 0, 0.4)});

    const auto archs = store.architectures(run);
    ASSERT_EQ(archs.size(), 3u);
    EXPECT_EQ(archs[0].step, 2);
    EXPECT_EQ(archs[1].step, 7);
    EXPECT_EQ(archs[1].genotype, dartsV2());
    EXPECT_DOUBLE_EQ(archs[1].score, 0.61);
    EXPECT_DOUBLE_EQ(archs[1].predicted.value(), 0.64);
    EXPECT_EQ(archs[1].hiddenState, withState.hiddenState);
    EXPECT_EQ(archs[2].genotype, chainGenotype());
    EXPECT_FALSE(archs[2].predicted);
    EXPECT_TRUE(archs[2].hiddenState.empty());
}

TEST_F(RunStoreTest, RoundTripsCheckpointsAndConstraintChanges) {
    RunStore store(m_path);
    const auto run = store.createRun(newRun("r"));
    EXPECT_FALSE(store.latestCheckpoint(run));
    store.recordCheckpoint(run, 2, "/ckpt/e2.pt");
    store.recordCheckpoint(run, 5, "/ckpt/e5.pt");
    store.recordCheckpoint(run, 3, "/ckpt/e3.pt");
    EXPECT_EQ(store.latestCheckpoint(run)->epoch, 5);
    EXPECT_EQ(store.latestCheckpoint(run)->path, "/ckpt/e5.pt");
    store.recordCheckpoint(run, 5, "/ckpt/e5b.pt");
    EXPECT_EQ(store.latestCheckpoint(run)->path, "/ckpt/e5b.pt");

    engine::Constraints loose;
    loose.strength = 0.5;
    engine::Constraints tight;
    tight.maxParams = 2.5e6;
    tight.maxFlops = 3e8;
    tight.maxMac = 1e7;
    tight.maxLatencyMs = 4.5;
    tight.strength = 1.0;
    store.recordConstraintChange(run, 120, tight);
    store.recordConstraintChange(run, 10, loose);
    const auto changes = store.constraintChanges(run);
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].first, 10);
    EXPECT_EQ(changes[0].second, loose);
    EXPECT_EQ(changes[1].first, 120);
    EXPECT_EQ(changes[1].second, tight);
}

TEST_F(RunStoreTest, DiscardAfterEpochKeepsEachEpochOnce) {
    RunStore store(m_path);
    const auto run = store.createRun(newRun("r"));
    const auto other = store.createRun(newRun("other"));
    for (std::int64_t r : {run, other}) {
        for (int e = 0; e < 4; ++e) {
            store.recordEpoch(r, epochMetrics(e, 0.5 + 0.1 * e, dartsV2(), 100));
            store.recordSteps(r, {stepEvent(e * 10, e), stepEvent(e * 10 + 5, e)});
            store.recordAlphas(r, alphaSnapshot(e * 10 + 9, e));
            store.recordArchitectures(r, {architecture(e * 10 + 9, e, 0.5)});
        }
        store.recordCheckpoint(r, 1, "e1.pt");
        store.recordCheckpoint(r, 3, "e3.pt");
    }

    store.discardAfterEpoch(run, 1);
    const auto epochs = store.epochs(run);
    ASSERT_EQ(epochs.size(), 2u);
    EXPECT_EQ(epochs.back().epoch, 1);
    EXPECT_EQ(store.steps(run).size(), 4u);
    EXPECT_EQ(store.steps(run).back().step, 15);
    EXPECT_EQ(store.alphaSnapshots(run).size(), 2u);
    EXPECT_EQ(store.architectures(run).size(), 2u);
    EXPECT_EQ(store.latestCheckpoint(run)->epoch, 1);
    EXPECT_EQ(store.findRun(run)->epochsDone, 2);
    EXPECT_DOUBLE_EQ(store.findRun(run)->bestValidAccuracy.value(), 0.6);
    EXPECT_EQ(count("alpha_values"), 6 * 12);  // the discarded snapshots' values went too

    // Replaying epoch 2 after the resume shows it once.
    store.recordEpoch(run, epochMetrics(2, 0.7, dartsV2(), 100));
    EXPECT_EQ(store.epochs(run).size(), 3u);

    EXPECT_EQ(store.epochs(other).size(), 4u);
    EXPECT_EQ(store.steps(other).size(), 8u);
    EXPECT_EQ(store.latestCheckpoint(other)->epoch, 3);
}

TEST_F(RunStoreTest, DeleteRunCascadesToEveryTable) {
    RunStore store(m_path);
    const auto run = store.createRun(newRun("r"));
    const auto kept = store.createRun(newRun("kept"));
    for (std::int64_t r : {run, kept}) {
        store.recordEpoch(r, epochMetrics(0, 0.5, dartsV2(), 100));
        store.recordSteps(r, {stepEvent(0, 0)});
        store.recordAlphas(r, alphaSnapshot(0, 0));
        store.recordArchitectures(r, {architecture(0, 0, 0.5)});
        store.recordCheckpoint(r, 0, "e0.pt");
        store.recordConstraintChange(r, 0, {});
    }
    store.deleteRun(run);

    EXPECT_FALSE(store.findRun(run));
    const std::string mine = "run_id = " + std::to_string(run);
    for (const char* table : {"epochs", "steps", "alpha_snapshots", "samples", "checkpoints",
                              "constraint_changes", "step_scalars"})
        EXPECT_EQ(count(table, mine), 0) << table;
    EXPECT_EQ(count("alpha_values"), 12);  // only the kept run's snapshot
    EXPECT_EQ(store.listRuns().size(), 1u);
    EXPECT_EQ(store.epochs(kept).size(), 1u);
    EXPECT_EQ(store.alphaSnapshots(kept).size(), 1u);
}

TEST_F(RunStoreTest, WritesForAMissingRunFailWithoutLeavingRows) {
    RunStore store(m_path);
    EXPECT_THROW(store.recordSteps(99, {stepEvent(0, 0), stepEvent(1, 0)}), StoreError);
    EXPECT_THROW(store.recordEpoch(99, epochMetrics(0, 0.5, dartsV2(), 1)), StoreError);
    EXPECT_THROW(store.recordAlphas(99, alphaSnapshot(0, 0)), StoreError);
    EXPECT_EQ(count("steps"), 0);
    EXPECT_EQ(count("epochs"), 0);
    EXPECT_EQ(count("alpha_values"), 0);
    // The store is still usable: no transaction was left open.
    const auto run = store.createRun(newRun("r"));
    store.recordSteps(run, {stepEvent(0, 0)});
    EXPECT_EQ(count("steps"), 1);
}

TEST_F(RunStoreTest, UsesWalAndAVersionedSchema) {
    { RunStore store(m_path); }
    EXPECT_EQ(query("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(query("PRAGMA user_version"), "3");
    RunStore reopened(m_path);  // an existing schema is kept
    EXPECT_TRUE(reopened.listRuns().empty());
}

TEST_F(RunStoreTest, RefusesASchemaFromANewerVersion) {
    { RunStore store(m_path); }
    sqlite3* db = nullptr;
    sqlite3_open(m_path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    try {
        RunStore store(m_path);
        FAIL() << "opened a newer schema";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    }
}

// A child process creates runs and dies without closing them, as a killed search would.
std::int64_t runOfADeadProcess(const std::string& path, const std::string& name, RunStatus status) {
    int channel[2];
    if (pipe(channel) != 0) return 0;
    const pid_t child = fork();
    if (child == 0) {
        try {
            RunStore store(path);
            const auto run = store.createRun(newRun(name));
            if (status != RunStatus::Running) store.setStatus(run, status);
            (void)!write(channel[1], &run, sizeof run);
            _exit(0);
        } catch (...) {
            _exit(1);
        }
    }
    close(channel[1]);
    std::int64_t run = 0;
    if (read(channel[0], &run, sizeof run) != sizeof run) run = 0;
    close(channel[0]);
    int exitStatus = 0;
    waitpid(child, &exitStatus, 0);
    return WIFEXITED(exitStatus) && WEXITSTATUS(exitStatus) == 0 ? run : 0;
}

TEST_F(RunStoreTest, MarksRunsOfDeadProcessesInterrupted) {
    // This store stays open: its runs' writer is alive.
    RunStore writer(m_path);
    const auto live = writer.createRun(newRun("live"));
    const auto livePaused = writer.createRun(newRun("live paused"));
    writer.setStatus(livePaused, RunStatus::Paused);
    const auto dead = runOfADeadProcess(m_path, "dead", RunStatus::Running);
    const auto deadPaused = runOfADeadProcess(m_path, "dead paused", RunStatus::Paused);
    const auto deadFinished = runOfADeadProcess(m_path, "dead finished", RunStatus::Finished);
    // The dead writer's PID now belongs to a live process (this one), as a reused PID would.
    const auto reused = runOfADeadProcess(m_path, "pid reused", RunStatus::Running);
    ASSERT_TRUE(dead && deadPaused && deadFinished && reused);
    sqlite3* db = nullptr;
    sqlite3_open(m_path.c_str(), &db);
    sqlite3_exec(db,
                 ("UPDATE runs SET owner_pid = " + std::to_string(getpid()) +
                  " WHERE id = " + std::to_string(reused))
                     .c_str(),
                 nullptr, nullptr, nullptr);
    sqlite3_close(db);

    RunStore store(m_path);
    EXPECT_EQ(store.findRun(live)->status, RunStatus::Running);
    EXPECT_EQ(store.findRun(livePaused)->status, RunStatus::Paused);
    EXPECT_EQ(store.findRun(dead)->status, RunStatus::Interrupted);
    EXPECT_EQ(store.findRun(deadPaused)->status, RunStatus::Interrupted);
    EXPECT_EQ(store.findRun(deadFinished)->status, RunStatus::Finished);
    EXPECT_EQ(store.findRun(reused)->status, RunStatus::Interrupted);

    // Resuming claims the interrupted run for this store; the next open leaves it running.
    store.claimRun(dead);
    RunStore again(m_path);
    EXPECT_EQ(again.findRun(dead)->status, RunStatus::Running);
    EXPECT_EQ(again.findRun(live)->status, RunStatus::Running);
    // Closing the store that writes a run is what a dead writer looks like.
    {
        RunStore closing(m_path);
        (void)closing.createRun(newRun("closed while running"));
    }
    EXPECT_EQ(RunStore(m_path).listRuns().front().status, RunStatus::Interrupted);
}

TEST_F(RunStoreTest, ARunIsClaimedOnceAndFreedWhenItsWriterStopsOrDies) {
    RunStore first(m_path);
    RunStore second(m_path);  // as another process would: a store of its own
    const auto run = first.createRun(newRun("r"));
    first.setStatus(run, RunStatus::Stopped);
    first.claimRun(run);
    try {
        second.claimRun(run);
        ADD_FAILURE() << "two stores claimed one run";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("run " + std::to_string(run) +
                                             " is still running in another process"),
                  std::string::npos)
            << e.what();
    }
    first.setStatus(run, RunStatus::Stopped);
    second.claimRun(run);
    EXPECT_EQ(second.findRun(run)->status, RunStatus::Running);

    // A writer that died before anyone marked its run: the status still says running, yet the
    // run is free, since the lock died with the writer.
    const auto orphan = runOfADeadProcess(m_path, "orphan", RunStatus::Running);
    ASSERT_GT(orphan, 0);
    EXPECT_EQ(first.findRun(orphan)->status, RunStatus::Running);
    first.claimRun(orphan);
    EXPECT_EQ(count("runs", "id = " + std::to_string(orphan) +
                                " AND owner_pid = " + std::to_string(getpid())),
              1);
}

TEST_F(RunStoreTest, CorruptFileRaisesStoreErrorNamingIt) {
    {
        std::ofstream garbage(m_path, std::ios::binary);
        for (int i = 0; i < 4096; ++i) garbage.put(static_cast<char>((i * 7919) % 251));
    }
    try {
        RunStore store(m_path);
        FAIL() << "opened a corrupt file";
    } catch (const StoreError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(m_path), std::string::npos) << message;
        EXPECT_NE(message.find("not a database"), std::string::npos) << message;
    }
}

TEST_F(RunStoreTest, UnopenablePathsRaiseStoreErrorNamingThem) {
    for (const std::string& path : {(m_dir / "missing-dir" / "runs.db").string(), m_dir.string()}) {
        try {
            RunStore store(path);
            ADD_FAILURE() << "opened " << path;
        } catch (const StoreError& e) {
            EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        }
    }
}

TEST_F(RunStoreTest, ReadOnlyFileRaisesStoreError) {
    { RunStore store(m_path); }
    if (geteuid() == 0)
        GTEST_SKIP() << "root writes to read-only files (the read-only mount test covers root)";
    ASSERT_EQ(chmod(m_path.c_str(), 0444), 0);
    try {
        RunStore store(m_path);
        FAIL() << "opened a read-only file";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find(m_path), std::string::npos) << e.what();
    }
}

// A workspace on a read-only disk: a read-only bind mount stops root too. Without the right to
// mount, a non-root user gets the same from permissions.
TEST_F(RunStoreTest, AReadOnlyStoreReadsAWorkspaceThatCannotBeWritten) {
    std::int64_t finished = 0, orphan = 0;
    {
        RunStore store(m_path);
        finished = store.createRun(newRun("finished"));
        store.recordEpoch(finished, epochMetrics(0, 0.5, dartsV2(), 1));
        store.setStatus(finished, RunStatus::Finished);
        orphan = store.createRun(newRun("writer gone"));
    }
    // Left 'running' by a writer that is gone, and not marked yet.
    sqlite3* db = nullptr;
    sqlite3_open(m_path.c_str(), &db);
    sqlite3_exec(db, "UPDATE runs SET status = 'running' WHERE name = 'writer gone'", nullptr,
                 nullptr, nullptr);
    sqlite3_close(db);
    ASSERT_FALSE(fs::exists(m_path + "-wal"));  // a clean close folds the log back into the file

    fs::path folder = m_dir / "read-only-view";
    fs::create_directories(folder);
    if (mount(m_dir.c_str(), folder.c_str(), nullptr, MS_BIND, nullptr) == 0) {
        m_mounts.push_back(folder);
        ASSERT_EQ(
            mount(nullptr, folder.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr), 0);
    } else if (geteuid() == 0) {
        GTEST_SKIP() << "root may not mount here, and permissions do not stop root";
    } else {
        folder = m_dir;
        ASSERT_EQ(chmod(m_path.c_str(), 0444), 0);
        ASSERT_EQ(chmod(m_dir.c_str(), 0555), 0);
    }
    const auto path = (folder / "runs.db").string();
    const auto before = std::distance(fs::directory_iterator(folder), fs::directory_iterator());

    EXPECT_THROW(RunStore writable(path), StoreError);
    RunStore store(path, Access::ReadOnly);
    EXPECT_TRUE(store.readOnly());
    ASSERT_EQ(store.listRuns().size(), 2u);
    EXPECT_EQ(store.findRun(finished)->status, RunStatus::Finished);
    EXPECT_EQ(store.epochs(finished).size(), 1u);
    // Shown as the next writable open will mark it, though nothing is written.
    EXPECT_EQ(store.findRun(orphan)->status, RunStatus::Interrupted);
    EXPECT_THROW((void)store.createRun(newRun("refused")), StoreError);
    EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), before);
    EXPECT_EQ(query("SELECT status FROM runs WHERE id = " + std::to_string(orphan)), "running");
}

TEST_F(RunStoreTest, AReadOnlyStoreRefusesWhatIsNoWorkspace) {
    EXPECT_THROW(RunStore(m_path, Access::ReadOnly), StoreError);  // missing: not created
    EXPECT_FALSE(fs::exists(m_path));
    { std::ofstream empty(m_path); }
    try {
        RunStore store(m_path, Access::ReadOnly);
        ADD_FAILURE() << "opened an empty file as a workspace";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find(m_path), std::string::npos) << e.what();
    }
}

TEST_F(RunStoreTest, TwoStoresOnOneFileSeeEachOthersWrites) {
    RunStore writer(m_path);
    RunStore reader(m_path);
    const auto run = writer.createRun(newRun("shared"));
    writer.recordEpoch(run, epochMetrics(0, 0.5, dartsV2(), 1));
    EXPECT_EQ(reader.epochs(run).size(), 1u);
    EXPECT_EQ(reader.findRun(run)->status, RunStatus::Running);
}

// A search started beside `runs` on a new workspace: every process opening the new file at once
// must get a working store. Two connections switching a new file to WAL together deadlock, and
// SQLite fails one of them without waiting (it did, in about 1 of 7 processes).
TEST_F(RunStoreTest, ProcessesOpeningANewStoreTogetherAllSucceed) {
    constexpr int kRounds = 20, kProcesses = 3;
    for (int round = 0; round < kRounds; ++round) {
        const std::string path = (m_dir / ("new-" + std::to_string(round) + ".db")).string();
        int startGate[2];
        ASSERT_EQ(pipe(startGate), 0);
        std::vector<pid_t> children;
        for (int p = 0; p < kProcesses; ++p) {
            const pid_t child = fork();
            ASSERT_GE(child, 0);
            if (child == 0) {
                close(startGate[1]);
                char byte;
                (void)!read(startGate[0], &byte, 1);  // returns when the parent closes its end
                try {
                    RunStore store(path);
                    (void)store.createRun(newRun("opened together"));
                    _exit(0);
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "%s\n", e.what());
                    _exit(1);
                }
            }
            children.push_back(child);
        }
        close(startGate[0]);
        close(startGate[1]);  // all children start now
        for (pid_t child : children) {
            int status = 0;
            ASSERT_EQ(waitpid(child, &status, 0), child);
            EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "round " << round;
        }
        RunStore store(path);
        EXPECT_EQ(store.listRuns().size(), static_cast<std::size_t>(kProcesses))
            << "round " << round;
    }
}

TEST_F(RunStoreTest, AtomicallyKeepsAllOrNoneOfItsWrites) {
    RunStore store(m_path);
    const auto run = store.createRun(newRun("r"));
    EXPECT_THROW(store.atomically([&] {
        store.recordEpoch(run, epochMetrics(0, 0.5, dartsV2(), 1));
        store.recordCheckpoint(run, 0, "checkpoint-3.pt");
        throw std::runtime_error("killed between the two");
    }),
                 std::runtime_error);
    EXPECT_EQ(count("epochs"), 0);
    EXPECT_EQ(count("checkpoints"), 0);
    store.atomically([&] {
        store.recordEpoch(run, epochMetrics(0, 0.5, dartsV2(), 1));
        store.recordCheckpoint(run, 0, "checkpoint-3.pt");
    });
    EXPECT_EQ(count("epochs"), 1);
    EXPECT_EQ(store.latestCheckpoint(run)->path, "checkpoint-3.pt");
}

TEST(RunStoreSqlite, TransactionRollsBackWhenLeftByAnException) {
    Database db(":memory:");
    db.exec("CREATE TABLE t (x INTEGER)");
    try {
        Transaction transaction(db);
        Statement(db, "INSERT INTO t VALUES (1)").run();
        throw std::runtime_error("failed half-way");
    } catch (const std::runtime_error&) {
    }
    {
        Transaction transaction(db);
        Statement(db, "INSERT INTO t VALUES (2)").run();
        transaction.commit();
    }
    Statement sum(db, "SELECT COUNT(*), SUM(x) FROM t");
    ASSERT_TRUE(sum.step());
    EXPECT_EQ(sum.int64(0), 1);
    EXPECT_EQ(sum.int64(1), 2);
    EXPECT_THROW(Statement(db, "SELECT nonsense FROM nowhere"), StoreError);
}

}  // namespace
}  // namespace nas::store
