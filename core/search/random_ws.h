#pragma once
#include <optional>
#include <random>

#include "search/strategy.h"

namespace nas::search {

// Random search with weight sharing: every step trains the shared weights on one uniformly sampled
// architecture (two inputs per node, a random non-none op each); after each epoch a set of fresh
// samples is scored with the shared weights and the best so far is the derived genotype.
class RandomStrategy final : public CellSearchStrategy {
public:
    RandomStrategy(const engine::SearchConfig& config, torch::Device device);
    [[nodiscard]] std::string name() const override { return "random"; }
    StepResult step(const Batch& train, const Batch& valid) override;
    void endEpoch(int epoch, const GenotypeScorer& scorer) override;
    // Uniform over the ops a sample can take: random search learns no distribution.
    [[nodiscard]] torch::Tensor probabilities(bool reduction) const override;
    [[nodiscard]] space::Genotype derive() const override;
    [[nodiscard]] std::vector<engine::SampledArchitecture> takeSampled() override;
    void save(torch::serialize::OutputArchive& archive) const override;
    void load(torch::serialize::InputArchive& archive) override;

    [[nodiscard]] space::Genotype sample();

private:
    [[nodiscard]] space::CellGenotype sampleCell(bool reduction);

    std::mt19937_64 m_rng;
    std::optional<space::Genotype> m_best;
    double m_bestScore = -1.0;
    std::vector<engine::SampledArchitecture> m_sampled;
    std::int64_t m_steps = 0;
};

}  // namespace nas::search
