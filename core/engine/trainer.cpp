#include "engine/trainer.h"

#include <chrono>
#include <cmath>
#include <filesystem>

#include "data/tensor_data.h"
#include "engine/archive_file.h"
#include "engine/datasets.h"
#include "engine/runtime.h"
#include "engine/trained_model.h"
#include "optim/weight_update.h"
#include "space/channels_last.h"
#include "space/cost_model.h"
#include "space/derived_network.h"
#include "space/operations.h"
#include "space/plain_cnn.h"

namespace nas::engine {
namespace {

// One interface over the two kinds of network the trainer handles.
struct Model {
    std::shared_ptr<torch::nn::Module> module;
    std::function<space::NetworkOutput(const torch::Tensor&)> forward;
    std::function<void(double)> setDropPath;
    std::string name;
};

Model buildModel(const std::optional<space::Genotype>& genotype, const space::SpaceConfig& space,
                 const TrainConfig& c, double baselineParams) {
    if (genotype) {
        space::DerivedNetwork net(*genotype, space, c.auxiliary);
        return {net.ptr(), [net](const torch::Tensor& x) mutable { return net->forward(x); },
                [net](double p) mutable { net->setDropPath(p); }, "genotype"};
    }
    const int width = space::plainCnnWidthFor(baselineParams, space.input.channels, space.classes);
    space::PlainCnn net(space.input.channels, width, space.classes);
    return {net.ptr(),
            [net](const torch::Tensor& x) mutable {
                return space::NetworkOutput{net->forward(x), {}};
            },
            [](double) {}, "plain-cnn (width " + std::to_string(width) + ")"};
}

double accuracy(Model& model, const data::BatchLoader& loader, double* lossOut) {
    torch::NoGradGuard noGrad;
    model.module->eval();
    double correct = 0, loss = 0;
    std::int64_t seen = 0;
    const auto& set = loader.set();
    const int64_t batch = 256;
    for (int64_t start = 0; start < set.size(); start += batch) {
        const int64_t n = std::min(batch, set.size() - start);
        const auto images = set.images.narrow(0, start, n);
        const auto labels = set.labels.narrow(0, start, n);
        const auto logits = model.forward(images).logits;
        loss += torch::cross_entropy_loss(logits, labels, {}, at::Reduction::Sum).item<double>();
        correct += logits.argmax(1).eq(labels).sum().item<double>();
        seen += n;
    }
    model.module->train();
    if (lossOut) *lossOut = seen ? loss / seen : 0;
    return seen ? correct / seen : 0;
}

}  // namespace

space::SpaceConfig trainingSpace(const TrainConfig& c) {
    space::SpaceConfig space;
    space.channels = c.channels;
    space.layers = c.layers;
    space.input = datasetInputShape(c.dataset);
    space.classes = 10;
    return space;
}

TrainResult trainNetwork(const std::optional<space::Genotype>& genotype, const TrainConfig& c,
                         double baselineParams, const TrainProgress& progress,
                         const TrainStop& stop) {
    configureThreads(c.threads);
    const auto device = resolveDevice(c.device);
    torch::manual_seed(c.seed);
    const auto trainImages = loadImages(c.dataset, data::Split::Train, c.seed);
    const auto testImages = loadImages(c.dataset, data::Split::Test, c.seed);
    const auto stats = data::channelStats(trainImages);
    data::BatchLoader train(data::toTensors(trainImages, stats, device), c.batchSize, true,
                            c.dataset.augment, c.seed);
    data::BatchLoader test(data::toTensors(testImages, stats, device), c.batchSize, false, false,
                           c.seed);
    if (train.batchCount() < 1)
        throw std::runtime_error("no full training batch: lower --batch-size");

    const auto space = trainingSpace(c);
    Model model = buildModel(genotype, space, c, baselineParams);
    model.module->to(device);
    if (space::runsChannelsLast(device)) {
        space::storeChannelsLast(*model.module);
        model.forward = [inner = model.forward](const torch::Tensor& x) {
            return inner(space::channelsLast(x));
        };
    }
    model.module->train();
    TrainResult result;
    result.model = model.name;
    // The network as deployed: the auxiliary head only helps training and is dropped afterwards.
    result.params = genotype ? space::networkCost(*genotype, space, false).params
                             : static_cast<double>(space::parameterCount(*model.module));
    torch::optim::SGD optimizer(
        model.module->parameters(),
        torch::optim::SGDOptions(c.lr).momentum(c.momentum).weight_decay(c.weightDecay));
    const int steps = train.batchCount();
    for (int epoch = 0; epoch < c.epochs; ++epoch) {
        const auto start = std::chrono::steady_clock::now();
        const double lr = 0.5 * c.lr * (1.0 + std::cos(M_PI * epoch / c.epochs));
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::SGDOptions&>(group.options()).lr(lr);
        // Drop path grows linearly from 0 to its final probability, as in DARTS evaluation.
        model.setDropPath(c.dropPath * epoch / c.epochs);
        train.beginEpoch(epoch);
        TrainEpoch ep;
        ep.epoch = epoch;
        for (int s = 0; s < steps; ++s) {
            if (stop && stop()) {
                result.stopped = true;
                return result;
            }
            const auto b = train.batch(s);
            optimizer.zero_grad();
            const auto out = model.forward(b.images);
            auto loss = torch::cross_entropy_loss(out.logits, b.labels);
            if (out.auxLogits.defined())
                loss =
                    loss + c.auxiliaryWeight * torch::cross_entropy_loss(out.auxLogits, b.labels);
            loss.backward();
            optim::clipGradientNorm(model.module->parameters(), c.gradClip);
            optim::sgdStep(optimizer);
            const double l = loss.item<double>();
            if (!std::isfinite(l))
                throw TrainingDiverged("training diverged (loss " + std::to_string(l) +
                                       "): lower --lr");
            ep.trainLoss += l / steps;
            ep.trainAccuracy +=
                out.logits.argmax(1).eq(b.labels).to(torch::kDouble).mean().item<double>() / steps;
            if (progress) progress(ep, s + 1, steps);
        }
        ep.testAccuracy = accuracy(model, test, &result.testLoss);
        ep.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        result.epochs.push_back(ep);
        if (progress) progress(ep, steps, steps);
    }
    result.testAccuracy = result.epochs.empty() ? accuracy(model, test, &result.testLoss)
                                                : result.epochs.back().testAccuracy;
    result.testImages = static_cast<int>(test.set().size());
    if (!c.weightsPath.empty()) {
        torch::serialize::OutputArchive archive;
        model.module->save(archive);
        saveArchiveAtomically(archive, c.weightsPath);
    }
    return result;
}

TrainResult trainForRun(const space::Genotype& genotype, TrainConfig config,
                        const std::string& runFolder, const TrainProgress& progress,
                        const TrainStop& stop) {
    namespace fs = std::filesystem;
    fs::create_directories(runFolder);
    // The earlier training's record and weights stay until this one has succeeded: a training that
    // fails or is stopped loses nothing.
    const auto weights = fs::path(runFolder) / kTrainedWeightsFile;
    const auto newWeights = fs::path(runFolder) / (std::string(kTrainedWeightsFile) + ".new");
    config.weightsPath = newWeights.string();
    const auto space = trainingSpace(config);
    TrainResult result;
    try {
        result = trainNetwork(genotype, config, space::networkCost(genotype, space, false).params,
                              progress, stop);
    } catch (...) {
        fs::remove(newWeights);
        throw;
    }
    if (result.stopped) {
        fs::remove(newWeights);
        return result;
    }
    // Record gone first: a crash before the new record lands leaves weights without a record (not
    // offered for export), never a record that describes other weights.
    fs::remove(fs::path(runFolder) / kTrainedModelFile);
    fs::rename(newWeights, weights);
    TrainedModel record;
    record.genotype = genotype;
    record.space = space;
    record.auxiliary = config.auxiliary;
    record.epochs = config.epochs;
    record.testAccuracy = result.testAccuracy;
    record.testImages = result.testImages;
    record.params = result.params;
    record.dataset = config.dataset.name;
    writeTrainedModel(runFolder, record);
    return result;
}

}  // namespace nas::engine
