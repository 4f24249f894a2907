#pragma once
// The layer-level space RENA edits: a stem convolution, then a chain of layers, each a convolution
// (plain, separable or dilated) or a pooling with its kernel, filters and stride, optionally adding
// the output of an earlier layer (a skip), then global average pooling and a linear classifier.
// Torch-free: the space's rules, JSON form, shapes and costs live here; the module builder lives
// with the strategy.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "space/space_config.h"

namespace nas::space::layers {

enum class LayerKind { Conv, SepConv, DilConv, MaxPool, AvgPool };
[[nodiscard]] std::string toString(LayerKind kind);                  // "conv", "sep_conv", ...
[[nodiscard]] LayerKind layerKindFromName(const std::string& name);  // throws, naming the kinds
[[nodiscard]] const std::vector<LayerKind>& allLayerKinds();
[[nodiscard]] bool isPool(LayerKind kind);

// Layer i reads state i and writes state i + 1; state 0 is the stem's output.
struct Layer {
    LayerKind kind = LayerKind::Conv;
    int kernel = 3;
    int filters = 16;   // output channels of a convolution; a pooling keeps its input's (0 here)
    int stride = 1;     // 1, or 2 to halve the feature map
    int skipFrom = -1;  // -1: none; else a state 0..i whose output (projected if its shape differs)
                        // is added to this layer's
    bool operator==(const Layer& o) const {
        return kind == o.kind && kernel == o.kernel && filters == o.filters && stride == o.stride &&
               skipFrom == o.skipFrom;
    }
};

struct LayerNetwork {
    int stemFilters = 16;
    std::vector<Layer> layers;
    bool operator==(const LayerNetwork& o) const {
        return stemFilters == o.stemFilters && layers == o.layers;
    }
};

// What a network of the space may be: bounds that keep every edit trainable on a small machine.
struct LayerRules {
    int minLayers = 1;
    int maxLayers = 16;
    int minFilters = 4;
    int maxFilters = 256;
    int maxReductions = 3;  // stride-2 layers: 28x28 -> 4x4 at most
    std::vector<int> convKernels{1, 3, 5, 7};
    std::vector<int> sepKernels{3, 5, 7};
    std::vector<int> dilKernels{3, 5};
    std::vector<int> poolKernels{3};
    [[nodiscard]] const std::vector<int>& kernelsOf(LayerKind kind) const;
};

// Throws std::invalid_argument naming the first layer (1-based) and what is wrong with it.
void validate(const LayerNetwork& network, const LayerRules& rules = {});

// The shape of every state: channels and spatial size; [0] is the stem's output.
struct StateShape {
    int channels = 0;
    int height = 0;
    int width = 0;
};
[[nodiscard]] std::vector<StateShape> stateShapes(const LayerNetwork& network,
                                                  const InputShape& input);

[[nodiscard]] nlohmann::json toJson(const LayerNetwork& network);
// Throws std::invalid_argument naming the field that is missing or of the wrong type (the rules
// are checked by validate).
[[nodiscard]] LayerNetwork layerNetworkFromJson(const nlohmann::json& form);

// "conv3x3x16", "sep5x5x32/2", "max3x3/2", with "+s2" for a skip from state 2.
[[nodiscard]] std::string layerText(const Layer& layer);
// The layers' texts joined by spaces, after the stem: "stem16 | conv3x3x16 sep5x5x32/2 ...".
[[nodiscard]] std::string networkText(const LayerNetwork& network);

}  // namespace nas::space::layers
