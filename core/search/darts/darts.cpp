#include "search/darts/darts.h"

#include <torch/autograd.h>
#include <torch/nn/functional/loss.h>

#include <string>

#include "optim/weight_update.h"

namespace nas::search {

namespace {
torch::Tensor initialAlphas(const engine::SearchConfig& config, bool reduction) {
    const auto& ops = reduction ? config.space.reduceOps : config.space.normalOps;
    return 1e-3 * torch::randn({config.space.edgesPerCell(), static_cast<int64_t>(ops.size())});
}
}  // namespace

DartsStrategy::DartsStrategy(const engine::SearchConfig& config, torch::Device device)
    : CellSearchStrategy(config, device, initialAlphas(config, false),
                         initialAlphas(config, true)) {}

torch::Tensor DartsStrategy::loss(const Batch& batch, bool alphaGraph) {
    space::EdgeMixing normal, reduce;
    normal.weights = torch::softmax(alphaGraph ? m_alphaNormal : m_alphaNormal.detach(), -1);
    reduce.weights = torch::softmax(alphaGraph ? m_alphaReduce : m_alphaReduce.detach(), -1);
    return torch::cross_entropy_loss(m_supernet->forward(batch.images, normal, reduce),
                                     batch.labels);
}

void DartsStrategy::archStepFirstOrder(const Batch& valid) {
    // autograd::grad asks only for the alphas, so convolutions skip their weight gradients here.
    const auto grads = torch::autograd::grad({loss(valid, true)}, {m_alphaNormal, m_alphaReduce});
    m_alphaNormal.mutable_grad() = grads[0];
    m_alphaReduce.mutable_grad() = grads[1];
    stepArchitecture();
}

std::vector<torch::Tensor> DartsStrategy::virtualWeights(const Batch& train) {
    // The step the weight optimizer would take, as DARTS's _compute_unrolled_model writes it:
    // w' = w - lr * (momentum * buffer + grad_w L_train(w, a) + weight_decay * w). A parameter the
    // optimizer has not stepped yet has no buffer: its momentum term is zero.
    auto params = m_supernet->parameters();
    const auto g = torch::autograd::grad({loss(train, false)}, params);
    const double lr = learningRate();
    const double momentum = m_config.weights.momentum;
    const double decay = m_config.weights.weightDecay;
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> unrolled;
    unrolled.reserve(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
        auto direction = g[i] + decay * params[i];
        const auto buffer = optim::sgdMomentumBuffer(*m_weightOptimizer, params[i]);
        if (buffer.defined()) direction = direction + momentum * buffer;
        unrolled.push_back(params[i] - lr * direction);
    }
    return unrolled;
}

void DartsStrategy::archStepSecondOrder(const Batch& train, const Batch& valid) {
    // Unrolled: w' is one virtual weight step (virtualWeights). grad_a L_val(w', a) minus lr times
    // the Hessian-vector product, approximated by finite differences at w +- eps * grad_w' L_val.
    auto params = m_supernet->parameters();
    std::vector<torch::Tensor> backup;
    for (auto& p : params) backup.push_back(p.detach().clone());
    const double lr = learningRate();
    {
        const auto unrolled = virtualWeights(train);
        torch::NoGradGuard noGrad;
        for (size_t i = 0; i < params.size(); ++i) params[i].copy_(unrolled[i]);
    }
    std::vector<torch::Tensor> inputs = params;
    inputs.push_back(m_alphaNormal);
    inputs.push_back(m_alphaReduce);
    const auto g = torch::autograd::grad({loss(valid, true)}, inputs);
    const size_t n = params.size();
    torch::Tensor vnorm = torch::zeros({}, g[0].options());
    for (size_t i = 0; i < n; ++i) vnorm = vnorm + g[i].pow(2).sum();
    const double eps = 0.01 / (vnorm.sqrt().item<double>() + 1e-12);
    auto alphaGradAt = [&](double sign) {
        {
            torch::NoGradGuard noGrad;
            for (size_t i = 0; i < n; ++i) params[i].copy_(backup[i] + sign * eps * g[i]);
        }
        return torch::autograd::grad({loss(train, true)}, {m_alphaNormal, m_alphaReduce});
    };
    const auto plus = alphaGradAt(1.0);
    const auto minus = alphaGradAt(-1.0);
    {
        torch::NoGradGuard noGrad;
        for (size_t i = 0; i < n; ++i) params[i].copy_(backup[i]);
    }
    m_alphaNormal.mutable_grad() = g[n] - lr * (plus[0] - minus[0]) / (2 * eps);
    m_alphaReduce.mutable_grad() = g[n + 1] - lr * (plus[1] - minus[1]) / (2 * eps);
    stepArchitecture();
}

StepResult DartsStrategy::step(const Batch& train, const Batch& valid) {
    if (wholeOption(m_config, "darts", "order") == 2) {
        archStepSecondOrder(train, valid);
    } else {
        archStepFirstOrder(valid);
    }
    space::EdgeMixing normal, reduce;
    normal.weights = torch::softmax(m_alphaNormal.detach(), -1);
    reduce.weights = torch::softmax(m_alphaReduce.detach(), -1);
    m_supernet->zero_grad(/*set_to_none=*/true);  // untouched ops keep no gradient: SGD skips them
    const auto logits = m_supernet->forward(train.images, normal, reduce);
    const auto lossValue = torch::cross_entropy_loss(logits, train.labels);
    lossValue.backward();
    stepWeights();
    return result(lossValue, logits, train.labels);
}

}  // namespace nas::search

namespace nas::search::darts {

// The registry's factory for this strategy (search/strategy_factory.cpp attaches it).
std::unique_ptr<SearchStrategy> makeStrategy(const engine::SearchConfig& config,
                                             const StrategyContext& context) {
    return std::make_unique<DartsStrategy>(config, context.device);
}

}  // namespace nas::search::darts
