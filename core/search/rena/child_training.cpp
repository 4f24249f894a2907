#include "search/rena/child_training.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/optim/sgd.h>

#include <chrono>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

#include "optim/weight_update.h"
#include "space/layers/layer_model.h"

namespace nas::search::rena {
namespace {

// Building a model draws its initial weights from the global generator; one at a time.
std::mutex& constructionMutex() {
    static std::mutex mutex;
    return mutex;
}

space::layers::LayerModel buildSeeded(const space::layers::LayerNetwork& network,
                                      const space::InputShape& input, int classes,
                                      std::uint64_t seed) {
    std::lock_guard lock(constructionMutex());
    auto generator = at::detail::getDefaultCPUGenerator();
    const auto state = generator.get_state();
    torch::manual_seed(seed);
    space::layers::LayerModel model(network, input, classes);
    {
        std::lock_guard generatorLock(generator.mutex());
        generator.set_state(state);
    }
    return model;
}

// Accuracy and mean cross-entropy on `set`, with batch norm's running statistics.
void measure(space::layers::LayerModel& model, const data::TensorSet& set, ChildResult& result) {
    torch::NoGradGuard noGrad;
    model->eval();
    double correct = 0, loss = 0;
    const std::int64_t batch = 256;
    for (std::int64_t start = 0; start < set.size(); start += batch) {
        const auto n = std::min(batch, set.size() - start);
        const auto logits = model->forward(set.images.narrow(0, start, n));
        const auto labels = set.labels.narrow(0, start, n);
        correct += logits.argmax(1).eq(labels).sum().item<double>();
        loss += torch::cross_entropy_loss(logits, labels, {}, at::Reduction::Sum).item<double>();
    }
    model->train();
    const double count = static_cast<double>(set.size());
    result.accuracy = set.size() > 0 ? correct / count : 0;
    result.validLoss = set.size() > 0 ? loss / count : 0;
}

}  // namespace

ChildResult trainChild(const space::layers::LayerNetwork& network, const space::InputShape& input,
                       int classes, const data::TensorSet& train, const data::TensorSet& valid,
                       const ChildTrainingSettings& settings, std::uint64_t seed,
                       const torch::Device& device, const std::atomic<bool>* stop) {
    const auto start = std::chrono::steady_clock::now();
    auto model = buildSeeded(network, input, classes, seed);
    model->to(device);
    model->train();
    data::BatchLoader loader(train, settings.batchSize, true, false, seed);
    const int steps = loader.batchCount();
    if (steps < 1) throw std::runtime_error("no full batch of training images for a child");
    torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(settings.learningRate)
                                                         .momentum(settings.momentum)
                                                         .weight_decay(settings.weightDecay));
    const int total = steps * settings.epochs;
    ChildResult result;
    for (int epoch = 0; epoch < settings.epochs; ++epoch) {
        loader.beginEpoch(epoch);
        result.trainLoss = 0;
        for (int s = 0; s < steps; ++s) {
            if (stop && stop->load()) {
                result.stopped = true;
                return result;
            }
            const double progress = static_cast<double>(epoch * steps + s) / total;
            for (auto& group : optimizer.param_groups())
                static_cast<torch::optim::SGDOptions&>(group.options())
                    .lr(0.5 * settings.learningRate * (1 + std::cos(M_PI * progress)));
            const auto batch = loader.batch(s);
            optimizer.zero_grad();
            const auto loss = torch::cross_entropy_loss(model->forward(batch.images), batch.labels);
            loss.backward();
            optim::clipGradientNorm(model->parameters(), settings.gradClip);
            optim::sgdStep(optimizer);
            result.trainLoss += loss.item<double>() / steps;
        }
    }
    measure(model, valid, result);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

std::vector<ChildResult> trainChildren(
    const std::vector<space::layers::LayerNetwork>& networks,
    const std::vector<std::uint64_t>& seeds, const space::InputShape& input, int classes,
    const data::TensorSet& train, const data::TensorSet& valid,
    const ChildTrainingSettings& settings, const torch::Device& device, int workers,
    const std::function<void(std::size_t, const ChildResult&)>& done,
    const std::atomic<bool>* stop) {
    if (seeds.size() != networks.size()) throw std::invalid_argument("one seed per child network");
    std::vector<ChildResult> results(networks.size());
    std::atomic<std::size_t> next{0};
    std::mutex errorMutex;
    std::exception_ptr error;
    const auto work = [&] {
        for (auto i = next++; i < networks.size(); i = next++) {
            try {
                results[i] = trainChild(networks[i], input, classes, train, valid, settings,
                                        seeds[i], device, stop);
                if (done) done(i, results[i]);
            } catch (...) {
                std::lock_guard lock(errorMutex);
                if (!error) error = std::current_exception();
            }
        }
    };
    const auto threads = std::max<std::size_t>(
        1, std::min(networks.size(), static_cast<std::size_t>(std::max(1, workers))));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& thread : pool) thread.join();
    if (error) std::rethrow_exception(error);
    return results;
}

}  // namespace nas::search::rena
