#pragma once
// RENA's policy network: it reads an embedding of the current network (per-layer features through
// a bidirectional LSTM) and emits one edit of it as a short sequence of decisions:
//   kind       scale, insert or remove (read from the network embedding)
//   position   which layer (scale, remove) or where a new layer goes (insert), by attention over
//              the layers' LSTM outputs (an end token for "after the last")
//   scale      filters x0.5, x1.5, x2, kernel down, kernel up (read at that layer)
//   insert     type, kernel, filters (x0.5, x1, x2 of its input's channels), stride, skip (none
//              or from its input) (read at that position)
// Decisions that would break the space's rules are masked out where the rule is local (a pool has
// no filters, the kernels of a type, the layer-count bounds, the stride-2 budget); what is left
// (e.g. filters past a bound after rounding) the space refuses and the strategy scores as such.
// Torch code.
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/rnn.h>

#include <random>
#include <vector>

#include "space/layers/layer_edits.h"
#include "space/layers/layer_network.h"

namespace nas::search::rena {

struct PolicySettings {
    int embedding = 32;  // per-layer embedding
    int hidden = 32;     // LSTM units per direction
    space::layers::LayerRules rules;
};

struct SampledEdit {
    space::layers::Edit edit;
    std::vector<int> decisions;             // every decision's choice, in order: replays the edit
    torch::Tensor logProb;                  // of all decisions together, differentiable
    double entropy = 0;                     // summed over the decisions
    std::vector<double> kindProbabilities;  // scale, insert, remove: for the views
};

class EditPolicyImpl final : public torch::nn::Module {
  public:
    explicit EditPolicyImpl(PolicySettings settings);
    // Draws one edit of `network` with `rng`.
    [[nodiscard]] SampledEdit sample(const space::layers::LayerNetwork& network,
                                     std::mt19937_64& rng);
    // The same edit again from its decisions, with a fresh log-probability under today's
    // weights (a resumed search's update, a test). Throws std::invalid_argument for decisions the
    // policy cannot make on `network`.
    [[nodiscard]] SampledEdit replay(const space::layers::LayerNetwork& network,
                                     const std::vector<int>& decisions);
    // Per-layer features (rows) the LSTM reads, [layers, features].
    [[nodiscard]] torch::Tensor layerFeatures(const space::layers::LayerNetwork& network) const;
    // The network embedding (both directions' final states), [2 * hidden].
    [[nodiscard]] torch::Tensor embed(const space::layers::LayerNetwork& network);
    [[nodiscard]] const PolicySettings& settings() const { return m_settings; }

  private:
    struct Encoded;
    [[nodiscard]] Encoded encode(const space::layers::LayerNetwork& network);
    [[nodiscard]] SampledEdit decide(const space::layers::LayerNetwork& network,
                                     std::mt19937_64* rng, const std::vector<int>* forced);

    PolicySettings m_settings;
    torch::nn::Linear m_layerEmbedding{nullptr};
    torch::nn::LSTM m_lstm{nullptr};
    torch::Tensor m_endToken;  // the "after the last layer" position
    torch::nn::Linear m_kindHead{nullptr};
    torch::nn::Linear m_scalePosition{nullptr};
    torch::nn::Linear m_removePosition{nullptr};
    torch::nn::Linear m_insertPosition{nullptr};
    torch::nn::Linear m_scaleMove{nullptr};
    torch::nn::Linear m_insertType{nullptr};
    torch::nn::Linear m_insertKernel{nullptr};
    torch::nn::Linear m_insertFilters{nullptr};
    torch::nn::Linear m_insertStride{nullptr};
    torch::nn::Linear m_insertSkip{nullptr};
};
TORCH_MODULE(EditPolicy);

// The number of features layerFeatures gives each layer.
inline constexpr int kLayerFeatures = 14;

}  // namespace nas::search::rena
