#pragma once
#include "search/strategy.h"

namespace nas::search {

// SNAS: each forward draws one relaxed one-hot sample per edge (Gumbel-softmax, temperature
// annealed linearly), shared by all cells of a type. Weights and log-alphas learn from the same
// training batch in one backward pass; a locally decomposable resource cost joins the loss.
// SNAS's config section (search/snas/snas_descriptor.cpp holds the keys and defaults).
struct SnasOptions {
    double tau0 = 0;
    double tauMin = 0;
    std::string costForm;
    std::string penaltyScope;
    double archGradClip = 0;
    double dropPathProb = 0;
    static SnasOptions read(const engine::SearchConfig& config);
};

class SnasStrategy final : public CellSearchStrategy {
  public:
    SnasStrategy(const engine::SearchConfig& config, torch::Device device);
    [[nodiscard]] std::string name() const override { return "snas"; }
    void beginEpoch(int epoch) override;
    StepResult step(const Batch& train, const Batch& valid) override;
    // SNAS child: every edge keeps its most probable op, none included; none edges are dropped.
    [[nodiscard]] space::Genotype derive() const override;
    [[nodiscard]] double temperature() const override { return m_temperature; }

    // Resource penalty of a sample (exposed for tests), the term λ multiplies. Resources: params,
    // FLOPs and memory access, plus measured latency when a latency limit is set.
    // local scope (SNAS's code): per cell and edge, that edge's expected cost under the sample,
    // Σ_k Z_k cost(op_k), raised to 1 if below, then its log (log form) or the authors' weighted
    // sum 0.43·(2·params + FLOPs/4000 + MAC/100) (linear form); the log form averages the
    // resources' logs. Summed over edges, averaged over the cells of each type (their 1/6 and 1/2
    // at 8 cells), normal plus reduction. A resource with a budget counts only while the network's
    // expected total of it is over the budget.
    // global scope (ours before): mean over resources of one log of the whole network's expected
    // cost (or its excess over the budget), or a linear excess.
    [[nodiscard]] torch::Tensor resourcePenalty(const torch::Tensor& sampleNormal,
                                                const torch::Tensor& sampleReduce);

  private:
    [[nodiscard]] torch::Tensor relaxedSample(const torch::Tensor& logAlpha) const;
    [[nodiscard]] torch::Tensor globalPenalty(const torch::Tensor& zNormal,
                                              const torch::Tensor& zReduce);
    [[nodiscard]] torch::Tensor localPenalty(const torch::Tensor& zNormal,
                                             const torch::Tensor& zReduce);
    // Per resource (params, FLOPs, MAC[, latency]): 1 while there is no budget or the network's
    // expected total is over it, else 0.
    [[nodiscard]] std::vector<double> overBudget(const torch::Tensor& zNormal,
                                                 const torch::Tensor& zReduce);
    // One cell type's local term: Σ over its cells and edges, divided by its cell count.
    [[nodiscard]] torch::Tensor localCellTypePenalty(const torch::Tensor& z,
                                                     const torch::Tensor& cellCosts,
                                                     const torch::Tensor& latency,
                                                     const std::vector<double>& gates) const;
    // Measured per-op latency tables, built on first use of a latency limit.
    void ensureLatencyTables();

    SnasOptions m_options;
    double m_temperature;
    // [3, edges, ops] cost tables (params, flops, mac), summed over every cell of the type.
    torch::Tensor m_costNormal;
    torch::Tensor m_costReduce;
    // [cells of the type, 3, edges, ops]: the same costs cell by cell, for the local penalty.
    torch::Tensor m_cellCostNormal;
    torch::Tensor m_cellCostReduce;
    space::Cost m_fixedCost;
    torch::Tensor m_latencyNormal;  // [edges, ops], ms, summed over cells of the type
    torch::Tensor m_latencyReduce;
};

}  // namespace nas::search
