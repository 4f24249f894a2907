#pragma once
// A cell as a labelled directed graph, the form the graph measures (edit distance, common
// connections) compare. Torch-free.
#include <string>
#include <vector>

#include "space/genotype.h"

namespace nas::study {

inline const char* const kInput0Label = "input0";
inline const char* const kInput1Label = "input1";
inline const char* const kNodeLabel = "node";
inline const char* const kOutputLabel = "output";
inline const char* const kConcatLabel = "concat";

struct CellGraphEdge {
    int from = 0;  // graph node index
    int to = 0;
    std::string label;  // the op, or "concat" for an edge into the output
};

// Node indices follow the genotype's states: 0 and 1 are the cell inputs, 2 + i is intermediate
// node i, and the last index is the output. Edges are listed in genotype order, then the concat
// edges in state order.
struct CellGraph {
    std::vector<std::string> nodeLabels;
    std::vector<CellGraphEdge> edges;
    [[nodiscard]] int outputNode() const { return static_cast<int>(nodeLabels.size()) - 1; }
};

// The cell's graph: inputs "input0" and "input1", `nodeCount` intermediate nodes labelled "node"
// (at least cell.nodeCount(); a larger count adds isolated nodes, so that two cells of one space
// are compared over the same node set), the output "output". Each edge of an op other than
// "none" joins its state to its node, labelled by the op ('none' adds zeros: it is no
// connection, and SNAS-style genotypes list it wherever a pair of states has no edge). Each state
// the cell concatenates joins the output, labelled "concat" (a state named twice in concat joins
// once). Two edges from one state into one node (ENAS may pick an input twice) stay two edges.
[[nodiscard]] CellGraph cellGraph(const space::CellGenotype& cell, int nodeCount = 0);

}  // namespace nas::study
