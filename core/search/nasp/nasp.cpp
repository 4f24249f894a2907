#include "search/nasp/nasp.h"

#include <torch/autograd.h>
#include <torch/nn/functional/loss.h>

namespace nas::search {
namespace {

torch::Tensor initialAlphas(const engine::SearchConfig& config, bool reduction) {
    const auto& ops = reduction ? config.space.reduceOps : config.space.normalOps;
    // NASP starts every alpha at 0.5; the small noise (ours) breaks ties in the first projection.
    return 0.5 +
           1e-3 * torch::randn({config.space.edgesPerCell(), static_cast<int64_t>(ops.size())});
}

torch::Tensor parameterShare(const engine::SearchConfig& config, bool reduction) {
    const auto table = space::edgeOpCosts(config.space, reduction);
    std::vector<double> perOp(table.front().size(), 0.0);
    for (const auto& edge : table)
        for (size_t k = 0; k < edge.size(); ++k) perOp[k] += edge[k].params;
    double total = 0;
    for (double p : perOp) total += p;
    auto share = torch::tensor(perOp, torch::kDouble) / std::max(total, 1.0);
    return share.to(torch::kFloat);
}

}  // namespace

NaspStrategy::NaspStrategy(const engine::SearchConfig& config, torch::Device device)
    : CellSearchStrategy(config, device, initialAlphas(config, false), initialAlphas(config, true)),
      m_paramShareNormal(parameterShare(config, false).to(device)),
      m_paramShareReduce(parameterShare(config, true).to(device)) {
    torch::NoGradGuard noGrad;
    m_alphaNormal.clamp_(0.0, 1.0);
    m_alphaReduce.clamp_(0.0, 1.0);
}

space::EdgeMixing NaspStrategy::binarise(bool reduction, bool alphaGraph) const {
    const auto& alpha = alphas(reduction);
    const int none = noneIndex(reduction);
    auto strength = alpha.detach().clone();
    if (none >= 0) strength.select(1, none).fill_(-1.0);  // none never wins: it computes nothing
    const auto best = strength.max(1);
    const auto bestValue = std::get<0>(best).cpu();
    const auto bestOp = std::get<1>(best).cpu();
    const int edges = m_config.space.edgesPerCell();
    space::EdgeMixing mixing;
    mixing.active.assign(static_cast<size_t>(edges), space::EdgeMixing::kEdgeOff);
    auto binary = torch::zeros_like(strength);
    for (int node = 0; node < m_config.space.nodes; ++node) {
        // The two incoming edges whose chosen op is strongest stay on.
        std::vector<std::pair<double, int>> incoming;
        for (int from = 0; from < node + 2; ++from) {
            const int e = space::edgeIndex(from, node);
            incoming.emplace_back(bestValue[e].item<double>(), e);
        }
        std::stable_sort(incoming.begin(), incoming.end(),
                         [](auto& a, auto& b) { return a.first > b.first; });
        for (size_t i = 0; i < std::min<size_t>(2, incoming.size()); ++i) {
            const int e = incoming[i].second;
            const int k = static_cast<int>(bestOp[e].item<int64_t>());
            mixing.active[static_cast<size_t>(e)] = k;
            binary[e][k] = 1.0;
        }
    }
    // Forward with the binary values; gradients land on the continuous alphas (straight through).
    mixing.weights = alphaGraph ? binary + alpha - alpha.detach() : binary;
    mixing.inactiveWithoutGraph = alphaGraph;
    return mixing;
}

int64_t NaspStrategy::inactiveBatch(int64_t batch) const {
    const double fraction = realOption(m_config, "nasp", "inactive_batch_fraction");
    if (fraction >= 1.0) return 0;
    return std::max<int64_t>(
        2, static_cast<int64_t>(std::llround(fraction * static_cast<double>(batch))));
}

torch::Tensor NaspStrategy::sizeRegulariser() const {
    return (m_alphaNormal.pow(2) * m_paramShareNormal).sum() +
           (m_alphaReduce.pow(2) * m_paramShareReduce).sum();
}

void NaspStrategy::architectureStep(const Batch& valid) {
    // (1) Loss of the discrete architecture on a validation batch, gradient to alphas only.
    auto normal = binarise(false, true), reduce = binarise(true, true);
    normal.inactiveBatch = reduce.inactiveBatch = inactiveBatch(valid.images.size(0));
    auto loss =
        torch::cross_entropy_loss(m_supernet->forward(valid.images, normal, reduce), valid.labels);
    if (const double eta = realOption(m_config, "nasp", "size_eta"); eta > 0)
        loss = loss + eta * sizeRegulariser();
    const auto grads = torch::autograd::grad({loss}, {m_alphaNormal, m_alphaReduce});
    m_alphaNormal.mutable_grad() = grads[0];
    m_alphaReduce.mutable_grad() = grads[1];
    stepArchitecture();
    // Back into the box at once, as NASP's train_search calls model.clip() right after the
    // architect's step: the weight step's projection must read clipped alphas.
    torch::NoGradGuard noGrad;
    m_alphaNormal.clamp_(0.0, 1.0);
    m_alphaReduce.clamp_(0.0, 1.0);
}

StepResult NaspStrategy::weightStep(const Batch& train) {
    // (2) Project again and train only the chosen ops.
    m_supernet->zero_grad(/*set_to_none=*/true);  // untouched ops keep no gradient: SGD skips them
    const auto logits =
        m_supernet->forward(train.images, binarise(false, false), binarise(true, false));
    const auto loss = torch::cross_entropy_loss(logits, train.labels);
    loss.backward();
    stepWeights();
    return result(loss, logits, train.labels);
}

StepResult NaspStrategy::step(const Batch& train, const Batch& valid) {
    architectureStep(valid);
    return weightStep(train);
}

}  // namespace nas::search

namespace nas::search::nasp {

// The registry's factory for this strategy (search/strategy_factory.cpp attaches it).
std::unique_ptr<SearchStrategy> makeStrategy(const engine::SearchConfig& config,
                                             const StrategyContext& context) {
    return std::make_unique<NaspStrategy>(config, context.device);
}

}  // namespace nas::search::nasp
