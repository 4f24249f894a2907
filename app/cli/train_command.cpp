// train: a genotype, a run's derived genotype, or the plain baseline CNN from scratch, reporting
// test accuracy; a run's trained weights are kept in its folder for export.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "arguments.h"
#include "commands.h"
#include "engine/search_config.h"
#include "engine/trained_model.h"
#include "engine/trainer.h"
#include "engine/workspace.h"
#include "progress_printer.h"
#include "run_epoch.h"
#include "space/cost_model.h"
#include "store/run_store.h"

namespace nas::cli {
namespace {

// A live step line on a terminal (a line every few seconds otherwise) and a line per epoch.
class TrainProgressPrinter {
  public:
    explicit TrainProgressPrinter(int epochs)
        : m_epochs(epochs), m_terminal(::isatty(STDERR_FILENO) != 0) {}
    void update(const engine::TrainEpoch& e, int step, int steps) {
        if (step < steps || e.seconds == 0) {
            const auto now = std::chrono::steady_clock::now();
            if (now - m_last <
                (m_terminal ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000)))
                return;
            m_last = now;
            std::fprintf(stderr,
                         m_terminal ? "\r\033[Kepoch %d/%d  step %d/%d  loss %.4f"
                                    : "epoch %d/%d  step %d/%d  loss %.4f\n",
                         e.epoch + 1, m_epochs, step, steps,
                         step ? e.trainLoss * steps / step : 0.0);
            return;
        }
        std::fprintf(stderr, "%sepoch %d/%d: train loss %.4f acc %.1f%% | test acc %.2f%% (%s)\n",
                     m_terminal ? "\r\033[K" : "", e.epoch + 1, m_epochs, e.trainLoss,
                     100 * e.trainAccuracy, 100 * e.testAccuracy,
                     formatDuration(e.seconds).c_str());
    }

  private:
    int m_epochs;
    bool m_terminal;
    std::chrono::steady_clock::time_point m_last;
};

// The genotype to train: given directly, or a run's derived genotype (its last or a chosen epoch).
struct TrainSubject {
    space::Genotype genotype;
    bool baseline = false;
    std::optional<std::int64_t> runId;
    std::string runFolder;
    std::optional<engine::DatasetConfig> runDataset;  // the data the run searched on
};

TrainSubject trainSubject(const Arguments& args) {
    const auto genotypeText = args.option("genotype");
    const auto baselineText = args.option("baseline-like");
    const auto runText = args.option("run");
    if (!!genotypeText + !!baselineText + !!runText != 1)
        throw UsageError("give one of --genotype G, --baseline-like G or --run RUN_ID");
    TrainSubject subject;
    if (!runText) {
        subject.genotype = space::loadGenotype(genotypeText ? *genotypeText : *baselineText);
        subject.baseline = !!baselineText;
        return subject;
    }
    const auto id = args.intOption("run", 0);
    const engine::Workspace workspace(existingWorkspaceRoot(args));
    const auto found = findRunEpoch(store::RunStore(workspace.databasePath()), id, args);
    if (!found.epoch.architecture.empty())
        throw std::runtime_error("run " + std::to_string(id) + " (" + found.run.strategy +
                                 ") derived a layer network, not a cell; its accuracy comes from "
                                 "its own training (see `show " +
                                 std::to_string(id) + "`)");
    subject.genotype = found.epoch.genotype;
    subject.runId = id;
    subject.runFolder = workspace.runFolder(id);
    subject.runDataset = engine::parseSearchConfigText(found.run.configJson).dataset;
    return subject;
}

// Every option checked before any data is read: a bad value must not cost a training run first.
void checkTrainOptions(const engine::TrainConfig& c) {
    checkNetworkSize(c.channels, c.layers);
    if (c.epochs < 1 || c.batchSize < 2)
        throw UsageError("need --epochs >= 1 and --batch-size >= 2");
    if (!(c.lr > 0) || !std::isfinite(c.lr)) throw UsageError("--lr must be a positive number");
    if (!(c.dropPath >= 0 && c.dropPath < 1))
        throw UsageError("--drop-path must be at least 0 and below 1");
    if (c.dataset.trainLimit < 0 || c.dataset.testLimit < 0)
        throw UsageError("--train-limit and --test-limit must not be negative (0: every image)");
    checkThreadCount(c.threads);
    if (!c.weightsPath.empty()) {
        const std::filesystem::path weights(c.weightsPath);
        const auto folder =
            weights.has_parent_path() ? weights.parent_path() : std::filesystem::path(".");
        if (std::filesystem::is_directory(weights))
            throw UsageError("--save-weights '" + c.weightsPath + "' is a folder; name a file");
        if (!std::filesystem::is_directory(folder))
            throw UsageError("--save-weights: there is no folder '" + folder.string() + "'");
    }
}

}  // namespace

int trainCommand(const Words& words) {
    const Arguments args(
        words, {"json", "no-auxiliary", "no-augment"},
        {"genotype", "baseline-like", "run", "epoch", "dataset", "data-path", "epochs", "channels",
         "layers", "batch-size", "lr", "train-limit", "test-limit", "drop-path", "save-weights",
         "seed", "device", "threads", "workspace"});
    args.rejectPositional();
    const TrainSubject subject = trainSubject(args);

    engine::TrainConfig c;
    // A run's genotype trains on the run's dataset (all of it unless limited here).
    c.dataset.name =
        args.option("dataset", subject.runDataset ? subject.runDataset->name : "fashion-mnist");
    if (c.dataset.name != "fashion-mnist" && c.dataset.name != "cifar10" &&
        c.dataset.name != "synthetic")
        throw UsageError("--dataset must be fashion-mnist, cifar10 or synthetic");
    const bool runData = subject.runDataset && subject.runDataset->name == c.dataset.name;
    if (runData) c.dataset = *subject.runDataset;
    c.dataset.path = args.option("data-path", runData && !c.dataset.path.empty()
                                                  ? c.dataset.path
                                                  : engine::defaultDatasetPath(c.dataset.name));
    c.dataset.trainLimit = args.intOption("train-limit", 0);
    c.dataset.testLimit = args.intOption("test-limit", 0);
    c.dataset.augment = !args.flag("no-augment");
    c.epochs = args.intOption("epochs", c.epochs);
    c.channels = args.intOption("channels", c.channels);
    c.layers = args.intOption("layers", c.layers);
    c.batchSize = args.intOption("batch-size", c.batchSize);
    c.lr = args.doubleOption("lr", c.lr);
    c.dropPath = args.doubleOption("drop-path", c.dropPath);
    c.auxiliary = !args.flag("no-auxiliary");
    c.seed = args.seedOption("seed", 0);
    c.device = args.option("device", "auto");
    c.threads = args.intOption("threads", 0);
    c.weightsPath = args.option("save-weights", "");
    // A run's genotype keeps its weights in the run folder, unless they are wanted elsewhere.
    const bool keepInRun = subject.runId && c.weightsPath.empty();
    checkTrainOptions(c);

    // Compare networks as deployed: without the auxiliary head, which only helps training.
    const double targetParams =
        space::networkCost(subject.genotype, engine::trainingSpace(c), false).params;
    TrainProgressPrinter printer(c.epochs);
    const auto progress = [&printer](const engine::TrainEpoch& e, int step, int steps) {
        printer.update(e, step, steps);
    };
    const auto result = keepInRun
                            ? engine::trainForRun(subject.genotype, c, subject.runFolder, progress)
                            : engine::trainNetwork(
                                  subject.baseline ? std::nullopt : std::optional(subject.genotype),
                                  c, targetParams, progress);
    if (keepInRun) {
        c.weightsPath =
            (std::filesystem::path(subject.runFolder) / engine::kTrainedWeightsFile).string();
        std::fprintf(stderr, "weights of run %lld's genotype kept in %s\n",
                     static_cast<long long>(*subject.runId), subject.runFolder.c_str());
    }
    if (args.flag("json")) {
        nlohmann::json doc = {{"model", result.model},
                              {"params", result.params},
                              {"test_accuracy", result.testAccuracy},
                              {"test_loss", result.testLoss},
                              {"test_images", result.testImages},
                              {"epochs", c.epochs}};
        if (!c.weightsPath.empty()) doc["weights"] = c.weightsPath;
        std::printf("%s\n", doc.dump(2).c_str());
    } else {
        std::printf("%s: %.0f params, test accuracy %.2f%% on %d images\n", result.model.c_str(),
                    result.params, 100 * result.testAccuracy, result.testImages);
    }
    return 0;
}

}  // namespace nas::cli
