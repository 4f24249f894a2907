// predictor fit, rank and best as a user runs them: a real process on a tiny synthetic run.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "space/genotype.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Result {
    int status = -1;
    std::string output;
};

Result capture(const std::string& args, const char* redirect) {
    Result r;
    FILE* pipe = ::popen((std::string(NAS_CLI_PATH) + " " + args + " " + redirect).c_str(), "r");
    std::array<char, 4096> buf{};
    while (size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) r.output.append(buf.data(), n);
    const int raw = ::pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}
Result run(const std::string& args) { return capture(args, "2>&1"); }
Result stdoutOnly(const std::string& args) { return capture(args, "2>/dev/null"); }

// One tiny search for the whole suite: the predictor commands only read it (and add files to its
// folder).
class PredictorCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = fs::temp_directory_path() / ("nas-predictor-cli-" + std::to_string(::getpid()));
        fs::remove_all(s_dir);
        fs::create_directories(s_dir);
        const auto r =
            run("search --strategy darts --epochs 1 --dataset synthetic --channels 4 --layers 3 "
                "--batch-size 16 --steps-per-epoch 3 --threads 1 --seed 3 --quiet" +
                ws());
        ASSERT_EQ(r.status, 0) << r.output;
    }
    static void TearDownTestSuite() { fs::remove_all(s_dir); }
    static std::string ws() { return " --workspace " + s_dir.string(); }
    static std::string file(const std::string& name, const std::string& text) {
        const auto path = (s_dir / name).string();
        std::ofstream(path) << text;
        return path;
    }
    static void fit() {
        if (fs::exists(s_dir / "runs" / "1" / "predictor-gcn.pt")) return;
        const auto r =
            run("predictor fit 1 --samples 16 --epochs 4 --members 2 --batches 1" + ws());
        ASSERT_EQ(r.status, 0) << r.output;
    }
    static fs::path s_dir;
};
fs::path PredictorCli::s_dir;

}  // namespace

TEST_F(PredictorCli, FitScoresFitsReportsAndKeepsThePredictorWithTheRun) {
    const auto r = run("predictor fit 1 --samples 16 --epochs 4 --members 2 --batches 1" + ws());
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("16 uniform samples"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("scored 16/16"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("member 2/2 epoch 4/4"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("held out ("), std::string::npos) << r.output;
    EXPECT_TRUE(fs::exists(s_dir / "runs" / "1" / "predictor-gcn.pt"));
}

TEST_F(PredictorCli, FitRefusesSlips) {
    EXPECT_EQ(run("predictor fit 1 --model tree" + ws()).status, 2);
    EXPECT_EQ(run("predictor fit 1 --samples 2 --epochs 1" + ws()).status, 2);
    const auto negative = run("predictor fit 1 --recorded -3" + ws());
    EXPECT_EQ(negative.status, 2);
    EXPECT_NE(negative.output.find("--recorded must not be negative"), std::string::npos)
        << negative.output;
    EXPECT_EQ(run("predictor" + ws()).status, 2);
    EXPECT_EQ(run("predictor guess 1" + ws()).status, 2);
    const auto missing = run("predictor fit 99 --samples 5" + ws());
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.output.find("no run 99"), std::string::npos) << missing.output;
    const auto unfitted = run("predictor best 1 --model mlp" + ws());
    EXPECT_EQ(unfitted.status, 1);
    EXPECT_NE(unfitted.output.find("predictor fit 1 --model mlp"), std::string::npos)
        << unfitted.output;
}

TEST_F(PredictorCli, RankAnswersEveryGoodLineInOrderAndNamesTheBadOnes) {
    fit();
    const auto json1 = nas::space::toJson(*nas::space::publishedGenotype("DARTS_V1")).dump();
    // Line 2 is cut short, line 3 is blank (skipped), line 4 is JSON.
    const auto genotypes =
        file("genotypes.txt",
             "DARTS_V2\nGenotype(normal=[('sep_conv_3x3', 0)\n\n" + json1 + "\nDARTS_V1\n");
    const auto r = stdoutOnly("predictor rank 1 --genotypes " + genotypes + " --json" + ws());
    EXPECT_EQ(r.status, 1);  // one bad line
    const auto rows = json::parse(r.output);
    ASSERT_EQ(rows.size(), 3u) << r.output;
    EXPECT_EQ(rows[0]["line"], 1);
    EXPECT_EQ(rows[1]["line"], 4);
    EXPECT_EQ(rows[2]["line"], 5);
    for (const auto& row : rows) {
        EXPECT_TRUE(row["predicted"].is_number());
        EXPECT_GE(row["uncertainty"].get<double>(), 0.0);
        EXPECT_GE(row["supernet"].get<double>(), 0.0);
        EXPECT_LE(row["supernet"].get<double>(), 1.0);
        EXPECT_GT(row["params"].get<double>(), 0.0);
    }
    const auto all = run("predictor rank 1 --genotypes " + genotypes + ws());
    EXPECT_NE(all.output.find("line 2:"), std::string::npos) << all.output;
    EXPECT_EQ(all.output.find("line 3:"), std::string::npos) << all.output;

    const auto good = file("good.txt", "DARTS_V2\n");
    const auto plain = run("predictor rank 1 --genotypes " + good + ws());
    EXPECT_EQ(plain.status, 0) << plain.output;
    EXPECT_NE(plain.output.find("predicted"), std::string::npos) << plain.output;
}

TEST_F(PredictorCli, BestGivesTheTopUnderTheLimits) {
    fit();
    const auto r = stdoutOnly("predictor best 1 --top 3 --pool 40 --json" + ws());
    ASSERT_EQ(r.status, 0) << r.output;
    const auto doc = json::parse(r.output);
    EXPECT_EQ(doc["pool"], 40);
    ASSERT_EQ(doc["best"].size(), 3u);
    EXPECT_GE(doc["best"][0]["predicted"].get<double>(), doc["best"][1]["predicted"].get<double>());
    EXPECT_GE(doc["best"][1]["predicted"].get<double>(), doc["best"][2]["predicted"].get<double>());

    // A limit at the cheapest of the three keeps that one feasible.
    const double cheapest =
        std::min({doc["best"][0]["params"].get<double>(), doc["best"][1]["params"].get<double>(),
                  doc["best"][2]["params"].get<double>()});
    const auto limited = stdoutOnly("predictor best 1 --top 3 --pool 40 --json --max-params " +
                                    std::to_string(cheapest) + ws());
    ASSERT_EQ(limited.status, 0) << limited.output;
    for (const auto& c : json::parse(limited.output)["best"])
        EXPECT_LE(c["params"].get<double>(), cheapest);

    const auto impossible = run("predictor best 1 --max-params 10" + ws());
    EXPECT_EQ(impossible.status, 2);
    EXPECT_NE(impossible.output.find("max_params is impossible"), std::string::npos)
        << impossible.output;
    const auto table = run("predictor best 1 --top 2 --pool 20" + ws());
    EXPECT_EQ(table.status, 0) << table.output;
    EXPECT_NE(table.output.find("Genotype("), std::string::npos) << table.output;
}

TEST_F(PredictorCli, BestMeasuresLatencyOfTheBestPredictedAndRescoresTheTop) {
    fit();
    const auto r = stdoutOnly(
        "predictor best 1 --top 2 --pool 20 --max-latency-ms 1000 --device cpu --json" + ws());
    ASSERT_EQ(r.status, 0) << r.output;
    const auto doc = json::parse(r.output);
    ASSERT_EQ(doc["best"].size(), 2u);
    // A generous limit: the two best predicted are the only ones measured.
    EXPECT_EQ(doc["latency_measured"], 2);
    for (const auto& c : doc["best"]) EXPECT_GT(c["latency_ms"].get<double>(), 0.0);

    // No network runs in a nanosecond: every one of the 20 measured, none kept.
    const auto none = run("predictor best 1 --pool 20 --max-latency-ms 1e-9 --device cpu" + ws());
    EXPECT_EQ(none.status, 1);
    EXPECT_NE(none.output.find("20 best predicted measured for latency"), std::string::npos)
        << none.output;

    const auto rescored =
        stdoutOnly("predictor best 1 --top 3 --pool 20 --rescore 2 --json" + ws());
    ASSERT_EQ(rescored.status, 0) << rescored.output;
    const auto best = json::parse(rescored.output)["best"];
    ASSERT_EQ(best.size(), 3u);
    for (std::size_t i = 0; i + 1 < best.size(); ++i)
        EXPECT_GE(best[i]["rescored"].get<double>(), best[i + 1]["rescored"].get<double>());
}

TEST_F(PredictorCli, ScoresAreCachedWithTheRunAndReused) {
    fit();
    const auto cache = s_dir / "runs" / "1" / "shared-weight-scores.json";
    ASSERT_TRUE(fs::exists(cache));
    // One section per checkpoint and way of scoring: the fit's is on one batch.
    const auto before = json::parse(std::ifstream(cache));
    int fitSections = 0;
    for (const auto& [key, scores] : before.items())
        if (key.find(";batches 1;") != std::string::npos) {
            ++fitSections;
            EXPECT_GE(scores.size(), 16u);
        }
    EXPECT_EQ(fitSections, 1);
    // The same samples for a second model: nothing is scored again.
    const auto r =
        run("predictor fit 1 --model mlp --samples 16 --epochs 2 --members 1 --batches 1" + ws());
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("16 of them scored before"), std::string::npos) << r.output;
    // A cache that is not JSON is replaced, not an error.
    std::ofstream(cache) << "{ not json";
    const auto again =
        run("predictor fit 1 --model mlp --samples 16 --epochs 2 --members 1 --batches 1" + ws());
    EXPECT_EQ(again.status, 0) << again.output;
    EXPECT_TRUE(json::parse(std::ifstream(cache)).is_object());
}

TEST_F(PredictorCli, SampleDrawsDistinctArchitecturesOfTheSpaceReproducibly) {
    const auto first = stdoutOnly("sample 5 --seed 7");
    ASSERT_EQ(first.status, 0) << first.output;
    EXPECT_EQ(first.output, stdoutOnly("sample 5 --seed 7").output);
    EXPECT_NE(first.output, stdoutOnly("sample 5 --seed 8").output);
    std::istringstream lines(first.output);
    std::set<std::string> seen;
    for (std::string line; std::getline(lines, line);) {
        const auto genotype = nas::space::loadGenotype(line);
        EXPECT_EQ(genotype.normal.edges.size(), 8u);
        EXPECT_EQ(line.find("none"), std::string::npos);
        seen.insert(line);
    }
    EXPECT_EQ(seen.size(), 5u);
    const auto bad = run("sample 0");
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.output.find("N must be a whole number"), std::string::npos) << bad.output;
}
