#include "search/rena/rena_strategy.h"

#include <torch/serialize.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "search/archive_text.h"
#include "space/layers/layer_space.h"

namespace nas::search::rena {
namespace {

nlohmann::json sampleJson(const engine::SampleRecord& s) {
    nlohmann::json tensors = nlohmann::json::array();
    for (const auto& t : s.tensors)
        tensors.push_back({{"name", t.name}, {"shape", t.shape}, {"values", t.values}});
    return {{"step", s.step},   {"epoch", s.epoch},     {"architecture", s.architecture},
            {"score", s.score}, {"metrics", s.metrics}, {"tensors", tensors}};
}

engine::SampleRecord sampleFromJson(const nlohmann::json& j) {
    engine::SampleRecord s;
    s.step = j.at("step");
    s.epoch = j.at("epoch");
    s.architecture = j.at("architecture");
    s.score = j.at("score");
    s.metrics = j.at("metrics").get<std::vector<std::pair<std::string, double>>>();
    for (const auto& t : j.at("tensors"))
        s.tensors.push_back({t.at("name"), t.at("shape").get<std::vector<std::int64_t>>(),
                             t.at("values").get<std::vector<float>>()});
    return s;
}

}  // namespace

RenaSettings renaSettings(const engine::SearchConfig& config) {
    auto whole = [&config](const char* key) {
        return static_cast<int>(wholeOption(config, "rena", key));
    };
    auto real = [&config](const char* key) { return realOption(config, "rena", key); };
    RenaSettings s;
    s.childrenPerUpdate = whole("children_per_update");
    s.editsPerChild = whole("edits_per_child");
    s.uniform = flagOption(config, "rena", "uniform");
    s.workers = whole("workers");
    s.policy.embedding = whole("policy.embedding");
    s.policy.hidden = whole("policy.hidden");
    s.reinforce.learningRate = real("policy.lr");
    s.reinforce.baselineDecay = real("policy.baseline_decay");
    s.reinforce.entropyWeight = real("policy.entropy_weight");
    s.child.epochs = whole("child.epochs");
    s.child.batchSize = whole("child.batch_size");
    s.child.learningRate = real("child.lr");
    s.child.momentum = real("child.momentum");
    s.child.weightDecay = real("child.weight_decay");
    s.limits = renaLimits(config, config.constraints);
    if (const auto seed = wordOption(config, "rena", "seed_network"); !seed.empty())
        s.seedNetwork = space::layers::layerNetworkFromJson(nlohmann::json::parse(seed));
    return s;
}

RenaLimits renaLimits(const engine::SearchConfig& config, const engine::Constraints& constraints) {
    RenaLimits limits;
    limits.maxParams = constraints.maxParams;
    limits.maxFlops = constraints.maxFlops;
    limits.minIntensity = constraints.minIntensity;
    // Each limit's own mode, or the common one.
    const auto common = wordOption(config, "rena", "constraint_mode");
    auto mode = [&](const char* key) {
        const auto own = wordOption(config, "rena", key);
        return (own == "same" ? common : own) == "soft" ? ConstraintMode::Soft
                                                        : ConstraintMode::Hard;
    };
    limits.paramsMode = mode("params_mode");
    limits.flopsMode = mode("flops_mode");
    limits.intensityMode = mode("intensity_mode");
    limits.softBase = realOption(config, "rena", "soft_base");
    return limits;
}

engine::SampleRecord sampleRecord(const ChildRecord& child, int epoch) {
    const auto& violated = child.reward.violated;
    auto broke = [&violated](const char* limit) {
        return std::find(violated.begin(), violated.end(), limit) != violated.end() ? 1.0 : 0.0;
    };
    engine::SampleRecord s;
    s.step = child.update;  // one engine step is one update
    s.epoch = epoch;
    s.architecture = space::layers::toJson(child.network).dump();
    s.score = child.training.accuracy;
    s.metrics = {{"reward", child.reward.value},
                 {"params", child.cost.params},
                 {"flops", child.cost.flops},
                 {"mac", child.cost.mac},
                 {"intensity", child.intensity},
                 {"feasible", child.reward.feasible ? 1.0 : 0.0},
                 {"broke_params", broke("params")},
                 {"broke_flops", broke("flops")},
                 {"broke_intensity", broke("intensity")},
                 {"accepted", child.accepted ? 1.0 : 0.0},
                 {"child", child.index},
                 {"edits", static_cast<double>(child.edits.size())},
                 {"refused_edits", child.refusedEdits},
                 {"train_loss", child.training.trainLoss},
                 {"valid_loss", child.training.validLoss},
                 {"train_seconds", child.training.seconds}};
    // The edits that made it from the current network, for the views' table.
    if (!child.edits.empty())
        s.tensors.push_back(
            {"edits",
             {static_cast<std::int64_t>(child.edits.size()), space::layers::kEditRowWidth},
             space::layers::editRows(child.edits)});
    return s;
}

RenaStrategy::RenaStrategy(const engine::SearchConfig& config, const StrategyContext& context)
    : m_config(config),
      m_search(
          [&] {
              if (!context.train.images.defined() || !context.valid.images.defined())
                  throw std::invalid_argument(
                      "rena trains each child on the search's images: build it in a search "
                      "session");
              return renaSettings(config);
          }(),
          config.space.input, config.space.classes, context.train, context.valid, context.device,
          config.seed),
      m_stop(context.stop),
      m_updatesPerEpoch(static_cast<int>(wholeOption(config, "rena", "updates_per_epoch"))) {}

StepResult RenaStrategy::step(const Batch& /*train*/, const Batch& /*valid*/) {
    const auto children = m_search.update(m_stop);
    StepResult result;
    if (!children) {
        result.cutShort = true;
        return result;
    }
    double lossSum = 0, trained = 0, accuracySum = 0, rewardSum = 0, rewardBest = 0, feasible = 0;
    for (const auto& child : *children) {
        // A child whose own training diverged scores as it measured; its loss would read as the
        // search diverging.
        if (std::isfinite(child.training.trainLoss)) {
            lossSum += child.training.trainLoss;
            ++trained;
        }
        accuracySum += child.training.accuracy;
        rewardSum += child.reward.value;
        rewardBest = std::max(rewardBest, child.reward.value);
        feasible += child.reward.feasible ? 1 : 0;
        m_pending.push_back(sampleRecord(child, m_epoch));
    }
    const double n = static_cast<double>(children->size());
    result.loss = trained > 0 ? lossSum / trained : 0;  // the children's own training loss
    result.accuracy = accuracySum / n;
    result.scalars = {{"reward", rewardSum / n},
                      {"reward_best", rewardBest},
                      {"baseline", m_search.baseline().value_or(0)},
                      {"current_reward", m_search.currentReward()},
                      {"feasible_fraction", feasible / n},
                      {"diverged_children", n - trained}};
    if (const auto& best = m_search.bestFeasible())
        result.scalars.emplace_back("best_feasible_accuracy", best->training.accuracy);
    return result;
}

double RenaStrategy::learningRate() const {
    return m_search.settings().uniform ? 0 : m_search.settings().reinforce.learningRate;
}

void RenaStrategy::setConstraints(const engine::Constraints& constraints) {
    SearchStrategy::setConstraints(constraints);
    m_search.setLimits(renaLimits(m_config, constraints));
}

const std::optional<ChildRecord>& RenaStrategy::derived() const {
    return m_search.bestFeasible() ? m_search.bestFeasible() : m_search.currentRecord();
}

space::Architecture RenaStrategy::derivedArchitecture() const {
    const auto& network = derived() ? derived()->network : m_search.current();
    return {space::layers::kLayerSpace, space::layers::toJson(network)};
}

std::optional<DerivedScore> RenaStrategy::derivedScore() const {
    if (!derived()) return std::nullopt;
    return DerivedScore{derived()->training.validLoss, derived()->training.accuracy};
}

std::vector<engine::SampleRecord> RenaStrategy::takeSampleRecords() {
    return std::exchange(m_pending, {});
}

void RenaStrategy::save(torch::serialize::OutputArchive& archive) const {
    m_search.save(archive);
    // Children of the epoch so far: a checkpoint inside an epoch must not lose them.
    nlohmann::json pending = nlohmann::json::array();
    for (const auto& s : m_pending) pending.push_back(sampleJson(s));
    archive.write("rena_pending_samples", textTensor(pending.dump()));
}

void RenaStrategy::load(torch::serialize::InputArchive& archive) {
    m_search.load(archive);
    torch::Tensor text;
    archive.read("rena_pending_samples", text);
    m_pending.clear();
    for (const auto& s : nlohmann::json::parse(tensorText(text)))
        m_pending.push_back(sampleFromJson(s));
}

std::unique_ptr<SearchStrategy> makeStrategy(const engine::SearchConfig& config,
                                             const StrategyContext& context) {
    return std::make_unique<RenaStrategy>(config, context);
}

}  // namespace nas::search::rena
