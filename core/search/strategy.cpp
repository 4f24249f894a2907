#include "search/strategy.h"

#include <torch/nn/functional/loss.h>

#include <algorithm>
#include <cmath>

#include "optim/weight_update.h"
#include "space/channels_last.h"

namespace nas::search {

CellSearchStrategy::CellSearchStrategy(const engine::SearchConfig& config, torch::Device device,
                                       torch::Tensor alphaNormal, torch::Tensor alphaReduce)
    : m_config(config), m_device(device), m_supernet(config.space) {
    m_supernet->to(device);
    if (space::runsChannelsLast(device)) m_supernet->useChannelsLast();
    m_alphaNormal = alphaNormal.to(device).detach().requires_grad_(true);
    m_alphaReduce = alphaReduce.to(device).detach().requires_grad_(true);
    const auto& w = config.weights;
    m_weightOptimizer = std::make_unique<torch::optim::SGD>(
        m_supernet->parameters(),
        torch::optim::SGDOptions(w.lr).momentum(w.momentum).weight_decay(w.weightDecay));
    const auto& a = config.arch;
    m_archOptimizer = std::make_unique<torch::optim::Adam>(
        std::vector<torch::Tensor>{m_alphaNormal, m_alphaReduce},
        torch::optim::AdamOptions(a.lr).betas({a.beta1, a.beta2}).weight_decay(a.weightDecay));
}

void CellSearchStrategy::beginEpoch(int epoch) {
    m_epoch = epoch;
    for (auto& group : m_weightOptimizer->param_groups())
        static_cast<torch::optim::SGDOptions&>(group.options()).lr(learningRate());
}

double CellSearchStrategy::learningRate() const {
    // Cosine annealing from lr to lr_min over the search, per epoch as in DARTS.
    const auto& w = m_config.weights;
    const double progress = static_cast<double>(m_epoch) / std::max(1, m_config.epochs);
    return w.lrMin + 0.5 * (w.lr - w.lrMin) * (1.0 + std::cos(M_PI * progress));
}

torch::Tensor CellSearchStrategy::probabilities(bool reduction) const {
    torch::NoGradGuard noGrad;
    return torch::softmax(alphas(reduction), -1).cpu();
}

const std::vector<std::string>& CellSearchStrategy::ops(bool reduction) const {
    return reduction ? m_config.space.reduceOps : m_config.space.normalOps;
}

int CellSearchStrategy::noneIndex(bool reduction) const {
    const auto& list = ops(reduction);
    const auto it = std::find(list.begin(), list.end(), "none");
    return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}

space::CellGenotype topTwoGenotype(const torch::Tensor& strengths,
                                   const std::vector<std::string>& ops, int nodes) {
    const auto s = strengths.detach().cpu().to(torch::kDouble).contiguous();
    const auto acc = s.accessor<double, 2>();
    space::CellGenotype cell;
    for (int node = 0; node < nodes; ++node) {
        struct Choice {
            int from;
            int op;
            double strength;
        };
        std::vector<Choice> choices;
        for (int from = 0; from < node + 2; ++from) {
            const int e = space::edgeIndex(from, node);
            Choice best{from, -1, -1e300};
            for (size_t k = 0; k < ops.size(); ++k)
                if (ops[k] != "none" && acc[e][static_cast<int64_t>(k)] > best.strength)
                    best = {from, static_cast<int>(k), acc[e][static_cast<int64_t>(k)]};
            choices.push_back(best);
        }
        std::stable_sort(choices.begin(), choices.end(),
                         [](const Choice& a, const Choice& b) { return a.strength > b.strength; });
        for (size_t i = 0; i < std::min<size_t>(2, choices.size()); ++i)
            cell.edges.push_back({ops[static_cast<size_t>(choices[i].op)], choices[i].from, node});
    }
    for (int node = 0; node < nodes; ++node) cell.concat.push_back(node + 2);
    return cell;
}

space::Genotype CellSearchStrategy::derive() const {
    const int nodes = m_config.space.nodes;
    return {topTwoGenotype(probabilities(false), ops(false), nodes),
            topTwoGenotype(probabilities(true), ops(true), nodes)};
}

space::EdgeMixing CellSearchStrategy::genotypeMixing(const space::CellGenotype& cell,
                                                     bool reduction) const {
    return search::genotypeMixing(cell, ops(reduction), m_config.space, m_device);
}

torch::Tensor CellSearchStrategy::subnetLogits(const space::Genotype& genotype,
                                               const torch::Tensor& images) {
    return m_supernet->forward(images, genotypeMixing(genotype.normal, false),
                               genotypeMixing(genotype.reduce, true));
}

StepResult CellSearchStrategy::result(const torch::Tensor& loss, const torch::Tensor& logits,
                                      const torch::Tensor& labels) {
    StepResult r;
    r.loss = loss.item<double>();
    r.accuracy = logits.argmax(1).eq(labels).to(torch::kDouble).mean().item<double>();
    return r;
}

space::Genotype SearchStrategy::derive() const {
    throw std::logic_error(name() + " searches no cells: ask for derivedArchitecture()");
}

space::Supernet& SearchStrategy::supernet() {
    auto* weights = sharedWeights();
    if (!weights) throw std::logic_error(name() + " shares no weights between architectures");
    return *weights;
}

void SearchStrategy::synchroniseGradients(const std::vector<torch::Tensor>& parameters) const {
    if (m_gradientSync) m_gradientSync(parameters);
}

void CellSearchStrategy::stepWeights() {
    const auto parameters = m_supernet->parameters();
    synchroniseGradients(parameters);
    optim::clipGradientNorm(parameters, m_config.weights.gradClip);
    optim::sgdStep(*m_weightOptimizer);
}

void CellSearchStrategy::stepArchitecture(double gradClip) {
    const std::vector<torch::Tensor> alphas{m_alphaNormal, m_alphaReduce};
    synchroniseGradients(alphas);
    if (gradClip > 0) optim::clipGradientNorm(alphas, gradClip);
    m_archOptimizer->step();
}

void CellSearchStrategy::save(torch::serialize::OutputArchive& archive) const {
    torch::serialize::OutputArchive net, weightOpt, archOpt;
    m_supernet->save(net);
    m_weightOptimizer->save(weightOpt);
    m_archOptimizer->save(archOpt);
    archive.write("supernet", net);
    archive.write("weight_optimizer", weightOpt);
    archive.write("arch_optimizer", archOpt);
    archive.write("alpha_normal", m_alphaNormal.detach());
    archive.write("alpha_reduce", m_alphaReduce.detach());
}

void CellSearchStrategy::load(torch::serialize::InputArchive& archive) {
    torch::serialize::InputArchive net, weightOpt, archOpt;
    archive.read("supernet", net);
    archive.read("weight_optimizer", weightOpt);
    archive.read("arch_optimizer", archOpt);
    m_supernet->load(net);
    // A checkpoint keeps the layout it was saved in.
    if (space::runsChannelsLast(m_device)) m_supernet->useChannelsLast();
    m_weightOptimizer->load(weightOpt);
    m_archOptimizer->load(archOpt);
    torch::Tensor normal, reduce;
    archive.read("alpha_normal", normal);
    archive.read("alpha_reduce", reduce);
    torch::NoGradGuard noGrad;
    // Copy in place: the optimizer holds these very tensors.
    m_alphaNormal.copy_(normal);
    m_alphaReduce.copy_(reduce);
}

}  // namespace nas::search
