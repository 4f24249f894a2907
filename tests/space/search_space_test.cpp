// The architecture interface: the DARTS cell space through it, and a layer-level space joining it
// from this file alone, as RENA's will.
#include "space/search_space.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace nas::space;
using nlohmann::json;

namespace {

// A chain of convolutions, each with its own width: the shape of a layer-level (macro) space.
class LayerSpace final : public SearchSpace {
  public:
    std::string name() const override { return "layers"; }
    std::string description() const override {
        return "a chain of 3x3 convolutions of chosen widths";
    }
    void validate(const json& form, const SpaceConfig&) const override {
        if (!form.is_array() || form.empty())
            throw std::invalid_argument("a layer list must hold at least one layer");
        for (const auto& width : form)
            if (!width.is_number_integer() || width.get<int>() < 1)
                throw std::invalid_argument("every layer needs a positive width");
    }
    Cost cost(const json& form, const SpaceConfig& config) const override {
        Cost c;
        int in = config.input.channels;
        for (const auto& width : form) {
            const int out = width.get<int>();
            c.params += 9.0 * in * out + out;
            in = out;
        }
        return c;
    }
    Cost floorCost(const SpaceConfig& config) const override {
        return cost(json::array({1}), config);  // one layer of width 1
    }
    ArchitecturePicture picture(const json& form) const override {
        PictureGroup chain{"layers", {{"in", "input"}}, {}};
        std::string previous = "in";
        for (size_t i = 0; i < form.size(); ++i) {
            const auto id = "l" + std::to_string(i);
            chain.nodes.push_back({id, std::to_string(form[i].get<int>())});
            chain.edges.push_back({previous, id, "conv 3x3"});
            previous = id;
        }
        return {{chain}};
    }
    std::string summary(const json& form) const override { return "layers " + form.dump(); }
};

}  // namespace

TEST(SearchSpace, TheCellSpaceGivesTheGenotypesCostPictureAndText) {
    const auto genotype = *publishedGenotype("DARTS_V2");
    const auto architecture = cellArchitecture(genotype);
    const SearchSpace& cells = searchSpace(architecture.space);
    SpaceConfig config;
    EXPECT_NO_THROW(cells.validate(architecture.form, config));
    const Cost viaSpace = cells.cost(architecture.form, config);
    EXPECT_DOUBLE_EQ(viaSpace.params, networkCost(genotype, config, false).params);
    EXPECT_DOUBLE_EQ(viaSpace.flops, networkCost(genotype, config, false).flops);
    const auto picture = cells.picture(architecture.form);
    ASSERT_EQ(picture.groups.size(), 2u);
    EXPECT_EQ(picture.groups[0].nodes.size(), 7u);       // two inputs, four nodes, the output
    EXPECT_EQ(picture.groups[0].edges.size(), 8u + 4u);  // eight ops, four concatenated states
    EXPECT_EQ(picture.groups[0].edges[0].label, genotype.normal.edges[0].op);
    EXPECT_EQ(cells.summary(architecture.form), toDartsString(genotype));
    EXPECT_TRUE(cells.hasOpDistribution());
    config.normalOps = {"none", "skip_connect"};
    try {
        cells.validate(architecture.form, config);
        FAIL() << "an op outside the space's op list was accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("is not among this space's ops"), std::string::npos)
            << e.what();
    }
}

TEST(SearchSpace, ALayerLevelSpaceJoinsFromOutside) {
    registerSpace(std::make_shared<LayerSpace>());
    std::vector<std::string> names;
    for (const auto* s : registeredSpaces()) names.push_back(s->name());
    // The built-in ones (the cells, RENA's layer chain), then this one.
    EXPECT_EQ(names, (std::vector<std::string>{kCellSpace, "layer-chain", "layers"}));
    const Architecture net{"layers", json::array({16, 32})};
    const SearchSpace& layers = searchSpace(net.space);
    SpaceConfig config;
    config.input = {3, 32, 32};
    EXPECT_NO_THROW(layers.validate(net.form, config));
    EXPECT_THROW(layers.validate(json::array(), config), std::invalid_argument);
    EXPECT_DOUBLE_EQ(layers.cost(net.form, config).params, 9.0 * 3 * 16 + 16 + 9.0 * 16 * 32 + 32);
    EXPECT_EQ(layers.picture(net.form).groups[0].edges.size(), 2u);
    EXPECT_FALSE(layers.hasOpDistribution());
    try {
        (void)searchSpace("graph");
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("known: darts-cell, layer-chain, layers"),
                  std::string::npos)
            << e.what();
    }
}
