#pragma once
#include <optional>
#include <random>

#include "search/strategy.h"

namespace nas::search {

// Random search with weight sharing (Li & Talwalkar): every step trains the shared weights on one
// uniformly sampled architecture (two distinct inputs per node, a random op each). Their final
// selection runs after the last epoch: random.candidates fresh samples scored on a few validation
// batches each, the best random.rerank scored again on the whole validation split, the best of
// those delivered. After the other epochs a few samples are scored the same cheap way and the best
// of them is that epoch's derived genotype, for the live views (ours; their code picks nothing
// then). Random search's config section (search/random/random_descriptor.cpp holds keys and
// defaults).
struct RandomOptions {
    int candidates = 0;
    int candidateBatches = 0;
    int rerank = 0;
    int epochCandidates = 0;
    std::string bnMode;
    int calibrationBatches = 0;
    bool sampleNone = true;
    // The authors' step computes every op of every edge, weighted 1 (sampled) or 0, so the ops not
    // sampled still take weight decay, momentum and batch-norm statistics; "skip" runs the sample
    // alone.
    bool runUnsampled = true;
    static RandomOptions read(const engine::SearchConfig& config);
};

class RandomStrategy final : public CellSearchStrategy {
  public:
    RandomStrategy(const engine::SearchConfig& config, torch::Device device);
    [[nodiscard]] std::string name() const override { return "random"; }
    StepResult step(const Batch& train, const Batch& valid) override;
    bool endEpoch(int epoch, EpochScoring& scoring) override;
    [[nodiscard]] ScoringSettings scoringSettings() const override {
        return {bnModeFromName(m_options.bnMode), m_options.calibrationBatches};
    }
    // Uniform over the ops a sample can take: random search learns no distribution.
    [[nodiscard]] torch::Tensor probabilities(bool reduction) const override;
    [[nodiscard]] space::Genotype derive() const override;
    [[nodiscard]] std::vector<engine::SampledArchitecture> takeSampled() override;
    void save(torch::serialize::OutputArchive& archive) const override;
    void load(torch::serialize::InputArchive& archive) override;

    [[nodiscard]] space::Genotype sample();
    // The final selection; false (and nothing changed) when a stop request cut it short.
    bool selectFinal(int epoch, EpochScoring& scoring);

  private:
    struct Scored {
        space::Genotype genotype;
        double score = 0;
    };
    [[nodiscard]] space::CellGenotype sampleCell(bool reduction);
    // `count` fresh samples, each scored on the next random.candidate_batches validation batches.
    [[nodiscard]] std::optional<std::vector<Scored>> scoreSamples(int count, int epoch,
                                                                  EpochScoring& scoring,
                                                                  bool reportProgress);

    RandomOptions m_options;
    std::mt19937_64 m_rng;
    std::optional<space::Genotype> m_chosen;  // this epoch's pick; after the last epoch, the winner
    double m_chosenScore = -1.0;
    std::int64_t m_batchCursor = 0;  // where the walk through the validation split goes on
    std::vector<engine::SampledArchitecture> m_sampled;
    std::int64_t m_steps = 0;
};

}  // namespace nas::search
