#include "predictor/graph_encoding.h"

#include <algorithm>

#include "predictor/architecture_check.h"

namespace nas::predictor {
namespace {

constexpr int kTypeFeatures = 4;

// The edges into `node`, in slot order.
std::vector<space::GenotypeEdge> slotEdges(const space::CellGenotype& cell, int node) {
    auto edges = cell.edgesInto(node);
    std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
        return a.from != b.from ? a.from < b.from : a.op < b.op;
    });
    return edges;
}

}  // namespace

int ArchitectureGraph::edgeCount() const {
    return static_cast<int>(std::count(adjacency.begin(), adjacency.end(), 1.0f));
}

int ArchitectureGraph::realNodeCount() const {
    return static_cast<int>(std::count(mask.begin(), mask.end(), 1.0f));
}

int ArchitectureGraph::featureOf(int node) const {
    const auto row = features.begin() + static_cast<std::ptrdiff_t>(node) * featureCount;
    const auto hit = std::find(row, row + featureCount, 1.0f);
    return hit == row + featureCount ? -1 : static_cast<int>(hit - row);
}

GraphEncoding::GraphEncoding(const space::SpaceConfig& space)
    : m_space(space), m_nodes(space.nodes) {}

int GraphEncoding::featureCount() const {
    return kTypeFeatures + static_cast<int>(m_space.normalOps.size() + m_space.reduceOps.size());
}

std::vector<std::string> GraphEncoding::featureNames() const {
    std::vector<std::string> names = {"input0", "input1", "output", "global"};
    for (const auto& op : m_space.normalOps) names.push_back("normal:" + op);
    for (const auto& op : m_space.reduceOps) names.push_back("reduce:" + op);
    return names;
}

int GraphEncoding::opFeature(bool reduction, const std::string& op) const {
    const auto& ops = reduction ? m_space.reduceOps : m_space.normalOps;
    const auto it = std::find(ops.begin(), ops.end(), op);
    if (it == ops.end()) return -1;
    const int offset = kTypeFeatures + (reduction ? static_cast<int>(m_space.normalOps.size()) : 0);
    return offset + static_cast<int>(it - ops.begin());
}

ArchitectureGraph GraphEncoding::encode(const space::Genotype& genotype) const {
    checkArchitecture(genotype, m_space);
    ArchitectureGraph graph;
    graph.nodeCount = nodeCount();
    graph.featureCount = featureCount();
    const auto n = static_cast<std::size_t>(graph.nodeCount);
    graph.adjacency.assign(n * n, 0.0f);
    graph.features.assign(n * static_cast<std::size_t>(graph.featureCount), 0.0f);
    graph.mask.assign(n, 0.0f);
    encodeCell(genotype.normal, 0, graph);
    encodeCell(genotype.reduce, 1, graph);
    const int global = globalNode();
    graph.mask[static_cast<std::size_t>(global)] = 1.0f;
    graph.features[static_cast<std::size_t>(global * graph.featureCount + kGlobalFeature)] = 1.0f;
    for (int node = 0; node < global; ++node)
        if (graph.mask[static_cast<std::size_t>(node)] != 0.0f)
            graph.adjacency[static_cast<std::size_t>(node) * n + static_cast<std::size_t>(global)] =
                1.0f;
    return graph;
}

void GraphEncoding::encodeCell(const space::CellGenotype& cell, int index,
                               ArchitectureGraph& graph) const {
    const auto n = static_cast<std::size_t>(graph.nodeCount);
    const auto f = static_cast<std::size_t>(graph.featureCount);
    auto present = [&](int node, int feature) {
        graph.mask[static_cast<std::size_t>(node)] = 1.0f;
        graph.features[static_cast<std::size_t>(node) * f + static_cast<std::size_t>(feature)] =
            1.0f;
    };
    auto link = [&](int from, int to) {
        graph.adjacency[static_cast<std::size_t>(from) * n + static_cast<std::size_t>(to)] = 1.0f;
    };
    present(inputNode(index, 0), kInput0Feature);
    present(inputNode(index, 1), kInput1Feature);
    present(outputNode(index), kOutputFeature);
    // The op nodes whose sum is state `state` (an input node for states 0 and 1).
    auto producers = [&](int state) {
        std::vector<int> nodes;
        if (state < 2) return std::vector<int>{inputNode(index, state)};
        const auto edges = slotEdges(cell, state - 2);
        for (int slot = 0; slot < static_cast<int>(edges.size()); ++slot)
            nodes.push_back(opNode(index, state - 2, slot));
        return nodes;
    };
    for (int node = 0; node < m_nodes; ++node) {
        const auto edges = slotEdges(cell, node);
        for (int slot = 0; slot < static_cast<int>(edges.size()); ++slot) {
            const int graphNode = opNode(index, node, slot);
            present(graphNode, opFeature(index == 1, edges[static_cast<std::size_t>(slot)].op));
            for (int producer : producers(edges[static_cast<std::size_t>(slot)].from))
                link(producer, graphNode);
        }
    }
    for (int state : cell.concat)
        for (int producer : producers(state)) link(producer, outputNode(index));
}

}  // namespace nas::predictor
