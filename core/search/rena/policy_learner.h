#pragma once
// REINFORCE for RENA's policy: each sampled edit's log-probability weighted by its child's reward
// less a moving-average baseline, one Adam step per batch of children. Torch code.
#include <torch/optim/adam.h>
#include <torch/serialize/archive.h>

#include <memory>
#include <optional>
#include <vector>

#include "search/rena/edit_policy.h"

namespace nas::search::rena {

struct ReinforceSettings {
    double learningRate = 0.006;
    double baselineDecay = 0.95;  // b <- decay b + (1 - decay) mean reward, after each update
    double entropyWeight = 0;     // added to the reward as weight x the edit's entropy
};

class PolicyLearner final {
  public:
    PolicyLearner(EditPolicy policy, ReinforceSettings settings);
    // loss = -mean_i (R_i + w H_i - b) log p(edit_i); the baseline starts at the first batch's
    // mean reward, so the first update is not all encouragement. Returns the loss.
    double update(const std::vector<SampledEdit>& edits, const std::vector<double>& rewards);
    [[nodiscard]] std::optional<double> baseline() const { return m_baseline; }

    void save(torch::serialize::OutputArchive& archive) const;
    void load(torch::serialize::InputArchive& archive);

  private:
    EditPolicy m_policy;
    ReinforceSettings m_settings;
    std::unique_ptr<torch::optim::Adam> m_optimizer;
    std::optional<double> m_baseline;
};

}  // namespace nas::search::rena
