#include "predictor/score_networks.h"

#include <torch/nn/init.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>

#include <stdexcept>
#include <string>

namespace nas::predictor {
namespace {

torch::nn::Linear unbiasedLinear(int in, int out) {
    torch::nn::Linear linear(torch::nn::LinearOptions(in, out).bias(false));
    torch::NoGradGuard noGrad;
    torch::nn::init::xavier_uniform_(linear->weight);
    return linear;
}

// Row-normalised A + I of a batch of adjacency matrices.
torch::Tensor normalised(const torch::Tensor& adjacency) {
    const auto withSelf = adjacency + torch::eye(adjacency.size(1)).unsqueeze(0);
    return withSelf / withSelf.sum(-1, /*keepdim=*/true);
}

// h' = ½ [ReLU(Â h W1) + ReLU(Âᵀ h W2)]: information flows both along the edges and against them.
// As NASLib's DirectedGraphConvolution: no bias, Xavier-uniform weights. With PyTorch's default
// Linear initialisation the signal shrinks layer by layer and four layers learned nothing.
class DirectedGraphConvImpl final : public torch::nn::Module {
  public:
    DirectedGraphConvImpl(int in, int out)
        : m_along(register_module("along", unbiasedLinear(in, out))),
          m_against(register_module("against", unbiasedLinear(in, out))) {}
    torch::Tensor forward(const torch::Tensor& h, const torch::Tensor& adjacency,
                          const torch::Tensor& transposed) {
        return 0.5 * (torch::relu(torch::bmm(adjacency, m_along(h))) +
                      torch::relu(torch::bmm(transposed, m_against(h))));
    }

  private:
    torch::nn::Linear m_along;
    torch::nn::Linear m_against;
};
TORCH_MODULE(DirectedGraphConv);

class GcnNetwork final : public ScoreNetwork {
  public:
    GcnNetwork(const PredictorOptions& o, int features)
        : m_dropout(register_module("dropout", torch::nn::Dropout(o.dropout))),
          m_hidden(register_module("hidden", unbiasedLinear(o.gcnWidth, o.headWidth))),
          m_out(register_module("out", unbiasedLinear(o.headWidth, 1))) {
        for (int l = 0; l < o.gcnLayers; ++l)
            m_layers.push_back(
                register_module("gc" + std::to_string(l),
                                DirectedGraphConv(l == 0 ? features : o.gcnWidth, o.gcnWidth)));
    }
    torch::Tensor forward(const EncodedSet& b) override {
        auto h = b.features;
        for (auto& layer : m_layers) h = m_dropout(layer(h, b.adjacency, b.transposed));
        // Mean over the architecture's nodes; padding slots do not count.
        const auto mask = b.mask.unsqueeze(-1);
        const auto pooled = (h * mask).sum(1) / mask.sum(1).clamp_min(1.0);
        // NASLib's head: two linear maps with dropout between, no activation.
        return m_out(m_dropout(m_hidden(pooled))).squeeze(-1);
    }

  private:
    std::vector<DirectedGraphConv> m_layers;
    torch::nn::Dropout m_dropout;
    torch::nn::Linear m_hidden;
    torch::nn::Linear m_out;
};

class MlpNetwork final : public ScoreNetwork {
  public:
    MlpNetwork(const PredictorOptions& o, int inputs) {
        int width = inputs;
        for (int l = 0; l < o.mlpLayers; ++l) {
            m_body->push_back(torch::nn::Linear(width, o.mlpWidth));
            m_body->push_back(torch::nn::ReLU());
            m_body->push_back(torch::nn::Dropout(o.dropout));
            width = o.mlpWidth;
        }
        m_body->push_back(torch::nn::Linear(width, 1));
        register_module("body", m_body);
    }
    torch::Tensor forward(const EncodedSet& b) override {
        return m_body->forward(b.flat).squeeze(-1);
    }

  private:
    torch::nn::Sequential m_body;
};

torch::Tensor stacked(const std::vector<float>& values, std::vector<std::int64_t> shape) {
    return torch::tensor(values, torch::kFloat).reshape(shape);
}

}  // namespace

std::int64_t EncodedSet::size() const {
    return flat.defined() ? flat.size(0) : (features.defined() ? features.size(0) : 0);
}

EncodedSet EncodedSet::select(const torch::Tensor& index) const {
    auto pick = [&](const torch::Tensor& t) {
        return t.defined() ? t.index_select(0, index) : torch::Tensor();
    };
    return {pick(adjacency), pick(transposed), pick(features), pick(mask), pick(flat)};
}

EncodedSet encodeSet(const std::vector<space::Genotype>& genotypes, const space::SpaceConfig& space,
                     PredictorModel model) {
    const auto count = static_cast<std::int64_t>(genotypes.size());
    auto failed = [](std::size_t i, const std::invalid_argument& e) {
        return std::invalid_argument("architecture " + std::to_string(i) + ": " + e.what());
    };
    EncodedSet set;
    if (model == PredictorModel::Mlp) {
        const FlatEncoding encoding(space);
        std::vector<float> flat;
        flat.reserve(genotypes.size() * static_cast<std::size_t>(encoding.size()));
        for (std::size_t i = 0; i < genotypes.size(); ++i) try {
                const auto row = encoding.encode(genotypes[i]);
                flat.insert(flat.end(), row.begin(), row.end());
            } catch (const std::invalid_argument& e) {
                throw failed(i, e);
            }
        set.flat = stacked(flat, {count, encoding.size()});
        return set;
    }
    const GraphEncoding encoding(space);
    const std::int64_t n = encoding.nodeCount(), f = encoding.featureCount();
    std::vector<float> adjacency, features, mask;
    for (std::size_t i = 0; i < genotypes.size(); ++i) try {
            const auto graph = encoding.encode(genotypes[i]);
            adjacency.insert(adjacency.end(), graph.adjacency.begin(), graph.adjacency.end());
            features.insert(features.end(), graph.features.begin(), graph.features.end());
            mask.insert(mask.end(), graph.mask.begin(), graph.mask.end());
        } catch (const std::invalid_argument& e) {
            throw failed(i, e);
        }
    const auto a = stacked(adjacency, {count, n, n});
    set.adjacency = normalised(a);
    set.transposed = normalised(a.transpose(1, 2));
    set.features = stacked(features, {count, n, f});
    set.mask = stacked(mask, {count, n});
    return set;
}

std::shared_ptr<ScoreNetwork> makeScoreNetwork(const PredictorOptions& options,
                                               const space::SpaceConfig& space) {
    if (options.model == PredictorModel::Mlp)
        return std::make_shared<MlpNetwork>(options, FlatEncoding(space).size());
    return std::make_shared<GcnNetwork>(options, GraphEncoding(space).featureCount());
}

}  // namespace nas::predictor
