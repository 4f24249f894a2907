// evaluate: trains and tests one candidate as one task of many (a Slurm array, a Kubernetes
// indexed job): one JSON result on stdout (and in --out FILE), and an exit status that says how it
// ended, so that a scheduler can retry what ran out of memory and drop what diverged.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "data/image_set.h"
#include "engine/error_text.h"
#include "evaluation_result.h"
#include "messages.h"
#include "space/cost_model.h"
#include "train_options.h"
#include "train_progress.h"
#include "util/atomic_file.h"

namespace nas::cli {
namespace {

std::atomic<bool> g_stopRequested{false};
void onStopSignal(int) { g_stopRequested = true; }

// SIGINT and SIGTERM (a scheduler's preemption) end the training between two steps.
class StopOnSignal final {
  public:
    StopOnSignal() {
        g_stopRequested = false;
        std::signal(SIGINT, onStopSignal);
        std::signal(SIGTERM, onStopSignal);
    }
    ~StopOnSignal() {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;
};

// Where the result goes: stdout with --json, else a line for people; --out FILE in every case.
void report(const nlohmann::json& result, bool json, const std::optional<std::string>& out) {
    if (out) {
        try {
            util::writeTextAtomically(*out, result.dump(2) + "\n");
        } catch (const std::exception& e) {  // the status already says what went wrong first
            printError(e.what());
        }
    }
    if (json) {
        std::printf("%s\n", result.dump(2).c_str());
    } else if (result.at("status") == "ok") {
        std::printf(
            "%.0f params, test accuracy %.2f%% on %d images\n", result.at("params").get<double>(),
            100 * result.at("test_accuracy").get<double>(), result.at("test_images").get<int>());
    }
}

}  // namespace

int evaluateCommand(const Words& words) {
    auto options = trainOptionNames();
    options.insert({"genotype", "id", "out"});
    auto flags = trainFlagNames();
    flags.insert("json");
    const Arguments args(words, flags, options);
    args.rejectPositional();
    const auto out = args.option("out");
    nlohmann::json result = {{"format", kEvaluationFormat}, {"id", args.option("id", "")}};
    auto finish = [&](EvaluationStatus status, const std::string& error) {
        result["status"] = toString(status);
        if (!error.empty()) {
            result["error"] = error;
            printError(error);
        }
        report(result, args.flag("json"), out);
        return exitCode(status);
    };

    // Everything about the input is checked before any image is read.
    space::Genotype genotype;
    engine::TrainConfig config;
    try {
        const auto text = args.option("genotype");
        if (!text) throw UsageError("--genotype G is required");
        genotype = space::loadGenotype(*text);
        config = trainConfig(args, std::nullopt);
        if (out && std::filesystem::path(*out).has_parent_path() &&
            !std::filesystem::is_directory(std::filesystem::path(*out).parent_path()))
            throw UsageError("--out: there is no folder '" +
                             std::filesystem::path(*out).parent_path().string() + "'");
    } catch (const std::exception& e) {  // a usage slip, an unknown op, a malformed genotype
        return finish(EvaluationStatus::BadInput, e.what());
    }
    describeCandidate(result, genotype, config);

    const StopOnSignal stopOnSignal;
    TrainProgressPrinter printer(config.epochs);
    const auto started = std::chrono::steady_clock::now();
    engine::TrainResult trained;
    try {
        trained = engine::trainNetwork(
            genotype, config, 0,
            [&printer](const engine::TrainEpoch& e, int step, int steps) {
                printer.update(e, step, steps);
            },
            [] { return g_stopRequested.load(); });
    } catch (const data::DatasetError& e) {  // missing, truncated or corrupt: the input is bad
        return finish(EvaluationStatus::BadInput, e.what());
    } catch (const engine::TrainingDiverged& e) {
        return finish(EvaluationStatus::Diverged, e.what());
    } catch (const std::exception& e) {
        return finish(
            engine::isOutOfMemory(e) ? EvaluationStatus::OutOfMemory : EvaluationStatus::Failed,
            engine::errorText(e));
    }
    result["seconds"] =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (trained.stopped) return finish(EvaluationStatus::Interrupted, "stopped by a signal");
    result["test_accuracy"] = trained.testAccuracy;
    result["test_loss"] = trained.testLoss;
    result["test_images"] = trained.testImages;
    if (!config.weightsPath.empty()) result["weights"] = config.weightsPath;
    return finish(EvaluationStatus::Ok, {});
}

}  // namespace nas::cli
