#include "predictor/shared_weight_scoring.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "data/tensor_data.h"
#include "engine/checkpoint.h"
#include "engine/datasets.h"
#include "engine/runtime.h"
#include "predictor/architecture_check.h"
#include "search/evaluator.h"
#include "search/registry/strategy_registry.h"
#include "space/channels_last.h"
#include "space/supernet.h"

namespace nas::predictor {
namespace {

struct ScoringData {
    data::TensorSet valid;  // the split the search's validation figures came from
    data::TensorSet train;  // the weights' split, for BN recalibration
};

// The split the search's evaluation loader came from: the same images, the same seeded split
// (engine::weightSplitFraction), the same normalisation.
ScoringData loadScoringData(const engine::SearchConfig& config, const torch::Device& device) {
    const auto images = engine::loadImages(config.dataset, data::Split::Train, config.seed);
    const auto stats = data::channelStats(images);
    auto [trainPart, validPart] =
        data::splitSet(images, engine::weightSplitFraction(config, images.count), config.seed);
    return {data::toTensors(validPart, stats, device), data::toTensors(trainPart, stats, device)};
}

search::BatchSource source(const data::BatchLoader& loader) {
    return {[&loader](int i) { return loader.batch(i); }, loader.batchCount()};
}

}  // namespace

std::optional<std::vector<double>> scoreWithSharedWeights(
    const engine::SearchConfig& config, const std::string& checkpoint,
    const std::vector<space::Genotype>& genotypes, const SharedWeightScoring& scoring,
    const std::function<void(int, int)>& progress, const std::atomic<bool>* cancel) {
    if (scoring.batches < 1) throw std::invalid_argument("scoring needs at least 1 batch");
    for (std::size_t i = 0; i < genotypes.size(); ++i) try {
            checkArchitecture(genotypes[i], config.space);
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("architecture " + std::to_string(i) + ": " + e.what());
        }
    const auto mode = search::bnModeFromName(scoring.bnMode);
    const auto device = engine::resolveDevice(scoring.device);
    const auto data = loadScoringData(config, device);
    const int batchSize =
        config.evaluation.batchSize > 0 ? config.evaluation.batchSize : config.batchSize;
    const data::BatchLoader valid(data.valid, batchSize, false, false, config.seed);
    const data::BatchLoader train(data.train, config.batchSize, false, false, config.seed);
    if (valid.batchCount() < 1)
        throw std::runtime_error("the run's validation split holds no full batch of " +
                                 std::to_string(batchSize) + " images");
    // The supernet's parameters are all overwritten by the checkpoint; its initialisation draws
    // from the global generator, which the caller may be relying on.
    space::Supernet supernet(nullptr);
    {
        const auto state = at::detail::getDefaultCPUGenerator().get_state();
        supernet = space::Supernet(config.space);
        auto generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(generator.mutex());
        generator.set_state(state);
    }
    supernet->to(device);
    engine::loadSharedWeights(checkpoint, supernet, device);
    if (space::runsChannelsLast(device)) supernet->useChannelsLast();
    search::SubnetEvaluator evaluator(supernet, device, mode, source(train),
                                      scoring.calibrationBatches);
    const auto batches = std::min(scoring.batches, valid.batchCount());
    std::vector<double> scores;
    scores.reserve(genotypes.size());
    const auto validSource = source(valid);
    for (const auto& genotype : genotypes) {
        if (cancel && cancel->load()) return std::nullopt;
        scores.push_back(evaluator.evaluate(genotype, validSource, 0, batches).accuracy);
        if (progress) progress(static_cast<int>(scores.size()), static_cast<int>(genotypes.size()));
    }
    return scores;
}

}  // namespace nas::predictor
