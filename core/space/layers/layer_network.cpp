#include "space/layers/layer_network.h"

#include <algorithm>
#include <stdexcept>

namespace nas::space::layers {
namespace {

const std::vector<std::pair<LayerKind, std::string>>& kindNames() {
    static const std::vector<std::pair<LayerKind, std::string>> names{
        {LayerKind::Conv, "conv"},
        {LayerKind::SepConv, "sep_conv"},
        {LayerKind::DilConv, "dil_conv"},
        {LayerKind::MaxPool, "max_pool"},
        {LayerKind::AvgPool, "avg_pool"}};
    return names;
}

std::string layerName(std::size_t index) { return "layer " + std::to_string(index + 1); }

std::string listText(const std::vector<int>& values) {
    std::string text;
    for (const int v : values) text += (text.empty() ? "" : ", ") + std::to_string(v);
    return text;
}

int field(const nlohmann::json& object, const char* name, const std::string& where) {
    const auto found = object.find(name);
    if (found == object.end() || !found->is_number_integer())
        throw std::invalid_argument(where + ": '" + name + "' must be a whole number");
    return found->get<int>();
}

// Output size of a "same"-padded layer of this stride.
int strided(int size, int stride) { return (size + stride - 1) / stride; }

}  // namespace

std::string toString(LayerKind kind) {
    for (const auto& [k, name] : kindNames())
        if (k == kind) return name;
    return "?";
}

LayerKind layerKindFromName(const std::string& name) {
    std::string known;
    for (const auto& [kind, text] : kindNames()) {
        if (text == name) return kind;
        known += (known.empty() ? "" : ", ") + text;
    }
    throw std::invalid_argument("unknown layer type '" + name + "' (known: " + known + ")");
}

const std::vector<LayerKind>& allLayerKinds() {
    static const std::vector<LayerKind> kinds{LayerKind::Conv, LayerKind::SepConv,
                                              LayerKind::DilConv, LayerKind::MaxPool,
                                              LayerKind::AvgPool};
    return kinds;
}

bool isPool(LayerKind kind) { return kind == LayerKind::MaxPool || kind == LayerKind::AvgPool; }

const std::vector<int>& LayerRules::kernelsOf(LayerKind kind) const {
    switch (kind) {
        case LayerKind::Conv:
            return convKernels;
        case LayerKind::SepConv:
            return sepKernels;
        case LayerKind::DilConv:
            return dilKernels;
        default:
            return poolKernels;
    }
}

void validate(const LayerNetwork& network, const LayerRules& rules) {
    if (network.stemFilters < rules.minFilters || network.stemFilters > rules.maxFilters)
        throw std::invalid_argument(
            "the stem's filters must be from " + std::to_string(rules.minFilters) + " to " +
            std::to_string(rules.maxFilters) + ", not " + std::to_string(network.stemFilters));
    const auto count = static_cast<int>(network.layers.size());
    if (count < rules.minLayers || count > rules.maxLayers)
        throw std::invalid_argument("a network holds " + std::to_string(rules.minLayers) + " to " +
                                    std::to_string(rules.maxLayers) + " layers, not " +
                                    std::to_string(count));
    int reductions = 0;
    for (std::size_t i = 0; i < network.layers.size(); ++i) {
        const auto& layer = network.layers[i];
        const auto where = layerName(i) + " (" + toString(layer.kind) + ")";
        const auto& kernels = rules.kernelsOf(layer.kind);
        if (std::find(kernels.begin(), kernels.end(), layer.kernel) == kernels.end())
            throw std::invalid_argument(where + ": kernel " + std::to_string(layer.kernel) +
                                        " is not one of " + listText(kernels));
        if (isPool(layer.kind) && layer.filters != 0)
            throw std::invalid_argument(where +
                                        ": a pooling keeps its input's channels; its "
                                        "filters must be 0");
        if (!isPool(layer.kind) &&
            (layer.filters < rules.minFilters || layer.filters > rules.maxFilters))
            throw std::invalid_argument(
                where + ": filters must be from " + std::to_string(rules.minFilters) + " to " +
                std::to_string(rules.maxFilters) + ", not " + std::to_string(layer.filters));
        if (layer.stride != 1 && layer.stride != 2)
            throw std::invalid_argument(where + ": stride must be 1 or 2, not " +
                                        std::to_string(layer.stride));
        reductions += layer.stride == 2 ? 1 : 0;
        if (layer.skipFrom < -1 || layer.skipFrom > static_cast<int>(i))
            throw std::invalid_argument(where + ": a skip comes from an earlier state (0 to " +
                                        std::to_string(i) + ") or none (-1), not " +
                                        std::to_string(layer.skipFrom));
    }
    if (reductions > rules.maxReductions)
        throw std::invalid_argument(std::to_string(reductions) + " layers have stride 2; at most " +
                                    std::to_string(rules.maxReductions) + " may");
}

std::vector<StateShape> stateShapes(const LayerNetwork& network, const InputShape& input) {
    std::vector<StateShape> shapes{{network.stemFilters, input.height, input.width}};
    for (const auto& layer : network.layers) {
        const auto& in = shapes.back();
        shapes.push_back({isPool(layer.kind) ? in.channels : layer.filters,
                          strided(in.height, layer.stride), strided(in.width, layer.stride)});
    }
    return shapes;
}

nlohmann::json toJson(const LayerNetwork& network) {
    auto layers = nlohmann::json::array();
    for (const auto& layer : network.layers)
        layers.push_back({{"type", toString(layer.kind)},
                          {"kernel", layer.kernel},
                          {"filters", layer.filters},
                          {"stride", layer.stride},
                          {"skip_from", layer.skipFrom}});
    return {{"stem_filters", network.stemFilters}, {"layers", layers}};
}

LayerNetwork layerNetworkFromJson(const nlohmann::json& form) {
    if (!form.is_object()) throw std::invalid_argument("a layer network is a JSON object");
    LayerNetwork network;
    network.stemFilters = field(form, "stem_filters", "the network");
    const auto layers = form.find("layers");
    if (layers == form.end() || !layers->is_array())
        throw std::invalid_argument("the network: 'layers' must be a list");
    for (std::size_t i = 0; i < layers->size(); ++i) {
        const auto& item = (*layers)[i];
        const auto where = layerName(i);
        if (!item.is_object()) throw std::invalid_argument(where + " must be a JSON object");
        const auto type = item.find("type");
        if (type == item.end() || !type->is_string())
            throw std::invalid_argument(where + ": 'type' must be a string");
        Layer layer;
        layer.kind = layerKindFromName(type->get<std::string>());
        layer.kernel = field(item, "kernel", where);
        layer.filters =
            item.contains("filters") || !isPool(layer.kind) ? field(item, "filters", where) : 0;
        layer.stride = item.contains("stride") ? field(item, "stride", where) : 1;
        layer.skipFrom = item.contains("skip_from") ? field(item, "skip_from", where) : -1;
        network.layers.push_back(layer);
    }
    return network;
}

std::string layerText(const Layer& layer) {
    static const std::vector<std::pair<LayerKind, std::string>> shortNames{
        {LayerKind::Conv, "conv"},
        {LayerKind::SepConv, "sep"},
        {LayerKind::DilConv, "dil"},
        {LayerKind::MaxPool, "max"},
        {LayerKind::AvgPool, "avg"}};
    std::string text;
    for (const auto& [kind, name] : shortNames)
        if (kind == layer.kind) text = name;
    text += std::to_string(layer.kernel) + "x" + std::to_string(layer.kernel);
    if (!isPool(layer.kind)) text += "x" + std::to_string(layer.filters);
    if (layer.stride == 2) text += "/2";
    if (layer.skipFrom >= 0) text += "+s" + std::to_string(layer.skipFrom);
    return text;
}

std::string networkText(const LayerNetwork& network) {
    std::string text = "stem" + std::to_string(network.stemFilters) + " |";
    for (const auto& layer : network.layers) text += " " + layerText(layer);
    return text;
}

}  // namespace nas::space::layers
