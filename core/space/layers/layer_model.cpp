#include "space/layers/layer_model.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/pooling.h>

namespace nas::space::layers {
namespace {

namespace nn = torch::nn;

nn::Conv2d conv(int in, int out, int kernel, int stride, int dilation = 1, int groups = 1) {
    const int padding = dilation * (kernel - 1) / 2;  // "same": the output is ceil(size / stride)
    return nn::Conv2d(nn::Conv2dOptions(in, out, kernel)
                          .stride(stride)
                          .padding(padding)
                          .dilation(dilation)
                          .groups(groups)
                          .bias(false));
}

nn::Sequential layerOps(const Layer& layer, int in) {
    const int k = layer.kernel;
    const int s = layer.stride;
    const int out = layer.filters;
    nn::Sequential seq;
    switch (layer.kind) {
        case LayerKind::Conv:
            seq->push_back(nn::ReLU());
            seq->push_back(conv(in, out, k, s));
            seq->push_back(nn::BatchNorm2d(out));
            break;
        case LayerKind::DilConv:
            seq->push_back(nn::ReLU());
            seq->push_back(conv(in, in, k, s, 2, in));
            seq->push_back(conv(in, out, 1, 1));
            seq->push_back(nn::BatchNorm2d(out));
            break;
        case LayerKind::SepConv:
            // Two separable blocks, the first strided: C_in -> C_in -> C_out.
            seq->push_back(nn::ReLU());
            seq->push_back(conv(in, in, k, s, 1, in));
            seq->push_back(conv(in, in, 1, 1));
            seq->push_back(nn::BatchNorm2d(in));
            seq->push_back(nn::ReLU());
            seq->push_back(conv(in, in, k, 1, 1, in));
            seq->push_back(conv(in, out, 1, 1));
            seq->push_back(nn::BatchNorm2d(out));
            break;
        case LayerKind::MaxPool:
            seq->push_back(nn::MaxPool2d(nn::MaxPool2dOptions(k).stride(s).padding(k / 2)));
            break;
        case LayerKind::AvgPool:
            seq->push_back(nn::AvgPool2d(
                nn::AvgPool2dOptions(k).stride(s).padding(k / 2).count_include_pad(false)));
            break;
    }
    return seq;
}

}  // namespace

LayerModelImpl::LayerModelImpl(const LayerNetwork& network, const InputShape& input, int classes) {
    const auto shapes = stateShapes(network, input);
    m_stem = register_module("stem", nn::Sequential(conv(input.channels, network.stemFilters, 3, 1),
                                                    nn::BatchNorm2d(network.stemFilters)));
    for (std::size_t i = 0; i < network.layers.size(); ++i) {
        const auto& layer = network.layers[i];
        const auto name = std::to_string(i + 1);
        m_layers.push_back(register_module("layer" + name, layerOps(layer, shapes[i].channels)));
        m_skipFrom.push_back(layer.skipFrom);
        nn::Sequential projection{nullptr};
        if (layer.skipFrom >= 0) {
            const auto& from = shapes[static_cast<std::size_t>(layer.skipFrom)];
            const auto& out = shapes[i + 1];
            if (from.channels != out.channels || from.height != out.height) {
                // Each stride-2 layer on the way halved the map (rounding up): one 1x1
                // convolution with the product of their strides lands on the same size.
                int stride = 1;
                for (auto j = static_cast<std::size_t>(layer.skipFrom); j <= i; ++j)
                    stride *= network.layers[j].stride;
                projection = register_module(
                    "skip" + name,
                    nn::Sequential(nn::ReLU(), conv(from.channels, out.channels, 1, stride),
                                   nn::BatchNorm2d(out.channels)));
            }
        }
        m_projections.push_back(projection);
    }
    m_classifier = register_module("classifier", nn::Linear(shapes.back().channels, classes));
}

torch::Tensor LayerModelImpl::forward(const torch::Tensor& images) {
    std::vector<torch::Tensor> states{m_stem->forward(images)};
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        auto out = m_layers[i]->forward(states.back());
        if (m_skipFrom[i] >= 0) {
            const auto& from = states[static_cast<std::size_t>(m_skipFrom[i])];
            out = out + (m_projections[i] ? m_projections[i]->forward(from) : from);
        }
        states.push_back(out);
    }
    return m_classifier->forward(states.back().mean({2, 3}));
}

}  // namespace nas::space::layers
