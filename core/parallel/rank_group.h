#pragma once
// One rank's membership of a data-parallel search job: a c10d process group (Gloo, over TCP; rank
// 0's address is the rendezvous) and the few collectives a search needs. Every rank must call the
// same collectives in the same order; the session makes sure it does.
#include <torch/types.h>

#include <memory>
#include <vector>

#include "parallel/rank_setup.h"

namespace nas::parallel {

class RankGroup final {
  public:
    // Waits until every rank has joined (at most the setup's timeout); std::runtime_error naming
    // the master address otherwise.
    explicit RankGroup(const RankSetup& setup);
    ~RankGroup();
    RankGroup(const RankGroup&) = delete;
    RankGroup& operator=(const RankGroup&) = delete;

    [[nodiscard]] int rank() const { return m_setup.rank; }
    [[nodiscard]] int size() const { return m_setup.worldSize; }

    // Replaces each parameter's gradient by its mean over the ranks, in one all-reduce. A rank
    // without a gradient for a parameter contributes zeros, so the collectives always match; a
    // parameter no rank has a gradient for keeps none (the optimizer then leaves it alone, as in a
    // single process).
    void averageGradients(const std::vector<torch::Tensor>& parameters);
    // Copies rank 0's values into every rank's tensors, in place (weights at the start, batch-norm
    // statistics at epoch ends).
    void broadcastFromRankZero(const std::vector<torch::Tensor>& tensors);
    // True on every rank when any rank asks to stop, so that all stop before the same step.
    [[nodiscard]] bool anyRankStops(bool thisRankStops);
    // Each value's mean over the ranks (a step's loss and accuracy on the combined batch).
    [[nodiscard]] std::vector<double> mean(const std::vector<double>& values);
    // The largest and smallest of `value` over the ranks (the end-of-run weights check).
    [[nodiscard]] std::pair<double, double> range(double value);

  private:
    struct Impl;
    RankSetup m_setup;
    std::unique_ptr<Impl> m_impl;
};

// A checksum of the tensors' values (each element weighted by its position), equal on ranks that
// hold the same weights and almost surely different otherwise.
[[nodiscard]] double weightsChecksum(const std::vector<torch::Tensor>& tensors);

}  // namespace nas::parallel
