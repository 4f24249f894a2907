#pragma once
// ENAS's micro-search controller: a one-layer LSTM that writes a cell node by node. Per node it
// picks two inputs by attention over the anchors of earlier states, then an op for each, then runs
// one more step to make the node's own anchor. The reduction cell continues from the state the
// normal cell ended in.
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <random>
#include <string>
#include <vector>

#include "space/genotype.h"

namespace nas::search::enas {

struct ControllerSettings {
    int lstmSize = 64;
    int nodes = 4;                       // intermediate nodes per cell
    double tanhConstant = 1.1;           // 0: logits unshaped
    double opTanhReduce = 2.5;           // op logits are shaped by tanhConstant / opTanhReduce
    bool opBias = true;                  // the authors' preference for separable convolutions
    std::vector<std::string> normalOps;  // the ops it chooses from, none excluded
    std::vector<std::string> reduceOps;
};

// The LSTM's memory and output, [1, lstmSize] each.
struct ControllerState {
    torch::Tensor c, h;
};

// One pass of the controller over both cells.
struct ControllerPass {
    // Per cell (normal, then reduce), per node: first input, second input, first op, second op.
    // Inputs are states (0, 1: the cell inputs; 2 + i: node i); ops index the cell's op list.
    std::vector<int> decisions;
    torch::Tensor logProb;  // sum over decisions of log p, with its graph
    double entropy = 0;     // sum over decisions of the policy's entropy (nats)
    std::vector<std::vector<double>> distributions;  // the probabilities each decision drew from
    torch::Tensor decisionStates;  // [decisions, lstmSize]: the state that made each decision
    torch::Tensor finalState;      // [lstmSize]: the state after the reduction cell's last node
    ControllerState end;           // the same, with the LSTM's memory
};

class ControllerImpl final : public torch::nn::Module {
  public:
    explicit ControllerImpl(ControllerSettings settings);

    // Samples each decision with `rng`, from the zero state (as ENAS does) or from `start`.
    [[nodiscard]] ControllerPass sample(std::mt19937_64& rng,
                                        const ControllerState* start = nullptr);
    // Replays `decisions` (teacher forcing): their log-probability and the states they lead to.
    [[nodiscard]] ControllerPass replay(const std::vector<int>& decisions);

    [[nodiscard]] space::Genotype genotypeOf(const std::vector<int>& decisions) const;
    [[nodiscard]] int decisionsPerCell() const { return 4 * m_settings.nodes; }
    [[nodiscard]] const ControllerSettings& settings() const { return m_settings; }

  private:
    using State = ControllerState;
    [[nodiscard]] ControllerPass run(const ControllerState* start, std::mt19937_64* rng,
                                     const std::vector<int>* forced);
    [[nodiscard]] State lstm(const torch::Tensor& input, const State& state) const;
    // One cell's decisions; `forced` replays, else `rng` samples.
    void writeCell(bool reduction, State& state, ControllerPass& pass, std::mt19937_64* rng,
                   const std::vector<int>* forced);
    [[nodiscard]] int choose(const torch::Tensor& logits, ControllerPass& pass,
                             std::mt19937_64* rng, const std::vector<int>* forced);

    ControllerSettings m_settings;
    torch::Tensor m_lstmWeight;  // [2H, 4H]: input and hidden to the four gates, no bias
    torch::Tensor m_startInput;  // [1, H]: the input of each node's first step
    torch::Tensor m_normalOpEmbedding, m_reduceOpEmbedding;  // [ops, H]
    torch::Tensor m_normalOpWeight, m_reduceOpWeight;        // [H, ops]
    torch::Tensor m_normalOpBias, m_reduceOpBias;            // [1, ops], learned
    torch::Tensor m_fixedOpBias;  // [1, normal ops]: added in normal cells when opBias
    torch::Tensor m_attentionKey, m_attentionQuery;  // [H, H]
    torch::Tensor m_attentionScore;                  // [H, 1]
    std::vector<torch::Tensor> m_decisionStates;     // collected during one pass
};
TORCH_MODULE(Controller);

}  // namespace nas::search::enas
