// What we read we also write: an export's genotype.txt reads back, through the same loader
// `inspect` uses, as the exported genotype, in SNAS-Series' 14-edge form for a SNAS-built genotype.
#include "export/genotype_export.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "space/cost_model.h"
#include "space/genotype.h"

namespace {

namespace fs = std::filesystem;
using nas::space::BuildStyle;
using nas::space::Genotype;

class GenotypeExportTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "nas_genotype_export_XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    std::string exportTo(const std::string& name, const Genotype& g) {
        const auto folder = (m_dir / name).string();
        (void)nas::exporting::exportGenotype(folder, g, nas::space::SpaceConfig{}, {},
                                             std::nullopt);
        return folder;
    }
    static std::string read(const fs::path& file) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
    fs::path m_dir;
};

// A cell as our SNAS search derives it: one op per supernet edge, 'none' edges left out, so nodes
// have from zero to five inputs.
Genotype snasRunGenotype() {
    Genotype g;
    g.style = BuildStyle::Snas;
    g.normal.edges = {{"sep_conv_3x3", 0, 0}, {"skip_connect", 0, 1}, {"dil_conv_3x3", 1, 1},
                      {"max_pool_3x3", 2, 1}, {"sep_conv_5x5", 0, 3}, {"skip_connect", 1, 3},
                      {"avg_pool_3x3", 2, 3}, {"dil_conv_5x5", 3, 3}, {"sep_conv_3x3", 4, 3}};
    g.normal.concat = {2, 3, 4, 5};  // node 2 is zeros
    g.reduce.edges = {{"max_pool_3x3", 0, 0}, {"sep_conv_5x5", 1, 0}, {"skip_connect", 2, 2}};
    g.reduce.concat = {2, 3, 4, 5};
    return g;
}

TEST_F(GenotypeExportTest, SnasFormGenotypeTxtReadsBack) {
    const Genotype g = snasRunGenotype();
    const auto folder = exportTo("snas", g);
    const auto txt = fs::path(folder) / "genotype.txt";
    ASSERT_TRUE(fs::exists(txt));
    const std::string text = read(txt);
    EXPECT_EQ(text.rfind("Genotype(normal=[('sep_conv_3x3', 0), ('none', 1), ('skip_connect', 0), "
                         "('dil_conv_3x3', 1), ('max_pool_3x3', 2), ('none', 0), ('none', 1), "
                         "('none', 2), ('none', 3), ",
                         0),
              0u)
        << text;
    EXPECT_NE(text.find("normal_concat=range(2, 6)"), std::string::npos) << text;
    EXPECT_EQ(nas::space::loadGenotype(txt.string()), g) << text;
    EXPECT_EQ(nas::space::loadGenotype((fs::path(folder) / "genotype.json").string()), g);
    // Both reads count the same network (pools with SNAS's BatchNorm).
    const auto reread = nas::space::loadGenotype(txt.string());
    EXPECT_EQ(nas::space::networkCost(reread, {}, true).params,
              nas::space::networkCost(g, {}, true).params);
}

TEST_F(GenotypeExportTest, PublishedGenotypesReadBackFromTheirExport) {
    for (const char* name : {"DARTS_V2", "NASNet", "SNAS_aggressive", "SNAS_moderate_edge_all"}) {
        const Genotype g = *nas::space::publishedGenotype(name);
        const auto txt = fs::path(exportTo(name, g)) / "genotype.txt";
        ASSERT_TRUE(fs::exists(txt)) << name;
        EXPECT_EQ(nas::space::loadGenotype(txt.string()), g) << name << ": " << read(txt);
    }
}

// A DARTS-built genotype with a node of three inputs has no Genotype(...) form: JSON only.
TEST_F(GenotypeExportTest, NoTextFormMeansNoGenotypeTxt) {
    Genotype g = snasRunGenotype();
    g.style = BuildStyle::Darts;
    const auto folder = exportTo("darts", g);
    EXPECT_FALSE(fs::exists(fs::path(folder) / "genotype.txt"));
    EXPECT_EQ(nas::space::loadGenotype((fs::path(folder) / "genotype.json").string()), g);
}

}  // namespace
