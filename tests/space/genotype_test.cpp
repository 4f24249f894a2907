#include "space/genotype.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "space/op_catalogue.h"
#include "space/space_config.h"

using namespace nas::space;

TEST(Genotype, DartsStringRoundTrip) {
    const Genotype g = *publishedGenotype("DARTS_V2");
    ASSERT_EQ(g.normal.edges.size(), 8u);
    EXPECT_EQ(g.normal.edges[7], (GenotypeEdge{"dil_conv_3x3", 2, 3}));
    EXPECT_EQ(g.reduce.concat, (std::vector<int>{2, 3, 4, 5}));
    const std::string text = toDartsString(g);
    EXPECT_EQ(parseDartsString(text), g);
    EXPECT_EQ(text.rfind("Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1),", 0), 0u);
}

TEST(Genotype, ParsesRangeConcatAndTrailingCommas) {
    const Genotype g = parseDartsString(
        "Genotype(normal=[('skip_connect', 0), ('sep_conv_3x3', 1),], normal_concat=range(2, 3), "
        "reduce=[(\"max_pool_3x3\", 0), ('max_pool_3x3', 1)], reduce_concat=[2])");
    EXPECT_EQ(g.normal.concat, std::vector<int>{2});
    EXPECT_EQ(g.reduce.edges[0].op, "max_pool_3x3");
}

TEST(Genotype, JsonRoundTripKeepsAnyInDegree) {
    Genotype g;
    g.normal.edges = {{"sep_conv_3x3", 0, 0},
                      {"skip_connect", 1, 0},
                      {"max_pool_3x3", 0, 0},
                      {"dil_conv_5x5", 2, 1},
                      {"avg_pool_3x3", 0, 1}};
    g.normal.concat = {2, 3};
    g.reduce.edges = {{"max_pool_3x3", 0, 0}, {"max_pool_3x3", 1, 1}};
    g.reduce.concat = {2, 3};
    EXPECT_EQ(genotypeFromJson(toJson(g)), g);
    EXPECT_FALSE(hasDartsForm(g));
    EXPECT_THROW((void)toDartsString(g), std::invalid_argument);
}

TEST(Genotype, RejectsBadInputWithClearMessages) {
    try {
        (void)parseDartsString(
            "Genotype(normal=[('sep_conv_9x9', 0), ('skip_connect', 1)], normal_concat=[2], "
            "reduce=[('skip_connect', 0), ('skip_connect', 1)], reduce_concat=[2])");
        FAIL() << "unknown op accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("unknown op 'sep_conv_9x9'"), std::string::npos);
    }
    EXPECT_THROW((void)parseDartsString("Genotype(normal=[('skip_connect', 0)"),
                 std::invalid_argument);
    // Node 0 may only read states 0 and 1.
    EXPECT_THROW(
        (void)genotypeFromJson(nlohmann::json::parse(
            R"({"normal":[{"op":"skip_connect","from":2,"to":0}],"reduce":[{"op":"skip_connect","from":0,"to":0}]})")),
        std::invalid_argument);
    EXPECT_THROW((void)loadGenotype("/nonexistent/genotype.json"), std::invalid_argument);
    EXPECT_THROW((void)loadGenotype("{not json"), std::invalid_argument);
    // A folder or an empty file says so, instead of "expected a field name at character 0".
    const auto folder =
        std::filesystem::temp_directory_path() / ("genotype-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "empty.txt").close();
    const auto messageOf = [](const std::string& source) {
        try {
            (void)loadGenotype(source);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(messageOf(folder.string()).find("is a folder"), std::string::npos)
        << messageOf(folder.string());
    EXPECT_NE(messageOf((folder / "empty.txt").string()).find("is empty"), std::string::npos);
    std::filesystem::remove_all(folder);
    // A state index far past any cell (a typo) is refused instead of building thousands of nodes.
    try {
        (void)parseDartsString(
            "Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 1)], normal_concat=[2000000], "
            "reduce=[('skip_connect', 0), ('skip_connect', 1)], reduce_concat=[2])");
        ADD_FAILURE() << "accepted state 2000000";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("names state 2000000"), std::string::npos) << e.what();
    }
    // A DARTS string gives each node its two edges, so a concat past the last node is refused.
    try {
        (void)parseDartsString(
            "Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 1)], normal_concat=[9], "
            "reduce=[('skip_connect', 0), ('skip_connect', 1)], reduce_concat=[2])");
        ADD_FAILURE() << "accepted state 9 in a one-node cell";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("names state 9, but the cell has states 0 to 2"),
                  std::string::npos)
            << e.what();
    }
    // In JSON, nodes that nothing feeds and nothing concatenates exist only through a typo...
    try {
        (void)genotypeFromJson(nlohmann::json::parse(
            R"({"normal":[{"op":"skip_connect","from":0,"to":5}],"normal_concat":[7],
                "reduce":[{"op":"skip_connect","from":0,"to":0}],"reduce_concat":[2]})"));
        ADD_FAILURE() << "accepted a cell whose nodes 0-4 are neither fed nor used";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("node 0 (state 2) has no incoming edge"),
                  std::string::npos)
            << e.what();
    }
    // ...while a node of zeros in the output is what SNAS derives when every edge into it chose
    // 'none'.
    const auto snasLike = genotypeFromJson(nlohmann::json::parse(
        R"({"normal":[{"op":"skip_connect","from":0,"to":0},{"op":"sep_conv_3x3","from":1,"to":2}],
            "normal_concat":[2,3,4],"reduce":[{"op":"skip_connect","from":0,"to":0}],"reduce_concat":[2]})"));
    EXPECT_EQ(snasLike.normal.nodeCount(), 3);
    EXPECT_THROW(
        (void)genotypeFromJson(nlohmann::json::parse(
            R"({"normal":[{"op":"skip_connect","from":0,"to":500}],"reduce":[{"op":"skip_connect","from":0,"to":0}]})")),
        std::invalid_argument);
    // A range is bounded before it is expanded (this one would take gigabytes).
    try {
        (void)parseDartsString(
            "Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 1)], "
            "normal_concat=range(2, 200000000), reduce=[('skip_connect', 0), ('skip_connect', 1)], "
            "reduce_concat=[2])");
        ADD_FAILURE() << "expanded a huge range";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("too long"), std::string::npos) << e.what();
    }
}

TEST(SpaceConfig, EdgeIndexingFollowsDartsOrder) {
    SpaceConfig space;
    EXPECT_EQ(space.edgesPerCell(), 14);
    EXPECT_EQ(edgeTarget(0), 0);
    EXPECT_EQ(edgeTarget(2), 1);
    EXPECT_EQ(edgeSource(4), 2);
    EXPECT_EQ(edgeTarget(13), 3);
    EXPECT_EQ(edgeSource(13), 4);
    for (int e = 0; e < 14; ++e) EXPECT_EQ(edgeIndex(edgeSource(e), edgeTarget(e)), e);
    EXPECT_TRUE(space.isReductionLayer(2));
    EXPECT_TRUE(space.isReductionLayer(5));
    EXPECT_FALSE(space.isReductionLayer(3));
}
