#include "search/rena/edit_policy.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "search/categorical_draw.h"

namespace nas::search::rena {
namespace {

namespace nn = torch::nn;
using space::layers::Edit;
using space::layers::EditKind;
using space::layers::Layer;
using space::layers::LayerKind;
using space::layers::LayerNetwork;
using space::layers::LayerRules;

const std::vector<int> kKernels{1, 3, 5, 7};  // the kernel features and the insert kernel choice
enum ScaleMove { kHalve, kWiden, kDouble, kKernelDown, kKernelUp, kScaleMoves };
const double kScaleFactors[] = {0.5, 1.5, 2.0};
const double kInsertFactors[] = {0.5, 1.0, 2.0};

int roundedFilters(double filters, const LayerRules& rules) {
    const int rounded = static_cast<int>(std::lround(filters / 4.0)) * 4;
    return std::clamp(rounded, rules.minFilters, rules.maxFilters);
}

// The kernel next to `kernel` in the type's list, below (-1) or above (+1); 0 when none.
int neighbourKernel(const std::vector<int>& kernels, int kernel, int direction) {
    const auto at = std::find(kernels.begin(), kernels.end(), kernel);
    if (at == kernels.end()) return 0;
    const auto index = (at - kernels.begin()) + direction;
    if (index < 0 || index >= static_cast<long>(kernels.size())) return 0;
    return kernels[static_cast<std::size_t>(index)];
}

std::vector<bool> scaleMoves(const Layer& layer, const LayerRules& rules) {
    std::vector<bool> allowed(kScaleMoves, false);
    if (!space::layers::isPool(layer.kind))
        for (int m = kHalve; m <= kDouble; ++m)
            allowed[static_cast<std::size_t>(m)] =
                roundedFilters(layer.filters * kScaleFactors[m], rules) != layer.filters;
    const auto& kernels = rules.kernelsOf(layer.kind);
    allowed[kKernelDown] = neighbourKernel(kernels, layer.kernel, -1) != 0;
    allowed[kKernelUp] = neighbourKernel(kernels, layer.kernel, +1) != 0;
    return allowed;
}

bool any(const std::vector<bool>& mask) {
    return std::find(mask.begin(), mask.end(), true) != mask.end();
}

int reductions(const LayerNetwork& network) {
    int count = 0;
    for (const auto& layer : network.layers) count += layer.stride == 2 ? 1 : 0;
    return count;
}

}  // namespace

struct EditPolicyImpl::Encoded {
    torch::Tensor outputs;    // [layers, 2 * hidden]
    torch::Tensor embedding;  // [2 * hidden]
};

EditPolicyImpl::EditPolicyImpl(PolicySettings settings) : m_settings(std::move(settings)) {
    const int e = m_settings.embedding;
    const int h2 = 2 * m_settings.hidden;
    m_layerEmbedding = register_module("layer_embedding", nn::Linear(kLayerFeatures, e));
    m_lstm = register_module("lstm",
                             nn::LSTM(nn::LSTMOptions(e, m_settings.hidden).bidirectional(true)));
    m_endToken = register_parameter("end_token", torch::zeros({1, h2}));
    m_kindHead = register_module("kind", nn::Linear(h2, 3));
    m_scalePosition = register_module("scale_position", nn::Linear(h2, 1));
    m_removePosition = register_module("remove_position", nn::Linear(h2, 1));
    m_insertPosition = register_module("insert_position", nn::Linear(h2, 1));
    m_scaleMove = register_module("scale_move", nn::Linear(h2, kScaleMoves));
    m_insertType = register_module(
        "insert_type", nn::Linear(h2, static_cast<int64_t>(space::layers::allLayerKinds().size())));
    m_insertKernel =
        register_module("insert_kernel", nn::Linear(h2, static_cast<int64_t>(kKernels.size())));
    m_insertFilters = register_module("insert_filters", nn::Linear(h2, 3));
    m_insertStride = register_module("insert_stride", nn::Linear(h2, 2));
    m_insertSkip = register_module("insert_skip", nn::Linear(h2, 2));
}

torch::Tensor EditPolicyImpl::layerFeatures(const LayerNetwork& network) const {
    const auto n = static_cast<int64_t>(network.layers.size());
    auto features = torch::zeros({n, kLayerFeatures});
    auto f = features.accessor<float, 2>();
    const double scale = m_settings.rules.maxLayers;
    const auto& kinds = space::layers::allLayerKinds();
    for (int64_t i = 0; i < n; ++i) {
        const auto& layer = network.layers[static_cast<std::size_t>(i)];
        f[i][std::find(kinds.begin(), kinds.end(), layer.kind) - kinds.begin()] = 1;
        const auto kernel = std::find(kKernels.begin(), kKernels.end(), layer.kernel);
        if (kernel != kKernels.end()) f[i][5 + (kernel - kKernels.begin())] = 1;
        f[i][9] = layer.filters > 0 ? static_cast<float>(std::log2(layer.filters) / 8.0) : 0.0F;
        f[i][10] = layer.stride == 2 ? 1.0F : 0.0F;
        f[i][11] = layer.skipFrom >= 0 ? 1.0F : 0.0F;
        f[i][12] = layer.skipFrom >= 0 ? static_cast<float>((i - layer.skipFrom) / scale) : 0.0F;
        f[i][13] = static_cast<float>(i / scale);
    }
    return features;
}

EditPolicyImpl::Encoded EditPolicyImpl::encode(const LayerNetwork& network) {
    const auto device = m_endToken.device();
    const auto rows = torch::tanh(m_layerEmbedding->forward(layerFeatures(network).to(device)));
    const auto [outputs, states] = m_lstm->forward(rows.unsqueeze(1));
    const auto& finalHidden = std::get<0>(states);  // [2 directions, 1, hidden]
    return {outputs.squeeze(1), finalHidden.reshape({-1})};
}

torch::Tensor EditPolicyImpl::embed(const LayerNetwork& network) {
    return encode(network).embedding;
}

SampledEdit EditPolicyImpl::sample(const LayerNetwork& network, std::mt19937_64& rng) {
    return decide(network, &rng, nullptr);
}

SampledEdit EditPolicyImpl::replay(const LayerNetwork& network, const std::vector<int>& decisions) {
    return decide(network, nullptr, &decisions);
}

SampledEdit EditPolicyImpl::decide(const LayerNetwork& network, std::mt19937_64* rng,
                                   const std::vector<int>* forced) {
    const auto& rules = m_settings.rules;
    const auto encoded = encode(network);
    const auto n = static_cast<int>(network.layers.size());
    SampledEdit sampled;
    std::mt19937_64 unused;
    const auto draw = [&](const torch::Tensor& logits, const std::vector<bool>& allowed) {
        const auto next = sampled.decisions.size();
        if (forced && next >= forced->size())
            throw std::invalid_argument("the replayed edit has too few decisions");
        const auto d =
            drawCategorical(logits, rng ? *rng : unused, allowed, forced ? (*forced)[next] : -1);
        sampled.decisions.push_back(d.choice);
        sampled.logProb = sampled.logProb.defined() ? sampled.logProb + d.logProb : d.logProb;
        sampled.entropy += d.entropy;
        return d;
    };
    const auto row = [&](int i) { return encoded.outputs[i]; };

    std::vector<std::vector<bool>> scalable(static_cast<std::size_t>(n));
    std::vector<bool> scalePositions(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        scalable[static_cast<std::size_t>(i)] =
            scaleMoves(network.layers[static_cast<std::size_t>(i)], rules);
        scalePositions[static_cast<std::size_t>(i)] = any(scalable[static_cast<std::size_t>(i)]);
    }
    const std::vector<bool> kinds{any(scalePositions), n<rules.maxLayers, n> rules.minLayers};
    const auto kind = draw(m_kindHead->forward(encoded.embedding), kinds);
    sampled.kindProbabilities = kind.probabilities;
    Edit& edit = sampled.edit;
    if (kind.choice == 0) {
        edit.kind = EditKind::Scale;
        edit.position =
            draw(m_scalePosition->forward(encoded.outputs).reshape({-1}), scalePositions).choice;
        const auto& layer = network.layers[static_cast<std::size_t>(edit.position)];
        const auto move = draw(m_scaleMove->forward(row(edit.position)),
                               scalable[static_cast<std::size_t>(edit.position)])
                              .choice;
        const auto& kernels = rules.kernelsOf(layer.kind);
        if (move <= kDouble)
            edit.filters = roundedFilters(layer.filters * kScaleFactors[move], rules);
        else
            edit.kernel = neighbourKernel(kernels, layer.kernel, move == kKernelUp ? 1 : -1);
    } else if (kind.choice == 2) {
        edit.kind = EditKind::Remove;
        edit.position = draw(m_removePosition->forward(encoded.outputs).reshape({-1}), {}).choice;
    } else {
        edit.kind = EditKind::Insert;
        const auto positions = torch::cat({encoded.outputs, m_endToken}, 0);
        edit.position = draw(m_insertPosition->forward(positions).reshape({-1}), {}).choice;
        const auto at = positions[edit.position];
        Layer& layer = edit.layer;
        layer.kind = space::layers::allLayerKinds()[static_cast<std::size_t>(
            draw(m_insertType->forward(at), {}).choice)];
        const auto& allowedKernels = rules.kernelsOf(layer.kind);
        std::vector<bool> kernelMask;
        for (const int k : kKernels)
            kernelMask.push_back(std::find(allowedKernels.begin(), allowedKernels.end(), k) !=
                                 allowedKernels.end());
        layer.kernel = kKernels[static_cast<std::size_t>(
            draw(m_insertKernel->forward(at), kernelMask).choice)];
        if (space::layers::isPool(layer.kind)) {
            layer.filters = 0;
        } else {
            const auto input = space::layers::stateShapes(
                network, {1, 8, 8})[static_cast<std::size_t>(edit.position)];
            layer.filters = roundedFilters(
                input.channels * kInsertFactors[draw(m_insertFilters->forward(at), {}).choice],
                rules);
        }
        const bool canReduce = reductions(network) < rules.maxReductions;
        layer.stride = 1 + draw(m_insertStride->forward(at), {true, canReduce}).choice;
        layer.skipFrom = draw(m_insertSkip->forward(at), {}).choice == 1 ? edit.position : -1;
    }
    if (forced && sampled.decisions.size() != forced->size())
        throw std::invalid_argument("the replayed edit has more decisions than this one");
    return sampled;
}

}  // namespace nas::search::rena
