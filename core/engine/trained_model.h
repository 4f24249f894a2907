#pragma once
// What `train --run` leaves in a run's folder: the trained network's weights (weights.pt, LibTorch
// archive whose names match the exported PyTorch module) and trained.json, which says which
// genotype at which size they belong to and how well they did. Torch-free, so the studio can read
// it.
#include <optional>
#include <string>

#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::engine {

struct TrainedModel {
    space::Genotype genotype;
    space::SpaceConfig space;  // channels, layers, classes and input the weights were trained at
    bool auxiliary = false;    // the weights include the auxiliary head's
    int epochs = 0;
    double testAccuracy = 0;
    int testImages = 0;
    double params = 0;  // of the deployed network (no auxiliary head)
    std::string dataset;
};

inline constexpr const char* kTrainedWeightsFile = "weights.pt";
inline constexpr const char* kTrainedModelFile = "trained.json";

// Writes trained.json into `runFolder` atomically.
void writeTrainedModel(const std::string& runFolder, const TrainedModel& model);
// Reads trained.json from `runFolder`: nullopt when there is none or its weights.pt is missing;
// throws std::runtime_error naming the file when it is unreadable or malformed.
[[nodiscard]] std::optional<TrainedModel> readTrainedModel(const std::string& runFolder);

}  // namespace nas::engine
