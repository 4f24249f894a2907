#pragma once
// The predictor's networks (torch code, internal to core/predictor): the directed GCN and the MLP
// baseline, both mapping encoded architectures to one standardised score each.
#include <torch/nn/module.h>
#include <torch/types.h>

#include <memory>
#include <vector>

#include "predictor/flat_encoding.h"
#include "predictor/graph_encoding.h"
#include "predictor/predictor.h"

namespace nas::predictor {

// Architectures encoded for a model: the graph tensors for the GCN, the flat vectors for the MLP
// (the other fields stay undefined).
struct EncodedSet {
    torch::Tensor adjacency;   // [B, N, N]: row-normalised A + I (Â)
    torch::Tensor transposed;  // [B, N, N]: row-normalised Aᵀ + I, the reverse direction
    torch::Tensor features;    // [B, N, F]
    torch::Tensor mask;        // [B, N]
    torch::Tensor flat;        // [B, D]
    [[nodiscard]] std::int64_t size() const;
    [[nodiscard]] EncodedSet select(const torch::Tensor& index) const;
};

// Throws std::invalid_argument naming the architecture (0-based index) and its problem.
[[nodiscard]] EncodedSet encodeSet(const std::vector<space::Genotype>& genotypes,
                                   const space::SpaceConfig& space, PredictorModel model);

class ScoreNetwork : public torch::nn::Module {
  public:
    // [B] scores.
    virtual torch::Tensor forward(const EncodedSet& batch) = 0;
};

[[nodiscard]] std::shared_ptr<ScoreNetwork> makeScoreNetwork(const PredictorOptions& options,
                                                             const space::SpaceConfig& space);

}  // namespace nas::predictor
