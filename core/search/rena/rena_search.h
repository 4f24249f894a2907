#pragma once
// RENA's search loop, apart from the engine: a current network, the policy that edits it and the
// children it tried. One update samples a batch of children (each a few policy edits of the
// current network), trains them on a pool of threads, rewards them under the limits, takes one
// REINFORCE step, and accepts the best-rewarded child as the new current network when it beats
// the current one. The best feasible child of the whole search is kept apart. With `uniform` the
// policy is never trained and every allowed decision is equally likely: random edits over the
// same action space, the baseline RENA is measured against. Torch code.
#include <atomic>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "data/tensor_data.h"
#include "search/rena/child_training.h"
#include "search/rena/edit_policy.h"
#include "search/rena/policy_learner.h"
#include "search/rena/reward.h"
#include "space/cost_model.h"
#include "space/layers/layer_edits.h"

namespace nas::search::rena {

struct RenaSettings {
    space::layers::LayerNetwork seedNetwork = defaultSeedNetwork();
    int childrenPerUpdate = 8;
    int editsPerChild = 2;
    bool uniform = false;
    int workers = 1;  // children trained at once
    PolicySettings policy;
    ReinforceSettings reinforce;
    ChildTrainingSettings child;
    RenaLimits limits;

    // stem 16 | conv3x3x16, conv3x3x32/2, conv3x3x64/2: small, and every edit of it trains in
    // seconds on a subset of Fashion-MNIST.
    [[nodiscard]] static space::layers::LayerNetwork defaultSeedNetwork();
};

struct ChildRecord {
    int update = 0;  // 0-based
    int index = 0;   // within its update
    space::layers::LayerNetwork network;
    std::vector<space::layers::Edit> edits;  // applied in order to the current network
    int refusedEdits = 0;                    // sampled edits the space refused (skipped)
    space::Cost cost;
    double intensity = 0;
    ChildResult training;
    Reward reward;
    bool accepted = false;  // became the current network
};

class RenaSearch final {
  public:
    RenaSearch(RenaSettings settings, space::InputShape input, int classes, data::TensorSet train,
               data::TensorSet valid, torch::Device device, std::uint64_t seed);

    // The seed network's own training and reward, the bar the first children must beat. Called
    // by the first update when not yet done.
    void measureSeed(const std::atomic<bool>* stop = nullptr);
    // One update; nullopt when `stop` cut it short (nothing changed then: the update can be
    // redone).
    [[nodiscard]] std::optional<std::vector<ChildRecord>> update(
        const std::atomic<bool>* stop = nullptr);

    [[nodiscard]] int updates() const { return m_updates; }
    [[nodiscard]] const space::layers::LayerNetwork& current() const { return m_current; }
    [[nodiscard]] double currentReward() const { return m_currentReward.value_or(0); }
    // The current network as it was tried (the seed's own training, or the accepted child);
    // nullopt before the seed is measured.
    [[nodiscard]] const std::optional<ChildRecord>& currentRecord() const {
        return m_currentRecord;
    }
    [[nodiscard]] const std::optional<ChildRecord>& bestFeasible() const { return m_best; }
    [[nodiscard]] std::optional<double> baseline() const { return m_learner.baseline(); }
    [[nodiscard]] const RenaSettings& settings() const { return m_settings; }
    // For the views (the current network's edit probabilities); sampling from it moves nothing
    // of the search's own.
    [[nodiscard]] EditPolicy policy() const { return m_policy; }
    void setLimits(const RenaLimits& limits) { m_settings.limits = limits; }

    void save(torch::serialize::OutputArchive& archive) const;
    void load(torch::serialize::InputArchive& archive);

  private:
    [[nodiscard]] ChildRecord costed(ChildRecord child) const;

    RenaSettings m_settings;
    space::InputShape m_input;
    int m_classes;
    data::TensorSet m_train;
    data::TensorSet m_valid;
    torch::Device m_device;
    std::uint64_t m_seed;
    EditPolicy m_policy;
    PolicyLearner m_learner;
    std::mt19937_64 m_rng;
    space::layers::LayerNetwork m_current;
    std::optional<double> m_currentReward;
    std::optional<ChildRecord> m_currentRecord;
    std::optional<ChildRecord> m_best;
    int m_updates = 0;
};

}  // namespace nas::search::rena
