#include "space/cell_parts.h"

#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>

#include "space/operations.h"

namespace nas::space {
namespace nn = torch::nn;

nn::Sequential makeStem(const SpaceConfig& space) {
    const int stemC = space.stemMultiplier * space.channels;
    return nn::Sequential(
        nn::Conv2d(nn::Conv2dOptions(space.input.channels, stemC, 3).padding(1).bias(false)),
        nn::BatchNorm2d(stemC));
}

nn::Sequential makePreprocess0(int cPrevPrev, int c, bool reductionPrev, bool affine) {
    if (reductionPrev) return nn::Sequential(FactorizedReduce(cPrevPrev, c, affine));
    return reluConvBn(cPrevPrev, c, 1, 1, 0, affine);
}

torch::Tensor zeroNode(const torch::Tensor& s1, bool reduction) {
    const int64_t h = reduction ? (s1.size(2) + 1) / 2 : s1.size(2);
    const int64_t w = reduction ? (s1.size(3) + 1) / 2 : s1.size(3);
    return torch::zeros({s1.size(0), s1.size(1), h, w}, s1.options());
}

torch::Tensor globalPool(const torch::Tensor& features) {
    return torch::adaptive_avg_pool2d(features, {1, 1}).flatten(1);
}

}  // namespace nas::space
