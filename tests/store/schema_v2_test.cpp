// Schema v2 (samples as records of their own) and the upgrade of a v1 store, against the committed
// v1 workspace that the v1 code wrote and against fresh stores. Real SQLite files throughout.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "store/run_store.h"
#include "v1_fixture.h"

namespace nas::store {
namespace {

using namespace nas::store::testing;

// --- everything a store says about its runs, as text, so "the same data" is one comparison ---

std::string num(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

std::string describe(const engine::EpochMetrics& m) {
    return std::to_string(m.epoch) + " " + num(m.trainLoss) + " " + num(m.trainAccuracy) + " " +
           num(m.validLoss) + " " + num(m.validAccuracy) + " " + num(m.temperature) + " " +
           num(m.learningRate) + " " + num(m.seconds) + " " + space::toJson(m.genotype).dump() +
           " " + num(m.cost.params) + " " + num(m.cost.flops) + " " + num(m.cost.mac);
}

std::string describe(const engine::StepEvent& s) {
    std::string text = std::to_string(s.step) + " " + std::to_string(s.epoch) + " " +
                       std::to_string(s.stepInEpoch) + "/" + std::to_string(s.stepsPerEpoch) + " " +
                       num(s.loss) + " " + num(s.accuracy) + " " + num(s.temperature) + " " +
                       num(s.secondsPerStep) + " " + num(s.etaSeconds);
    for (const auto& [name, value] : s.scalars) text += " " + name + "=" + num(value);
    return text;
}

std::string describe(const engine::AlphaSnapshot& a) {
    std::string text = std::to_string(a.step) + " " + std::to_string(a.epoch) + " " +
                       nlohmann::json(a.normal.ops).dump() + nlohmann::json(a.reduce.ops).dump();
    for (const auto* cell : {&a.normal, &a.reduce})
        for (const auto& edge : cell->probs)
            for (const double p : edge) text += " " + num(p);
    return text;
}

std::string describe(const engine::SampledArchitecture& a) {
    std::string text = std::to_string(a.step) + " " + std::to_string(a.epoch) + " " +
                       space::toJson(a.genotype).dump() + " " + num(a.score) + " " +
                       (a.predicted ? num(*a.predicted) : "-");
    for (const float v : a.hiddenState) text += " " + num(v);
    return text;
}

std::string describe(const RunRecord& r) {
    return std::to_string(r.id) + " " + r.name + " " + r.strategy + " " + r.dataset + " " +
           r.configJson + " " + r.device + " " + r.version + " " + r.error + " " +
           engine::toString(r.status) + " " + std::to_string(r.seed) + " " + r.createdAt + " " +
           r.updatedAt + " " + std::to_string(r.epochsDone) + " " +
           (r.bestValidAccuracy ? num(*r.bestValidAccuracy) : "-") + " " +
           (r.params ? num(*r.params) : "-");
}

template <typename T>
std::vector<std::string> describeAll(const std::vector<T>& items) {
    std::vector<std::string> lines;
    for (const auto& item : items) lines.push_back(describe(item));
    return lines;
}

// Every run of `store` and all it recorded.
std::vector<std::string> everything(const RunStore& store) {
    std::vector<std::string> lines;
    for (const RunRecord& run : store.listRuns()) {
        lines.push_back("run " + describe(run));
        for (const auto& l : describeAll(store.epochs(run.id))) lines.push_back("epoch " + l);
        for (const auto& l : describeAll(store.steps(run.id))) lines.push_back("step " + l);
        for (const auto& l : describeAll(store.alphaSnapshots(run.id)))
            lines.push_back("alpha " + l);
        for (const auto& l : describeAll(store.architectures(run.id))) lines.push_back("arch " + l);
        for (const auto& [step, c] : store.constraintChanges(run.id))
            lines.push_back("constraint " + std::to_string(step) + " " + num(c.strength));
        if (const auto checkpoint = store.latestCheckpoint(run.id))
            lines.push_back("checkpoint " + std::to_string(checkpoint->epoch) + " " +
                            checkpoint->path);
    }
    return lines;
}

class SchemaV2 : public ::testing::Test {
  protected:
    void SetUp() override {
        m_workspace = copyV1Workspace(m_temp.path());
        m_db = (m_workspace / "runs.sqlite").string();
        ASSERT_EQ(queryText(m_db, "PRAGMA user_version"), "1") << "the fixture is no v1 store";
    }

    TempDir m_temp;
    fs::path m_workspace;
    std::string m_db;
};

// --- (a) the v1 fixture upgrades and shows the same data -----------------------------------------

TEST_F(SchemaV2, AReadOnlyStoreReadsAV1FileAsItStands) {
    const std::string before = fileBytes(m_db);
    {
        RunStore store(m_db, Access::ReadOnly);
        ASSERT_EQ(store.listRuns().size(), 3u);
        const auto samples = store.samples(1);
        ASSERT_EQ(samples.size(), 16u);
        EXPECT_FALSE(samples.front().architecture.empty());
        EXPECT_EQ(store.architectures(1).size(), 16u);
        EXPECT_EQ(store.alphaSnapshots(2).size(), 3u);
        EXPECT_EQ(store.steps(3).size(), 20u);
    }
    EXPECT_EQ(fileBytes(m_db), before) << "a read-only open changed the v1 file";
    EXPECT_EQ(queryText(m_db, "PRAGMA user_version"), "1");
}

TEST_F(SchemaV2, AV1StoreOpenedReadWriteUpgradesKeepingEveryRun) {
    std::vector<std::string> before;
    {
        const RunStore v1(m_db, Access::ReadOnly);
        before = everything(v1);
    }
    // What the v1 table held, read straight from the file.
    const std::string v1Rows = queryText(
        m_db,
        "SELECT group_concat(id || ':' || run_id || ':' || step || ':' || epoch || ':' || "
        "genotype_json || ':' || quote(score), '|') FROM (SELECT * FROM architectures ORDER BY "
        "id)");
    ASSERT_FALSE(v1Rows.empty());

    RunStore store(m_db);
    EXPECT_EQ(queryText(m_db, "PRAGMA user_version"), "3");
    EXPECT_FALSE(hasTable(m_db, "architectures"));
    for (const char* table : {"samples", "sample_tensors", "step_scalars"})
        EXPECT_TRUE(hasTable(m_db, table)) << table;
    EXPECT_EQ(queryText(m_db,
                        "SELECT group_concat(id || ':' || run_id || ':' || step || ':' || "
                        "epoch || ':' || architecture_json || ':' || quote(score), '|') "
                        "FROM (SELECT * FROM samples ORDER BY id)"),
              v1Rows)
        << "samples do not hold the architectures' genotype text and scores unchanged";
    EXPECT_EQ(queryText(m_db, "SELECT COUNT(*) FROM samples WHERE metrics_json = '{}'"), "16");
    EXPECT_EQ(queryText(m_db, "SELECT COUNT(*) FROM sample_tensors"),
              "0");  // random keeps no state

    EXPECT_EQ(everything(store), before);
    const auto samples = store.samples(1);
    ASSERT_EQ(samples.size(), 16u);
    for (const auto& s : samples)
        EXPECT_NO_THROW(space::genotypeFromJson(nlohmann::json::parse(s.architecture)));
    EXPECT_EQ(queryText(m_db, "PRAGMA foreign_key_check"), "");
    EXPECT_EQ(queryText(m_db, "PRAGMA integrity_check"), "ok");
}

TEST_F(SchemaV2, AHiddenStateBecomesATensorOfShapeN) {
    // The fixture's random search keeps no state; give two of its rows what a controller would.
    execSql(m_db,
            "UPDATE architectures SET hidden_state = X'0000803F000000C0', predicted = 0.25 "
            "WHERE id = (SELECT MIN(id) FROM architectures)");  // floats 1 and -2
    RunStore store(m_db);
    EXPECT_EQ(queryText(m_db, "SELECT shape_json || ' ' || name FROM sample_tensors"),
              "[2] hidden_state");
    const auto samples = store.samples(1);
    ASSERT_EQ(samples.size(), 16u);
    const auto withState = std::find_if(samples.begin(), samples.end(),
                                        [](const auto& s) { return !s.tensors.empty(); });
    ASSERT_NE(withState, samples.end());
    ASSERT_EQ(withState->tensors.size(), 1u);
    EXPECT_EQ(withState->tensors[0].shape, (std::vector<std::int64_t>{2}));
    EXPECT_EQ(withState->tensors[0].values, (std::vector<float>{1.0f, -2.0f}));
    EXPECT_DOUBLE_EQ(withState->predicted.value(), 0.25);
    const auto architectures = store.architectures(1);
    const auto old = std::find_if(architectures.begin(), architectures.end(),
                                  [](const auto& a) { return !a.hiddenState.empty(); });
    ASSERT_NE(old, architectures.end());
    EXPECT_EQ(old->hiddenState, (std::vector<float>{1.0f, -2.0f}));
}

// --- (b) a failed upgrade leaves the file as it was
// -----------------------------------------------

// Opens `db` read-write, expects the upgrade to fail, and checks the file did not change.
void expectUpgradeFailsLeavingTheFile(const std::string& db, const std::string& cause) {
    const std::string before = fileBytes(db);
    try {
        RunStore store(db);
        ADD_FAILURE() << "the upgrade succeeded";
    } catch (const StoreError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(db), std::string::npos) << message;
        EXPECT_NE(message.find("version 1 to 3"), std::string::npos) << message;
        EXPECT_NE(message.find(cause), std::string::npos) << message;
    }
    EXPECT_EQ(fileBytes(db), before) << "a failed upgrade changed the file";
    EXPECT_FALSE(fs::exists(db + "-wal")) << "a failed upgrade left a log behind";
    EXPECT_EQ(queryText(db, "PRAGMA user_version"), "1");
    EXPECT_EQ(queryText(db, "SELECT COUNT(*) FROM architectures"), "16");
}

TEST_F(SchemaV2, AnUpgradeThatFailsAtOnceLeavesTheV1FileByteIdentical) {
    execSql(m_db, "CREATE TABLE samples (note TEXT)");  // in the way of the new table
    expectUpgradeFailsLeavingTheFile(m_db, "samples already exists");
    // Still readable as v1, and refused again the same way.
    EXPECT_EQ(RunStore(m_db, Access::ReadOnly).listRuns().size(), 3u);
    expectUpgradeFailsLeavingTheFile(m_db, "samples already exists");
}

TEST_F(SchemaV2, AnUpgradeThatFailsAfterCopyingRowsLeavesTheV1FileByteIdentical) {
    // A row that refers to an architecture: dropping the v1 table, the last step, breaks the
    // reference, after every row was already copied into `samples`.
    execSql(m_db,
            "CREATE TABLE notes (architecture_id INTEGER REFERENCES architectures(id));"
            "INSERT INTO notes SELECT MIN(id) FROM architectures;");
    expectUpgradeFailsLeavingTheFile(m_db, "FOREIGN KEY constraint failed");
    EXPECT_FALSE(hasTable(m_db, "samples"));
}

// --- (c) round trips on a v2 store ------------------------------------------------------------

NewRun newRun(const std::string& name) {
    return {name, "reinforce", "synthetic", R"({"epochs": 2})", "cpu", "0.2.0", 7};
}

engine::SampleRecord sample(std::int64_t step, int epoch, const std::string& architecture,
                            double score) {
    engine::SampleRecord s;
    s.step = step;
    s.epoch = epoch;
    s.architecture = architecture;
    s.score = score;
    return s;
}

class FreshStore : public ::testing::Test {
  protected:
    TempDir m_temp;
    std::string m_db = (m_temp.path() / "runs.sqlite").string();
};

TEST_F(FreshStore, SamplesRoundTripWithTensorsMetricsAndPrediction) {
    RunStore store(m_db);
    const auto run = store.createRun(newRun("r"));
    auto full = sample(5, 0, R"({"kind":"chain","ops":["conv3x3","skip"]})", 0.61);
    full.predicted = 0.58;
    full.tensors = {{"hidden_state", {2, 3}, {0.5f, -1.25f, 3e-8f, 1e30f, 0.0f, -0.0f}},
                    {"embedding", {4}, {1, 2, 3, 4}},
                    {"empty", {0, 3}, {}}};
    full.metrics = {{"zeta", 1.5}, {"latency_ms", 3.25}, {"alpha", -2}};  // not in name order
    auto bare = sample(2, 0, "", std::numeric_limits<double>::quiet_NaN());
    store.recordSamples(run, {full, bare});
    store.recordSamples(run, {sample(9, 1, R"({"kind":"chain","ops":[]})", 0.7)});

    const auto back = store.samples(run);
    ASSERT_EQ(back.size(), 3u);
    EXPECT_EQ(back[0].step, 2);  // by step
    EXPECT_TRUE(back[0].architecture.empty());
    EXPECT_TRUE(std::isnan(back[0].score));
    EXPECT_FALSE(back[0].predicted);
    EXPECT_TRUE(back[0].tensors.empty());
    EXPECT_TRUE(back[0].metrics.empty());

    const auto& s = back[1];
    EXPECT_EQ(s.step, 5);
    EXPECT_EQ(s.epoch, 0);
    EXPECT_EQ(nlohmann::json::parse(s.architecture), nlohmann::json::parse(full.architecture));
    EXPECT_DOUBLE_EQ(s.score, 0.61);
    EXPECT_DOUBLE_EQ(s.predicted.value(), 0.58);
    ASSERT_EQ(s.tensors.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(s.tensors[i].name, full.tensors[i].name);
        EXPECT_EQ(s.tensors[i].shape, full.tensors[i].shape);
        EXPECT_EQ(s.tensors[i].values, full.tensors[i].values);
    }
    EXPECT_EQ(s.metrics, full.metrics);
    EXPECT_EQ(back[2].epoch, 1);
    EXPECT_EQ(queryText(m_db, "SELECT shape_json FROM sample_tensors WHERE name = 'hidden_state'"),
              "[2,3]");
}

TEST_F(FreshStore, ATensorWhoseShapeDoesNotFitIsRefusedWithTheWholeBatch) {
    RunStore store(m_db);
    const auto run = store.createRun(newRun("r"));
    auto wrong = sample(1, 0, "{}", 0.5);
    wrong.tensors = {{"state", {2, 2}, {1, 2, 3}}};
    try {
        store.recordSamples(run, {sample(0, 0, "{}", 0.4), wrong});
        ADD_FAILURE() << "a 2x2 tensor of 3 values was stored";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("state"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(store.samples(run).empty());
}

TEST_F(FreshStore, ArchitecturesAreSamplesOfGenotypes) {
    RunStore store(m_db);
    const auto run = store.createRun(newRun("r"));
    engine::SampledArchitecture a;
    a.step = 3;
    a.genotype = *space::publishedGenotype("DARTS_V2");
    a.score = 0.5;
    a.predicted = 0.45;
    a.hiddenState = {0.25f, 0.5f, 0.75f};
    store.recordArchitectures(run, {a});

    const auto samples = store.samples(run);
    ASSERT_EQ(samples.size(), 1u);
    EXPECT_EQ(samples[0].architecture, space::toJson(a.genotype).dump());
    ASSERT_EQ(samples[0].tensors.size(), 1u);
    EXPECT_EQ(samples[0].tensors[0].name, "hidden_state");
    EXPECT_EQ(samples[0].tensors[0].shape, (std::vector<std::int64_t>{3}));
    const auto back = store.architectures(run);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(describe(back[0]), describe(a));

    store.recordSamples(run, {sample(4, 0, R"({"not":"a genotype"})", 0.1)});
    EXPECT_THROW((void)store.architectures(run), StoreError);
}

engine::StepEvent stepWith(std::int64_t step, int epoch,
                           std::vector<std::pair<std::string, double>> scalars) {
    engine::StepEvent s;
    s.step = step;
    s.epoch = epoch;
    s.stepsPerEpoch = 2;
    s.stepInEpoch = static_cast<int>(step % 2);
    s.loss = 1.0 / (step + 1);
    s.scalars = std::move(scalars);
    return s;
}

TEST_F(FreshStore, StepScalarsRoundTripAndFollowTheirSteps) {
    RunStore store(m_db);
    const auto run = store.createRun(newRun("r"));
    const auto other = store.createRun(newRun("other"));
    const std::vector<std::pair<std::string, double>> first = {
        {"reward", 0.75}, {"baseline", 0.5}, {"entropy", 1.25}};
    store.recordSteps(run, {stepWith(0, 0, first), stepWith(1, 0, {}),
                            stepWith(2, 1, {{"reward", 0.8}}), stepWith(3, 1, {{"reward", 0.9}})});
    store.recordSteps(other, {stepWith(0, 0, {{"reward", -1}})});

    auto steps = store.steps(run);
    ASSERT_EQ(steps.size(), 4u);
    EXPECT_EQ(steps[0].scalars, first);  // in the order recorded
    EXPECT_TRUE(steps[1].scalars.empty());
    EXPECT_EQ(steps[3].scalars, (std::vector<std::pair<std::string, double>>{{"reward", 0.9}}));

    // Recording a step again replaces its scalars.
    store.recordSteps(run, {stepWith(0, 0, {{"entropy", 2.0}})});
    EXPECT_EQ(store.steps(run)[0].scalars,
              (std::vector<std::pair<std::string, double>>{{"entropy", 2.0}}));

    // A resume that continues at epoch 1 drops the later steps' scalars too.
    store.discardFrom(run, 1, 2);
    steps = store.steps(run);
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(
        queryText(m_db, "SELECT COUNT(*) FROM step_scalars WHERE run_id = " + std::to_string(run)),
        "1");

    store.deleteRun(run);
    EXPECT_EQ(queryText(m_db, "SELECT COUNT(*) FROM step_scalars"), "1");  // only the other run's
    EXPECT_EQ(store.steps(other)[0].scalars.front().first, "reward");
}

TEST_F(FreshStore, DiscardingAndDeletingTakeSamplesAndTheirTensors) {
    RunStore store(m_db);
    const auto run = store.createRun(newRun("r"));
    for (int epoch = 0; epoch < 3; ++epoch) {
        auto s = sample(epoch * 10, epoch, "{}", 0.5);
        s.tensors = {{"state", {1}, {static_cast<float>(epoch)}}};
        store.recordSamples(run, {s});
    }
    store.discardAfterEpoch(run, 0);
    EXPECT_EQ(store.samples(run).size(), 1u);
    EXPECT_EQ(queryText(m_db, "SELECT COUNT(*) FROM sample_tensors"), "1");
    store.deleteRun(run);
    EXPECT_EQ(queryText(m_db, "SELECT COUNT(*) FROM samples"), "0");
    EXPECT_EQ(queryText(m_db, "SELECT COUNT(*) FROM sample_tensors"), "0");
}

// --- (d) a v2 store is not upgraded again --------------------------------------------------------

TEST_F(SchemaV2, AnUpgradedStoreReopensWithoutMigratingAgain) {
    std::vector<std::string> upgraded;
    {
        RunStore store(m_db);
        upgraded = everything(store);
    }
    // Were the v1 -> v2 step run again, this table would be in its way and fail the open.
    execSql(m_db,
            "CREATE TABLE architectures (id INTEGER PRIMARY KEY, run_id INTEGER, step INTEGER, "
            "epoch INTEGER, genotype_json TEXT, score REAL, predicted REAL, hidden_state BLOB);"
            "INSERT INTO architectures (run_id, step, epoch, score) VALUES (1, 0, 0, 0.5);");
    const std::string before = fileBytes(m_db);
    {
        RunStore again(m_db);
        EXPECT_EQ(everything(again), upgraded);
        EXPECT_EQ(again.samples(1).size(), 16u);
    }
    EXPECT_EQ(fileBytes(m_db), before) << "reopening a v2 store wrote to it";
    EXPECT_EQ(queryText(m_db, "PRAGMA user_version"), "3");
    EXPECT_EQ(queryText(m_db, "SELECT COUNT(*) FROM samples"), "16");
}

TEST_F(FreshStore, ANewStoreIsCreatedAtTheCurrentVersion) {
    { RunStore store(m_db); }
    EXPECT_EQ(queryText(m_db, "PRAGMA user_version"), "3");
    EXPECT_FALSE(hasTable(m_db, "architectures"));
    EXPECT_TRUE(hasTable(m_db, "samples"));
    RunStore readOnly(m_db, Access::ReadOnly);
    EXPECT_TRUE(readOnly.listRuns().empty());
}

// v3: an epoch's derived architecture in another space than the DARTS cell, e.g. a layer chain.
TEST_F(FreshStore, AnEpochKeepsAnArchitectureOfAnotherSpaceAndAV2StoreGainsTheColumn) {
    const std::string layers = R"({"stem_filters":16,"layers":[]})";
    std::int64_t run = 0;
    {
        RunStore store(m_db);
        run = store.createRun(newRun("r"));
        engine::EpochMetrics m;
        m.validAccuracy = 0.5;
        m.architecture = layers;
        m.cost.params = 1234;
        store.recordEpoch(run, m);
        const auto back = store.epochs(run);
        ASSERT_EQ(back.size(), 1u);
        EXPECT_EQ(back[0].architecture, layers);
        EXPECT_EQ(back[0].genotype, space::Genotype{});
        EXPECT_EQ(back[0].cost.params, 1234);  // a derived network, though no cell
        EXPECT_EQ(store.findRun(run)->params, 1234);
        engine::Constraints floor;
        floor.minIntensity = 5;
        store.recordConstraintChange(run, 3, floor);
        EXPECT_EQ(store.constraintChanges(run).at(0).second.minIntensity, 5);
    }
    // The same file as a v2 program left it: no architecture column.
    execSql(m_db,
            "ALTER TABLE epochs DROP COLUMN architecture_json; ALTER TABLE constraint_changes DROP "
            "COLUMN min_intensity; PRAGMA user_version = 2;");
    {
        RunStore readOnly(m_db, Access::ReadOnly);
        ASSERT_EQ(readOnly.epochs(run).size(), 1u);
        EXPECT_EQ(readOnly.epochs(run)[0].architecture, "");
        EXPECT_FALSE(readOnly.constraintChanges(run).at(0).second.minIntensity);
    }
    EXPECT_EQ(queryText(m_db, "PRAGMA user_version"), "2") << "a read-only open upgraded";
    RunStore upgraded(m_db);
    EXPECT_EQ(queryText(m_db, "PRAGMA user_version"), "3");
    EXPECT_EQ(upgraded.epochs(run).size(), 1u);
    engine::EpochMetrics next;
    next.epoch = 1;
    next.architecture = layers;
    upgraded.recordEpoch(run, next);
    EXPECT_EQ(upgraded.epochs(run)[1].architecture, layers);
    engine::Constraints floor;
    floor.minIntensity = 7;
    upgraded.recordConstraintChange(run, 9, floor);
    EXPECT_EQ(upgraded.constraintChanges(run).back().second.minIntensity, 7);
}

}  // namespace
}  // namespace nas::store
