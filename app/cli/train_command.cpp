// train: a genotype, a run's derived genotype, or the plain baseline CNN from scratch, reporting
// test accuracy; a run's trained weights are kept in its folder for export.
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
#include "train_options.h"
#include "train_progress.h"

namespace nas::cli {
namespace {

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

}  // namespace

int trainCommand(const Words& words) {
    auto options = trainOptionNames();
    options.insert({"genotype", "baseline-like", "run", "epoch", "workspace"});
    auto flags = trainFlagNames();
    flags.insert("json");
    const Arguments args(words, flags, options);
    args.rejectPositional();
    const TrainSubject subject = trainSubject(args);
    engine::TrainConfig c = trainConfig(args, subject.runDataset);
    // A run's genotype keeps its weights in the run folder, unless they are wanted elsewhere.
    const bool keepInRun = subject.runId && c.weightsPath.empty();

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
