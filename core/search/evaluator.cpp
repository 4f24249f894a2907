#include "search/evaluator.h"

#include <torch/nn/functional/loss.h>
#include <torch/nn/modules/batchnorm.h>

#include <algorithm>
#include <stdexcept>

namespace nas::search {
namespace {

// Restores the module's training flag and every buffer (BN running statistics and batch counts)
// when it goes out of scope, so scoring never changes what training or a later score sees.
class SupernetStateGuard {
  public:
    explicit SupernetStateGuard(space::Supernet& net) : m_net(net), m_training(net->is_training()) {
        torch::NoGradGuard noGrad;
        for (const auto& b : net->buffers()) m_buffers.push_back(b.clone());
    }
    ~SupernetStateGuard() {
        torch::NoGradGuard noGrad;
        const auto buffers = m_net->buffers();
        for (size_t i = 0; i < buffers.size() && i < m_buffers.size(); ++i)
            buffers[i].copy_(m_buffers[i]);
        m_net->train(m_training);
    }
    SupernetStateGuard(const SupernetStateGuard&) = delete;
    SupernetStateGuard& operator=(const SupernetStateGuard&) = delete;

  private:
    space::Supernet& m_net;
    bool m_training;
    std::vector<torch::Tensor> m_buffers;
};

}  // namespace

BnMode bnModeFromName(const std::string& name) {
    if (name == "eval") return BnMode::Eval;
    if (name == "recalibrate") return BnMode::Recalibrate;
    if (name == "batch") return BnMode::Batch;
    throw std::invalid_argument("batch-norm mode must be eval, recalibrate or batch (got '" + name +
                                "')");
}

std::string toString(BnMode mode) {
    switch (mode) {
        case BnMode::Eval:
            return "eval";
        case BnMode::Recalibrate:
            return "recalibrate";
        case BnMode::Batch:
            return "batch";
    }
    return "eval";
}

space::EdgeMixing genotypeMixing(const space::CellGenotype& cell,
                                 const std::vector<std::string>& ops,
                                 const space::SpaceConfig& space, torch::Device device) {
    const int edges = space.edgesPerCell();
    space::EdgeMixing mixing;
    mixing.weights = torch::zeros({edges, static_cast<int64_t>(ops.size())},
                                  torch::TensorOptions().device(device));
    mixing.active.assign(static_cast<size_t>(edges), space::EdgeMixing::kEdgeOff);
    for (const auto& e : cell.edges) {
        if (e.to >= space.nodes)
            throw std::invalid_argument("genotype node " + std::to_string(e.to) +
                                        " is outside this space of " + std::to_string(space.nodes) +
                                        " nodes");
        const auto it = std::find(ops.begin(), ops.end(), e.op);
        if (it == ops.end())
            throw std::invalid_argument("op '" + e.op + "' is not in this space's op set");
        const int edge = space::edgeIndex(e.from, e.to);
        const int k = static_cast<int>(it - ops.begin());
        if (mixing.active[static_cast<size_t>(edge)] != space::EdgeMixing::kEdgeOff)
            throw std::invalid_argument("a supernet edge carries one op; the genotype uses edge " +
                                        std::to_string(e.from) + "->" + std::to_string(e.to) +
                                        " twice");
        mixing.active[static_cast<size_t>(edge)] = k;
        mixing.weights[edge][k] = 1.0;
    }
    return mixing;
}

SubnetEvaluator::SubnetEvaluator(space::Supernet supernet, torch::Device device, BnMode mode,
                                 BatchSource calibration, int calibrationBatches)
    : m_supernet(std::move(supernet)),
      m_device(device),
      m_mode(mode),
      m_calibration(std::move(calibration)),
      m_calibrationBatches(calibrationBatches) {
    if (mode == BnMode::Recalibrate && (m_calibrationBatches < 1 || m_calibration.count < 1))
        throw std::invalid_argument(
            "batch-norm recalibration needs at least one calibration batch");
}

void SubnetEvaluator::recalibrate(const space::EdgeMixing& normal,
                                  const space::EdgeMixing& reduce) {
    // Fresh statistics, then the plain average over the calibration batches: momentum 1/(i+1) for
    // batch i makes each running value the mean of what the batches so far gave.
    std::vector<std::pair<torch::nn::BatchNorm2dImpl*, double>> layers;
    for (const auto& module : m_supernet->modules(/*include_self=*/false)) {
        if (auto* bn = module->as<torch::nn::BatchNorm2d>()) {
            const auto momentum = bn->options.momentum();
            layers.emplace_back(bn, momentum ? *momentum : 0.1);
            bn->reset_running_stats();
        }
    }
    m_supernet->train();
    const int batches = std::min(m_calibrationBatches, m_calibration.count);
    for (int i = 0; i < batches; ++i) {
        for (auto& [bn, momentum] : layers) bn->options.momentum(1.0 / (i + 1));
        (void)m_supernet->forward(m_calibration.at(i).images, normal, reduce);
    }
    for (auto& [bn, momentum] : layers) bn->options.momentum(momentum);
}

Evaluation SubnetEvaluator::evaluate(const space::Genotype& genotype, const BatchSource& source,
                                     int first, int count) {
    if (source.count < 1) throw std::invalid_argument("no batches to score an architecture on");
    const auto& space = m_supernet->space();
    const auto normal = genotypeMixing(genotype.normal, space.normalOps, space, m_device);
    const auto reduce = genotypeMixing(genotype.reduce, space.reduceOps, space, m_device);
    torch::NoGradGuard noGrad;
    SupernetStateGuard restore(m_supernet);
    if (m_mode == BnMode::Recalibrate) recalibrate(normal, reduce);
    m_supernet->train(m_mode == BnMode::Batch);
    Evaluation ev;
    double lossSum = 0;
    std::int64_t right = 0;
    for (int i = 0; i < count; ++i) {
        const auto batch = source.at((first + i) % source.count);
        const auto logits = m_supernet->forward(batch.images, normal, reduce);
        const auto n = batch.labels.size(0);
        lossSum +=
            torch::cross_entropy_loss(logits, batch.labels).item<double>() * static_cast<double>(n);
        right += logits.argmax(1).eq(batch.labels).sum().item<std::int64_t>();
        ev.samples += n;
    }
    if (ev.samples > 0) {
        ev.loss = lossSum / static_cast<double>(ev.samples);
        ev.accuracy = static_cast<double>(right) / static_cast<double>(ev.samples);
    }
    return ev;
}

}  // namespace nas::search
