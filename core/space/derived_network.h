#pragma once
// The network a genotype describes, for training from scratch: the DARTS evaluation network with
// affine BatchNorm, drop path and an optional auxiliary head.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/any.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>

#include <vector>

#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::space {

class DerivedCellImpl final : public torch::nn::Module {
  public:
    // `poolBatchNorm`: follow each pool with an affine BatchNorm, as SNAS-Series' code does.
    DerivedCellImpl(const CellGenotype& genotype, int cPrevPrev, int cPrev, int c, bool reduction,
                    bool reductionPrev, bool poolBatchNorm = false);
    torch::Tensor forward(const torch::Tensor& s0, const torch::Tensor& s1, double dropPath);
    [[nodiscard]] bool reduction() const { return m_reduction; }

  private:
    CellGenotype m_genotype;
    bool m_reduction;
    std::vector<bool> m_isIdentity;  // drop path spares identity edges, as in DARTS
    torch::nn::Sequential m_preprocess0{nullptr};
    torch::nn::Sequential m_preprocess1{nullptr};
    std::vector<torch::nn::Sequential> m_ops;  // one per genotype edge
};
TORCH_MODULE(DerivedCell);

// Classifier on the features after the second reduction; its loss (weight 0.4) helps training.
class AuxiliaryHeadImpl final : public torch::nn::Module {
  public:
    AuxiliaryHeadImpl(int channels, int spatial, int classes);
    torch::Tensor forward(const torch::Tensor& x);

  private:
    torch::nn::Sequential m_features{nullptr};
    torch::nn::Linear m_classifier{nullptr};
};
TORCH_MODULE(AuxiliaryHead);

struct NetworkOutput {
    torch::Tensor logits;
    torch::Tensor auxLogits;  // defined only in training mode with an auxiliary head
};

class DerivedNetworkImpl final : public torch::nn::Module {
  public:
    DerivedNetworkImpl(const Genotype& genotype, const SpaceConfig& space, bool auxiliary);
    NetworkOutput forward(const torch::Tensor& x);
    void setDropPath(double probability) { m_dropPath = probability; }

  private:
    torch::nn::Sequential m_stem{nullptr};
    std::vector<DerivedCell> m_cells;
    AuxiliaryHead m_auxiliary{nullptr};
    int m_auxiliaryAfter = -1;
    torch::nn::Linear m_classifier{nullptr};
    double m_dropPath = 0.0;
};
TORCH_MODULE(DerivedNetwork);

// Zeroes whole samples with probability p and rescales the rest (training only).
[[nodiscard]] torch::Tensor dropPath(const torch::Tensor& x, double probability);

}  // namespace nas::space
