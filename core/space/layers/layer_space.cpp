#include "space/layers/layer_space.h"

#include "space/layers/layer_cost.h"
#include "space/layers/layer_network.h"

namespace nas::space::layers {
namespace {

std::string stateId(int state) { return state == 0 ? "stem" : "l" + std::to_string(state); }

class LayerSpace final : public SearchSpace {
  public:
    std::string name() const override { return kLayerSpace; }
    std::string description() const override {
        return "a chain of layers (convolutions, separable and dilated convolutions, poolings) "
               "with their kernels, filters, strides and skips, as RENA edits them";
    }
    void validate(const nlohmann::json& form, const SpaceConfig&) const override {
        layers::validate(layerNetworkFromJson(form));
    }
    Cost cost(const nlohmann::json& form, const SpaceConfig& config) const override {
        return layerNetworkCost(layerNetworkFromJson(form), config.input, config.classes).total;
    }
    Cost floorCost(const SpaceConfig& config) const override {
        // The thinnest stem, one pooling (no weights, no reduction) and the classifier.
        const LayerRules rules;
        LayerNetwork smallest;
        smallest.stemFilters = rules.minFilters;
        smallest.layers = {{LayerKind::MaxPool, rules.poolKernels.front(), 0, 1, -1}};
        return layerNetworkCost(smallest, config.input, config.classes).total;
    }
    ArchitecturePicture picture(const nlohmann::json& form) const override {
        const auto network = layerNetworkFromJson(form);
        PictureGroup chain;
        chain.title = "layers";
        chain.nodes = {{"in", "input"}, {"stem", "stem " + std::to_string(network.stemFilters)}};
        chain.edges = {{"in", "stem", "conv3x3"}};
        for (std::size_t i = 0; i < network.layers.size(); ++i) {
            const auto& layer = network.layers[i];
            const auto state = static_cast<int>(i) + 1;
            chain.nodes.push_back(
                {stateId(state), std::to_string(state) + ": " + layerText(layer)});
            chain.edges.push_back({stateId(state - 1), stateId(state), toString(layer.kind)});
            if (layer.skipFrom >= 0)
                chain.edges.push_back({stateId(layer.skipFrom), stateId(state), "skip"});
        }
        chain.nodes.push_back({"out", "classifier"});
        chain.edges.push_back(
            {stateId(static_cast<int>(network.layers.size())), "out", "global pool, linear"});
        return {{chain}};
    }
    std::string summary(const nlohmann::json& form) const override {
        return networkText(layerNetworkFromJson(form));
    }
};

}  // namespace

std::shared_ptr<const SearchSpace> makeLayerSpace() { return std::make_shared<LayerSpace>(); }

}  // namespace nas::space::layers
