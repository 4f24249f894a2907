// The graph and flat encodings of known genotypes, and the cells they refuse.
#include <gtest/gtest.h>

#include <numeric>

#include "predictor/flat_encoding.h"
#include "predictor/graph_encoding.h"

using nas::predictor::FlatEncoding;
using nas::predictor::GraphEncoding;
using nas::space::Genotype;

namespace {

Genotype dartsV2() { return *nas::space::publishedGenotype("DARTS_V2"); }

std::string refusal(const GraphEncoding& encoding, const Genotype& genotype) {
    try {
        (void)encoding.encode(genotype);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "(accepted)";
}

}  // namespace

TEST(GraphEncoding, DartsV2HasElevenNodesPerCellPlusAGlobalOne) {
    const nas::space::SpaceConfig space;  // DARTS: 4 nodes, 8 ops per cell type
    const GraphEncoding encoding(space);
    const auto graph = encoding.encode(dartsV2());
    // 2 inputs + 8 op nodes + 1 output per cell, two cells, one global node.
    EXPECT_EQ(graph.nodeCount, 23);
    EXPECT_EQ(graph.realNodeCount(), 23);
    // input0, input1, output, global, then 8 normal and 8 reduction ops.
    EXPECT_EQ(graph.featureCount, 20);
    // Normal cell: 9 edges into op nodes (node 3's edge from state 2 reads both of node 0's op
    // nodes) and 8 into the output; reduction cell: 11 and 8; 22 into the global node.
    EXPECT_EQ(graph.edgeCount(), 17 + 19 + 22);
}

TEST(GraphEncoding, DartsV2NodesCarryTheirOpsAndLinks) {
    const nas::space::SpaceConfig space;
    const GraphEncoding encoding(space);
    const auto graph = encoding.encode(dartsV2());
    // Every row is one-hot.
    for (int node = 0; node < graph.nodeCount; ++node) {
        const auto row = graph.features.begin() + node * graph.featureCount;
        EXPECT_EQ(std::accumulate(row, row + graph.featureCount, 0.0f), 1.0f) << node;
    }
    EXPECT_EQ(graph.featureOf(encoding.inputNode(0, 0)), GraphEncoding::kInput0Feature);
    EXPECT_EQ(graph.featureOf(encoding.inputNode(1, 1)), GraphEncoding::kInput1Feature);
    EXPECT_EQ(graph.featureOf(encoding.outputNode(1)), GraphEncoding::kOutputFeature);
    EXPECT_EQ(graph.featureOf(encoding.globalNode()), GraphEncoding::kGlobalFeature);
    // Normal node 3: ('skip_connect', 0) and ('dil_conv_3x3', 2), in (from, op) order.
    const int skip = encoding.opNode(0, 3, 0), dil = encoding.opNode(0, 3, 1);
    EXPECT_EQ(graph.featureOf(skip), encoding.opFeature(false, "skip_connect"));
    EXPECT_EQ(graph.featureOf(dil), encoding.opFeature(false, "dil_conv_3x3"));
    EXPECT_EQ(encoding.opFeature(false, "skip_connect"), 4 + 3);
    EXPECT_TRUE(graph.hasEdge(encoding.inputNode(0, 0), skip));
    EXPECT_TRUE(graph.hasEdge(encoding.opNode(0, 0, 0), dil));
    EXPECT_TRUE(graph.hasEdge(encoding.opNode(0, 0, 1), dil));
    EXPECT_FALSE(graph.hasEdge(encoding.inputNode(0, 1), dil));
    EXPECT_TRUE(graph.hasEdge(dil, encoding.outputNode(0)));
    // Reduction ops use their own block of features.
    EXPECT_EQ(graph.featureOf(encoding.opNode(1, 0, 0)), encoding.opFeature(true, "max_pool_3x3"));
    EXPECT_EQ(encoding.opFeature(true, "max_pool_3x3"), 4 + 8 + 1);
    // The cells are not linked; the global node follows everything.
    EXPECT_FALSE(graph.hasEdge(encoding.outputNode(0), encoding.inputNode(1, 0)));
    EXPECT_FALSE(graph.hasEdge(encoding.outputNode(0), encoding.inputNode(1, 1)));
    EXPECT_TRUE(graph.hasEdge(encoding.outputNode(0), encoding.globalNode()));
    EXPECT_TRUE(graph.hasEdge(encoding.inputNode(1, 0), encoding.globalNode()));
    EXPECT_FALSE(graph.hasEdge(encoding.globalNode(), encoding.inputNode(0, 0)));
}

TEST(GraphEncoding, EdgeOrderWithinANodeDoesNotMatter) {
    const nas::space::SpaceConfig space;
    const GraphEncoding encoding(space);
    auto swapped = dartsV2();
    std::swap(swapped.normal.edges[6], swapped.normal.edges[7]);
    std::swap(swapped.reduce.edges[0], swapped.reduce.edges[1]);
    EXPECT_EQ(encoding.encode(swapped).adjacency, encoding.encode(dartsV2()).adjacency);
    EXPECT_EQ(encoding.encode(swapped).features, encoding.encode(dartsV2()).features);
}

TEST(GraphEncoding, AMissingEdgeLeavesAMaskedPaddingSlot) {
    const nas::space::SpaceConfig space;
    const GraphEncoding encoding(space);
    auto genotype = dartsV2();
    genotype.normal.edges.erase(genotype.normal.edges.begin() + 1);  // node 0 keeps one edge
    const auto graph = encoding.encode(genotype);
    EXPECT_EQ(graph.nodeCount, 23);
    EXPECT_EQ(graph.realNodeCount(), 22);
    const int empty = encoding.opNode(0, 0, 1);
    EXPECT_EQ(graph.mask[static_cast<std::size_t>(empty)], 0.0f);
    EXPECT_EQ(graph.featureOf(empty), -1);
    for (int other = 0; other < graph.nodeCount; ++other) {
        EXPECT_FALSE(graph.hasEdge(empty, other));
        EXPECT_FALSE(graph.hasEdge(other, empty));
    }
}

TEST(GraphEncoding, RefusesCellsOutsideTheSpaceSayingWhy) {
    nas::space::SpaceConfig space;
    space.normalOps = {"none", "skip_connect", "sep_conv_3x3", "max_pool_3x3"};
    const GraphEncoding encoding(space);
    EXPECT_NE(refusal(encoding, dartsV2()).find("'dil_conv_3x3' is not one of the space's normal"),
              std::string::npos)
        << refusal(encoding, dartsV2());

    const GraphEncoding darts{nas::space::SpaceConfig{}};
    auto crowded = dartsV2();
    crowded.normal.edges.push_back({"sep_conv_3x3", 1, 3});
    EXPECT_NE(refusal(darts, crowded).find("node 3 has more than two incoming edges"),
              std::string::npos)
        << refusal(darts, crowded);

    auto deep = dartsV2();
    deep.reduce.edges.push_back({"skip_connect", 0, 4});
    deep.reduce.concat.push_back(6);
    EXPECT_NE(refusal(darts, deep).find("goes into node 4"), std::string::npos)
        << refusal(darts, deep);

    auto unknown = dartsV2();
    unknown.normal.edges[0].op = "conv_9x9";
    EXPECT_NE(refusal(darts, unknown).find("conv_9x9"), std::string::npos);
}

TEST(FlatEncoding, OneSourceAndOneOpPerKeptEdge) {
    const nas::space::SpaceConfig space;
    const FlatEncoding encoding(space);
    // Per cell 4 nodes x 2 slots x (5 sources + 8 ops).
    EXPECT_EQ(encoding.size(), 2 * 4 * 2 * 13);
    const auto flat = encoding.encode(dartsV2());
    ASSERT_EQ(static_cast<int>(flat.size()), encoding.size());
    EXPECT_EQ(std::accumulate(flat.begin(), flat.end(), 0.0f), 32.0f);
    // Normal node 0's first slot: ('sep_conv_3x3', 0): source 0, op index 4.
    EXPECT_EQ(flat[0], 1.0f);
    EXPECT_EQ(flat[5 + 4], 1.0f);
    auto genotype = dartsV2();
    genotype.normal.edges.push_back({"sep_conv_3x3", 2, 3});
    EXPECT_THROW((void)encoding.encode(genotype), std::invalid_argument);
}
