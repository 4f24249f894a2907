// The command-line tool as a user runs it: real processes, a real workspace, real files.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "../export/python_runner.h"
#include "cli_process.h"
#include "engine/search_config.h"
#include "space/genotype.h"
#include "store/run_store.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using cli_process::capture;
using cli_process::Result;
using cli_process::run;
using cli_process::stdoutOf;

class Cli : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("nas-cli-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override {
        for (const auto& mounted : m_mounts) ::umount2(mounted.c_str(), MNT_DETACH);
        fs::remove_all(m_dir);
    }
    // Mounts `type` (tmpfs, or a read-only view of `source`) at `target`; false where this process
    // may not mount (not root, or a container without the right), for the test to skip.
    bool mountAt(const fs::path& target, const char* options, const fs::path& source = {}) {
        fs::create_directories(target);
        if (source.empty()) {
            if (::mount("tmpfs", target.c_str(), "tmpfs", 0, options) != 0) return false;
            m_mounts.push_back(target);
            return true;
        }
        if (::mount(source.c_str(), target.c_str(), nullptr, MS_BIND, nullptr) != 0) return false;
        m_mounts.push_back(target);
        return ::mount(nullptr, target.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY,
                       nullptr) == 0;
    }
    // A workspace with one finished run of DARTS_V2, made through the store as a search makes it.
    void makeWorkspaceWithAFinishedRun(const std::string& name) const {
        fs::create_directories(m_dir / "ws");
        nas::store::RunStore store((m_dir / "ws" / "runs.sqlite").string());
        nas::engine::SearchConfig config;
        config.dataset.name = "synthetic";
        const auto id =
            store.createRun({name, "darts", "synthetic", nas::engine::toJson(config).dump(),
                             "cpu (1 thread)", "0.1.0", 3});
        nas::engine::EpochMetrics epoch;
        epoch.genotype = *nas::space::publishedGenotype("DARTS_V2");
        epoch.validAccuracy = 0.5;
        epoch.cost.params = 1000;
        store.recordEpoch(id, epoch);
        store.setStatus(id, nas::engine::RunStatus::Finished);
    }
    std::string ws() const { return " --workspace " + (m_dir / "ws").string(); }
    std::string file(const std::string& name, const std::string& text) const {
        const auto path = (m_dir / name).string();
        std::ofstream(path) << text;
        return path;
    }
    json runs() const { return json::parse(stdoutOf("runs --json" + ws())); }

    fs::path m_dir;
    std::vector<fs::path> m_mounts;  // unmounted before the folder is removed
};

// On the CPU whatever the machine: the kill-and-resume tests expect bit-identical runs, which a GPU
// does not give (README, GPU section), and the interrupt tests expect a run still going after half
// a second, which a tiny search on a GPU may not be.
const char* kTinySearch =
    " --dataset synthetic --channels 4 --layers 3 --batch-size 16 --steps-per-epoch 3 --threads 1 "
    "--seed 3 --device cpu";

}  // namespace

TEST_F(Cli, InspectPrintsTheReferenceDartsV2Costs) {
    const auto plain =
        json::parse(stdoutOf("inspect --genotype DARTS_V2 --channels 36 --layers 20 --classes 10 "
                             "--input 3x32x32 --json"));
    EXPECT_EQ(plain["params"], 3349342);
    EXPECT_EQ(plain["built_params"], 3349342);
    EXPECT_GT(plain["flops"].get<double>(), 5e8);
    EXPECT_GT(plain["mac"].get<double>(), 0);
    const auto aux =
        json::parse(stdoutOf("inspect --genotype DARTS_V2 --channels 36 --layers 20 --classes 10 "
                             "--input 3x32x32 --auxiliary --json"));
    EXPECT_EQ(aux["params"], 3825768);
    // A DARTS string given inline reads the same as the published name.
    const auto text = nas::space::toDartsString(*nas::space::publishedGenotype("DARTS_V2"));
    const auto inlineText = json::parse(stdoutOf("inspect --genotype \"" + text + "\" --json"));
    EXPECT_EQ(inlineText["params"], 3349342);
}

TEST_F(Cli, SearchShowExportRoundTrip) {
    const auto r = run(std::string("search --strategy snas --epochs 2") + kTinySearch + ws());
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("epoch 2/2 done"), std::string::npos) << r.output;
    const auto list = runs();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["status"], "finished");
    EXPECT_EQ(list[0]["epochs_done"], 2);
    const auto id = list[0]["id"].get<long long>();
    const auto shown = json::parse(stdoutOf("show " + std::to_string(id) + " --json" + ws()));
    ASSERT_EQ(shown["epochs"].size(), 2u);
    const auto out = (m_dir / "export").string();
    const auto ex = run("export " + std::to_string(id) + " --out " + out + ws());
    ASSERT_EQ(ex.status, 0) << ex.output;
    const auto doc = json::parse(std::ifstream(out + "/genotype.json"));
    EXPECT_EQ(nas::space::genotypeFromJson(doc["genotype"]),
              nas::space::genotypeFromJson(shown["epochs"][1]["genotype"]));
    for (const char* key :
         {"config", "seed", "libtorch_version", "device", "commit", "nas_studio_version"})
        EXPECT_TRUE(doc["manifest"].contains(key)) << key;
    EXPECT_EQ(doc["manifest"]["seed"], 3);
    EXPECT_GT(doc["cost"]["params"].get<double>(), 0);
    EXPECT_TRUE(fs::exists(out + "/model.py"));
    // The export reads back as a genotype for train/inspect.
    EXPECT_EQ(nas::space::loadGenotype(out + "/genotype.json"),
              nas::space::genotypeFromJson(doc["genotype"]));

    // A folder that holds files is not written into unless asked; then it holds this export alone.
    std::ofstream(out + "/notes.txt") << "the user's own";
    auto again = run("export " + std::to_string(id) + " --out " + out + ws());
    EXPECT_EQ(again.status, 2);
    EXPECT_NE(again.output.find("--overwrite"), std::string::npos) << again.output;
    EXPECT_TRUE(fs::exists(out + "/notes.txt"));
    again = run("export " + std::to_string(id) + " --out " + out + " --overwrite" + ws());
    ASSERT_EQ(again.status, 0) << again.output;
    EXPECT_FALSE(fs::exists(out + "/notes.txt"));
    EXPECT_TRUE(fs::exists(out + "/model.py"));
    // A folder written with a trailing separator, as in the README, is the same folder.
    again =
        run("export " + std::to_string(id) + " --out " + (m_dir / "slash").string() + "/" + ws());
    ASSERT_EQ(again.status, 0) << again.output;
    EXPECT_TRUE(fs::exists(m_dir / "slash" / "model.py"));
    again = run("export " + std::to_string(id) + " --out " + (m_dir / "slash").string() +
                "/ --overwrite" + ws());
    ASSERT_EQ(again.status, 0) << again.output;
    for (const auto& entry :
         fs::directory_iterator(m_dir))  // no staging or old folder left beside it
        EXPECT_NE(entry.path().filename().string().rfind(".slash", 0), 0u) << entry.path();
    // Sizes no network has are refused before anything is written.
    for (const char* size :
         {" --layers 0", " --layers -1", " --layers 2", " --layers 100000", " --channels 3",
          " --channels 0", " --channels -4", " --channels 100000"}) {
        const auto bad = run("export " + std::to_string(id) + " --out " +
                             (m_dir / "sized").string() + size + ws());
        EXPECT_EQ(bad.status, 2) << size << ": " << bad.output;
        EXPECT_FALSE(fs::exists(m_dir / "sized")) << size;
    }
}

TEST_F(Cli, ARenaSearchShowsAndExportsItsLayerNetwork) {
    // RENA's section from a config file; the rest from the flags.
    const auto config = file("rena.json", R"({"strategy": "rena", "rena": {
        "children_per_update": 2, "edits_per_child": 1, "child": {"batch_size": 16},
        "policy": {"hidden": 8, "embedding": 8}}})");
    // RENA's own flags come from its registry entry: listed in the usage, checked like the file.
    EXPECT_NE(run("search --help").output.find("rena: [--constraint-mode WORD]"),
              std::string::npos);
    const auto bad =
        run("search --config " + config + " --constraint-mode sometimes" + kTinySearch + ws());
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.output.find("rena.constraint_mode must be hard or soft"), std::string::npos)
        << bad.output;
    const auto r = run("search --config " + config +
                       " --epochs 2 --min-intensity 0.5 "
                       "--constraint-mode soft" +
                       kTinySearch + ws());
    ASSERT_EQ(r.status, 0) << r.output;
    const auto list = runs();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["strategy"], "rena");
    const auto id = std::to_string(list[0]["id"].get<long long>());
    const auto shown = json::parse(stdoutOf("show " + id + " --json" + ws()));
    EXPECT_EQ(shown["config"]["constraints"]["min_intensity"], 0.5);
    EXPECT_EQ(shown["config"]["rena"]["constraint_mode"], "soft");
    ASSERT_EQ(shown["epochs"].size(), 2u);
    const auto network = shown["epochs"][1]["architecture"];
    ASSERT_TRUE(network.is_object()) << shown.dump();
    EXPECT_TRUE(network.contains("layers"));
    const auto text = run("show " + id + ws());
    EXPECT_NE(text.output.find("derived network (epoch 2):\n  stem"), std::string::npos)
        << text.output;

    const auto out = (m_dir / "export").string();
    const auto ex = run("export " + id + " --out " + out + ws());
    ASSERT_EQ(ex.status, 0) << ex.output;
    const auto doc = json::parse(std::ifstream(out + "/architecture.json"));
    EXPECT_EQ(doc["space"], "layer-chain");
    EXPECT_EQ(doc["architecture"], network);
    EXPECT_EQ(doc["cost"]["params"], shown["epochs"][1]["params"]);
    EXPECT_EQ(doc["manifest"]["seed"], 3);
    EXPECT_TRUE(fs::exists(out + "/architecture.txt"));
    EXPECT_FALSE(fs::exists(out + "/genotype.json"));
    // Its networks were trained as they were found: there is no cell to train again.
    const auto train = run("train --run " + id + ws());
    EXPECT_EQ(train.status, 1);
    EXPECT_NE(train.output.find("derived a layer network, not a cell"), std::string::npos)
        << train.output;
}

TEST_F(Cli, KilledSearchShowsInterruptedAndResumesWithoutLosingEpochs) {
    const std::string args =
        std::string("search --strategy darts --epochs 4") + kTinySearch + ws() + " --quiet";
    // The reference: the same search, never interrupted, in another workspace.
    const auto reference = run(std::string("search --strategy darts --epochs 4") + kTinySearch +
                               " --workspace " + (m_dir / "reference").string() + " --quiet");
    ASSERT_EQ(reference.status, 0) << reference.output;

    const pid_t child = ::fork();
    if (child == 0) {
        ::execl("/bin/sh", "sh", "-c",
                (std::string("exec ") + NAS_CLI_PATH + " " + args + " >/dev/null 2>&1").c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Kill it hard once the second epoch has been checkpointed.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    bool killed = false;
    while (std::chrono::steady_clock::now() < deadline) {
        // Until the search has created the workspace, there is nothing to list.
        const auto list = fs::exists(m_dir / "ws" / "runs.sqlite") ? runs() : json::array();
        if (!list.empty() && list[0]["epochs_done"].get<int>() >= 2) {
            ::kill(child, SIGKILL);
            killed = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(killed) << "the search finished or stalled before it could be killed";
    auto list = runs();
    ASSERT_EQ(list.size(), 1u);
    ASSERT_EQ(list[0]["status"], "interrupted");
    const auto id = std::to_string(list[0]["id"].get<long long>());

    const auto resumed = run("resume " + id + ws());
    ASSERT_EQ(resumed.status, 0) << resumed.output;
    EXPECT_NE(resumed.output.find("resuming run"), std::string::npos) << resumed.output;
    const auto shown = json::parse(stdoutOf("show " + id + " --json" + ws()));
    EXPECT_EQ(shown["status"], "finished");
    ASSERT_EQ(shown["epochs"].size(), 4u);
    for (int e = 0; e < 4; ++e) EXPECT_EQ(shown["epochs"][e]["epoch"], e);
    // Resuming reproduces the uninterrupted run: same genotypes and the same losses.
    const auto ref =
        json::parse(stdoutOf("show 1 --json --workspace " + (m_dir / "reference").string()));
    for (int e = 0; e < 4; ++e) {
        EXPECT_EQ(shown["epochs"][e]["genotype"], ref["epochs"][e]["genotype"]) << "epoch " << e;
        EXPECT_NEAR(shown["epochs"][e]["train_loss"].get<double>(),
                    ref["epochs"][e]["train_loss"].get<double>(), 1e-4);
    }
}

TEST_F(Cli, BadInputGetsAClearErrorAndLeavesNothingBehind) {
    // Malformed JSON config: names the file.
    const auto bad = file("bad.json", "{\"strategy\": \"snas\",");
    auto r = run("search --config " + bad + ws());
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.output.find("bad.json"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("not valid JSON"), std::string::npos) << r.output;
    // Unknown op and an impossible constraint: each named.
    r = run("search --config " +
            file("ops.json", R"({"space": {"ops": ["sep_conv_3x3", "conv_9x9"]}})") + ws());
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.output.find("unknown op 'conv_9x9'"), std::string::npos) << r.output;
    r = run(std::string("search --max-params 50") + kTinySearch + ws());
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.output.find("max_params is impossible"), std::string::npos) << r.output;
    // Missing dataset: names the path.
    r = run("search --dataset fashion-mnist --data-path " + (m_dir / "nowhere").string() + ws());
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find("nowhere"), std::string::npos) << r.output;
    // Corrupt dataset: a truncated image file.
    const auto corrupt = m_dir / "corrupt";
    fs::create_directories(corrupt);
    for (const char* name : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"}) {
        std::ofstream out(corrupt / name, std::ios::binary);
        const unsigned char header[] = {0, 0, 8, static_cast<unsigned char>(name[6] == 'i' ? 3 : 1),
                                        0, 0, 0, 100};
        out.write(reinterpret_cast<const char*>(header), sizeof header);
        if (name[6] == 'i') {
            const unsigned char dims[] = {0, 0, 0, 28, 0, 0, 0, 28};
            out.write(reinterpret_cast<const char*>(dims), sizeof dims);
            out << std::string(500, '\1');  // far fewer than 100 images
        } else {
            out << std::string(100, '\1');
        }
    }
    r = run("search --dataset fashion-mnist --data-path " + corrupt.string() + ws());
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find("truncated"), std::string::npos) << r.output;
    // A train limit that stops before the damage does not hide it, and a search into a new
    // workspace that fails this way leaves no database and no folders behind.
    const auto fresh = m_dir / "fresh";
    r = run("search --dataset fashion-mnist --train-limit 2 --data-path " + corrupt.string() +
            " --workspace " + (fresh / "ws").string());
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find((corrupt / "train-images-idx3-ubyte").string() + ": truncated"),
              std::string::npos)
        << r.output;
    EXPECT_FALSE(fs::exists(fresh)) << "a failed search left " << fresh;
    // Config numbers: fractions and overflows are refused by field, naming the file.
    r = run("search --config " +
            file("numbers.json", R"({"epochs": 1.9, "space": {"channels": 4.7}})") + ws());
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.output.find("numbers.json"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("epochs must be a whole number"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("space.channels must be a whole number"), std::string::npos)
        << r.output;
    r = run("search --config " + file("wraps.json", R"({"batch_size": -3000000000})") + ws());
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.output.find("batch_size is out of range"), std::string::npos) << r.output;
    r = run("search --config " + file("huge.json", R"({"epochs": 1e400})") + ws());
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.output.find("huge.json"), std::string::npos) << r.output;
    // Seeds: the 64-bit range a config takes; a negative one is not wrapped around.
    r = run("search --dataset synthetic --seed -1" + ws());
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.output.find("--seed needs a whole number"), std::string::npos) << r.output;
    r = run("search --epochs 3000000000" + ws());
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.output.find("--epochs 3000000000 is out of range"), std::string::npos) << r.output;
    // Sizes far past any cell network: the same limits as train, inspect and export, before any
    // allocation.
    r = run("search --dataset synthetic --channels 100000 --layers 100000" + ws());
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("space.layers must be from 3"), std::string::npos) << r.output;
    // None of that created a run, nor even the workspace those searches would have started.
    EXPECT_FALSE(fs::exists(m_dir / "ws"));
    // Unknown commands and options are usage errors.
    EXPECT_EQ(run("frobnicate").status, 2);
    EXPECT_EQ(run("runs --colour" + ws()).status, 2);
    r = run("inspect --genotype \"Genotype(normal=[('sep_conv_3x3', 0)\"");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find("DARTS genotype string"), std::string::npos) << r.output;
    r = run("inspect --genotype " + m_dir.string());
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find("is a folder"), std::string::npos) << r.output;
    // Commands that read runs never create a workspace: a mistyped path is an error.
    for (const char* command :
         {"runs", "show 1", "export 1 --out x", "resume 1", "train --run 1 --epochs 1"}) {
        r = run(std::string(command) + " --workspace " + (m_dir / "typo" / "ws").string());
        EXPECT_EQ(r.status, 1) << command << ": " << r.output;
        EXPECT_NE(r.output.find("no workspace at"), std::string::npos) << r.output;
    }
    EXPECT_FALSE(fs::exists(m_dir / "typo"));
    EXPECT_EQ(run("runs --workspace \"\"").status, 2);
    // Slips on the command line: stray words, an option given twice, a shape with extra text.
    EXPECT_EQ(run("runs junk" + ws()).status, 2);
    r = run("inspect --genotype DARTS_V2 --layers 8 --layers 20");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.output.find("--layers is given twice"), std::string::npos) << r.output;
    EXPECT_EQ(run("inspect --genotype DARTS_V2 --input 3x32x32junk").status, 2);
    EXPECT_EQ(run("inspect --genotype DARTS_V2 --input 3x32x32x9").status, 2);
    EXPECT_EQ(run("runs junk extra" + ws()).status, 2);
    // Help for a command is the usage, on stdout, exit 0.
    r = capture("export --help", "2>/dev/null");
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.output.find("usage: nas-studio-cli export"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("--overwrite"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("inspect  --genotype"), std::string::npos)
        << "only the asked command: " << r.output;
    r = capture("train --genotype DARTS_V2 --help", "2>/dev/null");
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.output.find("--save-weights"), std::string::npos) << r.output;
    EXPECT_EQ(run("show 1 2" + ws()).status, 2);
    // Training options are checked before any data is read.
    for (const char* option :
         {" --lr -1", " --lr nan", " --lr 0", " --drop-path 5", " --drop-path -1",
          " --train-limit -5", " --test-limit -5", " --threads 100000", " --threads -3",
          " --seed -1", " --save-weights /nonexistent/w.pt", " --save-weights /tmp"}) {
        r = run(std::string("train --genotype DARTS_V2 --dataset synthetic --epochs 1 --channels 4 "
                            "--layers 3") +
                option);
        EXPECT_EQ(r.status, 2) << option << ": " << r.output;
        EXPECT_EQ(r.output.find("frame #"), std::string::npos) << r.output;  // no C++ backtrace
    }
    // A run that is not in an existing workspace.
    ASSERT_EQ(run(std::string("search --epochs 1") + kTinySearch + ws()).status, 0);
    r = run("export 7 --out " + (m_dir / "x").string() + ws());
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find("no run 7"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(m_dir / "x"));
}

TEST_F(Cli, TrainReportsTestAccuracyForGenotypeAndBaseline) {
    const std::string common =
        " --dataset synthetic --epochs 1 --channels 4 --layers 3 --batch-size 16 --threads 1 "
        "--json";
    const auto g = json::parse(stdoutOf("train --genotype DARTS_V2" + common));
    EXPECT_EQ(g["model"], "genotype");
    EXPECT_GT(g["test_accuracy"].get<double>(), 0.0);
    EXPECT_EQ(g["test_images"], 256);
    // Any 64-bit seed, as a config file takes.
    const auto b =
        json::parse(stdoutOf("train --baseline-like DARTS_V2 --seed 3000000000" + common));
    EXPECT_NE(b["model"].get<std::string>().find("plain-cnn"), std::string::npos);
    // Same size within 15%.
    EXPECT_NEAR(b["params"].get<double>() / g["params"].get<double>(), 1.0, 0.15);
}

TEST_F(Cli, TrainARunKeepsItsWeightsInTheRunFolder) {
    ASSERT_EQ(run(std::string("search --strategy nasp --epochs 1") + kTinySearch + ws()).status, 0);
    const auto id = std::to_string(runs()[0]["id"].get<long long>());
    const auto r = run("train --run " + id +
                       " --epochs 1 --channels 4 --layers 3 --batch-size 16 --threads 1" + ws());
    ASSERT_EQ(r.status, 0) << r.output;
    const auto folder = m_dir / "ws" / "runs" / id;
    EXPECT_GT(fs::file_size(folder / "weights.pt"), 1000u);
    const auto record = json::parse(std::ifstream(folder / "trained.json"));
    const auto shown = json::parse(stdoutOf("show " + id + " --json" + ws()));
    EXPECT_EQ(nas::space::genotypeFromJson(record["genotype"]),
              nas::space::genotypeFromJson(shown["epochs"][0]["genotype"]));
    EXPECT_EQ(record["channels"], 4);
    EXPECT_EQ(record["dataset"], "synthetic");  // the run's data
    EXPECT_GT(record["test_accuracy"].get<double>(), 0.0);

    // Export takes the weights along and writes the module at their size; Python loads them.
    const auto out = (m_dir / "export").string();
    ASSERT_EQ(run("export " + id + " --out " + out + ws()).status, 0);
    EXPECT_TRUE(fs::exists(out + "/weights.pt"));
    std::stringstream module;
    module << std::ifstream(out + "/model.py").rdbuf();
    EXPECT_NE(module.str().find("INIT_CHANNELS = 4\n"), std::string::npos);
    const auto python = nas::testing::runCommand(
        "cd " + out + " && " + nas::testing::pythonInterpreter() + " model.py weights.pt");
    EXPECT_EQ(python.status, 0) << python.output;
    EXPECT_NE(python.output.find("loaded weights from weights.pt"), std::string::npos)
        << python.output;

    // A training that fails keeps the earlier one: its record and weights stay for export.
    const auto weightsBefore = fs::file_size(folder / "weights.pt");
    auto failed = run("train --run " + id + " --dataset fashion-mnist --data-path " +
                      (m_dir / "nowhere").string() +
                      " --epochs 1 --channels 4 --layers 3 --batch-size 16 --threads 1" + ws());
    EXPECT_EQ(failed.status, 1) << failed.output;
    EXPECT_TRUE(fs::exists(folder / "trained.json"));
    EXPECT_EQ(fs::file_size(folder / "weights.pt"), weightsBefore);
    EXPECT_FALSE(fs::exists(folder / "weights.pt.new"));

    // No such run or epoch: a clear error, and the kept weights are not touched.
    auto bad = run("train --run 99 --epochs 1" + ws());
    EXPECT_EQ(bad.status, 1);
    EXPECT_NE(bad.output.find("no run 99"), std::string::npos) << bad.output;
    bad = run("train --run " + id + " --epoch 5 --epochs 1" + ws());
    EXPECT_EQ(bad.status, 1);
    EXPECT_NE(bad.output.find("no epoch 5"), std::string::npos) << bad.output;
    EXPECT_TRUE(fs::exists(folder / "trained.json"));
}

// Issue 15: each message names the problem as the user sees it, in one form.
TEST_F(Cli, MessagesNameTheProblemInOneForm) {
    const auto expectError = [](const Result& r, int status, const std::string& command,
                                const std::string& text) {
        EXPECT_EQ(r.status, status) << r.output;
        EXPECT_NE(r.output.find("nas-studio-cli " + command + ": error: "), std::string::npos)
            << r.output;
        EXPECT_NE(r.output.find(text), std::string::npos) << r.output;
    };
    auto r = run("search --config " + file("array.json", R"(["dataset", "synthetic"])") + ws());
    expectError(r, 2, "search", "the configuration must be a JSON object");
    EXPECT_NE(r.output.find("not an array"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("array index"), std::string::npos) << r.output;
    r = run("search --config " + file("seed.json", R"({"seed": 18446744073709551616})") + ws());
    expectError(r, 2, "search", "seed is out of range");
    expectError(run("search --seed 18446744073709551616" + ws()), 2, "search",
                "--seed 18446744073709551616 is out of range");
    expectError(run("search --epochs 99999999999" + ws()), 2, "search",
                "--epochs 99999999999 is out of range (too large)");
    expectError(run("inspect --genotype DARTS_V2 --input 1x2x2"), 2, "inspect",
                "--input 1x2x2 is too small for the network");
    expectError(run("inspect --genotype DARTS_V2 --input 3by32"), 2, "inspect",
                "--input must look like 3x32x32");
    expectError(run("runs --colour" + ws()), 2, "runs", "unknown option --colour");
    expectError(run("show 3" + ws()), 1, "show", "no workspace at");
    r = run("frobnicate");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.output.find("nas-studio-cli: error: unknown command 'frobnicate'"),
              std::string::npos)
        << r.output;
    // A file that cannot be written is named as the user gave it, not by its temporary.
    const auto unwritable = (m_dir / "no-such-folder" / "saved.json").string();
    r = run(std::string("search --save-config ") + unwritable + kTinySearch + ws());
    expectError(r, 1, "search", "cannot write '" + unwritable + "'");
    EXPECT_EQ(r.output.find(".tmp-"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(m_dir / "ws"));
    // The help lists --threads, --version and the exit statuses; --version answers.
    r = capture("--help", "2>/dev/null");
    EXPECT_EQ(r.status, 0);
    for (const char* text : {"--threads N", "--version", "exit status", "130"})
        EXPECT_NE(r.output.find(text), std::string::npos) << text << " in " << r.output;
    r = run("--version");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.output.rfind("nas-studio-cli ", 0), 0u) << r.output;
}

TEST_F(Cli, ShowEscapesControlCharactersAndDirectionOverridesOfRunNames) {
    // ESC [ 31 m (red), a right-to-left override (U+202E), a bell, and a byte that is not UTF-8.
    makeWorkspaceWithAFinishedRun("evil\x1b[31mred\xe2\x80\xaegnp.exe\a\xff");
    const auto r = run("show 1" + ws());
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("run 1: evil\\x1B[31mred\\u{202E}gnp.exe\\x07\\xFF\n"),
              std::string::npos)
        << r.output;
    for (const char* raw : {"\x1b", "\xe2\x80\xae", "\a", "\xff"})
        EXPECT_EQ(r.output.find(raw), std::string::npos);
    EXPECT_NE(r.output.find("device cpu (1 thread)"), std::string::npos) << r.output;
    // JSON keeps the name (escaped as JSON does), replacing only what is not UTF-8.
    const auto shown = json::parse(stdoutOf("show 1 --json" + ws()));
    EXPECT_EQ(shown["name"], "evil\x1b[31mred\xe2\x80\xaegnp.exe\a\xef\xbf\xbd");
}

// A workspace on a read-only disk (a read-only bind mount stops root too) still lists, shows and
// exports its runs, and is not changed.
TEST_F(Cli, AReadOnlyWorkspaceListsShowsAndExports) {
    makeWorkspaceWithAFinishedRun("kept");
    const auto view = m_dir / "read-only";
    if (!mountAt(view, nullptr, m_dir / "ws"))
        GTEST_SKIP() << "this process may not mount a read-only view";
    const std::string readOnly = " --workspace " + view.string();
    const auto before = std::distance(fs::directory_iterator(view), fs::directory_iterator());
    auto r = run("runs --json" + readOnly);
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(json::parse(stdoutOf("runs --json" + readOnly))[0]["status"], "finished");
    r = run("show 1" + readOnly);
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("derived genotype"), std::string::npos) << r.output;
    r = run("export 1 --out " + (m_dir / "exported").string() + readOnly);
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(fs::exists(m_dir / "exported" / "genotype.json"));
    EXPECT_EQ(std::distance(fs::directory_iterator(view), fs::directory_iterator()), before);
    // Writing commands say why they cannot.
    r = run(std::string("search --epochs 1") + kTinySearch + readOnly);
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_NE(r.output.find("nas-studio-cli search: error: "), std::string::npos) << r.output;
}

// The writer of a run is known by a lock that dies with it: a dead writer whose PID now belongs to
// a live process leaves its run interrupted and resumable, and a run with a live writer is refused.
TEST_F(Cli, ARunsWriterIsItsLockNotItsPid) {
    makeWorkspaceWithAFinishedRun("first");
    const auto database = (m_dir / "ws" / "runs.sqlite").string();
    const pid_t child = ::fork();
    if (child == 0) {  // writes a run and dies without closing it, as a killed search does
        nas::store::RunStore store(database);
        (void)store.createRun({"orphan", "darts", "synthetic",
                               nas::engine::toJson(nas::engine::SearchConfig{}).dump(), "cpu",
                               "0.1.0", 3});
        ::_exit(0);
    }
    ::waitpid(child, nullptr, 0);
    sqlite3* db = nullptr;
    sqlite3_open(database.c_str(), &db);  // the dead writer's PID is now this live process's
    sqlite3_exec(
        db, ("UPDATE runs SET owner_pid = " + std::to_string(::getpid()) + " WHERE id = 2").c_str(),
        nullptr, nullptr, nullptr);
    sqlite3_close(db);
    EXPECT_EQ(runs()[0]["status"], "interrupted");

    // This process takes the run, as a resume running elsewhere would: a second resume is refused.
    nas::store::RunStore holder(database);
    holder.claimRun(2);
    const auto refused = run("resume 2" + ws());
    EXPECT_EQ(refused.status, 1) << refused.output;
    EXPECT_NE(refused.output.find("run 2 is still running in another process"), std::string::npos)
        << refused.output;
    EXPECT_EQ(runs()[0]["status"], "running");
    holder.setStatus(2, nas::engine::RunStatus::Stopped);
    EXPECT_EQ(runs()[0]["status"], "stopped");
}

// A full disk during a checkpoint: a clear message, the run failed and resumable, no temporaries,
// exit status 1. The run folder is a tiny tmpfs, so the disk really fills up.
TEST_F(Cli, AFullDiskFailsTheRunCleanlyAndItResumesOnceThereIsSpace) {
    const auto runFolder = m_dir / "ws" / "runs" / "1";
    if (!mountAt(runFolder, "size=256k"))
        GTEST_SKIP() << "this process may not mount a small tmpfs";
    const auto r = run(std::string("search --strategy darts --epochs 2") + kTinySearch + ws());
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_NE(
        r.output.find("nas-studio-cli search: error: cannot save the checkpoint: cannot write '" +
                      (runFolder / "checkpoint-").string()),
        std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("No space left on device"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("resume it with: nas-studio-cli resume 1 --workspace " +
                            (m_dir / "ws").string()),
              std::string::npos)
        << r.output;
    for (const char* text : {".tmp-", "terminate called", "frame #"})
        EXPECT_EQ(r.output.find(text), std::string::npos) << r.output;
    EXPECT_TRUE(fs::is_empty(runFolder)) << "a partial checkpoint was left";
    const auto list = runs();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["status"], "failed");
    EXPECT_NE(list[0]["error"].get<std::string>().find("No space left on device"),
              std::string::npos);

    ASSERT_EQ(::umount2(runFolder.c_str(), 0), 0);
    m_mounts.clear();
    const auto resumed = run("resume 1" + ws());
    EXPECT_EQ(resumed.status, 0) << resumed.output;
    EXPECT_EQ(runs()[0]["status"], "finished");
    EXPECT_EQ(runs()[0]["epochs_done"], 2);
}

// Ctrl-C: the run stops cleanly, exit 130, and the hint resumes it in the workspace it ran in,
// quoted for the shell.
TEST_F(Cli, CtrlCHintNamesTheWorkspace) {
    const auto workspace = m_dir / "my runs";
    const pid_t child = ::fork();
    if (child == 0) {
        const auto output = (m_dir / "output.txt").string();
        ::execl("/bin/sh", "sh", "-c",
                (std::string("exec ") + NAS_CLI_PATH + " search --strategy darts --epochs 50" +
                 kTinySearch + " --workspace '" + workspace.string() + "' >'" + output + "' 2>&1")
                    .c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Interrupted once the run exists.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (std::chrono::steady_clock::now() < deadline &&
           !fs::exists(workspace / "locks" / "run-1.lock"))
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    ::kill(child, SIGINT);
    int status = 0;
    ::waitpid(child, &status, 0);
    std::stringstream output;
    output << std::ifstream(m_dir / "output.txt").rdbuf();
    ASSERT_TRUE(WIFEXITED(status)) << output.str();
    EXPECT_EQ(WEXITSTATUS(status), 130) << output.str();
    EXPECT_NE(output.str().find("resume it with: nas-studio-cli resume 1 --workspace '" +
                                workspace.string() + "'\n"),
              std::string::npos)
        << output.str();
}

TEST_F(Cli, AnEnasRunGetsItsHiddenStateStudyAndItsControllerProbed) {
    const auto searched = run(std::string("search --strategy enas --epochs 2") + kTinySearch +
                              ws() + " --quiet --config " +
                              file("enas.json", R"({"enas": {"train_steps": 2, "num_aggregate": 3,
                                                    "derive_samples": 6}})"));
    ASSERT_EQ(searched.status, 0) << searched.output;
    // 2 epochs x (2 x 3 rewarded samples + 6 derive samples), each with its final hidden state.
    const auto study = json::parse(stdoutOf("hidden-states 1 --window 12 --json" + ws()));
    EXPECT_EQ(study["samples"], 12);
    EXPECT_EQ(study["pairs"], 66);
    for (const char* measure : {"ged", "common_connections", "common_ops", "reward_difference"}) {
        const auto& m = study["measures"][measure];
        ASSERT_TRUE(m["spearman"].is_number()) << measure;
        EXPECT_LE(m["spearman_ci"][0].get<double>(), m["spearman"].get<double>()) << measure;
        EXPECT_GE(m["spearman_ci"][1].get<double>(), m["spearman"].get<double>()) << measure;
    }
    const auto probe = json::parse(stdoutOf("hidden-states 1 --probe 5 --json" + ws()));
    EXPECT_EQ(probe["probe"], 5);
    EXPECT_EQ(probe["epochs_done"], 2);
    for (const char* set : {"same_state", "different_states", "stored", "uniform"}) {
        EXPECT_EQ(probe[set]["pairs"], 10) << set;
        // Two cells of 8 edges: any two differ by at most 32 edge edits plus relabelled nodes.
        EXPECT_GE(probe[set]["ged"].get<double>(), 0.0) << set;
        EXPECT_LE(probe[set]["common_ops"].get<double>(), 16.0) << set;
    }
    // The same probe twice gives the same figures (the run's seed draws them).
    EXPECT_EQ(json::parse(stdoutOf("hidden-states 1 --probe 5 --json" + ws())), probe);
    // More than the run holds, and a run of another strategy, are named problems.
    auto r = run("hidden-states 1 --probe 500" + ws());
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find("the probe needs 500"), std::string::npos) << r.output;
    ASSERT_EQ(
        run(std::string("search --strategy darts --epochs 1") + kTinySearch + ws() + " --quiet")
            .status,
        0);
    r = run("hidden-states 2 --probe 5" + ws());
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find("run 2 is a darts search"), std::string::npos) << r.output;
}
