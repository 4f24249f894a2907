#include "search/rena/rena_search.h"

#include <torch/serialize.h>

#include <sstream>
#include <stdexcept>

#include "search/archive_text.h"
#include "space/layers/layer_cost.h"

namespace nas::search::rena {
namespace {

using space::layers::LayerKind;
using space::layers::LayerNetwork;

// A child's own seed: the search's, its update and its place, mixed so that neighbours differ in
// every bit (splitmix64's finaliser).
std::uint64_t childSeed(std::uint64_t seed, int update, int index) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (static_cast<std::uint64_t>(update) * 1024 +
                                                      static_cast<std::uint64_t>(index) + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

nlohmann::json recordJson(const ChildRecord& c) {
    nlohmann::json edits = nlohmann::json::array();
    for (const auto& e : c.edits) edits.push_back(space::layers::toJson(e));
    return {{"update", c.update},
            {"index", c.index},
            {"network", space::layers::toJson(c.network)},
            {"edits", edits},
            {"refused_edits", c.refusedEdits},
            {"accuracy", c.training.accuracy},
            {"valid_loss", c.training.validLoss},
            {"train_loss", c.training.trainLoss},
            {"reward", c.reward.value},
            {"feasible", c.reward.feasible},
            {"violated", c.reward.violated},
            {"accepted", c.accepted}};
}

ChildRecord recordFromJson(const nlohmann::json& json) {
    ChildRecord c;
    c.update = json.at("update");
    c.index = json.at("index");
    c.network = space::layers::layerNetworkFromJson(json.at("network"));
    for (const auto& e : json.at("edits")) c.edits.push_back(space::layers::editFromJson(e));
    c.refusedEdits = json.at("refused_edits");
    c.training.accuracy = json.at("accuracy");
    c.training.validLoss = json.value("valid_loss", 0.0);
    c.training.trainLoss = json.at("train_loss");
    c.reward.value = json.at("reward");
    c.reward.feasible = json.at("feasible");
    c.reward.violated = json.at("violated").get<std::vector<std::string>>();
    c.accepted = json.at("accepted");
    return c;
}

}  // namespace

LayerNetwork RenaSettings::defaultSeedNetwork() {
    LayerNetwork n;
    n.stemFilters = 16;
    n.layers = {{LayerKind::Conv, 3, 16, 1, -1},
                {LayerKind::Conv, 3, 32, 2, -1},
                {LayerKind::Conv, 3, 64, 2, -1}};
    return n;
}

RenaSearch::RenaSearch(RenaSettings settings, space::InputShape input, int classes,
                       data::TensorSet train, data::TensorSet valid, torch::Device device,
                       std::uint64_t seed)
    : m_settings(std::move(settings)),
      m_input(input),
      m_classes(classes),
      m_train(std::move(train)),
      m_valid(std::move(valid)),
      m_device(device),
      m_seed(seed),
      m_policy(m_settings.policy),
      m_learner(m_policy, m_settings.reinforce),
      m_rng(seed),
      m_current(m_settings.seedNetwork) {
    space::layers::validate(m_current, m_settings.policy.rules);
    if (m_settings.childrenPerUpdate < 1 || m_settings.editsPerChild < 1)
        throw std::invalid_argument("RENA needs at least one child per update and one edit each");
    if (m_settings.uniform) {
        // Zero heads give zero logits: every allowed decision equally likely.
        torch::NoGradGuard noGrad;
        for (auto& p : m_policy->parameters()) p.zero_();
    }
}

ChildRecord RenaSearch::costed(ChildRecord child) const {
    child.cost = space::layers::layerNetworkCost(child.network, m_input, m_classes).total;
    child.intensity = space::computeIntensity(child.cost);
    return child;
}

void RenaSearch::measureSeed(const std::atomic<bool>* stop) {
    if (m_currentReward) return;
    ChildRecord seed;
    seed.update = -1;  // before the first update
    seed.network = m_current;
    seed = costed(seed);
    seed.training = trainChild(m_current, m_input, m_classes, m_train, m_valid, m_settings.child,
                               childSeed(m_seed, -1, 0), m_device, stop);
    if (seed.training.stopped) return;
    seed.reward = renaReward(seed.training.accuracy, seed.cost, m_settings.limits);
    m_currentReward = seed.reward.value;
    m_currentRecord = seed;
    if (seed.reward.feasible) m_best = seed;
}

std::optional<std::vector<ChildRecord>> RenaSearch::update(const std::atomic<bool>* stop) {
    measureSeed(stop);
    if (!m_currentReward) return std::nullopt;
    const auto rngBefore = m_rng;
    const auto& rules = m_settings.policy.rules;
    std::vector<ChildRecord> children;
    std::vector<SampledEdit> decisions;  // per child, all its edits' decisions together
    for (int k = 0; k < m_settings.childrenPerUpdate; ++k) {
        ChildRecord child;
        child.update = m_updates;
        child.index = k;
        child.network = m_current;
        SampledEdit together;
        for (int e = 0; e < m_settings.editsPerChild; ++e) {
            auto sampled = m_policy->sample(child.network, m_rng);
            together.logProb =
                together.logProb.defined() ? together.logProb + sampled.logProb : sampled.logProb;
            together.entropy += sampled.entropy;
            const auto result = space::layers::applyEdit(child.network, sampled.edit, rules);
            if (result.network) {
                child.network = *result.network;
                child.edits.push_back(sampled.edit);
            } else {
                ++child.refusedEdits;
            }
        }
        children.push_back(costed(std::move(child)));
        decisions.push_back(std::move(together));
    }
    std::vector<LayerNetwork> networks;
    std::vector<std::uint64_t> seeds;
    for (const auto& c : children) {
        networks.push_back(c.network);
        seeds.push_back(childSeed(m_seed, m_updates, c.index));
    }
    const auto results = trainChildren(networks, seeds, m_input, m_classes, m_train, m_valid,
                                       m_settings.child, m_device, m_settings.workers, {}, stop);
    for (const auto& r : results)
        if (r.stopped) {
            m_rng = rngBefore;
            return std::nullopt;
        }
    std::vector<double> rewards;
    for (std::size_t i = 0; i < children.size(); ++i) {
        children[i].training = results[i];
        children[i].reward = renaReward(results[i].accuracy, children[i].cost, m_settings.limits);
        rewards.push_back(children[i].reward.value);
    }
    if (!m_settings.uniform) (void)m_learner.update(decisions, rewards);
    std::size_t top = 0;
    for (std::size_t i = 1; i < children.size(); ++i)
        if (rewards[i] > rewards[top]) top = i;
    if (rewards[top] > *m_currentReward) {
        children[top].accepted = true;
        m_current = children[top].network;
        m_currentReward = rewards[top];
        m_currentRecord = children[top];
    }
    for (const auto& c : children)
        if (c.reward.feasible && (!m_best || c.training.accuracy > m_best->training.accuracy))
            m_best = c;
    ++m_updates;
    return children;
}

void RenaSearch::save(torch::serialize::OutputArchive& archive) const {
    torch::serialize::OutputArchive policy;
    m_policy->save(policy);
    archive.write("rena_policy", policy);
    m_learner.save(archive);
    std::ostringstream rng;
    rng << m_rng;
    const nlohmann::json state = {
        {"rng", rng.str()},
        {"current", space::layers::toJson(m_current)},
        {"current_reward", m_currentReward ? nlohmann::json(*m_currentReward) : nullptr},
        {"current_record", m_currentRecord ? recordJson(*m_currentRecord) : nullptr},
        {"best", m_best ? recordJson(*m_best) : nullptr},
        {"updates", m_updates}};
    archive.write("rena_state", textTensor(state.dump()));
}

void RenaSearch::load(torch::serialize::InputArchive& archive) {
    torch::serialize::InputArchive policy;
    archive.read("rena_policy", policy);
    m_policy->load(policy);
    m_learner.load(archive);
    torch::Tensor text;
    archive.read("rena_state", text);
    const auto state = nlohmann::json::parse(tensorText(text));
    std::istringstream rng(state.at("rng").get<std::string>());
    rng >> m_rng;
    m_current = space::layers::layerNetworkFromJson(state.at("current"));
    m_currentReward.reset();
    if (!state.at("current_reward").is_null())
        m_currentReward = state.at("current_reward").get<double>();
    m_currentRecord.reset();
    if (const auto& current = state.at("current_record"); !current.is_null())
        m_currentRecord = costed(recordFromJson(current));
    m_best.reset();
    if (const auto& best = state.at("best"); !best.is_null()) m_best = costed(recordFromJson(best));
    m_updates = state.at("updates");
}

}  // namespace nas::search::rena
