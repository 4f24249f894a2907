#include "search/enas/controller.h"

#include <torch/nn/init.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "search/categorical_draw.h"

namespace nas::search::enas {
namespace {

// The authors' ops 0 and 1 (3x3 and 5x5 separable convolutions) are the ones their controller's
// bias favours; ours are found by name, as our op lists are ordered otherwise.
bool favoured(const std::string& op) { return op == "sep_conv_3x3" || op == "sep_conv_5x5"; }

torch::Tensor learnedOpBias(const std::vector<std::string>& ops, bool opBias) {
    auto bias = torch::zeros({1, static_cast<int64_t>(ops.size())});
    if (opBias)
        for (size_t k = 0; k < ops.size(); ++k)
            if (favoured(ops[k])) bias[0][static_cast<int64_t>(k)] = 10.0;
    return bias;
}

}  // namespace

ControllerImpl::ControllerImpl(ControllerSettings settings) : m_settings(std::move(settings)) {
    if (m_settings.normalOps.empty() || m_settings.reduceOps.empty())
        throw std::invalid_argument("the ENAS controller needs at least one op per cell type");
    const int64_t h = m_settings.lstmSize;
    // Every weight uniform in [-0.1, 0.1], as the authors initialise theirs.
    auto uniform = [](std::vector<int64_t> shape) {
        return torch::empty(shape).uniform_(-0.1, 0.1);
    };
    const auto normalOps = static_cast<int64_t>(m_settings.normalOps.size());
    const auto reduceOps = static_cast<int64_t>(m_settings.reduceOps.size());
    m_lstmWeight = register_parameter("lstm_weight", uniform({2 * h, 4 * h}));
    m_startInput = register_parameter("start_input", uniform({1, h}));
    m_normalOpEmbedding = register_parameter("op_embedding", uniform({normalOps, h}));
    m_normalOpWeight = register_parameter("op_weight", uniform({h, normalOps}));
    m_normalOpBias =
        register_parameter("op_bias", learnedOpBias(m_settings.normalOps, m_settings.opBias));
    // One op set for both cells shares one set of op weights, as in the authors' controller.
    if (m_settings.reduceOps == m_settings.normalOps) {
        m_reduceOpEmbedding = m_normalOpEmbedding;
        m_reduceOpWeight = m_normalOpWeight;
        m_reduceOpBias = m_normalOpBias;
    } else {
        m_reduceOpEmbedding = register_parameter("reduce_op_embedding", uniform({reduceOps, h}));
        m_reduceOpWeight = register_parameter("reduce_op_weight", uniform({h, reduceOps}));
        m_reduceOpBias = register_parameter("reduce_op_bias",
                                            learnedOpBias(m_settings.reduceOps, m_settings.opBias));
    }
    m_fixedOpBias = torch::full({1, normalOps}, -0.25);
    for (size_t k = 0; k < m_settings.normalOps.size(); ++k)
        if (favoured(m_settings.normalOps[k])) m_fixedOpBias[0][static_cast<int64_t>(k)] = 0.25;
    m_fixedOpBias = register_buffer("fixed_op_bias", m_fixedOpBias);
    m_attentionKey = register_parameter("attention_key", uniform({h, h}));
    m_attentionQuery = register_parameter("attention_query", uniform({h, h}));
    m_attentionScore = register_parameter("attention_score", uniform({h, 1}));
}

ControllerImpl::State ControllerImpl::lstm(const torch::Tensor& input, const State& state) const {
    const auto gates = torch::cat({input, state.h}, 1).matmul(m_lstmWeight).chunk(4, 1);
    const auto in = torch::sigmoid(gates[0]);
    const auto forget = torch::sigmoid(gates[1]);
    const auto out = torch::sigmoid(gates[2]);
    const auto candidate = torch::tanh(gates[3]);
    State next;
    next.c = in * candidate + forget * state.c;
    next.h = out * torch::tanh(next.c);
    return next;
}

int ControllerImpl::choose(const torch::Tensor& logits, ControllerPass& pass, std::mt19937_64* rng,
                           const std::vector<int>* forced) {
    const auto logp = torch::log_softmax(logits.reshape({-1}), 0);
    const auto p = logp.detach().exp().to(torch::kDouble).contiguous();
    const auto* probs = p.data_ptr<double>();
    const auto n = static_cast<int>(p.numel());
    int choice = 0;
    if (forced) {
        choice = (*forced)[pass.decisions.size()];
        if (choice < 0 || choice >= n || probs[choice] <= 0)
            throw std::invalid_argument("decision " + std::to_string(pass.decisions.size()) + " (" +
                                        std::to_string(choice) +
                                        ") is not one the controller can make");
    } else {
        // Inverse-CDF draw from the controller's own probabilities, by our generator.
        const double u = uniformUnit(*rng);
        double cumulative = 0;
        choice = -1;
        for (int k = 0; k < n; ++k) {
            if (probs[k] <= 0) continue;
            cumulative += probs[k];
            choice = k;
            if (u < cumulative) break;
        }
    }
    pass.distributions.emplace_back(probs, probs + n);
    double entropy = 0;
    for (int k = 0; k < n; ++k)
        if (probs[k] > 0) entropy -= probs[k] * std::log(probs[k]);
    pass.entropy += entropy;
    pass.logProb = pass.logProb.defined() ? pass.logProb + logp[choice] : logp[choice];
    pass.decisions.push_back(choice);
    return choice;
}

void ControllerImpl::writeCell(bool reduction, State& state, ControllerPass& pass,
                               std::mt19937_64* rng, const std::vector<int>* forced) {
    const auto& embedding = reduction ? m_reduceOpEmbedding : m_normalOpEmbedding;
    const auto& opWeight = reduction ? m_reduceOpWeight : m_normalOpWeight;
    const auto& opBias = reduction ? m_reduceOpBias : m_normalOpBias;
    const double indexScale = m_settings.tanhConstant;
    const double opScale = m_settings.tanhConstant / m_settings.opTanhReduce;
    auto shape = [](const torch::Tensor& logits, double scale) {
        return scale > 0 ? scale * torch::tanh(logits) : logits;
    };
    // The two cell inputs: their anchors are zeros, their attention keys come from the state.
    std::vector<torch::Tensor> anchors, keys;
    for (int input = 0; input < 2; ++input) {
        state = lstm(m_startInput, state);
        anchors.push_back(torch::zeros_like(state.h));
        keys.push_back(state.h.matmul(m_attentionKey));
    }
    torch::Tensor input = m_startInput;
    for (int node = 0; node < m_settings.nodes; ++node) {
        const auto allKeys = torch::cat(keys, 0);  // [states, H]
        int first = -1;
        for (int pick = 0; pick < 2; ++pick) {
            state = lstm(input, state);
            m_decisionStates.push_back(state.h);
            auto logits = torch::tanh(allKeys + state.h.matmul(m_attentionQuery))
                              .matmul(m_attentionScore)
                              .reshape({1, -1});
            logits = shape(logits, indexScale);
            // Two distinct inputs: each edge of our cell carries one op (the authors' controller
            // may pick one input twice).
            if (pick == 1) {
                auto mask = torch::zeros_like(logits);
                mask[0][first] = -std::numeric_limits<float>::infinity();
                logits = logits + mask;
            }
            const int chosen = choose(logits, pass, rng, forced);
            if (pick == 0) first = chosen;
            input = anchors[static_cast<size_t>(chosen)];
        }
        for (int pick = 0; pick < 2; ++pick) {
            state = lstm(input, state);
            m_decisionStates.push_back(state.h);
            auto logits = shape(state.h.matmul(opWeight) + opBias, opScale);
            if (!reduction && m_settings.opBias) logits = logits + m_fixedOpBias;
            const int op = choose(logits, pass, rng, forced);
            input = embedding[op].unsqueeze(0);
        }
        state = lstm(input, state);
        anchors.push_back(state.h);
        keys.push_back(state.h.matmul(m_attentionKey));
        input = m_startInput;
    }
}

ControllerPass ControllerImpl::run(const ControllerState* start, std::mt19937_64* rng,
                                   const std::vector<int>* forced) {
    ControllerPass pass;
    m_decisionStates.clear();
    const auto zeros = torch::zeros({1, m_settings.lstmSize});
    State state = start ? *start : State{zeros, zeros};
    writeCell(false, state, pass, rng, forced);
    writeCell(true, state, pass, rng, forced);
    pass.decisionStates = torch::cat(m_decisionStates, 0);
    pass.finalState = state.h.reshape({-1});
    pass.end = state;
    m_decisionStates.clear();
    return pass;
}

ControllerPass ControllerImpl::sample(std::mt19937_64& rng, const ControllerState* start) {
    return run(start, &rng, nullptr);
}

ControllerPass ControllerImpl::replay(const std::vector<int>& decisions) {
    if (decisions.size() != static_cast<size_t>(2 * decisionsPerCell()))
        throw std::invalid_argument("an ENAS architecture has " +
                                    std::to_string(2 * decisionsPerCell()) + " decisions, not " +
                                    std::to_string(decisions.size()));
    return run(nullptr, nullptr, &decisions);
}

space::Genotype ControllerImpl::genotypeOf(const std::vector<int>& decisions) const {
    auto cell = [&](int offset, const std::vector<std::string>& ops) {
        space::CellGenotype genotype;
        for (int node = 0; node < m_settings.nodes; ++node) {
            const auto* d = &decisions[static_cast<size_t>(offset + 4 * node)];
            // Edges ordered by source, as the genotype's string form lists them.
            const bool swap = d[0] > d[1];
            const int a = swap ? 1 : 0, b = swap ? 0 : 1;
            genotype.edges.push_back({ops[static_cast<size_t>(d[2 + a])], d[a], node});
            genotype.edges.push_back({ops[static_cast<size_t>(d[2 + b])], d[b], node});
            genotype.concat.push_back(node + 2);
        }
        return genotype;
    };
    return {cell(0, m_settings.normalOps), cell(decisionsPerCell(), m_settings.reduceOps)};
}

}  // namespace nas::search::enas
