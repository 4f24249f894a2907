// graph-distance and hidden-states as a user runs them, in-process: real files, a real workspace
// written through the run store.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "cli.h"
#include "engine/workspace.h"
#include "store/run_store.h"
#include "study/hidden_state_study.h"
#include "study/study_samples.h"
#include "study_fixtures.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Output {
    int status = -1;
    std::string out, err;
};

// The CLI in-process, as `nas-studio-cli <words>` would run.
Output runCli(std::vector<std::string> words) {
    words.insert(words.begin(), "nas-studio-cli");
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    testing::internal::CaptureStdout();
    testing::internal::CaptureStderr();
    Output o;
    o.status = nas::cli::run(static_cast<int>(argv.size()), argv.data());
    o.out = testing::internal::GetCapturedStdout();
    o.err = testing::internal::GetCapturedStderr();
    return o;
}

class StudyCli : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("nas-study-cli-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string file(const std::string& name, const std::string& text) const {
        const auto path = (m_dir / name).string();
        std::ofstream(path) << text;
        return path;
    }
    std::string workspace() const { return (m_dir / "ws").string(); }

    // A run with `count` samples; hidden states as "final_hidden" (even steps) or per-decision
    // "hidden_states" (odd steps) when `withStates`, else none.
    std::int64_t runWithSamples(int count, bool withStates) const {
        nas::store::RunStore store(nas::engine::Workspace(workspace()).databasePath());
        const auto id = store.createRun({"study", "enas", "synthetic", "{}", "cpu", "0.1.0", 1});
        std::mt19937 random(9);
        std::normal_distribution<float> gauss(0, 1);
        std::vector<nas::engine::SampleRecord> records;
        for (int i = 0; i < count; ++i) {
            nas::engine::SampleRecord r;
            r.step = i;
            r.architecture =
                nas::space::toJson(nas::study::fixtures::randomGenotype(random)).dump();
            r.score = 0.3 + 0.02 * i;
            if (withStates) {
                std::vector<float> rows;
                for (int d = 0; d < (i % 2 ? 12 : 4); ++d) rows.push_back(gauss(random));
                if (i % 2)
                    r.tensors.push_back({"hidden_states", {3, 4}, rows});
                else
                    r.tensors.push_back({"final_hidden", {4}, rows});
            }
            records.push_back(r);
        }
        store.recordSamples(id, records);
        store.setStatus(id, nas::engine::RunStatus::Finished);
        return id;
    }

    fs::path m_dir;
};

}  // namespace

TEST_F(StudyCli, UsageListsBothCommands) {
    EXPECT_NE(nas::cli::usage().find("graph-distance G1 G2"), std::string::npos);
    EXPECT_NE(nas::cli::usage().find("hidden-states RUN_ID"), std::string::npos);
}

TEST_F(StudyCli, GraphDistanceOfTwoGenotypeFiles) {
    using namespace nas::study::fixtures;
    // The normal cells are renumberings of each other (see graph_measures_test.cpp).
    const auto a = file("a.json", nas::space::toJson(genotype(baseCell(), baseCell())).dump());
    const auto b =
        file("b.json", nas::space::toJson(genotype(renumberedCell(), baseCell())).dump());
    const auto o = runCli({"graph-distance", a, b, "--json"});
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_EQ(json::parse(o.out),
              json({{"ged", 0}, {"common_connections", 14}, {"common_ops", 10}}));

    const auto text = runCli({"graph-distance", a, "DARTS_V2"});
    ASSERT_EQ(text.status, 0) << text.err;
    EXPECT_NE(text.out.find("graph edit distance"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("common connections"), std::string::npos);
}

TEST_F(StudyCli, GraphDistanceNamesTheBadGenotype) {
    const auto good =
        file("good.json", nas::space::toJson(*nas::space::publishedGenotype("DARTS_V2")).dump());
    const auto broken = file("broken.json", "{\"normal\": [");
    auto o = runCli({"graph-distance", good, broken});
    EXPECT_EQ(o.status, 1);
    EXPECT_NE(o.err.find("second genotype"), std::string::npos) << o.err;
    EXPECT_NE(o.err.find("not valid JSON"), std::string::npos) << o.err;

    o = runCli({"graph-distance", (m_dir / "missing.json").string(), good});
    EXPECT_EQ(o.status, 1);
    EXPECT_NE(o.err.find("first genotype"), std::string::npos) << o.err;
    EXPECT_NE(o.err.find("missing.json"), std::string::npos) << o.err;

    o = runCli({"graph-distance", good});
    EXPECT_EQ(o.status, 2);
    EXPECT_NE(o.err.find("give two genotypes"), std::string::npos) << o.err;
}

TEST_F(StudyCli, HiddenStatesStudiesTheRunsSamples) {
    const auto id = runWithSamples(9, true);
    const auto o = runCli({"hidden-states", std::to_string(id), "--window", "6", "--json",
                           "--workspace", workspace()});
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = json::parse(o.out);
    EXPECT_EQ(doc.at("samples"), 6);
    EXPECT_EQ(doc.at("pairs"), 15);
    EXPECT_EQ(doc.at("distance"), "l2");
    for (const char* name : {"ged", "common_connections", "common_ops", "reward_difference"})
        EXPECT_TRUE(doc.at("measures").contains(name)) << name;

    // The same figures as the study computed here from the stored records.
    const nas::store::RunStore store(nas::engine::Workspace(workspace()).databasePath(),
                                     nas::store::Access::ReadOnly);
    nas::study::StudyOptions options;
    options.window = 6;
    const auto expected =
        nas::study::studyHiddenStates(nas::study::studySamples(store.samples(id)), options);
    EXPECT_EQ(doc, json::parse(nas::study::toJson(expected).dump()));

    const auto text = runCli(
        {"hidden-states", std::to_string(id), "--distance", "cosine", "--workspace", workspace()});
    ASSERT_EQ(text.status, 0) << text.err;
    EXPECT_NE(text.out.find("last 9 of 9 samples"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("cosine distance"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("reward_difference"), std::string::npos) << text.out;
}

TEST_F(StudyCli, HiddenStatesExplainsARunWithoutThem) {
    const auto id = runWithSamples(5, false);
    auto o = runCli({"hidden-states", std::to_string(id), "--workspace", workspace()});
    EXPECT_EQ(o.status, 1);
    EXPECT_NE(o.err.find("run " + std::to_string(id) +
                         " has no controller hidden states: only controller strategies such as "
                         "enas record them"),
              std::string::npos)
        << o.err;

    o = runCli({"hidden-states", "99", "--workspace", workspace()});
    EXPECT_EQ(o.status, 1);
    EXPECT_NE(o.err.find("there is no run 99"), std::string::npos) << o.err;

    o = runCli({"hidden-states", std::to_string(id), "--distance", "manhattan", "--workspace",
                workspace()});
    EXPECT_EQ(o.status, 2);
    EXPECT_NE(o.err.find("manhattan"), std::string::npos) << o.err;
    o = runCli({"hidden-states", std::to_string(id), "--window", "2", "--workspace", workspace()});
    EXPECT_EQ(o.status, 2);
}
