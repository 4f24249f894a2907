// train: a genotype (or the plain baseline CNN) from scratch, reporting test accuracy.
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "engine/trainer.h"
#include "progress_printer.h"
#include "space/cost_model.h"

namespace nas::cli {
namespace {

// A live step line on a terminal (a line every few seconds otherwise) and a line per epoch.
class TrainProgressPrinter {
public:
    explicit TrainProgressPrinter(int epochs) : m_epochs(epochs), m_terminal(::isatty(STDERR_FILENO) != 0) {}
    void update(const engine::TrainEpoch& e, int step, int steps) {
        if (step < steps || e.seconds == 0) {
            const auto now = std::chrono::steady_clock::now();
            if (now - m_last < (m_terminal ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000))) return;
            m_last = now;
            std::fprintf(stderr, m_terminal ? "\r\033[Kepoch %d/%d  step %d/%d  loss %.4f" : "epoch %d/%d  step %d/%d  loss %.4f\n",
                         e.epoch + 1, m_epochs, step, steps, step ? e.trainLoss * steps / step : 0.0);
            return;
        }
        std::fprintf(stderr, "%sepoch %d/%d: train loss %.4f acc %.1f%% | test acc %.2f%% (%s)\n", m_terminal ? "\r\033[K" : "",
                     e.epoch + 1, m_epochs, e.trainLoss, 100 * e.trainAccuracy, 100 * e.testAccuracy,
                     formatDuration(e.seconds).c_str());
    }

private:
    int m_epochs;
    bool m_terminal;
    std::chrono::steady_clock::time_point m_last;
};

}  // namespace

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
    // Compare networks as deployed: without the auxiliary head, which only helps training.
    const double targetParams = space::networkCost(genotype, space, false).params;

    TrainProgressPrinter printer(c.epochs);
    const auto result = engine::trainNetwork(baselineText ? std::nullopt : std::optional(genotype), c, targetParams,
                                             [&printer](const engine::TrainEpoch& e, int step, int steps) {
                                                 printer.update(e, step, steps);
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
