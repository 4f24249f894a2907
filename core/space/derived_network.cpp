#include "space/derived_network.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/pooling.h>

#include <string>

#include "space/cell_parts.h"
#include "space/cost_model.h"
#include "space/operations.h"

namespace nas::space {
namespace nn = torch::nn;

torch::Tensor dropPath(const torch::Tensor& x, double probability) {
    if (probability <= 0.0) return x;
    const double keep = 1.0 - probability;
    auto mask = torch::empty({x.size(0), 1, 1, 1}, x.options()).bernoulli_(keep);
    return x.div(keep) * mask;
}

DerivedCellImpl::DerivedCellImpl(const CellGenotype& genotype, int cPrevPrev, int cPrev, int c,
                                 bool reduction, bool reductionPrev, bool poolBatchNorm)
    : m_genotype(genotype), m_reduction(reduction) {
    m_preprocess0 =
        register_module("preprocess0", makePreprocess0(cPrevPrev, c, reductionPrev, true));
    m_preprocess1 = register_module("preprocess1", reluConvBn(cPrev, c, 1, 1, 0, true));
    for (size_t i = 0; i < genotype.edges.size(); ++i) {
        const auto& e = genotype.edges[i];
        const int stride = reduction && e.from < 2 ? 2 : 1;
        const OpKind kind = opKindFromName(e.op);
        m_isIdentity.push_back(kind == OpKind::SkipConnect && stride == 1);
        auto op = makeOp(kind, c, stride, true);
        if (poolBatchNorm && isPool(kind)) op->push_back(nn::BatchNorm2d(c));
        m_ops.push_back(register_module("op" + std::to_string(i), op));
    }
}

torch::Tensor DerivedCellImpl::forward(const torch::Tensor& s0, const torch::Tensor& s1,
                                       double dropProb) {
    std::vector<torch::Tensor> states{m_preprocess0->forward(s0), m_preprocess1->forward(s1)};
    const int nodes = m_genotype.nodeCount();
    for (int node = 0; node < nodes; ++node) {
        torch::Tensor sum;
        for (size_t i = 0; i < m_genotype.edges.size(); ++i) {
            const auto& e = m_genotype.edges[i];
            if (e.to != node) continue;
            auto h = m_ops[i]->forward(states[static_cast<size_t>(e.from)]);
            if (is_training() && !m_isIdentity[i]) h = dropPath(h, dropProb);
            sum = sum.defined() ? sum + h : h;
        }
        if (!sum.defined()) sum = zeroNode(states[1], m_reduction);  // no edge feeds this node
        states.push_back(sum);
    }
    std::vector<torch::Tensor> out;
    for (int c : m_genotype.concat) out.push_back(states[static_cast<size_t>(c)]);
    return torch::cat(out, 1);
}

AuxiliaryHeadImpl::AuxiliaryHeadImpl(int channels, int spatial, int classes) {
    nn::Sequential features;
    features->push_back(nn::ReLU());
    // DARTS pools an 8x8 map with a 5x5 window at stride 3 to 2x2; other input sizes (28x28 gives
    // 7x7 here) get an adaptive pool to the same 2x2 and the same parameter count.
    if (spatial == 8) {
        features->push_back(
            nn::AvgPool2d(nn::AvgPool2dOptions(5).stride(3).padding(0).count_include_pad(false)));
    } else {
        features->push_back(nn::AdaptiveAvgPool2d(nn::AdaptiveAvgPool2dOptions(2)));
    }
    features->push_back(nn::Conv2d(nn::Conv2dOptions(channels, 128, 1).bias(false)));
    features->push_back(nn::BatchNorm2d(128));
    features->push_back(nn::ReLU());
    features->push_back(nn::Conv2d(nn::Conv2dOptions(128, 768, 2).bias(false)));
    features->push_back(nn::BatchNorm2d(768));
    features->push_back(nn::ReLU());
    m_features = register_module("features", features);
    m_classifier = register_module("classifier", nn::Linear(768, classes));
}

torch::Tensor AuxiliaryHeadImpl::forward(const torch::Tensor& x) {
    return m_classifier(m_features->forward(x).flatten(1));
}

DerivedNetworkImpl::DerivedNetworkImpl(const Genotype& genotype, const SpaceConfig& space,
                                       bool auxiliary) {
    validate(genotype);
    m_stem = register_module("stem", makeStem(space));
    // Each cell type's own concat width sets its output channels (DARTS's per-cell multiplier).
    const auto shapes = cellShapes(space, static_cast<int>(genotype.normal.concat.size()),
                                   static_cast<int>(genotype.reduce.concat.size()));
    const bool poolBatchNorm = genotype.style == BuildStyle::Snas;
    for (size_t i = 0; i < shapes.size(); ++i) {
        const auto& s = shapes[i];
        m_cells.push_back(register_module(
            "cell" + std::to_string(i),
            DerivedCell(s.reduction ? genotype.reduce : genotype.normal, s.cPrevPrev, s.cPrev, s.c,
                        s.reduction, s.reductionPrev, poolBatchNorm)));
    }
    if (auxiliary) {
        m_auxiliaryAfter = 2 * space.layers / 3;
        const auto& s = shapes[static_cast<size_t>(m_auxiliaryAfter)];
        m_auxiliary = register_module(
            "auxiliary", AuxiliaryHead(cellOutputChannels(genotype, s), s.outH, space.classes));
    }
    m_classifier = register_module(
        "classifier", nn::Linear(cellOutputChannels(genotype, shapes.back()), space.classes));
}

NetworkOutput DerivedNetworkImpl::forward(const torch::Tensor& x) {
    NetworkOutput out;
    auto s0 = m_stem->forward(x);
    auto s1 = s0;
    for (size_t i = 0; i < m_cells.size(); ++i) {
        auto next = m_cells[i]->forward(s0, s1, m_dropPath);
        s0 = s1;
        s1 = next;
        if (static_cast<int>(i) == m_auxiliaryAfter && is_training())
            out.auxLogits = m_auxiliary(s1);
    }
    out.logits = m_classifier(globalPool(s1));
    return out;
}

}  // namespace nas::space
