#include "space/supernet.h"

#include <torch/nn/functional/pooling.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/pooling.h>

#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

#include "space/cell_parts.h"
#include "space/channels_last.h"
#include "space/cost_model.h"
#include "space/operations.h"

namespace nas::space {
namespace nn = torch::nn;
namespace {

// Drop path as in the SNAS search: zero each sample's edge output with probability p and scale the
// rest by 1/(1-p). The mask comes from the CPU generator whatever the device, as the Gumbel noise
// does, so a checkpoint (which keeps that generator's state) resumes with the same masks.
torch::Tensor dropEdgeOutput(const torch::Tensor& x, double p) {
    const double keep = 1.0 - p;
    auto mask =
        torch::empty({x.size(0), 1, 1, 1}, x.options().device(torch::kCPU)).bernoulli_(keep);
    return x * (mask.to(x.device()) / keep);
}

// Which stateless first layer an op shares with the other ops reading the same state: none, the
// ReLU (one for all ops that start with it), or its pooling (keyed by the op's index).
constexpr int kNotShared = -2;
constexpr int kSharedRelu = -1;

int sharedFirstLayer(const nn::Sequential& op, size_t opIndex) {
    if (op->is_empty()) return kNotShared;
    const auto& first = op->ptr(0);
    if (first->as<nn::ReLU>() && op->size() > 1) return kSharedRelu;
    if (first->as<nn::MaxPool2d>() || first->as<nn::AvgPool2d>()) return static_cast<int>(opIndex);
    return kNotShared;
}

}  // namespace

// One state of a cell, with the shared first layers its out-edges have computed so far, keyed by
// (shared layer, batch part, made with an autograd graph).
struct CellInputWork {
    explicit CellInputWork(torch::Tensor state) : input(std::move(state)) {}

    torch::Tensor input;
    std::map<std::tuple<int, int64_t, bool>, torch::Tensor> firstLayers;
};

SearchCellImpl::SearchCellImpl(const SpaceConfig& space, int cPrevPrev, int cPrev, int c,
                               bool reduction, bool reductionPrev)
    : m_reduction(reduction), m_nodes(space.nodes) {
    const auto& opNames = reduction ? space.reduceOps : space.normalOps;
    for (const auto& name : opNames) m_kinds.push_back(opKindFromName(name));
    m_preprocess0 =
        register_module("preprocess0", makePreprocess0(cPrevPrev, c, reductionPrev, false));
    m_preprocess1 = register_module("preprocess1", reluConvBn(cPrev, c, 1, 1, 0, false));
    for (int e = 0; e < space.edgesPerCell(); ++e) {
        const int stride = reduction && edgeSource(e) < 2 ? 2 : 1;
        std::vector<nn::Sequential> ops;
        std::vector<int> shared;
        for (size_t k = 0; k < m_kinds.size(); ++k) {
            ops.push_back(register_module("edge" + std::to_string(e) + "_op" + std::to_string(k),
                                          makeOp(m_kinds[k], c, stride, false)));
            shared.push_back(sharedFirstLayer(ops.back(), k));
        }
        m_ops.push_back(std::move(ops));
        m_sharedFirstLayer.push_back(std::move(shared));
    }
}

torch::Tensor SearchCellImpl::opOutput(int edge, size_t op, CellInputWork& work, int64_t part) {
    const auto e = static_cast<size_t>(edge);
    auto& layers = m_ops[e][op];
    const auto input = part ? work.input.narrow(0, 0, part) : work.input;
    const int shared = m_shareInputWork ? m_sharedFirstLayer[e][op] : kNotShared;
    if (shared == kNotShared) return layers->forward(input);
    // Every edge reading this state has the same input, and the layer keeps no state, so the
    // first edge to need it computes it for all.
    auto& first = work.firstLayers[{shared, part, torch::GradMode::is_enabled()}];
    if (!first.defined()) first = layers->begin()->forward(input);
    auto x = first;
    for (auto layer = layers->begin() + 1; layer != layers->end(); ++layer) x = layer->forward(x);
    return x;
}

torch::Tensor SearchCellImpl::edgeOutput(int edge, CellInputWork& work, const EdgeMixing& mixing,
                                         const std::vector<torch::Tensor>& weights) {
    const auto& input = work.input;
    const int active = mixing.activeOp(edge);
    const auto w = weights.begin() + static_cast<std::ptrdiff_t>(edge * m_kinds.size());
    torch::Tensor out, inactive;
    auto add = [](torch::Tensor& sum, const torch::Tensor& t) {
        sum = sum.defined() ? sum + t : t;
    };
    const int64_t part =
        mixing.inactiveBatch > 0 && mixing.inactiveBatch < input.size(0) ? mixing.inactiveBatch : 0;
    for (size_t k = 0; k < m_kinds.size(); ++k) {
        // `none` outputs zeros: its term is zero and so is its weight's gradient from it.
        if (m_kinds[k] == OpKind::None) continue;
        const int kk = static_cast<int>(k);
        if (active == EdgeMixing::kAllOps || active == kk) {
            add(out, w[kk] * opOutput(edge, k, work, 0));
        } else if (mixing.inactiveWithoutGraph) {
            torch::Tensor constant;
            {
                torch::NoGradGuard noGrad;
                constant = opOutput(edge, k, work, part);
            }
            add(inactive, w[kk] * constant);
        }
    }
    if (inactive.defined() && part) {
        // Scale up to the whole batch and pad the samples not evaluated with zeros.
        const double scale = static_cast<double>(input.size(0)) / static_cast<double>(part);
        std::vector<int64_t> pad(2 * static_cast<size_t>(inactive.dim()), 0);
        pad.back() = input.size(0) - part;
        inactive = torch::constant_pad_nd(inactive * scale, pad);
    }
    if (inactive.defined()) add(out, inactive);
    return out;  // undefined when nothing contributes
}

torch::Tensor SearchCellImpl::forward(const torch::Tensor& s0, const torch::Tensor& s1,
                                      const EdgeMixing& mixing) {
    // One scalar per (edge, op) from a single unbind: its backward is one stack, where indexing
    // each weight would add a zero-filled gradient of the whole table per op in backward.
    if (!mixing.weights.defined() ||
        mixing.weights.numel() != static_cast<int64_t>(m_ops.size() * m_kinds.size()))
        throw std::invalid_argument("a cell's mixing weights must be one per edge and op");
    const auto weights = mixing.weights.reshape({-1}).unbind(0);
    std::vector<CellInputWork> states;
    states.reserve(2 + static_cast<size_t>(m_nodes));
    states.emplace_back(m_preprocess0->forward(s0));
    states.emplace_back(m_preprocess1->forward(s1));
    int edge = 0;
    for (int node = 0; node < m_nodes; ++node) {
        torch::Tensor sum;
        for (size_t j = 0; j < states.size(); ++j, ++edge) {
            auto out = edgeOutput(edge, states[j], mixing, weights);
            if (out.defined() && mixing.dropPath > 0 && is_training())
                out = dropEdgeOutput(out, mixing.dropPath);
            if (out.defined()) sum = sum.defined() ? sum + out : out;
        }
        if (!sum.defined()) sum = zeroNode(states[1].input, m_reduction);  // no edge feeds it
        states.emplace_back(sum);
    }
    std::vector<torch::Tensor> nodes;
    for (size_t j = 2; j < states.size(); ++j) nodes.push_back(states[j].input);
    return torch::cat(nodes, 1);
}

SupernetImpl::SupernetImpl(const SpaceConfig& space) : m_space(space) {
    m_stem = register_module("stem", makeStem(space));
    const auto shapes = cellShapes(space, space.nodes);
    for (size_t i = 0; i < shapes.size(); ++i) {
        const auto& s = shapes[i];
        m_cells.push_back(register_module(
            "cell" + std::to_string(i),
            SearchCell(space, s.cPrevPrev, s.cPrev, s.c, s.reduction, s.reductionPrev)));
    }
    m_classifier =
        register_module("classifier", nn::Linear(space.nodes * shapes.back().c, space.classes));
}

void SupernetImpl::shareInputWork(bool share) {
    for (auto& cell : m_cells) cell->shareInputWork(share);
}

void SupernetImpl::useChannelsLast() {
    storeChannelsLast(*this);
    m_channelsLast = true;
}

torch::Tensor SupernetImpl::forward(const torch::Tensor& x, const EdgeMixing& normal,
                                    const EdgeMixing& reduce) {
    auto s0 = m_stem->forward(m_channelsLast ? channelsLast(x) : x);
    auto s1 = s0;
    for (auto& cell : m_cells) {
        auto next = cell->forward(s0, s1, cell->reduction() ? reduce : normal);
        s0 = s1;
        s1 = next;
    }
    auto pooled = globalPool(s1);
    return m_classifier(pooled);
}

}  // namespace nas::space
