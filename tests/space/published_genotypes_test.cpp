// Every genotype the authors published, counted as their own code counts it: the reference figures
// below come from building each genotype with the authors' model code at 36 channels, 20 layers and
// 10 classes (DARTS and PC-DARTS: model.NetworkCIFAR; SNAS-Series: SNAS/model.NetworkCIFAR for the
// 8-edge form, SNAS/model_edge_all.NetworkCIFAR for the edge_all form) and summing
// p.numel() over model.parameters(), without and with the auxiliary head.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "space/cost_model.h"
#include "space/genotype.h"

using namespace nas::space;

namespace {

struct Reference {
    const char* name;
    double params;
    double paramsWithAuxiliary;
    BuildStyle style;
};

const std::vector<Reference>& references() {
    static const std::vector<Reference> table{
        // quark0/darts cnn/model.py
        {"NASNet", 3830950, 4288944, BuildStyle::Darts},
        {"AmoebaNet", 3145078, 3603072, BuildStyle::Darts},
        {"DARTS_V1", 3169414, 3645840, BuildStyle::Darts},
        {"DARTS_V2", 3349342, 3825768, BuildStyle::Darts},
        {"DARTS", 3349342, 3825768, BuildStyle::Darts},
        // yuhuixu1993/PC-DARTS model.py
        {"PC_DARTS_cifar", 3634678, 4111104, BuildStyle::Darts},
        {"PC_DARTS_image", 3721510, 4197936, BuildStyle::Darts},
        {"PCDARTS", 3634678, 4111104, BuildStyle::Darts},
        // SNAS-Series SNAS/model.py and SNAS/model_edge_all.py (pools carry an affine BatchNorm
        // there)
        {"SNAS_mild", 2663542, 3139968, BuildStyle::Snas},
        {"SNAS_mild_edge_all", 2663542, 3139968, BuildStyle::Snas},
        {"SNAS_moderate", 2848222, 3324648, BuildStyle::Snas},
        {"SNAS_moderate_edge_all", 2848222, 3324648, BuildStyle::Snas},
        {"SNAS_aggressive", 2313622, 2790048, BuildStyle::Snas},
        {"SNAS_aggressive_edge_all", 2313622, 2790048, BuildStyle::Snas},
    };
    return table;
}

SpaceConfig evaluationSpace() {
    SpaceConfig space;
    space.channels = 36;
    space.layers = 20;
    space.classes = 10;
    return space;
}

std::string errorOf(const std::string& source) {
    try {
        (void)loadGenotype(source);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST(PublishedGenotypes, CountExactlyAsTheAuthorsCodeDoes) {
    for (const auto& ref : references()) {
        const auto g = publishedGenotype(ref.name);
        ASSERT_TRUE(g) << ref.name;
        EXPECT_EQ(g->style, ref.style) << ref.name;
        EXPECT_EQ(networkCost(*g, evaluationSpace(), false).params, ref.params) << ref.name;
        EXPECT_EQ(networkCost(*g, evaluationSpace(), true).params, ref.paramsWithAuxiliary)
            << ref.name;
    }
}

TEST(PublishedGenotypes, EveryListedNameLoads) {
    ASSERT_EQ(publishedGenotypeNames().size(), references().size());
    for (const auto& name : publishedGenotypeNames())
        EXPECT_NO_THROW((void)loadGenotype(name)) << name;
    EXPECT_FALSE(publishedGenotype("SNAS"));
    // An unknown name lists the known ones.
    EXPECT_NE(errorOf("DARTS_V3").find("NASNet, AmoebaNet, DARTS_V1"), std::string::npos)
        << errorOf("DARTS_V3");
}

// NASNet's cells concatenate five and three states: each cell type keeps its own width.
TEST(PublishedGenotypes, NasnetCellsHaveTheirOwnConcatWidths) {
    const auto g = *publishedGenotype("NASNet");
    EXPECT_EQ(g.normal.concat, (std::vector<int>{2, 3, 4, 5, 6}));
    EXPECT_EQ(g.reduce.concat, (std::vector<int>{4, 5, 6}));
    const auto shapes = cellShapes(evaluationSpace(), 5, 3);
    EXPECT_EQ(shapes[1].cPrev, 5 * 36);  // after a normal cell
    EXPECT_EQ(shapes[7].cPrev, 3 * 72);  // after the first reduction (layer 6)
    EXPECT_EQ(shapes[8].cPrevPrev, 3 * 72);
    EXPECT_EQ(cellOutputChannels(g, shapes[6]), 3 * 72);
    EXPECT_EQ(cellOutputChannels(g, shapes[19]), 5 * 144);
}

// The edge_all form lists every edge, node i reading states 0 to i + 1 in any order, 'none'
// included; it builds the same cell as the 8-edge form.
TEST(PublishedGenotypes, SnasEdgeAllFormIsTheSameCellAsTheEightEdgeForm) {
    for (const char* level : {"mild", "moderate", "aggressive"}) {
        const std::string name = std::string("SNAS_") + level;
        EXPECT_EQ(*publishedGenotype(name + "_edge_all"), *publishedGenotype(name)) << name;
    }
    const auto mild = *publishedGenotype("SNAS_mild_edge_all");
    EXPECT_EQ(mild.normal.nodeCount(), 4);
    EXPECT_EQ(mild.normal.edgesInto(3),
              (std::vector<GenotypeEdge>{{"skip_connect", 0, 3}, {"sep_conv_3x3", 1, 3}}));
    // The aggressive reduction cell keeps two edges; nodes 2 and 3 are zeros, still concatenated.
    const auto aggressive = *publishedGenotype("SNAS_aggressive_edge_all");
    EXPECT_EQ(aggressive.reduce.edges.size(), 2u);
    EXPECT_EQ(aggressive.reduce.nodeCount(), 4);
    EXPECT_EQ(aggressive.reduce.concat, (std::vector<int>{2, 3, 4, 5}));
}

// What we read we write: each published genotype's text reads back as the same genotype, SNAS's in
// their 14-edge form.
TEST(PublishedGenotypes, TextRoundTrip) {
    for (const auto& name : publishedGenotypeNames()) {
        const auto g = *publishedGenotype(name);
        const auto text = genotypeText(g);
        ASSERT_TRUE(text) << name;
        EXPECT_EQ(parseDartsString(*text), g) << name << ": " << *text;
        EXPECT_EQ(genotypeFromJson(toJson(g)), g) << name;
    }
    const std::string snas = *genotypeText(*publishedGenotype("SNAS_mild"));
    EXPECT_EQ(snas.rfind(
                  "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), "
                  "('dil_conv_3x3', 1), ('none', 2), ('skip_connect', 0), ('skip_connect', 1), "
                  "('none', 2), "
                  "('none', 3), ",
                  0),
              0u)
        << snas;
    EXPECT_NE(snas.find("normal_concat=range(2, 6), reduce=[('max_pool_3x3', 0)"),
              std::string::npos)
        << snas;
    EXPECT_EQ(toJson(*publishedGenotype("SNAS_mild")).at("style"), "snas");
    EXPECT_FALSE(toJson(*publishedGenotype("DARTS_V2")).contains("style"));
}

// Our own SNAS runs derive cells of any in-degree, 'none' edges left out; the SNAS form holds them.
TEST(PublishedGenotypes, SnasFormHoldsAnyInDegree) {
    Genotype g;
    g.style = BuildStyle::Snas;
    g.normal.edges = {{"sep_conv_3x3", 0, 0}, {"skip_connect", 0, 1}, {"dil_conv_3x3", 1, 1},
                      {"max_pool_3x3", 2, 1}, {"sep_conv_5x5", 3, 2}, {"avg_pool_3x3", 4, 3}};
    g.normal.concat = {2, 3, 4, 5};  // node 0 has one edge, node 1 three
    g.reduce.edges = {{"max_pool_3x3", 0, 0}};
    g.reduce.concat = {2, 3, 4, 5};  // nodes 1 to 3 are zeros
    EXPECT_FALSE(hasDartsForm(g));
    const auto text = genotypeText(g);
    ASSERT_TRUE(text);
    EXPECT_EQ(parseDartsString(*text), g) << *text;
    // A DARTS-built genotype has only the DARTS form, two edges per node, 'none' edges kept as
    // given.
    g.style = BuildStyle::Darts;
    EXPECT_FALSE(genotypeText(g));
    const auto withNone = parseDartsString(
        "Genotype(normal=[('sep_conv_3x3', 0), ('none', 1)], normal_concat=[2], "
        "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1)], reduce_concat=[2])");
    EXPECT_EQ(withNone.normal.edges.size(), 2u);
    EXPECT_EQ(parseDartsString(*genotypeText(withNone)), withNone);
    // JSON of a SNAS-built genotype drops 'none' edges as the SNAS forms do.
    auto json = toJson(*publishedGenotype("SNAS_mild"));
    json["normal"].push_back({{"op", "none"}, {"from", 2}, {"to", 3}});
    EXPECT_EQ(genotypeFromJson(json), *publishedGenotype("SNAS_mild"));
}

TEST(PublishedGenotypes, BadTextIsRefusedNamingTheProblem) {
    const std::string reduce =
        "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1)], reduce_concat=[2])";
    const std::string dartsV2Normal =
        "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), "
        "('sep_conv_3x3', 1), "
        "('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], ";
    // A concat naming a node the four nodes do not include.
    const auto concat9 = errorOf(dartsV2Normal + "normal_concat=[2, 3, 4, 9], " + reduce);
    EXPECT_NE(concat9.find("normal concat names state 9, but the cell has states 0 to 5"),
              std::string::npos)
        << concat9;
    const auto json9 =
        errorOf(nlohmann::json{{"normal", toJson(*publishedGenotype("DARTS_V2")).at("normal")},
                               {"normal_concat", {2, 3, 4, 9}},
                               {"reduce", toJson(*publishedGenotype("DARTS_V2")).at("reduce")}}
                    .dump());
    EXPECT_NE(json9.find("the concat names state 9"), std::string::npos) << json9;
    EXPECT_NE(json9.find("node 4 (state 6) has no incoming edge"), std::string::npos) << json9;
    // Text after the Genotype(...) string; whitespace and a final newline are fine.
    const auto valid = dartsV2Normal + "normal_concat=[2, 3, 4, 5], " + reduce;
    EXPECT_NO_THROW((void)loadGenotype(valid + " \n"));
    for (const std::string tail : {")", " extra", ", normal_concat=[2]", "\nGenotype(normal=[])"}) {
        const auto error = errorOf(valid + tail);
        EXPECT_NE(error.find("unexpected text after the closing ')'"), std::string::npos)
            << tail << ": " << error;
    }
    // An odd edge count that is not SNAS's 2 + 3 + ... layout either.
    const auto odd = errorOf(
        "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('skip_connect', 0)], "
        "normal_concat=[2], " +
        reduce);
    EXPECT_NE(odd.find("normal cell lists 3 edges"), std::string::npos) << odd;
    // A 14-edge cell whose concat names state 8 is not in the SNAS form: it reads as seven DARTS
    // nodes.
    const auto seven = parseDartsString(
        "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), "
        "('dil_conv_3x3', 1), "
        "('skip_connect', 2), ('skip_connect', 0), ('skip_connect', 1), ('skip_connect', 3), "
        "('skip_connect', 2), "
        "('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 4), ('skip_connect', 3), "
        "('skip_connect', 2)], "
        "normal_concat=[2, 3, 4, 5, 6, 7, 8], " +
        reduce);
    EXPECT_EQ(seven.normal.nodeCount(), 7);
    EXPECT_EQ(seven.style, BuildStyle::Darts);
}
