#pragma once
// Cells and genotypes the study tests share.
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "space/genotype.h"

namespace nas::study::fixtures {

// A cell from (op, from, to) triples and a concat list.
inline space::CellGenotype cell(const std::vector<space::GenotypeEdge>& edges,
                                std::vector<int> concat) {
    return {edges, std::move(concat)};
}

// A DARTS-style 4-node cell whose nodes 1 and 2 both read node 0 and one input, so renumbering
// them gives another cell of the same graph:
//   node0 <- sep_conv_3x3(0), sep_conv_5x5(1)
//   node1 <- skip_connect(0), max_pool_3x3(2)
//   node2 <- avg_pool_3x3(1), dil_conv_3x3(2)
//   node3 <- sep_conv_3x3(3), skip_connect(4)
inline space::CellGenotype baseCell() {
    return cell({{"sep_conv_3x3", 0, 0},
                 {"sep_conv_5x5", 1, 0},
                 {"skip_connect", 0, 1},
                 {"max_pool_3x3", 2, 1},
                 {"avg_pool_3x3", 1, 2},
                 {"dil_conv_3x3", 2, 2},
                 {"sep_conv_3x3", 3, 3},
                 {"skip_connect", 4, 3}},
                {2, 3, 4, 5});
}

// baseCell with nodes 1 and 2 swapped (states 3 and 4 swap where node 3 reads them).
inline space::CellGenotype renumberedCell() {
    return cell({{"sep_conv_3x3", 0, 0},
                 {"sep_conv_5x5", 1, 0},
                 {"avg_pool_3x3", 1, 1},
                 {"dil_conv_3x3", 2, 1},
                 {"skip_connect", 0, 2},
                 {"max_pool_3x3", 2, 2},
                 {"sep_conv_3x3", 4, 3},
                 {"skip_connect", 3, 3}},
                {2, 3, 4, 5});
}

inline space::Genotype genotype(space::CellGenotype normal, space::CellGenotype reduce) {
    space::Genotype g;
    g.normal = std::move(normal);
    g.reduce = std::move(reduce);
    return g;
}

// A random DARTS-space genotype: each of 4 nodes takes two distinct earlier states.
inline space::Genotype randomGenotype(std::mt19937& random) {
    static const std::vector<std::string> kOps{"sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3",
                                               "max_pool_3x3", "avg_pool_3x3", "skip_connect"};
    const auto randomCell = [&] {
        space::CellGenotype c;
        for (int node = 0; node < 4; ++node) {
            const int first = static_cast<int>(random() % (node + 2));
            int second = static_cast<int>(random() % (node + 1));
            if (second >= first) ++second;  // distinct from first
            c.edges.push_back({kOps[random() % kOps.size()], first, node});
            c.edges.push_back({kOps[random() % kOps.size()], second, node});
        }
        c.concat = {2, 3, 4, 5};
        return c;
    };
    auto normal = randomCell();
    return genotype(std::move(normal), randomCell());
}

}  // namespace nas::study::fixtures
