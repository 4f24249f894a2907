#pragma once
// Candidate operations as LibTorch modules, built exactly as the DARTS reference builds them
// (ReLU-conv-BN order, no conv bias, factorized reduce at stride 2). Torch code: keep out of
// widgets/.
#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>

#include "space/op_catalogue.h"

namespace nas::space {

// Zeros of the op's output shape: the `none` op.
class ZeroImpl final : public torch::nn::Module {
  public:
    explicit ZeroImpl(int stride) : m_stride(stride) {}
    torch::Tensor forward(const torch::Tensor& x);

  private:
    int m_stride;
};
TORCH_MODULE(Zero);

// Halves H and W with two 1x1 stride-2 convs, the second shifted by one pixel so together they see
// every input pixel; used for skip connections at stride 2 and after reduction cells.
class FactorizedReduceImpl final : public torch::nn::Module {
  public:
    FactorizedReduceImpl(int channelsIn, int channelsOut, bool affine);
    torch::Tensor forward(const torch::Tensor& x);

  private:
    torch::nn::Conv2d m_conv1{nullptr};
    torch::nn::Conv2d m_conv2{nullptr};
    torch::nn::BatchNorm2d m_bn{nullptr};
};
TORCH_MODULE(FactorizedReduce);

// ReLU, conv k x k (stride, padding), BN.
[[nodiscard]] torch::nn::Sequential reluConvBn(int channelsIn, int channelsOut, int kernel,
                                               int stride, int padding, bool affine);

// One candidate op on `channels` channels. In the supernet (`affine` false) pools are followed by a
// BN without affine parameters, as in DARTS, so their output scale matches the conv ops'.
[[nodiscard]] torch::nn::Sequential makeOp(OpKind kind, int channels, int stride, bool affine);

// Number of elements of all parameters of a module.
[[nodiscard]] std::int64_t parameterCount(const torch::nn::Module& module);

}  // namespace nas::space
