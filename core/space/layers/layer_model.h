#pragma once
// A layer network of the layer-level space as a LibTorch module, built as its cost model counts it
// (layer_cost.h): every parameter of the module is one the cost model counts. Torch code: keep out
// of widgets/.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>

#include "space/layers/layer_network.h"

namespace nas::space::layers {

class LayerModelImpl final : public torch::nn::Module {
  public:
    // `network` must be valid (validate); `input` and `classes` as its cost takes them.
    LayerModelImpl(const LayerNetwork& network, const InputShape& input, int classes);
    torch::Tensor forward(const torch::Tensor& images);

  private:
    torch::nn::Sequential m_stem{nullptr};
    std::vector<torch::nn::Sequential> m_layers;
    std::vector<torch::nn::Sequential> m_projections;  // null where a skip needs none, or no skip
    std::vector<int> m_skipFrom;
    torch::nn::Linear m_classifier{nullptr};
};
TORCH_MODULE(LayerModel);

}  // namespace nas::space::layers
