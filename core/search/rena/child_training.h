#pragma once
// RENA's reward needs each edited child's accuracy: a short standalone training on a subset (the
// layer space shares no weights), then accuracy on held-out images. Children are independent, so a
// batch of them trains on a pool of threads; on a cluster each would be one headless evaluation
// job. Torch code.
#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "data/tensor_data.h"
#include "space/layers/layer_network.h"

namespace nas::search::rena {

struct ChildTrainingSettings {
    int epochs = 1;  // passes over the training images
    int batchSize = 64;
    double learningRate = 0.05;  // SGD with momentum, cosine-annealed to 0 over the steps
    double momentum = 0.9;
    double weightDecay = 3e-4;
    double gradClip = 5;
};

struct ChildResult {
    double accuracy = 0;   // on the held-out images
    double validLoss = 0;  // mean cross-entropy on them
    double trainLoss = 0;  // mean over the last epoch
    double seconds = 0;
    bool stopped = false;  // `stop` turned true: no accuracy
};

// Trains `network` from scratch and measures it. The same network, data, settings and seed give the
// same result on whichever thread it runs (the initialisation is drawn under a lock from a
// generator seeded with `seed`; the global generator is left as it was).
[[nodiscard]] ChildResult trainChild(const space::layers::LayerNetwork& network,
                                     const space::InputShape& input, int classes,
                                     const data::TensorSet& train, const data::TensorSet& valid,
                                     const ChildTrainingSettings& settings, std::uint64_t seed,
                                     const torch::Device& device,
                                     const std::atomic<bool>* stop = nullptr);

// Each child on the first free of `workers` threads (at least 1); child i is seeded with seeds[i].
// `done(i, result)` is called as each finishes, from its worker thread. Exceptions of a child
// are rethrown here after every worker has stopped.
[[nodiscard]] std::vector<ChildResult> trainChildren(
    const std::vector<space::layers::LayerNetwork>& networks,
    const std::vector<std::uint64_t>& seeds, const space::InputShape& input, int classes,
    const data::TensorSet& train, const data::TensorSet& valid,
    const ChildTrainingSettings& settings, const torch::Device& device, int workers,
    const std::function<void(std::size_t index, const ChildResult& result)>& done = {},
    const std::atomic<bool>* stop = nullptr);

}  // namespace nas::search::rena
