#pragma once
// Standalone PyTorch source of a layer-chain network (space/layers/), the export of RENA's
// networks. Torch-free: it only writes Python text.
#include <string>

#include "space/layers/layer_network.h"
#include "space/space_config.h"

namespace nas::exporting {

// A Python file (needs only torch) that builds `network` for `input` images and `classes` classes
// with the module names of the engine's LayerModel (stem, layer1.., skip1.., classifier), so the
// engine's saved weights load into it by name; its parameter count is the engine's. Run as a
// script it prints "parameters: N" and runs a forward pass on a random batch. Throws
// std::invalid_argument for a network the space's rules refuse.
[[nodiscard]] std::string layerNetworkSource(const space::layers::LayerNetwork& network,
                                             const space::InputShape& input, int classes);

}  // namespace nas::exporting
