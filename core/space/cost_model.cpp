#include "space/cost_model.h"

#include <stdexcept>
#include <string>

namespace nas::space {
namespace {

// A ReLU-conv-BN block (or a plain conv) with these conv weights.
Cost convCost(double weights, int cIn, int cOut, int stride, double area, bool affine) {
    const double bn = affine ? 2.0 * cOut : 0.0;
    const double mac =
        stride == 1 ? area * (cIn + cOut) + weights : area * (4.0 * cIn + cOut) + weights;
    return {weights + bn, weights * area, mac};
}

Cost factorizedReduceCost(int cIn, int cOut, double area, bool affine) {
    const double weights = static_cast<double>(cIn) * cOut;
    return {weights + (affine ? 2.0 * cOut : 0.0), weights * area,
            2.0 * area * (4.0 * cIn + cOut / 2.0) + weights};
}

Cost poolCost(int kernel, int c, int stride, double area) {
    return {0.0, static_cast<double>(kernel) * kernel * c * area,
            (stride == 1 ? 2.0 : 5.0) * c * area};
}

}  // namespace

Cost opCost(OpKind kind, int c, int stride, int outH, int outW, bool affine) {
    const double area = static_cast<double>(outH) * outW;
    const double cc = static_cast<double>(c) * c;
    const double bn = affine ? 2.0 * c : 0.0;
    auto sepConv = [&](int k) {
        const double weights = 2.0 * c * k * k + 2.0 * cc;
        const double mac = (stride == 1 ? 7.0 : 10.0) * c * area + c * area + weights;
        return Cost{weights + 2.0 * bn, weights * area, mac};
    };
    auto dilConv = [&](int k) {
        const double weights = static_cast<double>(c) * k * k + cc;
        const double mac = (stride == 1 ? 3.0 : 6.0) * c * area + c * area + weights;
        return Cost{weights + bn, weights * area, mac};
    };
    switch (kind) {
        case OpKind::None:
            return {};
        case OpKind::MaxPool3x3:
        case OpKind::AvgPool3x3:
            return poolCost(3, c, stride, area);
        case OpKind::MaxPool5x5:
            return poolCost(5, c, stride, area);
        case OpKind::MaxPool7x7:
            return poolCost(7, c, stride, area);
        case OpKind::SkipConnect:
            return stride == 1 ? Cost{0.0, 0.0, 2.0 * c * area}
                               : factorizedReduceCost(c, c, area, affine);
        case OpKind::SepConv3x3:
            return sepConv(3);
        case OpKind::SepConv5x5:
            return sepConv(5);
        case OpKind::SepConv7x7:
            return sepConv(7);
        case OpKind::DilConv3x3:
            return dilConv(3);
        case OpKind::DilConv5x5:
            return dilConv(5);
        case OpKind::Conv7x1_1x7:
            return convCost(14.0 * cc, c, c, stride, area, affine);
        case OpKind::Conv1x1:
            return convCost(cc, c, c, stride, area, affine);
        case OpKind::Conv3x3:
            return convCost(9.0 * cc, c, c, stride, area, affine);
        case OpKind::Conv3x1_1x3:
            return convCost(6.0 * cc, c, c, stride, area, affine);
    }
    throw std::logic_error("opCost: unhandled op kind");
}

std::vector<CellShape> cellShapes(const SpaceConfig& space, int normalWidth, int reduceWidth) {
    // Callers validate sizes first; this guards the arithmetic below (the classifier reads the last
    // cell, the auxiliary head cell 2*layers/3), which a network below the minimum would run past.
    if (space.layers < kMinLayers || space.channels < 2)
        throw std::invalid_argument("cannot cost a network of " + std::to_string(space.layers) +
                                    " layers and " + std::to_string(space.channels) +
                                    " channels: it needs at least " + std::to_string(kMinLayers) +
                                    " layers and 2 channels");
    std::vector<CellShape> shapes;
    int cCurr = space.stemMultiplier * space.channels;
    int cPrevPrev = cCurr, cPrev = cCurr, c = space.channels;
    int h = space.input.height, w = space.input.width;
    bool reductionPrev = false;
    for (int layer = 0; layer < space.layers; ++layer) {
        CellShape s;
        s.reduction = space.isReductionLayer(layer);
        if (s.reduction) c *= 2;
        s.cPrevPrev = cPrevPrev;
        s.cPrev = cPrev;
        s.c = c;
        s.reductionPrev = reductionPrev;
        s.inH = h;
        s.inW = w;
        if (s.reduction) {
            h = (h + 1) / 2;
            w = (w + 1) / 2;
        }
        s.outH = h;
        s.outW = w;
        shapes.push_back(s);
        cPrevPrev = cPrev;
        cPrev = (s.reduction ? reduceWidth : normalWidth) * c;
        reductionPrev = s.reduction;
    }
    return shapes;
}

namespace {

// Stem, each cell's preprocessing and the classifier, for cells of these shapes.
Cost fixedCost(const SpaceConfig& space, const std::vector<CellShape>& shapes, int finalChannels,
               bool affine) {
    Cost total;
    const int stemC = space.stemMultiplier * space.channels;
    const double inputArea = static_cast<double>(space.input.height) * space.input.width;
    const double stemWeights = 9.0 * space.input.channels * stemC;
    total += Cost{stemWeights + 2.0 * stemC, stemWeights * inputArea,
                  inputArea * (space.input.channels + stemC) + stemWeights};
    for (const auto& s : shapes) {
        const double inArea = static_cast<double>(s.inH) * s.inW;
        total += s.reductionPrev ? factorizedReduceCost(s.cPrevPrev, s.c, inArea, affine)
                                 : convCost(static_cast<double>(s.cPrevPrev) * s.c, s.cPrevPrev,
                                            s.c, 1, inArea, affine);
        total += convCost(static_cast<double>(s.cPrev) * s.c, s.cPrev, s.c, 1, inArea, affine);
    }
    const double features = finalChannels;
    const double classifier = features * space.classes + space.classes;
    total += Cost{classifier, features * space.classes, features + space.classes + classifier};
    return total;
}

}  // namespace

Cost fixedNetworkCost(const SpaceConfig& space, int concatWidth, bool affine) {
    const auto shapes = cellShapes(space, concatWidth);
    return fixedCost(space, shapes, concatWidth * shapes.back().c, affine);
}

int cellOutputChannels(const Genotype& genotype, const CellShape& shape) {
    return static_cast<int>((shape.reduction ? genotype.reduce : genotype.normal).concat.size()) *
           shape.c;
}

Cost networkCost(const Genotype& genotype, const SpaceConfig& space, bool auxiliary) {
    const auto shapes = cellShapes(space, static_cast<int>(genotype.normal.concat.size()),
                                   static_cast<int>(genotype.reduce.concat.size()));
    Cost total =
        fixedCost(space, shapes, cellOutputChannels(genotype, shapes.back()), /*affine=*/true);
    // SNAS-Series' ops follow each pool with a BatchNorm, affine in the derived network.
    const bool poolBatchNorm = genotype.style == BuildStyle::Snas;
    for (const auto& s : shapes) {
        const CellGenotype& cell = s.reduction ? genotype.reduce : genotype.normal;
        for (const auto& e : cell.edges) {
            const int stride = s.reduction && e.from < 2 ? 2 : 1;
            const OpKind kind = opKindFromName(e.op);
            total += opCost(kind, s.c, stride, s.outH, s.outW, true);
            if (poolBatchNorm && isPool(kind)) total.params += 2.0 * s.c;
        }
    }
    if (auxiliary) {
        // ReLU, avg pool, 1x1 conv to 128 + BN, ReLU, 2x2 conv to 768 + BN, ReLU, linear.
        const int layerAux = 2 * space.layers / 3;
        const double cAux = cellOutputChannels(genotype, shapes[static_cast<size_t>(layerAux)]);
        const double weights = cAux * 128 + 128.0 * 768 * 4;
        const double linear = 768.0 * space.classes + space.classes;
        total += Cost{weights + 2 * 128 + 2 * 768 + linear,
                      cAux * 128 * 4 + 128.0 * 768 * 4 + 768.0 * space.classes, weights + linear};
    }
    return total;
}

std::vector<std::vector<Cost>> edgeOpCosts(const SpaceConfig& space, bool reduction) {
    const auto& ops = reduction ? space.reduceOps : space.normalOps;
    std::vector<std::vector<Cost>> table(space.edgesPerCell(), std::vector<Cost>(ops.size()));
    for (const auto& s : cellShapes(space, space.nodes)) {
        if (s.reduction != reduction) continue;
        for (int e = 0; e < space.edgesPerCell(); ++e) {
            const int stride = reduction && edgeSource(e) < 2 ? 2 : 1;
            for (size_t k = 0; k < ops.size(); ++k)
                table[e][k] += opCost(opKindFromName(ops[k]), s.c, stride, s.outH, s.outW, false);
        }
    }
    return table;
}

double computeIntensity(const Cost& cost) { return cost.mac > 0 ? cost.flops / (4 * cost.mac) : 0; }

}  // namespace nas::space
