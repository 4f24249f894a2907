#include "engine/checkpoint.h"

#include <ATen/CPUGeneratorImpl.h>

#include "engine/archive_file.h"

namespace nas::engine {

void saveCheckpoint(const std::string& path, const search::SearchStrategy& strategy,
                    const CheckpointPosition& p) {
    torch::serialize::OutputArchive archive;
    strategy.save(archive);
    archive.write("position", torch::tensor(std::vector<int64_t>{p.epoch, p.step, p.globalStep,
                                                                 p.stepsCounted}));
    archive.write("position_sums",
                  torch::tensor(std::vector<double>{p.lossSum, p.accuracySum}, torch::kDouble));
    archive.write("cpu_rng", at::detail::getDefaultCPUGenerator().get_state());
    try {
        saveArchiveAtomically(archive, path);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(
            std::string("cannot save the checkpoint: ") + e.what() +
            "; the run can resume from its previous checkpoint once that is fixed");
    }
}

void loadSharedWeights(const std::string& path, space::Supernet& supernet,
                       const torch::Device& device) {
    torch::serialize::InputArchive archive, weights;
    try {
        archive.load_from(path, device);
        archive.read("supernet", weights);
        supernet->load(weights);
    } catch (const c10::Error& e) {
        throw std::runtime_error("cannot read the shared weights of checkpoint '" + path +
                                 "': " + e.what_without_backtrace());
    }
}

CheckpointPosition loadCheckpoint(const std::string& path, search::SearchStrategy& strategy,
                                  const torch::Device& device) {
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path, device);
    } catch (const c10::Error& e) {
        throw std::runtime_error("cannot read checkpoint '" + path +
                                 "': " + e.what_without_backtrace());
    }
    strategy.load(archive);
    torch::Tensor position, sums, rng;
    archive.read("position", position);
    archive.read("position_sums", sums);
    archive.read("cpu_rng", rng);
    at::Generator generator = at::detail::getDefaultCPUGenerator();
    {
        std::lock_guard<std::mutex> lock(generator.mutex());
        generator.set_state(rng.cpu());
    }
    position = position.cpu();
    sums = sums.cpu();
    CheckpointPosition p;
    p.epoch = static_cast<int>(position[0].item<int64_t>());
    p.step = static_cast<int>(position[1].item<int64_t>());
    p.globalStep = position[2].item<int64_t>();
    p.stepsCounted = static_cast<int>(position[3].item<int64_t>());
    p.lossSum = sums[0].item<double>();
    p.accuracySum = sums[1].item<double>();
    return p;
}

}  // namespace nas::engine
