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

// The network sizes every front end accepts (search configs, train, inspect, export) and the cost
// model assumes. The lower bounds are what a cell network needs: factorized reduce halves the
// channels, and the layout has two reduction cells and a normal one. The upper bounds lie far above
// any published cell network (DARTS: 36 channels x 20 layers), so that a typo fails at once instead
// of after minutes of allocation.
inline constexpr int kMinLayers = 3;
inline constexpr int kMaxLayers = 100;
inline constexpr int kMaxChannels = 1024;
// What is wrong with a size, phrased to follow its name ("must be ..."); empty when it is fine.
[[nodiscard]] std::string channelsProblem(int channels);
[[nodiscard]] std::string layersProblem(int layers);

// Edge e of a cell connects state edgeSource(e) to node edgeTarget(e), in DARTS order:
// node 0 takes edges 0-1 (from states 0, 1), node 1 edges 2-4, and so on.
[[nodiscard]] int edgeTarget(int edge);
[[nodiscard]] int edgeSource(int edge);
[[nodiscard]] int edgeIndex(int from, int to);

}  // namespace nas::space
