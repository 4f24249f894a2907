#include "search/rena/policy_learner.h"

#include <stdexcept>

namespace nas::search::rena {

PolicyLearner::PolicyLearner(EditPolicy policy, ReinforceSettings settings)
    : m_policy(std::move(policy)),
      m_settings(settings),
      m_optimizer(std::make_unique<torch::optim::Adam>(
          m_policy->parameters(), torch::optim::AdamOptions(settings.learningRate))) {}

double PolicyLearner::update(const std::vector<SampledEdit>& edits,
                             const std::vector<double>& rewards) {
    if (edits.empty() || edits.size() != rewards.size())
        throw std::invalid_argument("REINFORCE needs one reward per sampled edit");
    double mean = 0;
    for (const double r : rewards) mean += r / static_cast<double>(rewards.size());
    if (!m_baseline) m_baseline = mean;
    torch::Tensor loss;
    for (std::size_t i = 0; i < edits.size(); ++i) {
        const double advantage =
            rewards[i] + m_settings.entropyWeight * edits[i].entropy - *m_baseline;
        const auto term = -advantage * edits[i].logProb / static_cast<double>(edits.size());
        loss = loss.defined() ? loss + term : term;
    }
    m_optimizer->zero_grad();
    loss.backward();
    m_optimizer->step();
    m_baseline = m_settings.baselineDecay * *m_baseline + (1 - m_settings.baselineDecay) * mean;
    return loss.item<double>();
}

void PolicyLearner::save(torch::serialize::OutputArchive& archive) const {
    torch::serialize::OutputArchive optimizer;
    m_optimizer->save(optimizer);
    archive.write("policy_optimizer", optimizer);
    archive.write(
        "policy_baseline",
        torch::tensor({m_baseline.value_or(0.0), m_baseline ? 1.0 : 0.0}, torch::kDouble));
}

void PolicyLearner::load(torch::serialize::InputArchive& archive) {
    torch::serialize::InputArchive optimizer;
    archive.read("policy_optimizer", optimizer);
    m_optimizer->load(optimizer);
    torch::Tensor baseline;
    archive.read("policy_baseline", baseline);
    m_baseline.reset();
    if (baseline[1].item<double>() > 0) m_baseline = baseline[0].item<double>();
}

}  // namespace nas::search::rena
