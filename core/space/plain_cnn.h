#pragma once
// A plain CNN baseline (conv-BN-ReLU stacks, two poolings, global pooling, linear), sized by its
// width to match another network's parameter count.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>

namespace nas::space {

class PlainCnnImpl final : public torch::nn::Module {
  public:
    PlainCnnImpl(int inputChannels, int width, int classes);
    torch::Tensor forward(const torch::Tensor& x);

  private:
    torch::nn::Sequential m_features{nullptr};
    torch::nn::Linear m_classifier{nullptr};
};
TORCH_MODULE(PlainCnn);

// Parameters of a PlainCnn of this width.
[[nodiscard]] double plainCnnParams(int inputChannels, int width, int classes);
// The width whose parameter count comes closest to `params`.
[[nodiscard]] int plainCnnWidthFor(double params, int inputChannels, int classes);

}  // namespace nas::space
