#include "space/layers/layer_cost.h"

namespace nas::space::layers {
namespace {

// ReLU, a convolution whose weights are `weights`, BatchNorm over `out` channels; `readFactor` is
// how many input elements per output position the op reads (METHODS.md's memory-access terms).
Cost convolutionCost(double weights, int out, double outArea, double readPerPosition) {
    Cost c;
    c.params = weights + 2.0 * out;
    c.flops = weights * outArea;
    c.mac = outArea * (readPerPosition + out) + c.params;
    return c;
}

Cost layerCost(const Layer& layer, const StateShape& in, const StateShape& out) {
    const double area = static_cast<double>(out.height) * out.width;
    const double cin = in.channels;
    const double k2 = static_cast<double>(layer.kernel) * layer.kernel;
    const bool reduce = layer.stride == 2;
    switch (layer.kind) {
        case LayerKind::Conv:
            return convolutionCost(cin * out.channels * k2, out.channels, area,
                                   (reduce ? 4 : 1) * cin);
        case LayerKind::DilConv:
            return convolutionCost(cin * k2 + cin * out.channels, out.channels, area,
                                   (reduce ? 6 : 3) * cin);
        case LayerKind::SepConv: {
            // Two separable blocks, C_in -> C_in -> C_out, each with its BatchNorm.
            auto c = convolutionCost(2 * cin * k2 + (cin + out.channels) * cin, out.channels, area,
                                     (reduce ? 10 : 7) * cin);
            c.params += 2 * cin;
            c.mac += 2 * cin;
            return c;
        }
        case LayerKind::MaxPool:
        case LayerKind::AvgPool: {
            Cost c;
            c.flops = k2 * out.channels * area;
            c.mac = (reduce ? 5.0 : 2.0) * out.channels * area;
            return c;
        }
    }
    return {};
}

Cost skipCost(const StateShape& from, const StateShape& out) {
    const double area = static_cast<double>(out.height) * out.width;
    Cost c;
    if (from.channels != out.channels || from.height != out.height) {
        const double ratio = static_cast<double>(from.height) / out.height;
        c = convolutionCost(static_cast<double>(from.channels) * out.channels, out.channels, area,
                            ratio * ratio * from.channels);
    }
    c.mac += 3.0 * out.channels * area;  // the addition
    return c;
}

}  // namespace

LayerNetworkCost layerNetworkCost(const LayerNetwork& network, const InputShape& input,
                                  int classes) {
    const auto shapes = stateShapes(network, input);
    LayerNetworkCost cost;
    const double inputArea = static_cast<double>(input.height) * input.width;
    cost.stem = convolutionCost(9.0 * input.channels * network.stemFilters, network.stemFilters,
                                inputArea, input.channels);
    cost.total += cost.stem;
    for (std::size_t i = 0; i < network.layers.size(); ++i) {
        const auto& layer = network.layers[i];
        auto c = layerCost(layer, shapes[i], shapes[i + 1]);
        if (layer.skipFrom >= 0)
            c += skipCost(shapes[static_cast<std::size_t>(layer.skipFrom)], shapes[i + 1]);
        cost.layers.push_back(c);
        cost.total += c;
    }
    const auto& last = shapes.back();
    const double channels = last.channels;
    cost.head.params = channels * classes + classes;
    cost.head.flops = channels * classes;
    cost.head.mac = channels * last.height * last.width + channels  // pooling
                    + channels + classes + cost.head.params;        // classifier
    cost.total += cost.head;
    return cost;
}

}  // namespace nas::space::layers
