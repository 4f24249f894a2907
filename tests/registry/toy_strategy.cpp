// The toy strategy's engine: torch code, kept apart from the Qt test file (Qt's keyword macros and
// LibTorch's headers do not mix in one translation unit).
#include "toy_strategy.h"

#include <torch/nn/functional/loss.h>

#include "engine/search_config.h"
#include "search/registry/strategy_registry.h"
#include "search/strategy.h"

namespace nas::fixtures {
namespace {

// Trains the supernet along the DARTS-rule genotype of fixed, equal alphas: the simplest
// strategy that really runs through the engine.
class ToyStrategy final : public search::CellSearchStrategy {
  public:
    ToyStrategy(const engine::SearchConfig& config, torch::Device device)
        : CellSearchStrategy(config, device, uniform(config, false), uniform(config, true)) {}

    [[nodiscard]] std::string name() const override { return "toy"; }

    search::StepResult step(const search::Batch& train, const search::Batch& /*valid*/) override {
        const auto genotype = derive();
        m_weightOptimizer->zero_grad();
        const auto logits =
            m_supernet->forward(train.images, genotypeMixing(genotype.normal, false),
                                genotypeMixing(genotype.reduce, true));
        const auto loss = torch::nn::functional::cross_entropy(logits, train.labels);
        loss.backward();
        stepWeights();
        return result(loss, logits, train.labels);
    }

  private:
    static torch::Tensor uniform(const engine::SearchConfig& config, bool reduction) {
        const auto& ops = reduction ? config.space.reduceOps : config.space.normalOps;
        return torch::zeros({config.space.edgesPerCell(), static_cast<int64_t>(ops.size())});
    }
};

std::vector<std::string> validate(const engine::SearchConfig& config) {
    const double scale = search::realOption(config, "toy", "width_scale");
    if (scale > 0 && scale <= 1) return {};
    return {"toy.width_scale must be in (0, 1]"};
}

}  // namespace

void registerToyStrategy() {
    search::StrategyDescriptor d;
    d.name = "toy";
    d.displayName = "Toy";
    d.description = "a test-only strategy that trains one fixed genotype";
    d.family = search::StrategyFamily::Editing;
    d.learnsOpDistribution = false;
    d.options = {{"width_scale", 0.5, "a setting only the toy has"}};
    d.validate = validate;
    d.create =
        [](const engine::SearchConfig& config,
           const search::StrategyContext& context) -> std::unique_ptr<search::SearchStrategy> {
        return std::make_unique<ToyStrategy>(config, context.device);
    };
    search::registerStrategy(std::move(d));
}

}  // namespace nas::fixtures
