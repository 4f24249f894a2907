#include "train_options.h"

#include <cmath>
#include <filesystem>

#include "engine/search_config.h"

namespace nas::cli {
namespace {

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

const std::set<std::string>& trainOptionNames() {
    static const std::set<std::string> names{"dataset",    "data-path",   "epochs", "channels",
                                             "layers",     "batch-size",  "lr",     "train-limit",
                                             "test-limit", "drop-path",   "seed",   "device",
                                             "threads",    "save-weights"};
    return names;
}

const std::set<std::string>& trainFlagNames() {
    static const std::set<std::string> names{"no-auxiliary", "no-augment"};
    return names;
}

engine::TrainConfig trainConfig(const Arguments& args,
                                const std::optional<engine::DatasetConfig>& runDataset) {
    engine::TrainConfig c;
    c.dataset.name = args.option("dataset", runDataset ? runDataset->name : "fashion-mnist");
    if (c.dataset.name != "fashion-mnist" && c.dataset.name != "cifar10" &&
        c.dataset.name != "synthetic")
        throw UsageError("--dataset must be fashion-mnist, cifar10 or synthetic");
    const bool runData = runDataset && runDataset->name == c.dataset.name;
    if (runData) c.dataset = *runDataset;
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
    checkTrainOptions(c);
    return c;
}

}  // namespace nas::cli
