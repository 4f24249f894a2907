#pragma once
// Trains a network from scratch and reports its test accuracy: a found genotype's derived network
// (auxiliary head, drop path, cosine learning rate as in DARTS evaluation) or the plain baseline.
// Torch-free header.
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/search_config.h"
#include "space/genotype.h"

namespace nas::engine {

struct TrainConfig {
    DatasetConfig dataset;
    int channels = 16;
    int layers = 8;
    int epochs = 10;
    int batchSize = 96;
    double lr = 0.025;
    double momentum = 0.9;
    double weightDecay = 3e-4;
    double gradClip = 5.0;
    bool auxiliary = true;
    double auxiliaryWeight = 0.4;
    double dropPath = 0.2;
    std::uint64_t seed = 0;
    std::string device = "auto";
    int threads = 0;
    std::string weightsPath;  // where to save the trained weights (optional)
};

struct TrainEpoch {
    int epoch = 0;
    double trainLoss = 0;
    double trainAccuracy = 0;
    double testAccuracy = 0;
    double seconds = 0;
};

struct TrainResult {
    std::string model;  // "genotype" or "plain-cnn (width N)"
    double params = 0;  // of the network as deployed (no auxiliary head)
    double testAccuracy = 0;
    double testLoss = 0;
    int testImages = 0;
    bool stopped = false;  // stopped early on request: nothing was saved
    std::vector<TrainEpoch> epochs;
};

// The loss became NaN or infinite: the run cannot go on at this learning rate.
class TrainingDiverged final : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

using TrainProgress = std::function<void(const TrainEpoch& epoch, int step, int steps)>;
// Asked between steps (from the training thread); true ends training early.
using TrainStop = std::function<bool()>;

// Train the derived network of `genotype` (nullopt: the plain CNN baseline whose width matches
// `baselineParams`, or width `baselineWidth` when set).
[[nodiscard]] TrainResult trainNetwork(const std::optional<space::Genotype>& genotype,
                                       const TrainConfig& config, double baselineParams,
                                       const TrainProgress& progress, const TrainStop& stop = {});

// The space a TrainConfig trains at: its channels and layers, its dataset's input, 10 classes.
[[nodiscard]] space::SpaceConfig trainingSpace(const TrainConfig& config);

// Trains a run's derived genotype and keeps the result in the run's folder: weights.pt and
// trained.json (see trained_model.h). The folder's earlier record is removed first, so the two
// files never describe different networks; a stopped or failed training leaves no record.
[[nodiscard]] TrainResult trainForRun(const space::Genotype& genotype, TrainConfig config,
                                      const std::string& runFolder, const TrainProgress& progress,
                                      const TrainStop& stop = {});

}  // namespace nas::engine
