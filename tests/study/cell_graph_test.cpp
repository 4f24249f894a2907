#include "study/cell_graph.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "study_fixtures.h"

using nas::study::cellGraph;
using nas::study::fixtures::cell;

TEST(CellGraph, HasInputsNodesAndOutputWithOpAndConcatEdges) {
    const auto graph = cellGraph(cell({{"sep_conv_3x3", 0, 0}, {"skip_connect", 2, 1}}, {2, 3}));
    EXPECT_EQ(graph.nodeLabels,
              (std::vector<std::string>{"input0", "input1", "node", "node", "output"}));
    ASSERT_EQ(graph.edges.size(), 4u);
    EXPECT_EQ(graph.edges[0].from, 0);
    EXPECT_EQ(graph.edges[0].to, 2);
    EXPECT_EQ(graph.edges[0].label, "sep_conv_3x3");
    EXPECT_EQ(graph.edges[1].from, 2);
    EXPECT_EQ(graph.edges[1].to, 3);
    EXPECT_EQ(graph.edges[2].from, 2);
    EXPECT_EQ(graph.edges[2].to, 4);
    EXPECT_EQ(graph.edges[2].label, "concat");
    EXPECT_EQ(graph.edges[3].from, 3);
}

TEST(CellGraph, LeavesOutNoneEdgesButKeepsTheirNodes) {
    // Node 1's only edge is 'none': it is still a node (in concat), with no op edge.
    const auto graph = cellGraph(cell({{"sep_conv_3x3", 0, 0}, {"none", 1, 1}}, {2, 3}));
    EXPECT_EQ(graph.nodeLabels.size(), 5u);
    for (const auto& e : graph.edges) EXPECT_NE(e.label, "none");
    EXPECT_EQ(graph.edges.size(), 3u);  // one op edge, two concat edges
}

TEST(CellGraph, PadsToTheNodeCountAsked) {
    const auto graph = cellGraph(cell({{"skip_connect", 0, 0}}, {2}), 3);
    EXPECT_EQ(graph.nodeLabels.size(), 6u);  // 2 inputs, 3 nodes (two isolated), output
    EXPECT_EQ(graph.outputNode(), 5);
}

TEST(CellGraph, RefusesAnEdgeFromALaterState) {
    EXPECT_THROW((void)cellGraph(cell({{"skip_connect", 3, 0}}, {2})), std::invalid_argument);
}
