#pragma once
// Analytic cost of ops, cells and networks: parameters, FLOPs (multiply-adds) and memory access
// (elements read and written). Formulas follow the SNAS code; see shared/design/METHODS.md.
// Torch-free, so widgets can show costs and the store can record them.
#include <vector>

#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::space {

struct Cost {
    double params = 0;  // learnable parameters (exact, including BatchNorm affine terms)
    double flops = 0;   // multiply-adds
    double mac = 0;     // memory access, in elements
    Cost& operator+=(const Cost& o) {
        params += o.params;
        flops += o.flops;
        mac += o.mac;
        return *this;
    }
};

// FLOPs per byte moved, a byte count being 4 per element (fp32): RENA's compute intensity, and a
// constraint any network's cost can be held to.
[[nodiscard]] double computeIntensity(const Cost& cost);

// Cost of one op with `channels` in and out, producing an outH x outW map. `affine` says whether
// its BatchNorms have parameters (true in derived networks, false in the supernet).
[[nodiscard]] Cost opCost(OpKind kind, int channels, int stride, int outH, int outW, bool affine);

// The shape of every cell of a network built from `space` (shared by the builders and the cost
// model).
struct CellShape {
    int cPrevPrev = 0;  // channels of input s0
    int cPrev = 0;      // channels of input s1
    int c = 0;          // channels of each node
    bool reduction = false;
    bool reductionPrev = false;
    int inH = 0, inW = 0;    // size of s1
    int outH = 0, outW = 0;  // size of the cell's nodes
};
// `normalWidth` and `reduceWidth`: how many states each cell type concatenates (its output has that
// many times C channels). DARTS's network code reads them per cell, so NASNet's cells (5 and 3)
// differ.
[[nodiscard]] std::vector<CellShape> cellShapes(const SpaceConfig& space, int normalWidth,
                                                int reduceWidth);
[[nodiscard]] inline std::vector<CellShape> cellShapes(const SpaceConfig& space, int concatWidth) {
    return cellShapes(space, concatWidth, concatWidth);
}
// Output channels of a cell of this shape in a network built from `genotype`.
[[nodiscard]] int cellOutputChannels(const Genotype& genotype, const CellShape& shape);

// Whole derived network: stem, preprocessing, the genotype's ops, classifier and, if asked, the
// auxiliary head. `params` equals the parameter count of the network the builder makes, and that of
// the authors' code for the genotype's build style (a SNAS-built genotype's pools carry a
// BatchNorm).
[[nodiscard]] Cost networkCost(const Genotype& genotype, const SpaceConfig& space, bool auxiliary);

// Per edge and candidate op, that op's cost summed over every cell of the given type in the
// supernet: the locally decomposable resource cost SNAS penalises. Indexed [edge][op].
[[nodiscard]] std::vector<std::vector<Cost>> edgeOpCosts(const SpaceConfig& space, bool reduction);
// The part of the supernet's cost that no architecture choice changes (stem, preprocessing, head).
[[nodiscard]] Cost fixedNetworkCost(const SpaceConfig& space, int concatWidth, bool affine);

}  // namespace nas::space
