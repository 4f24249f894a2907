#pragma once
// One interface for every search strategy. The engine owns the loop (epochs, steps, events,
// checkpoints); a strategy owns what it learns (a supernet and architecture parameters, a
// controller, an editing policy) and says what one step does. Cell-space strategies share
// CellSearchStrategy; a strategy of another space (RENA's layer chains) derives from
// SearchStrategy alone and reports its architectures in that space's JSON form.
#include <torch/optim/adam.h>
#include <torch/optim/sgd.h>
#include <torch/serialize/archive.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "data/tensor_data.h"
#include "engine/events.h"
#include "engine/search_config.h"
#include "search/evaluator.h"
#include "search/registry/strategy_registry.h"
#include "space/cost_model.h"
#include "space/search_space.h"
#include "space/supernet.h"

namespace nas::search {

using data::Batch;

// What the engine gives a strategy's factory besides the config.
struct StrategyContext {
    torch::Device device;
    // The search's images, normalised, on the device, for a strategy that trains networks of its
    // own (RENA's children): `train` is the weight split, `valid` the architecture split (the
    // monitor split of a single-level search). Empty when a strategy is built outside a session.
    data::TensorSet train;
    data::TensorSet valid;
    // Turns true when the user asks the search to stop; a strategy whose steps take long checks it
    // and cuts the step short (StepResult::cutShort). Null outside a session.
    const std::atomic<bool>* stop = nullptr;
};

// How the engine's SubnetEvaluator scores sub-networks for a strategy.
struct ScoringSettings {
    BnMode bnMode = BnMode::Eval;
    int calibrationBatches = 10;  // training batches that recalibrate BN (BnMode::Recalibrate)
};

struct StepResult {
    double loss = 0;
    double accuracy = 0;  // on the weight-training batch
    // The strategy's own per-step figures (a penalty, a reward, a baseline, an entropy): the engine
    // passes them on in StepEvent::scalars, the store keeps them, the curves view plots them by
    // name.
    std::vector<std::pair<std::string, double>> scalars;
    // A stop request ended the step before it changed anything: the engine neither counts nor
    // records it, and a resume runs it again.
    bool cutShort = false;
};

// The derived architecture's validation figures, where the strategy measured them itself.
struct DerivedScore {
    double loss = 0;
    double accuracy = 0;
};

// What the engine hands a strategy after each epoch, to score architectures with the shared
// weights.
struct EpochScoring {
    SubnetEvaluator* evaluator;                   // null for a strategy without shared weights
    BatchSource valid;                            // the validation split, plain, in a fixed order
    std::function<void(const std::string&)> log;  // progress of long work, for the observer
    std::function<bool()> stopRequested;          // long work checks it and gives up when true
};

class SearchStrategy {
  public:
    virtual ~SearchStrategy() = default;
    [[nodiscard]] virtual std::string name() const = 0;
    // Epoch-level schedules (learning rate, temperature).
    virtual void beginEpoch(int epoch) = 0;
    // Steps in an epoch where the strategy decides (RENA: policy updates); 0: one pass over the
    // training batches.
    [[nodiscard]] virtual int stepsPerEpoch() const { return 0; }
    // One search step: `train` trains weights, `valid` the architecture where the method is
    // bi-level. A strategy that trains networks of its own may ignore both.
    virtual StepResult step(const Batch& train, const Batch& valid) = 0;
    // After each epoch; sampling strategies score candidates here. False when a stop request cut
    // the work short: the engine then checkpoints before this call, so a resume does it again.
    virtual bool endEpoch(int /*epoch*/, EpochScoring& /*scoring*/) { return true; }
    // Op probabilities per edge, [edges, ops], for the views and the store; undefined in a space
    // without op distributions (SearchSpace::hasOpDistribution).
    [[nodiscard]] virtual torch::Tensor probabilities(bool /*reduction*/) const { return {}; }
    // The cell the search delivers now; cell-space strategies only (std::logic_error otherwise).
    [[nodiscard]] virtual space::Genotype derive() const;
    // The architecture the search delivers now, in its space's JSON form.
    [[nodiscard]] virtual space::Architecture derivedArchitecture() const {
        return space::cellArchitecture(derive());
    }
    // Its validation loss and accuracy where the strategy measured them (RENA trained it);
    // nullopt: the engine scores it with the shared weights.
    [[nodiscard]] virtual std::optional<DerivedScore> derivedScore() const { return std::nullopt; }
    [[nodiscard]] virtual double temperature() const { return 0; }
    [[nodiscard]] virtual double learningRate() const = 0;
    // Constraints may change between steps.
    virtual void setConstraints(const engine::Constraints& constraints) {
        m_constraints = constraints;
    }
    // Cells sampled since the last call (random search, controllers).
    [[nodiscard]] virtual std::vector<engine::SampledArchitecture> takeSampled() { return {}; }
    // Architectures of other spaces tried since the last call, as the store keeps them (RENA's
    // children, each with its reward and costs).
    [[nodiscard]] virtual std::vector<engine::SampleRecord> takeSampleRecords() { return {}; }
    // Batch norm while the engine's evaluator scores sub-networks for this strategy.
    [[nodiscard]] virtual ScoringSettings scoringSettings() const { return {}; }
    // The shared weights, for a SubnetEvaluator; null for a strategy that shares none.
    [[nodiscard]] virtual space::Supernet* sharedWeights() { return nullptr; }
    // sharedWeights(), for code that only runs weight-sharing strategies; std::logic_error when
    // there are none.
    [[nodiscard]] space::Supernet& supernet();

    virtual void save(torch::serialize::OutputArchive& archive) const = 0;
    virtual void load(torch::serialize::InputArchive& archive) = 0;

    // Called with the parameters whose gradients are about to be applied, before every weight
    // and architecture update: a data-parallel search averages them across ranks here.
    using GradientSync = std::function<void(const std::vector<torch::Tensor>& parameters)>;
    void setGradientSync(GradientSync sync) { m_gradientSync = std::move(sync); }

  protected:
    void synchroniseGradients(const std::vector<torch::Tensor>& parameters) const;

    engine::Constraints m_constraints;
    GradientSync m_gradientSync;
};

// Shared machinery of the cell-space strategies: supernet, SGD on weights with cosine learning
// rate, architecture parameters with their Adam optimizer, derivation and checkpointing.
class CellSearchStrategy : public SearchStrategy {
  public:
    CellSearchStrategy(const engine::SearchConfig& config, torch::Device device,
                       torch::Tensor alphaNormal, torch::Tensor alphaReduce);
    void beginEpoch(int epoch) override;
    [[nodiscard]] torch::Tensor probabilities(bool reduction) const override;
    // DARTS rule: per node the two incoming edges with the strongest non-none op, each with that
    // op.
    [[nodiscard]] space::Genotype derive() const override;
    [[nodiscard]] double learningRate() const override;
    // Logits of `genotype`'s sub-network with the shared weights.
    [[nodiscard]] torch::Tensor subnetLogits(const space::Genotype& genotype,
                                             const torch::Tensor& images);
    void save(torch::serialize::OutputArchive& archive) const override;
    void load(torch::serialize::InputArchive& archive) override;

    [[nodiscard]] space::Supernet* sharedWeights() override { return &m_supernet; }
    [[nodiscard]] const torch::Tensor& alphas(bool reduction) const {
        return reduction ? m_alphaReduce : m_alphaNormal;
    }

  protected:
    // Cross-entropy of `logits`, plus accuracy, for a step result.
    static StepResult result(const torch::Tensor& loss, const torch::Tensor& logits,
                             const torch::Tensor& labels);
    // The one place the weights are updated: synchronise, clip, SGD step.
    void stepWeights();
    // The one place the architecture parameters are updated: synchronise, clip (when gradClip > 0),
    // Adam step. Strategies that keep alphas in a set (NASP's box) project after it.
    void stepArchitecture(double gradClip = 0);
    // Mixing that computes only `genotype`'s ops, weight 1 each (no gradient to any alpha).
    [[nodiscard]] space::EdgeMixing genotypeMixing(const space::CellGenotype& cell,
                                                   bool reduction) const;
    [[nodiscard]] const std::vector<std::string>& ops(bool reduction) const;
    [[nodiscard]] int noneIndex(bool reduction) const;  // -1 when the op set has no none

    engine::SearchConfig m_config;
    torch::Device m_device;
    space::Supernet m_supernet;
    torch::Tensor m_alphaNormal;
    torch::Tensor m_alphaReduce;
    std::unique_ptr<torch::optim::SGD> m_weightOptimizer;
    std::unique_ptr<torch::optim::Adam> m_archOptimizer;
    int m_epoch = 0;
};

// Genotype by the DARTS rule from per-edge op strengths [edges, ops].
[[nodiscard]] space::CellGenotype topTwoGenotype(const torch::Tensor& strengths,
                                                 const std::vector<std::string>& ops, int nodes);

// The registered strategy the config names, built by its factory
// (search/registry/strategy_registry.h).
[[nodiscard]] std::unique_ptr<SearchStrategy> makeStrategy(const engine::SearchConfig& config,
                                                           const StrategyContext& context);
// The same with a device alone (no data): enough for every cell-space strategy.
[[nodiscard]] std::unique_ptr<SearchStrategy> makeStrategy(const engine::SearchConfig& config,
                                                           torch::Device device);

}  // namespace nas::search
