// `evaluate` as one task of a job array and `import-results` gathering the results into a run:
// real processes, each way an evaluation can end with its own exit status and JSON result.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli_process.h"

namespace fs = std::filesystem;
using cli_process::run;
using cli_process::stdoutOf;
using nlohmann::json;

namespace {

// A small candidate on synthetic images: a few seconds of training.
const std::string kSmall =
    " --dataset synthetic --epochs 1 --channels 4 --layers 3 --batch-size 16 --train-limit 64"
    " --test-limit 32 --threads 1";

class Evaluate : public cli_process::FolderTest {
  protected:
    static json readJson(const std::string& file) {
        std::ifstream in(file);
        return json::parse(in);
    }
};

TEST_F(Evaluate, TrainsOneCandidateAndWritesOneJsonResult) {
    const auto out = path("result-7.json");
    const auto r = run("evaluate --genotype DARTS_V2 --id 7 --json --out " + out + kSmall);
    ASSERT_EQ(r.status, 0) << r.output;
    const auto result =
        json::parse(stdoutOf("evaluate --genotype DARTS_V2 --id 7 --json" + kSmall));
    EXPECT_EQ(result["status"], "ok");
    EXPECT_EQ(result["format"], "nas-studio-evaluation");
    EXPECT_EQ(result["id"], "7");
    EXPECT_EQ(result["channels"], 4);
    EXPECT_GT(result["params"].get<double>(), 0);
    EXPECT_GE(result["test_accuracy"].get<double>(), 0.0);
    EXPECT_LE(result["test_accuracy"].get<double>(), 1.0);
    EXPECT_EQ(result["test_images"], 32);
    EXPECT_NE(result["genotype"].get<std::string>().find("Genotype(normal="), std::string::npos);
    // The file holds the same result (one seed, one thread: the same training).
    EXPECT_EQ(readJson(out)["test_accuracy"], result["test_accuracy"]);
}

TEST_F(Evaluate, BadInputIsRefusedWithStatusTwoBeforeTraining) {
    const auto bogus =
        run("evaluate --json --genotype \"Genotype(normal=[('warp_conv', 0), ('skip_connect', 1)], "
            "normal_concat=[2], reduce=[('max_pool_3x3', 0), ('skip_connect', 1)], "
            "reduce_concat=[2])\"" +
            kSmall);
    EXPECT_EQ(bogus.status, 2) << bogus.output;
    EXPECT_NE(bogus.output.find("\"status\": \"bad_input\""), std::string::npos) << bogus.output;
    EXPECT_NE(bogus.output.find("warp_conv"), std::string::npos) << bogus.output;

    const auto out = path("missing-data.json");
    const auto missing = run("evaluate --genotype DARTS_V2 --dataset fashion-mnist --data-path " +
                             path("nowhere") + " --epochs 1 --channels 4 --layers 3 --out " + out);
    EXPECT_EQ(missing.status, 2) << missing.output;
    EXPECT_EQ(readJson(out)["status"], "bad_input");
    EXPECT_NE(readJson(out)["error"].get<std::string>().find("nowhere"), std::string::npos);

    EXPECT_EQ(run("evaluate --json" + kSmall).status, 2);  // no candidate at all
}

TEST_F(Evaluate, ADivergedTrainingEndsWithStatusThree) {
    const auto r = run("evaluate --genotype DARTS_V2 --lr 1e30 --json" + kSmall);
    EXPECT_EQ(r.status, 3) << r.output;
    EXPECT_NE(r.output.find("\"status\": \"diverged\""), std::string::npos) << r.output;
}

TEST_F(Evaluate, RunningOutOfMemoryEndsWithStatusFour) {
    // A 2.5 GB address space: LibTorch starts, the first large batch cannot be allocated. A CUDA
    // build of LibTorch maps more than that as it loads, so there the limit cannot stand in for a
    // full memory (seen on an H200 machine): the CLI must at least start under it.
    const auto start = cli_process::capture("strategies", "2>&1", "ulimit -v 2500000; ");
    if (start.status != 0)
        GTEST_SKIP() << "this LibTorch does not load within 2.5 GB of address space: "
                     << start.output.substr(0, 300);
    const auto out = path("oom.json");
    const auto r = cli_process::capture(
        "evaluate --genotype DARTS_V2 --dataset synthetic --channels 64 --layers 8 --batch-size 512"
        " --epochs 1 --train-limit 1024 --test-limit 64 --threads 1 --out " +
            out,
        "2>&1", "ulimit -v 2500000; ");
    EXPECT_EQ(r.status, 4) << r.output;
    EXPECT_EQ(readJson(out)["status"], "out_of_memory");
}

TEST_F(Evaluate, ASignalEndsItWithStatus130) {
    const auto out = path("stopped.json");
    const auto log = path("stderr.txt");
    const pid_t child = ::fork();
    if (child == 0) {
        const auto command = std::string("exec ") + NAS_CLI_PATH +
                             " evaluate --genotype DARTS_V2 --dataset synthetic --epochs 50 "
                             "--channels 4 --layers 3 --batch-size 16 --threads 1 --out " +
                             out + " 2>" + log;
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Once training has started, as a scheduler preempting the task would.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    bool training = false;
    while (!training && std::chrono::steady_clock::now() < deadline) {
        std::ifstream in(log);
        std::stringstream text;
        text << in.rdbuf();
        training = text.str().find("step") != std::string::npos;
        if (!training) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(training);
    ::kill(child, SIGTERM);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 130);
    EXPECT_EQ(readJson(out)["status"], "interrupted");
}

TEST_F(Evaluate, ImportedResultsJoinTheRunOnceAndABadFileImportsNothing) {
    const auto ws = " --workspace " + path("ws");
    ASSERT_EQ(run("search --strategy darts --dataset synthetic --epochs 1 --steps-per-epoch 2 "
                  "--batch-size 16 --channels 4 --layers 3 --threads 1 --quiet" +
                  ws)
                  .status,
              0);
    const auto first = path("a.json");
    const auto second = path("b.json");
    ASSERT_EQ(run("evaluate --genotype DARTS_V2 --out " + first + kSmall).status, 0);
    ASSERT_EQ(run("evaluate --genotype DARTS_V1 --out " + second + kSmall).status, 0);
    std::ofstream(path("diverged.json"))
        << R"({"format": "nas-studio-evaluation", "status": "diverged", "error": "loss nan"})";
    std::ofstream(path("broken.json")) << "{\"format\": ";

    // A broken file stops the import before anything is written.
    const auto broken = run("import-results 1 " + first + " " + path("broken.json") + ws);
    EXPECT_EQ(broken.status, 2) << broken.output;
    EXPECT_NE(broken.output.find("broken.json"), std::string::npos) << broken.output;
    EXPECT_TRUE(json::parse(stdoutOf("show 1 --json" + ws))["evaluations"].empty());

    const auto imported =
        run("import-results 1 " + first + " " + second + " " + path("diverged.json") + ws);
    ASSERT_EQ(imported.status, 0) << imported.output;
    EXPECT_NE(imported.output.find("2 result(s) imported, 1 skipped"), std::string::npos)
        << imported.output;
    const auto shown = json::parse(stdoutOf("show 1 --json" + ws))["evaluations"];
    ASSERT_EQ(shown.size(), 2u);
    EXPECT_EQ(shown[0]["test_accuracy"], readJson(first)["test_accuracy"]);
    EXPECT_EQ(shown[0]["params"], readJson(first)["params"]);
    EXPECT_NE(run("show 1" + ws).output.find("evaluated from scratch"), std::string::npos);

    // Importing the same file again adds nothing.
    const auto again = run("import-results 1 " + first + ws);
    EXPECT_NE(again.output.find("0 result(s) imported, 1 skipped"), std::string::npos)
        << again.output;
    EXPECT_EQ(json::parse(stdoutOf("show 1 --json" + ws))["evaluations"].size(), 2u);
}

}  // namespace
