// train: a genotype (or the plain baseline CNN) from scratch, reporting test accuracy.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "engine/trainer.h"
#include "progress_printer.h"
#include "space/cost_model.h"

namespace nas::cli {

int trainCommand(const Words& words) {
    const Arguments args(words, {"json", "no-auxiliary", "no-augment"},
                         {"genotype", "baseline-like", "dataset", "data-path", "epochs", "channels", "layers",
                          "batch-size", "lr", "train-limit", "test-limit", "drop-path", "save-weights", "seed",
                          "device", "threads", "workspace"});
    const auto genotypeText = args.option("genotype");
    const auto baselineText = args.option("baseline-like");
    if (!!genotypeText == !!baselineText) throw UsageError("give either --genotype G or --baseline-like G");
    const auto genotype = space::loadGenotype(genotypeText ? *genotypeText : *baselineText);

    engine::TrainConfig c;
    c.dataset.name = args.option("dataset", "fashion-mnist");
    if (c.dataset.name != "fashion-mnist" && c.dataset.name != "cifar10" && c.dataset.name != "synthetic")
        throw UsageError("--dataset must be fashion-mnist, cifar10 or synthetic");
    c.dataset.path = args.option("data-path", engine::defaultDatasetPath(c.dataset.name));
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
    c.seed = static_cast<std::uint64_t>(args.intOption("seed", 0));
    c.device = args.option("device", "auto");
    c.threads = args.intOption("threads", 0);
    c.weightsPath = args.option("save-weights", "");
    if (c.epochs < 1 || c.batchSize < 2 || c.channels < 2 || c.channels % 2 || c.layers < 3)
        throw UsageError("need epochs >= 1, batch size >= 2, an even channel count and at least 3 layers");

    space::SpaceConfig space;
    space.channels = c.channels;
    space.layers = c.layers;
    space.input = engine::datasetInputShape(c.dataset);
    const double targetParams = space::networkCost(genotype, space, c.auxiliary).params;

    const auto result = engine::trainNetwork(baselineText ? std::nullopt : std::optional(genotype), c, targetParams,
                                             [](const engine::TrainEpoch& e, int step, int steps) {
                                                 if (step < steps) return;
                                                 std::fprintf(stderr,
                                                              "epoch %d: train loss %.4f acc %.1f%% | test acc %.2f%% "
                                                              "(%s)\n",
                                                              e.epoch + 1, e.trainLoss, 100 * e.trainAccuracy,
                                                              100 * e.testAccuracy, formatDuration(e.seconds).c_str());
                                             });
    if (args.flag("json")) {
        nlohmann::json doc = {{"model", result.model},
                              {"params", result.params},
                              {"test_accuracy", result.testAccuracy},
                              {"test_loss", result.testLoss},
                              {"test_images", result.testImages},
                              {"epochs", c.epochs}};
        std::printf("%s\n", doc.dump(2).c_str());
    } else {
        std::printf("%s: %.0f params, test accuracy %.2f%% on %d images\n", result.model.c_str(), result.params,
                    100 * result.testAccuracy, result.testImages);
    }
    return 0;
}

}  // namespace nas::cli
