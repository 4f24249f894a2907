#pragma once
// Params, FLOPs (multiply-adds) and memory access (elements) of a layer network, with the cell
// space's formulas for the same ops (shared/design/METHODS.md, "Costs per op"), and its compute
// intensity, the resource RENA constrains from below. Torch-free.
#include <vector>

#include "space/cost_model.h"
#include "space/layers/layer_network.h"

namespace nas::space::layers {

struct LayerNetworkCost {
    Cost total;
    Cost stem;
    std::vector<Cost> layers;  // each with its skip (projection and addition)
    Cost head;                 // global average pooling and the linear classifier
};

// Every op is ReLU, convolution(s), BatchNorm with affine terms, as the cell space's ops are. A
// skip whose state has the layer's shape is an addition (no FLOPs; reads two maps, writes one); any
// other is first projected by ReLU, a strided 1x1 convolution and BatchNorm.
[[nodiscard]] LayerNetworkCost layerNetworkCost(const LayerNetwork& network,
                                                const InputShape& input, int classes);

}  // namespace nas::space::layers
