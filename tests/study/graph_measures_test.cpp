// Graph measures on pairs whose answers are worked out by hand below. The edit distances were also
// checked offline against an exhaustive search over every node map (networkx's definition).
#include "study/graph_measures.h"

#include <gtest/gtest.h>

#include <cmath>

#include "study_fixtures.h"

namespace {

using nas::space::CellGenotype;
using namespace nas::study;
using namespace nas::study::fixtures;

}  // namespace

TEST(GraphMeasures, IdenticalCellsShareEverything) {
    const auto m = graphMeasures(baseCell(), baseCell());
    EXPECT_EQ(m.ged, 0);
    EXPECT_EQ(m.commonConnections, 8);
    EXPECT_EQ(m.commonOps, 8);
}

TEST(GraphMeasures, RenumberedNodesAreTheSameGraphButShareFewerConnections) {
    // renumberedCell is baseCell with nodes 1 and 2 swapped: mapping node 1 <-> node 2 matches
    // every node and edge, so the edit distance is 0 although the cells differ index by index.
    // Connections by index: node 0 {0, 1} = {0, 1}: 2; node 1 {0, 2} vs {1, 2}: 1 (state 2);
    // node 2 {1, 2} vs {0, 2}: 1; node 3 {3, 4} = {4, 3}: 2. Total 6 of 8.
    // Same op too: node 0's two; node 1: max_pool from 2 vs dil_conv from 2: no; node 2: dil_conv
    // vs max_pool: no; node 3: sep_conv from 3 vs skip from 3, skip from 4 vs sep_conv from 4: no.
    // Total 2.
    const auto m = graphMeasures(baseCell(), renumberedCell());
    EXPECT_EQ(m.ged, 0);
    EXPECT_EQ(m.commonConnections, 6);
    EXPECT_EQ(m.commonOps, 2);
    EXPECT_FALSE(baseCell() == renumberedCell());
}

TEST(GraphMeasures, GenotypeFiguresAddTheTwoCells) {
    // Normal cells as above (0, 6, 2); reduce cells identical (0, 8, 8).
    const auto a = genotype(baseCell(), baseCell());
    const auto b = genotype(renumberedCell(), baseCell());
    const auto m = graphMeasures(a, b);
    EXPECT_EQ(m.ged, 0);
    EXPECT_EQ(m.commonConnections, 14);
    EXPECT_EQ(m.commonOps, 10);
}

TEST(GraphMeasures, OneOpChangedIsOneEdgeSubstitution) {
    // Node 3's skip_connect from state 4 becomes sep_conv_5x5: one edge relabelled (cost 1); no
    // mapping does better, as the two graphs' edge labels differ as multisets.
    auto changed = baseCell();
    changed.edges[7].op = "sep_conv_5x5";
    const auto m = graphMeasures(baseCell(), changed);
    EXPECT_EQ(m.ged, 1);
    EXPECT_EQ(m.commonConnections, 8);
    EXPECT_EQ(m.commonOps, 7);
}

TEST(GraphMeasures, OneExtraEdgeIsOneInsertion) {
    // A SNAS-style third edge into node 3: one edge inserted; the edge counts differ by one, so
    // nothing cheaper exists. All of the first cell's connections and ops are in the second.
    auto extra = baseCell();
    extra.edges.push_back({"skip_connect", 1, 3});
    const auto m = graphMeasures(baseCell(), extra);
    EXPECT_EQ(m.ged, 1);
    EXPECT_EQ(m.commonConnections, 8);
    EXPECT_EQ(m.commonOps, 8);
}

TEST(GraphMeasures, OneExtraNodeCostsTheNodeItsTwoEdgesAndItsConcatEdge) {
    // Node 4 with two edges from the inputs, concatenated: insert the node (1), its two op edges
    // (2) and its edge into the output (1) = 4. Lower bound: one node more (1) and three edges
    // more (3), so 4 is the least.
    auto bigger = baseCell();
    bigger.edges.push_back({"sep_conv_3x3", 0, 4});
    bigger.edges.push_back({"sep_conv_3x3", 1, 4});
    bigger.concat.push_back(6);
    const auto m = graphMeasures(baseCell(), bigger);
    EXPECT_EQ(m.ged, 4);
    EXPECT_EQ(m.commonConnections, 8);
    EXPECT_EQ(m.commonOps, 8);
    EXPECT_EQ(graphMeasures(bigger, baseCell()).ged, 4);  // symmetric
}

TEST(GraphMeasures, NoneEdgesAreNoConnection) {
    auto withNone = baseCell();
    withNone.edges.push_back({"none", 1, 3});
    const auto m = graphMeasures(baseCell(), withNone);
    EXPECT_EQ(m.ged, 0);
    EXPECT_EQ(m.commonConnections, 8);
    EXPECT_EQ(m.commonOps, 8);
}

TEST(GraphMeasures, AnInputCanMapToANodeWhenThatIsCheaper) {
    // a: input 0 feeds nodes 1-3; node 0 has no edges ('none' in a SNAS-style cell).
    // b: node 0 feeds nodes 1-3 with the same op; input 0 feeds nothing. All four nodes are
    // concatenated in both. Inputs kept in place: delete a's three edges, insert b's three: 6.
    // Map a's input 0 to b's node 0 and back: 2 label substitutions, the three op edges match, and
    // the concat edge of each node 0 has no counterpart (2): 4, the least (exhaustive search).
    CellGenotype a, b;
    for (int node = 1; node <= 3; ++node) {
        a.edges.push_back({"sep_conv_3x3", 0, node});
        b.edges.push_back({"sep_conv_3x3", 2, node});
    }
    a.concat = b.concat = {2, 3, 4, 5};
    EXPECT_EQ(graphEditDistance(a, b), 4);
    EXPECT_EQ(commonConnections(a, b), 0);
}

TEST(GraphMeasures, ParallelEdgesMatchAmongThemselves) {
    // ENAS may pick one input twice. Node 0: two sep_conv_3x3 from input 0 vs sep_conv_3x3 and
    // skip_connect from input 0: one edge relabelled. Both connections are common, one op.
    const auto a = cell({{"sep_conv_3x3", 0, 0}, {"sep_conv_3x3", 0, 0}}, {2});
    const auto b = cell({{"sep_conv_3x3", 0, 0}, {"skip_connect", 0, 0}}, {2});
    EXPECT_EQ(graphEditDistance(a, b), 1);
    EXPECT_EQ(commonConnections(a, b), 2);
    EXPECT_EQ(commonOps(a, b), 1);
}

TEST(GraphMeasures, EditDistanceIsASymmetricMetricOnRandomGenotypes) {
    std::mt19937 random(5);
    std::vector<nas::space::Genotype> genotypes;
    for (int i = 0; i < 6; ++i) genotypes.push_back(randomGenotype(random));
    for (const auto& a : genotypes)
        for (const auto& b : genotypes) {
            const double ab = graphMeasures(a, b).ged;
            EXPECT_EQ(ab, graphMeasures(b, a).ged);
            EXPECT_EQ(ab == 0, a == b);  // random cells are not renumberings of each other here
            for (const auto& c : genotypes)
                EXPECT_LE(graphMeasures(a, c).ged, ab + graphMeasures(b, c).ged);
        }
}

TEST(GraphMeasures, MeanPairwiseDistanceAveragesEveryPair) {
    // Pairs (a, a): 0 edits, 16 connections, 16 ops; (a, b) twice: 1 edit, 16, 15.
    const auto a = genotype(baseCell(), baseCell());
    auto changed = baseCell();
    changed.edges[0].op = "max_pool_3x3";
    const auto b = genotype(changed, baseCell());
    const auto mean = meanPairwiseDistance({a, a, b});
    EXPECT_EQ(mean.pairs, 3);
    EXPECT_DOUBLE_EQ(mean.ged, 2.0 / 3);
    EXPECT_DOUBLE_EQ(mean.commonConnections, 16);
    EXPECT_DOUBLE_EQ(mean.commonOps, 46.0 / 3);

    const auto none = meanPairwiseDistance({a});
    EXPECT_EQ(none.pairs, 0);
    EXPECT_TRUE(std::isnan(none.ged));
}
