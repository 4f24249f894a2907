#pragma once
// RENA as a search strategy of the engine: one step is one policy update (a batch of edited
// children trained from scratch and rewarded); the derived architecture is the most accurate child
// that kept every limit (the current network until one does); every child reaches the store and
// the views as a sample record of the layer space. Torch code.
#include <optional>
#include <string>
#include <vector>

#include "search/rena/rena_search.h"
#include "search/strategy.h"

namespace nas::search::rena {

// The config's rena section and constraints as the search's settings and limits.
[[nodiscard]] RenaSettings renaSettings(const engine::SearchConfig& config);
[[nodiscard]] RenaLimits renaLimits(const engine::SearchConfig& config,
                                    const engine::Constraints& constraints);

// A child as the store keeps it: the network's JSON, its accuracy as the score, and its reward,
// costs, compute intensity, feasibility and acceptance as metrics.
[[nodiscard]] engine::SampleRecord sampleRecord(const ChildRecord& child, int epoch);

class RenaStrategy final : public SearchStrategy {
  public:
    RenaStrategy(const engine::SearchConfig& config, const StrategyContext& context);

    [[nodiscard]] std::string name() const override { return "rena"; }
    void beginEpoch(int epoch) override { m_epoch = epoch; }
    [[nodiscard]] int stepsPerEpoch() const override { return m_updatesPerEpoch; }
    // Ignores the batches: the children train on the search's images themselves.
    StepResult step(const Batch& train, const Batch& valid) override;
    [[nodiscard]] double learningRate() const override;
    void setConstraints(const engine::Constraints& constraints) override;
    [[nodiscard]] space::Architecture derivedArchitecture() const override;
    [[nodiscard]] std::optional<DerivedScore> derivedScore() const override;
    [[nodiscard]] std::vector<engine::SampleRecord> takeSampleRecords() override;
    void save(torch::serialize::OutputArchive& archive) const override;
    void load(torch::serialize::InputArchive& archive) override;

    [[nodiscard]] const RenaSearch& search() const { return m_search; }

  private:
    // The derived child: the best feasible one, else the current network's record.
    [[nodiscard]] const std::optional<ChildRecord>& derived() const;

    engine::SearchConfig m_config;
    RenaSearch m_search;
    const std::atomic<bool>* m_stop;
    int m_updatesPerEpoch;
    int m_epoch = 0;
    std::vector<engine::SampleRecord> m_pending;  // children not yet taken by the engine
};

}  // namespace nas::search::rena
