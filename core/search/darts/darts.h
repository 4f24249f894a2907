#pragma once
#include "search/strategy.h"

namespace nas::search {

// DARTS: softmax-mixed supernet, bi-level. Each step first updates alpha on a validation batch,
// then the weights on a training batch. First order by default; second order adds the unrolled
// weight step and a finite-difference Hessian-vector product.
class DartsStrategy final : public CellSearchStrategy {
  public:
    DartsStrategy(const engine::SearchConfig& config, torch::Device device);
    [[nodiscard]] std::string name() const override { return "darts"; }
    StepResult step(const Batch& train, const Batch& valid) override;
    // Second order: the weights after the virtual step on `train`, momentum and weight decay
    // included as in DARTS's unrolled model; the supernet's own weights stay as they are.
    [[nodiscard]] std::vector<torch::Tensor> virtualWeights(const Batch& train);

  private:
    void archStepFirstOrder(const Batch& valid);
    void archStepSecondOrder(const Batch& train, const Batch& valid);
    [[nodiscard]] torch::Tensor loss(const Batch& batch, bool alphaGraph);
};

}  // namespace nas::search
