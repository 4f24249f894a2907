#pragma once
// Pieces the supernet and the derived network build alike: the stem, the cell's input
// preprocessing, and the zero output of a node without inputs.
#include <torch/nn/modules/container/sequential.h>

#include "space/space_config.h"

namespace nas::space {

// 3x3 conv to stemMultiplier * C channels, then BN.
[[nodiscard]] torch::nn::Sequential makeStem(const SpaceConfig& space);
// Brings input s0 to C channels (and halves it when the previous cell reduced).
[[nodiscard]] torch::nn::Sequential makePreprocess0(int cPrevPrev, int c, bool reductionPrev,
                                                    bool affine);
// Zeros of a node's shape, for a node no edge feeds; `s1` is the preprocessed second input.
[[nodiscard]] torch::Tensor zeroNode(const torch::Tensor& s1, bool reduction);
// Global average pool and flatten, before the classifier.
[[nodiscard]] torch::Tensor globalPool(const torch::Tensor& features);

}  // namespace nas::space
