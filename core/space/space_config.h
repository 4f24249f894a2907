#pragma once
// Shape of a cell-based search space and of the networks built from it. Torch-free.
#include <string>
#include <vector>

#include "space/op_catalogue.h"

namespace nas::space {

struct InputShape {
    int channels = 3;
    int height = 32;
    int width = 32;
};

struct SpaceConfig {
    int channels = 16;  // C of the first cell
    int layers = 8;     // cells; reductions at layers/3 and 2*layers/3
    int nodes = 4;      // intermediate nodes per cell
    int stemMultiplier = 3;
    std::vector<std::string> normalOps = dartsOps();
    std::vector<std::string> reduceOps = dartsOps();
    InputShape input;
    int classes = 10;

    [[nodiscard]] int edgesPerCell() const { return nodes * (nodes + 3) / 2; }
    [[nodiscard]] bool isReductionLayer(int layer) const {
        return layer == layers / 3 || layer == 2 * layers / 3;
    }
};

// Edge e of a cell connects state edgeSource(e) to node edgeTarget(e), in DARTS order:
// node 0 takes edges 0-1 (from states 0, 1), node 1 edges 2-4, and so on.
[[nodiscard]] int edgeTarget(int edge);
[[nodiscard]] int edgeSource(int edge);
[[nodiscard]] int edgeIndex(int from, int to);

}  // namespace nas::space
