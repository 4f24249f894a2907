#include "study/cell_graph.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>

namespace nas::study {

CellGraph cellGraph(const space::CellGenotype& cell, int nodeCount) {
    const int nodes = std::max(nodeCount, cell.nodeCount());
    CellGraph graph;
    graph.nodeLabels.reserve(static_cast<std::size_t>(nodes) + 3);
    graph.nodeLabels.push_back(kInput0Label);
    graph.nodeLabels.push_back(kInput1Label);
    for (int i = 0; i < nodes; ++i) graph.nodeLabels.push_back(kNodeLabel);
    graph.nodeLabels.push_back(kOutputLabel);
    const auto outOfRange = [&](int state, int limit) { return state < 0 || state >= limit; };
    for (const auto& e : cell.edges) {
        // Only an earlier state can feed a node, as in every cell space: the graph is a DAG.
        if (e.to < 0 || outOfRange(e.from, e.to + 2))
            throw std::invalid_argument("cell edge from state " + std::to_string(e.from) +
                                        " into node " + std::to_string(e.to) +
                                        " joins no earlier state");
        if (e.op != "none") graph.edges.push_back({e.from, e.to + 2, e.op});
    }
    const std::set<int> concatenated(cell.concat.begin(), cell.concat.end());
    for (int state : concatenated) {
        if (outOfRange(state, nodes + 2))
            throw std::invalid_argument("cell concat names state " + std::to_string(state) +
                                        ", which the cell does not have");
        graph.edges.push_back({state, graph.outputNode(), kConcatLabel});
    }
    return graph;
}

}  // namespace nas::study
