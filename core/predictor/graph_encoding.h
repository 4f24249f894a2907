#pragma once
// A cell architecture as one graph for the GCN predictor, after NASLib's DARTS encoding (Wen et al.
// 2019's node-per-operation graphs). Torch-free plain vectors, so the studio can draw or inspect
// what the predictor sees.
//
// Each cell (normal, then reduction) is a block of 2 + 2 * nodes + 1 graph nodes: its two inputs,
// one node per edge slot (each intermediate node has two: an op node is the op applied on one kept
// edge), and its output. Op node (from -> to) reads input `from` when from < 2, else every op node
// that feeds intermediate node from - 2; op nodes of concatenated states feed the output. The two
// cells are not linked (block-diagonal); one global node follows every other node. A slot that a
// node leaves unused (a cell with a missing edge) is padding: no feature, no edge, masked out, so
// every graph of a space has the same size and batches stack.
//
// Features are one-hot: input 0, input 1, output, global, then the normal cell's ops, then the
// reduction cell's ops (separate blocks: the cells are told apart by their features, not only by
// their position). The two edges of a node are unordered: slots follow (from, op) order.
#include <string>
#include <vector>

#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::predictor {

// Raised whenever the layout or the features above change: a saved predictor fitted on another
// version refuses to load.
inline constexpr int kGraphEncodingVersion = 1;

struct ArchitectureGraph {
    int nodeCount = 0;  // padded: the same for every architecture of a space
    int featureCount = 0;
    std::vector<float> adjacency;  // nodeCount x nodeCount row-major, [i][j] = 1: edge i -> j
    std::vector<float> features;   // nodeCount x featureCount row-major, one-hot rows
    std::vector<float> mask;       // nodeCount: 1 for a node of the architecture, 0 for padding

    [[nodiscard]] bool hasEdge(int from, int to) const {
        return adjacency[static_cast<std::size_t>(from * nodeCount + to)] != 0.0f;
    }
    [[nodiscard]] int edgeCount() const;
    [[nodiscard]] int realNodeCount() const;
    // The feature index set in `node`'s row; -1 for padding.
    [[nodiscard]] int featureOf(int node) const;
};

class GraphEncoding final {
  public:
    explicit GraphEncoding(const space::SpaceConfig& space);

    static constexpr int kInput0Feature = 0;
    static constexpr int kInput1Feature = 1;
    static constexpr int kOutputFeature = 2;
    static constexpr int kGlobalFeature = 3;

    [[nodiscard]] int cellNodeCount() const { return 2 + 2 * m_nodes + 1; }
    [[nodiscard]] int nodeCount() const { return 2 * cellNodeCount() + 1; }
    [[nodiscard]] int featureCount() const;
    // "input0", "input1", "output", "global", "normal:<op>" ..., "reduce:<op>" ...
    [[nodiscard]] std::vector<std::string> featureNames() const;
    // Graph node indices: `cell` 0 is the normal cell, 1 the reduction cell.
    [[nodiscard]] int inputNode(int cell, int input) const {
        return cell * cellNodeCount() + input;
    }
    [[nodiscard]] int opNode(int cell, int node, int slot) const {
        return cell * cellNodeCount() + 2 + 2 * node + slot;
    }
    [[nodiscard]] int outputNode(int cell) const {
        return cell * cellNodeCount() + 2 + 2 * m_nodes;
    }
    [[nodiscard]] int globalNode() const { return 2 * cellNodeCount(); }
    // Feature index of `op` in a cell's block; -1 when the cell type has no such op.
    [[nodiscard]] int opFeature(bool reduction, const std::string& op) const;

    // Throws std::invalid_argument naming the problem for an architecture outside the space
    // (checkArchitecture).
    [[nodiscard]] ArchitectureGraph encode(const space::Genotype& genotype) const;

  private:
    void encodeCell(const space::CellGenotype& cell, int index, ArchitectureGraph& graph) const;

    space::SpaceConfig m_space;
    int m_nodes;
};

}  // namespace nas::predictor
