#include "engine/datasets.h"

#include <algorithm>

#include "data/cifar_reader.h"
#include "data/idx_reader.h"
#include "data/synthetic.h"
#include "search/registry/strategy_registry.h"

namespace nas::engine {

data::ImageSet loadImages(const DatasetConfig& dataset, data::Split split, std::uint64_t seed) {
    const int limit = split == data::Split::Train ? dataset.trainLimit : dataset.testLimit;
    if (dataset.name == "fashion-mnist") return data::readFashionMnist(dataset.path, split, limit);
    if (dataset.name == "cifar10") return data::readCifar10(dataset.path, split, limit);
    data::SyntheticSpec spec;
    spec.count = split == data::Split::Train ? dataset.syntheticCount
                                             : std::max(16, dataset.syntheticCount / 4);
    if (limit > 0) spec.count = std::min(spec.count, limit);
    spec.channels = dataset.syntheticShape.channels;
    spec.height = dataset.syntheticShape.height;
    spec.width = dataset.syntheticShape.width;
    spec.classes = 10;
    // The test split comes from another seed: new images of the same classes.
    spec.seed = split == data::Split::Train ? seed : seed + 7777;
    return data::makeSynthetic(spec);
}

int monitorSplitSize(const SearchConfig& config, int trainingImages) {
    const auto configured = search::wholeOption(config, config.strategy, "monitor_size");
    if (configured > 0) return static_cast<int>(configured);
    return std::max(config.batchSize, std::min(1000, trainingImages / 10));
}

double weightSplitFraction(const SearchConfig& config, int trainingImages) {
    if (!isSingleLevel(config)) return 1.0 - config.dataset.validFraction;
    return 1.0 - static_cast<double>(monitorSplitSize(config, trainingImages)) / trainingImages;
}

}  // namespace nas::engine
