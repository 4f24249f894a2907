#pragma once
#include "search/strategy.h"

namespace nas::search {

// SNAS: each forward draws one relaxed one-hot sample per edge (Gumbel-softmax, temperature
// annealed linearly), shared by all cells of a type. Weights and log-alphas learn from the same
// training batch in one backward pass; a locally decomposable resource cost joins the loss.
class SnasStrategy final : public CellSearchStrategy {
public:
    SnasStrategy(const engine::SearchConfig& config, torch::Device device);
    [[nodiscard]] std::string name() const override { return "snas"; }
    void beginEpoch(int epoch) override;
    StepResult step(const Batch& train, const Batch& valid) override;
    // SNAS child: every edge keeps its most probable op, none included; none edges are dropped.
    [[nodiscard]] space::Genotype derive() const override;
    [[nodiscard]] double temperature() const override { return m_temperature; }

    // Expected resource penalty of a sample (exposed for tests): mean log cost (log form) or the
    // weighted sum (linear form), of params, FLOPs and memory access, each measured against its
    // budget where one is set; with a latency limit, the measured op latencies join as a fourth.
    [[nodiscard]] torch::Tensor resourcePenalty(const torch::Tensor& sampleNormal, const torch::Tensor& sampleReduce);

private:
    [[nodiscard]] torch::Tensor relaxedSample(const torch::Tensor& logAlpha) const;
    // Measured per-op latency tables, built on first use of a latency limit.
    void ensureLatencyTables();

    double m_temperature;
    // [3, edges, ops] cost tables (params, flops, mac), summed over every cell of the type.
    torch::Tensor m_costNormal;
    torch::Tensor m_costReduce;
    space::Cost m_fixedCost;
    torch::Tensor m_latencyNormal;  // [edges, ops], ms, summed over cells of the type
    torch::Tensor m_latencyReduce;
};

}  // namespace nas::search
