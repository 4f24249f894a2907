#include "study/graph_measures.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace nas::study {
namespace {

// Gives each distinct label a small id, shared by the two graphs compared.
class LabelIds {
  public:
    int operator()(const std::string& label) {
        return m_ids.emplace(label, static_cast<int>(m_ids.size())).first->second;
    }
    [[nodiscard]] int count() const { return static_cast<int>(m_ids.size()); }

  private:
    std::map<std::string, int> m_ids;
};

// A graph as the search reads it: node label ids, and for each ordered pair of nodes the sorted
// label ids of the edges from the first to the second (more than one only for parallel edges).
struct IndexedGraph {
    int size = 0;
    std::vector<int> nodeLabel;
    std::vector<std::vector<int>> bundles;  // [from * size + to]
    [[nodiscard]] const std::vector<int>& bundle(int from, int to) const {
        return bundles[static_cast<std::size_t>(from * size + to)];
    }
};

IndexedGraph indexed(const CellGraph& graph, LabelIds& nodeIds, LabelIds& edgeIds) {
    IndexedGraph g;
    g.size = static_cast<int>(graph.nodeLabels.size());
    for (const auto& label : graph.nodeLabels) g.nodeLabel.push_back(nodeIds(label));
    g.bundles.resize(static_cast<std::size_t>(g.size * g.size));
    for (const auto& e : graph.edges)
        g.bundles[static_cast<std::size_t>(e.from * g.size + e.to)].push_back(edgeIds(e.label));
    for (auto& b : g.bundles) std::sort(b.begin(), b.end());
    return g;
}

// The least cost of editing one bundle of edges into another: each edge is substituted (free for
// an equal label, else 1), deleted or inserted (1 each), so max(|a|, |b|) less the labels they
// share.
int bundleCost(const std::vector<int>& a, const std::vector<int>& b) {
    if (a.empty() || b.empty()) return static_cast<int>(a.size() + b.size());
    int common = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) {
            ++common, ++i, ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return static_cast<int>(std::max(a.size(), b.size())) - common;
}

// max(n1, n2) less the labels two multisets share: the least cost of matching n1 items with n2
// when a pair costs 0 for equal labels and 1 otherwise, and a leftover costs 1.
int matchingBound(const std::vector<int>& counts1, int n1, const std::vector<int>& counts2,
                  int n2) {
    int shared = 0;
    for (std::size_t l = 0; l < counts1.size(); ++l) shared += std::min(counts1[l], counts2[l]);
    return std::max(n1, n2) - shared;
}

const std::vector<int> kNoEdges;

// A cost no assignment takes (the unused cells of the square matrix below).
constexpr int kForbidden = 1 << 20;

// The least total cost of matching each row of the square `cost` with a column (the Hungarian
// method with potentials, O(n^3)).
int assignmentCost(const std::vector<std::vector<int>>& cost) {
    const auto n = cost.size();
    // 1-based; column 0 is the start of each augmenting path.
    std::vector<int> rowPotential(n + 1, 0), columnPotential(n + 1, 0);
    std::vector<std::size_t> rowOf(n + 1, 0), previousColumn(n + 1, 0);
    for (std::size_t row = 1; row <= n; ++row) {
        rowOf[0] = row;
        std::size_t column = 0;
        std::vector<int> slack(n + 1, std::numeric_limits<int>::max());
        std::vector<bool> visited(n + 1, false);
        do {
            visited[column] = true;
            const std::size_t r = rowOf[column];
            int delta = std::numeric_limits<int>::max();
            std::size_t next = 0;
            for (std::size_t c = 1; c <= n; ++c) {
                if (visited[c]) continue;
                const int reduced = cost[r - 1][c - 1] - rowPotential[r] - columnPotential[c];
                if (reduced < slack[c]) slack[c] = reduced, previousColumn[c] = column;
                if (slack[c] < delta) delta = slack[c], next = c;
            }
            for (std::size_t c = 0; c <= n; ++c) {
                if (visited[c]) {
                    rowPotential[rowOf[c]] += delta;
                    columnPotential[c] -= delta;
                } else {
                    slack[c] -= delta;
                }
            }
            column = next;
        } while (rowOf[column] != 0);
        do {
            const std::size_t previous = previousColumn[column];
            rowOf[column] = rowOf[previous];
            column = previous;
        } while (column != 0);
    }
    int total = 0;
    for (std::size_t c = 1; c <= n; ++c) total += cost[rowOf[c] - 1][c - 1];
    return total;
}

// Depth-first branch and bound over every node mapping: each node of the first graph, in a fixed
// order, goes to an unused node of the second or is deleted; second-graph nodes left over are
// inserted. Every node is searched, the inputs and the output included: keeping them fixed would
// not be exact. A cell whose node 0 has no inputs (all its edges 'none') and feeds nodes 1 to 3
// is 4 edits from a cell whose input 0 feeds them with the same ops (swap the two nodes: 2 label
// changes, 2 concat edges), but 6 with the inputs fixed (3 edges deleted, 3 inserted).
//
// A partial mapping's cost counts the nodes mapped so far and every edge whose ends are both
// mapped. The bound on the rest (the Riesen-Bunke assignment bound, made exact where it can be):
//  - each unmapped node, with the edges joining it to mapped nodes, costs exactly what its image
//    (or its deletion, or an unused node's insertion) decides: the least-cost assignment of the
//    unmapped nodes of both graphs is a lower bound on that part;
//  - the edges with both ends unmapped, matched by label only (matchingBound): such an edge of the
//    first graph can only meet such an edge of the second, and a bundle pair costs
//    |a| + |b| - min(|a|, |b|) - shared >= what matchingBound counts.
// The two parts count different edges, so their sum is a lower bound; at a leaf it is exact.
class EditSearch {
  public:
    EditSearch(const IndexedGraph& g1, const IndexedGraph& g2, int edgeLabels)
        : m_g1(g1), m_g2(g2) {
        // The inputs and the output first: their labels are unique, so the bound settles them
        // early, and after them each node's edges from earlier states are costed as it is mapped.
        for (int v : {0, 1, g1.size - 1})
            if (v >= 0 && v < g1.size &&
                std::find(m_order.begin(), m_order.end(), v) == m_order.end())
                m_order.push_back(v);
        for (int v = 0; v < g1.size; ++v)
            if (std::find(m_order.begin(), m_order.end(), v) == m_order.end()) m_order.push_back(v);
        std::vector<int> position(static_cast<std::size_t>(g1.size));
        for (int k = 0; k < g1.size; ++k)
            position[static_cast<std::size_t>(m_order[static_cast<std::size_t>(k)])] = k;

        // After k nodes of the order: the first graph's edges with both ends still unmapped.
        const auto n1 = static_cast<std::size_t>(g1.size);
        m_innerEdges1.assign(n1 + 1, std::vector<int>(static_cast<std::size_t>(edgeLabels), 0));
        m_innerEdgeCount1.assign(n1 + 1, 0);
        for (int from = 0; from < g1.size; ++from)
            for (int to = 0; to < g1.size; ++to) {
                const int earlier = std::min(position[static_cast<std::size_t>(from)],
                                             position[static_cast<std::size_t>(to)]);
                for (int label : g1.bundle(from, to))
                    for (int k = 0; k <= earlier; ++k) {
                        ++m_innerEdges1[static_cast<std::size_t>(k)]
                                       [static_cast<std::size_t>(label)];
                        ++m_innerEdgeCount1[static_cast<std::size_t>(k)];
                    }
            }
        m_edgeLabels = edgeLabels;
        m_used.assign(static_cast<std::size_t>(g2.size), false);
        m_target.assign(n1, -1);
    }

    int run() {
        m_best = std::numeric_limits<int>::max();
        descend(0, 0);
        return m_best;
    }

  private:
    // Maps order positions k onward, the partial cost being `cost`.
    void descend(int k, int cost) {
        if (k == m_g1.size) {
            m_best = std::min(m_best, cost + bound(k));  // exact here: the insertions
            return;
        }
        // Children, cheapest step first, so that a good mapping is found early and bounds the rest.
        std::vector<std::pair<int, int>> steps;  // (step cost, target; -1 deletes the node)
        for (int t = -1; t < m_g2.size; ++t)
            if (t < 0 || !m_used[static_cast<std::size_t>(t)])
                steps.emplace_back(stepCost(k, t), t);
        std::stable_sort(steps.begin(), steps.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        const int v = m_order[static_cast<std::size_t>(k)];
        for (const auto& [step, t] : steps) {
            if (cost + step >= m_best) break;
            m_target[static_cast<std::size_t>(v)] = t;
            if (t >= 0) m_used[static_cast<std::size_t>(t)] = true;
            if (cost + step + bound(k + 1) < m_best) descend(k + 1, cost + step);
            if (t >= 0) m_used[static_cast<std::size_t>(t)] = false;
            m_target[static_cast<std::size_t>(v)] = -1;
        }
    }

    // The edges of the second graph between `from` and `to`, where either may be -1 (no node).
    [[nodiscard]] const std::vector<int>& counterpart(int from, int to) const {
        return from < 0 || to < 0 ? kNoEdges : m_g2.bundle(from, to);
    }

    // Cost of mapping first-graph node v to t (-1: deleting v), counting v and the edges between
    // v and the first k nodes of the order (mapped already).
    [[nodiscard]] int costAgainstMapped(int v, int t, int k) const {
        int cost = t < 0 || m_g1.nodeLabel[static_cast<std::size_t>(v)] !=
                                m_g2.nodeLabel[static_cast<std::size_t>(t)]
                       ? 1
                       : 0;
        for (int j = 0; j < k; ++j) {
            const int u = m_order[static_cast<std::size_t>(j)];
            const int tu = m_target[static_cast<std::size_t>(u)];
            cost += bundleCost(m_g1.bundle(v, u), counterpart(t, tu));
            cost += bundleCost(m_g1.bundle(u, v), counterpart(tu, t));
        }
        return cost;
    }

    // The step of mapping order position k to t: also v's self-loops.
    [[nodiscard]] int stepCost(int k, int t) const {
        const int v = m_order[static_cast<std::size_t>(k)];
        return costAgainstMapped(v, t, k) + bundleCost(m_g1.bundle(v, v), counterpart(t, t));
    }

    // Cost of inserting unused second-graph node w: w, and its edges to used nodes.
    [[nodiscard]] int insertionCost(int w) const {
        int cost = 1;
        for (int t = 0; t < m_g2.size; ++t)
            if (m_used[static_cast<std::size_t>(t)])
                cost += static_cast<int>(m_g2.bundle(w, t).size() + m_g2.bundle(t, w).size());
        return cost;
    }

    // Lower bound on the cost of mapping order positions k onward (see the class comment).
    [[nodiscard]] int bound(int k) const {
        std::vector<int> rest1(m_order.begin() + k, m_order.end()), unused2;
        for (int t = 0; t < m_g2.size; ++t)
            if (!m_used[static_cast<std::size_t>(t)]) unused2.push_back(t);
        const std::size_t r1 = rest1.size(), r2 = unused2.size();
        // Rows: the first graph's unmapped nodes, then one per insertion; columns: the second
        // graph's unused nodes, then one per deletion.
        std::vector<std::vector<int>> cost(r1 + r2, std::vector<int>(r1 + r2, 0));
        for (std::size_t i = 0; i < r1; ++i) {
            for (std::size_t j = 0; j < r2; ++j)
                cost[i][j] = costAgainstMapped(rest1[i], unused2[j], k);
            for (std::size_t d = 0; d < r1; ++d)
                cost[i][r2 + d] = d == i ? costAgainstMapped(rest1[i], -1, k) : kForbidden;
        }
        for (std::size_t a = 0; a < r2; ++a)
            for (std::size_t j = 0; j < r2; ++j)
                cost[r1 + a][j] = a == j ? insertionCost(unused2[j]) : kForbidden;
        std::vector<int> inner2(static_cast<std::size_t>(m_edgeLabels), 0);
        int innerCount2 = 0;
        for (int from : unused2)
            for (int to : unused2)
                for (int label : m_g2.bundle(from, to))
                    ++inner2[static_cast<std::size_t>(label)], ++innerCount2;
        return assignmentCost(cost) + matchingBound(m_innerEdges1[static_cast<std::size_t>(k)],
                                                    m_innerEdgeCount1[static_cast<std::size_t>(k)],
                                                    inner2, innerCount2);
    }

    const IndexedGraph& m_g1;
    const IndexedGraph& m_g2;
    int m_edgeLabels = 0;
    std::vector<int> m_order;                     // first-graph nodes in the order they are mapped
    std::vector<std::vector<int>> m_innerEdges1;  // [k][label]: edges with no end mapped yet
    std::vector<int> m_innerEdgeCount1;           // [k]
    std::vector<bool> m_used;                     // second-graph nodes mapped to
    std::vector<int> m_target;  // first-graph node -> second-graph node, -1 when deleted
    int m_best = 0;
};

// (state, node) -> count, and (state, node, op) -> count, over the edges other than 'none'.
std::map<std::pair<int, int>, int> connectionCounts(const space::CellGenotype& cell) {
    std::map<std::pair<int, int>, int> counts;
    for (const auto& e : cell.edges)
        if (e.op != "none") ++counts[{e.from, e.to}];
    return counts;
}
std::map<std::tuple<int, int, std::string>, int> opCounts(const space::CellGenotype& cell) {
    std::map<std::tuple<int, int, std::string>, int> counts;
    for (const auto& e : cell.edges)
        if (e.op != "none") ++counts[{e.from, e.to, e.op}];
    return counts;
}

template <typename Key>
int sharedCount(const std::map<Key, int>& a, const std::map<Key, int>& b) {
    int shared = 0;
    for (const auto& [key, count] : a)
        if (const auto it = b.find(key); it != b.end()) shared += std::min(count, it->second);
    return shared;
}

}  // namespace

int graphEditDistance(const CellGraph& a, const CellGraph& b) {
    LabelIds nodeIds, edgeIds;
    const auto g1 = indexed(a, nodeIds, edgeIds);
    const auto g2 = indexed(b, nodeIds, edgeIds);
    return EditSearch(g1, g2, edgeIds.count()).run();
}

int graphEditDistance(const space::CellGenotype& a, const space::CellGenotype& b) {
    return graphEditDistance(cellGraph(a), cellGraph(b));
}

int commonConnections(const space::CellGenotype& a, const space::CellGenotype& b) {
    return sharedCount(connectionCounts(a), connectionCounts(b));
}

int commonOps(const space::CellGenotype& a, const space::CellGenotype& b) {
    return sharedCount(opCounts(a), opCounts(b));
}

GraphMeasures graphMeasures(const space::CellGenotype& a, const space::CellGenotype& b) {
    return {static_cast<double>(graphEditDistance(a, b)), commonConnections(a, b), commonOps(a, b)};
}

GraphMeasures graphMeasures(const space::Genotype& a, const space::Genotype& b) {
    const auto normal = graphMeasures(a.normal, b.normal);
    const auto reduce = graphMeasures(a.reduce, b.reduce);
    return {normal.ged + reduce.ged, normal.commonConnections + reduce.commonConnections,
            normal.commonOps + reduce.commonOps};
}

MeanGraphMeasures meanPairwiseDistance(const std::vector<space::Genotype>& genotypes) {
    MeanGraphMeasures mean;
    for (std::size_t j = 1; j < genotypes.size(); ++j)
        for (std::size_t i = 0; i < j; ++i) {
            const auto measures = graphMeasures(genotypes[i], genotypes[j]);
            mean.ged += measures.ged;
            mean.commonConnections += measures.commonConnections;
            mean.commonOps += measures.commonOps;
            ++mean.pairs;
        }
    const double pairs = mean.pairs > 0 ? mean.pairs : std::numeric_limits<double>::quiet_NaN();
    mean.ged /= pairs, mean.commonConnections /= pairs, mean.commonOps /= pairs;
    return mean;
}

}  // namespace nas::study
