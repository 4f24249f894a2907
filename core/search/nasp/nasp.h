#pragma once
#include "search/strategy.h"

namespace nas::search {

// NASP: proximal iterations. Alphas live in the box [0, 1] and are projected onto the discrete set
// (one op per edge, two edges per node) before every forward, so forward and backward of the
// weight step compute only the chosen ops. The architecture step evaluates the other ops too, as
// constants without an autograd graph: every alpha gets its gradient while backward still runs
// through the chosen ops alone (NASP's own code backpropagates through all of them).
class NaspStrategy final : public CellSearchStrategy {
  public:
    NaspStrategy(const engine::SearchConfig& config, torch::Device device);
    [[nodiscard]] std::string name() const override { return "nasp"; }
    // architectureStep, then weightStep.
    StepResult step(const Batch& train, const Batch& valid) override;
    // (1) One Adam step on the alphas from a validation batch, then the clip to the box [0, 1].
    void architectureStep(const Batch& valid);
    // (2) One SGD step on the weights of the ops the projection of the (clipped) alphas chooses.
    StepResult weightStep(const Batch& train);

    // The proximal step: per edge the strongest non-none op; per node the two strongest edges.
    [[nodiscard]] space::EdgeMixing binarise(bool reduction, bool alphaGraph) const;

  private:
    [[nodiscard]] torch::Tensor sizeRegulariser() const;
    // Samples of a validation batch of `batch` on which step (1) evaluates the unchosen ops (0:
    // all).
    [[nodiscard]] int64_t inactiveBatch(int64_t batch) const;

    torch::Tensor m_paramShareNormal;  // params of each op / params of all ops, [ops]
    torch::Tensor m_paramShareReduce;
};

}  // namespace nas::search
