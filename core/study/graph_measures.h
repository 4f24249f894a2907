#pragma once
// How alike two architectures are as graphs: the exact graph edit distance and the connections
// they share (Adam & Lorraine's hidden-state study). Torch-free.
#include <vector>

#include "space/genotype.h"
#include "study/cell_graph.h"

namespace nas::study {

// Between two genotypes each figure is the sum over the normal and the reduce cell.
struct GraphMeasures {
    double ged = 0;             // exact graph edit distance, unit costs
    int commonConnections = 0;  // (state, node) connections both have
    int commonOps = 0;          // of those, the ones with the same op
};

// The exact graph edit distance with unit costs: substituting a node or an edge is free between
// equal labels and costs 1 otherwise; inserting or deleting a node or an edge costs 1. For graphs
// without parallel edges this is what networkx's graph_edit_distance(g1, g2, node_match=equal
// labels, edge_match=equal labels) returns for the two DiGraphs. Parallel edges (one state feeding
// one node twice) are a multigraph: the edges between a pair of nodes are matched among themselves
// at least cost. The search is exponential in the worst case; cells of up to 8 nodes take
// milliseconds.
[[nodiscard]] int graphEditDistance(const CellGraph& a, const CellGraph& b);

// Per cell. Each cell is its own graph (cellGraph(cell)): its nodes are 0..nodeCount()-1, a node
// left without edges (all of them 'none') included. Cells of one space have the same node count
// unless a trailing node is neither fed nor concatenated; a caller that knows the space's count
// and wants such nodes kept compares cellGraph(cell, count) graphs instead.
[[nodiscard]] int graphEditDistance(const space::CellGenotype& a, const space::CellGenotype& b);
// For each intermediate node, the states feeding it in both cells ('none' edges are no
// connection); a state feeding a node twice in both cells counts twice.
[[nodiscard]] int commonConnections(const space::CellGenotype& a, const space::CellGenotype& b);
// The common connections that also apply the same op.
[[nodiscard]] int commonOps(const space::CellGenotype& a, const space::CellGenotype& b);
[[nodiscard]] GraphMeasures graphMeasures(const space::CellGenotype& a,
                                          const space::CellGenotype& b);

// Per genotype: normal cell + reduce cell.
[[nodiscard]] GraphMeasures graphMeasures(const space::Genotype& a, const space::Genotype& b);

// The mean of each measure over every pair of `genotypes` (the identical-hidden-state probe: how
// far apart are the architectures one state decodes into); NaN figures and 0 pairs for fewer
// than two genotypes.
struct MeanGraphMeasures {
    double ged = 0;
    double commonConnections = 0;
    double commonOps = 0;
    int pairs = 0;
};
[[nodiscard]] MeanGraphMeasures meanPairwiseDistance(const std::vector<space::Genotype>& genotypes);

}  // namespace nas::study
