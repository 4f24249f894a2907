#include "search/snas/snas.h"

#include <torch/nn/functional/loss.h>

#include <algorithm>
#include <optional>

#include "space/latency.h"
#include "space/op_catalogue.h"

namespace nas::search {
namespace {

torch::Tensor initialLogAlphas(const engine::SearchConfig& config, bool reduction) {
    const auto& ops = reduction ? config.space.reduceOps : config.space.normalOps;
    return 1.0 +
           0.01 * torch::randn({config.space.edgesPerCell(), static_cast<int64_t>(ops.size())});
}

torch::Tensor costTable(const engine::SearchConfig& config, bool reduction) {
    const auto table = space::edgeOpCosts(config.space, reduction);
    const auto edges = static_cast<int64_t>(table.size());
    const auto ops = static_cast<int64_t>(table.front().size());
    auto t = torch::zeros({3, edges, ops}, torch::kDouble);
    auto acc = t.accessor<double, 3>();
    for (int64_t e = 0; e < edges; ++e)
        for (int64_t k = 0; k < ops; ++k) {
            acc[0][e][k] = table[e][k].params;
            acc[1][e][k] = table[e][k].flops;
            acc[2][e][k] = table[e][k].mac;
        }
    return t.to(torch::kFloat);
}

// [cells of the type, 3, edges, ops]: each cell's own op costs (params, FLOPs, MAC).
torch::Tensor cellCostTable(const engine::SearchConfig& config, bool reduction) {
    const auto& ops = reduction ? config.space.reduceOps : config.space.normalOps;
    const int edges = config.space.edgesPerCell();
    std::vector<torch::Tensor> cells;
    for (const auto& s : space::cellShapes(config.space, config.space.nodes)) {
        if (s.reduction != reduction) continue;
        auto t = torch::zeros({3, edges, static_cast<int64_t>(ops.size())}, torch::kDouble);
        auto acc = t.accessor<double, 3>();
        for (int e = 0; e < edges; ++e) {
            const int stride = reduction && space::edgeSource(e) < 2 ? 2 : 1;
            for (size_t k = 0; k < ops.size(); ++k) {
                const auto c = space::opCost(space::opKindFromName(ops[k]), s.c, stride, s.outH,
                                             s.outW, false);
                acc[0][e][static_cast<int64_t>(k)] = c.params;
                acc[1][e][static_cast<int64_t>(k)] = c.flops;
                acc[2][e][static_cast<int64_t>(k)] = c.mac;
            }
        }
        cells.push_back(t);
    }
    if (cells.empty()) return torch::zeros({0, 3, edges, static_cast<int64_t>(ops.size())});
    return torch::stack(cells).to(torch::kFloat);
}

}  // namespace

SnasStrategy::SnasStrategy(const engine::SearchConfig& config, torch::Device device)
    : CellSearchStrategy(config, device, initialLogAlphas(config, false),
                         initialLogAlphas(config, true)),
      m_options(SnasOptions::read(config)),
      m_temperature(m_options.tau0),
      m_costNormal(costTable(config, false).to(device)),
      m_costReduce(costTable(config, true).to(device)),
      m_cellCostNormal(cellCostTable(config, false).to(device)),
      m_cellCostReduce(cellCostTable(config, true).to(device)),
      m_fixedCost(space::fixedNetworkCost(config.space, config.space.nodes, false)) {}

SnasOptions SnasOptions::read(const engine::SearchConfig& config) {
    SnasOptions o;
    o.tau0 = realOption(config, "snas", "tau0");
    o.tauMin = realOption(config, "snas", "tau_min");
    o.costForm = wordOption(config, "snas", "cost_form");
    o.penaltyScope = wordOption(config, "snas", "penalty_scope");
    o.archGradClip = realOption(config, "snas", "arch_grad_clip");
    o.dropPathProb = realOption(config, "snas", "drop_path_prob");
    return o;
}

void SnasStrategy::beginEpoch(int epoch) {
    CellSearchStrategy::beginEpoch(epoch);
    // Linear from tau0 at the first epoch to tau_min at the last.
    const auto& s = m_options;
    const double progress =
        m_config.epochs > 1 ? static_cast<double>(epoch) / (m_config.epochs - 1) : 1.0;
    m_temperature = s.tau0 - (s.tau0 - s.tauMin) * std::min(1.0, progress);
}

torch::Tensor SnasStrategy::relaxedSample(const torch::Tensor& logAlpha) const {
    // Z = softmax((log alpha + G) / tau), G = -log(-log U).
    // The noise is drawn by the CPU's generator whatever the device: the checkpoint keeps that
    // generator's state, so a resumed search draws what the uninterrupted one would have (and a
    // seed gives the same samples on a GPU as on the CPU). The tensor is one row per edge: cheap.
    auto u = torch::rand(logAlpha.sizes(), logAlpha.options().device(torch::kCPU))
                 .to(logAlpha.device())
                 .clamp(1e-10, 1.0 - 1e-7);
    auto gumbel = -torch::log(-torch::log(u));
    return torch::softmax((logAlpha + gumbel) / m_temperature, -1);
}

void SnasStrategy::ensureLatencyTables() {
    if (m_latencyNormal.defined()) return;
    auto toTensor = [this](const std::vector<std::vector<double>>& table) {
        std::vector<double> flat;
        for (const auto& row : table) flat.insert(flat.end(), row.begin(), row.end());
        return torch::tensor(flat, torch::kDouble)
            .view({static_cast<int64_t>(table.size()), -1})
            .to(torch::kFloat)
            .to(m_device);
    };
    m_latencyNormal = toTensor(space::edgeOpLatencyMs(m_config.space, false, m_device));
    m_latencyReduce = toTensor(space::edgeOpLatencyMs(m_config.space, true, m_device));
}

torch::Tensor SnasStrategy::resourcePenalty(const torch::Tensor& zNormal,
                                            const torch::Tensor& zReduce) {
    return m_options.penaltyScope == "global" ? globalPenalty(zNormal, zReduce)
                                              : localPenalty(zNormal, zReduce);
}

std::vector<double> SnasStrategy::overBudget(const torch::Tensor& zNormal,
                                             const torch::Tensor& zReduce) {
    torch::NoGradGuard noGrad;
    const auto expected = (m_costNormal * zNormal.unsqueeze(0)).sum({1, 2}) +
                          (m_costReduce * zReduce.unsqueeze(0)).sum({1, 2});
    const std::vector<double> fixed{m_fixedCost.params, m_fixedCost.flops, m_fixedCost.mac};
    const std::vector<std::optional<double>> budgets{m_constraints.maxParams,
                                                     m_constraints.maxFlops, m_constraints.maxMac};
    std::vector<double> gates;
    for (int x = 0; x < 3; ++x) {
        const auto& budget = budgets[static_cast<size_t>(x)];
        gates.push_back(
            !budget || expected[x].item<double>() + fixed[static_cast<size_t>(x)] > *budget ? 1.0
                                                                                            : 0.0);
    }
    if (m_constraints.maxLatencyMs) {
        ensureLatencyTables();
        const double ms =
            ((m_latencyNormal * zNormal).sum() + (m_latencyReduce * zReduce).sum()).item<double>();
        gates.push_back(ms > *m_constraints.maxLatencyMs ? 1.0 : 0.0);
    }
    return gates;
}

torch::Tensor SnasStrategy::localCellTypePenalty(const torch::Tensor& z,
                                                 const torch::Tensor& cellCosts,
                                                 const torch::Tensor& latency,
                                                 const std::vector<double>& gates) const {
    const auto cells = cellCosts.size(0);
    if (cells == 0) return torch::zeros({}, z.options());
    // [cells, 3, edges]: each edge's expected cost under the sample, cell by cell.
    const auto perEdge = (cellCosts * z.unsqueeze(0).unsqueeze(0)).sum(-1);
    const auto gate =
        torch::tensor(std::vector<double>(gates.begin(), gates.begin() + 3), z.options())
            .view({1, 3, 1});
    const bool log = m_options.costForm == "log";
    torch::Tensor total;
    if (log) {
        total = (gate * torch::log(torch::clamp_min(perEdge, 1.0))).sum();
    } else {
        const auto weights =
            torch::tensor(std::vector<double>{2.0, 1.0 / 4000, 1.0 / 100}, z.options())
                .view({1, 3, 1});
        total = 0.43 * (gate * weights * perEdge).sum();
    }
    if (latency.defined()) {
        // The latency table is summed over the type's cells: its per-cell mean per edge, in
        // microseconds so that the log of a typical op's time is positive.
        const auto us = 1000.0 * (latency * z).sum(-1) / static_cast<double>(cells);
        total = total + gates[3] * static_cast<double>(cells) *
                            (log ? torch::log(torch::clamp_min(us, 1.0)).sum() : us.sum());
    }
    // The log form averages the resources' logs, as SNAS's code does for its three.
    if (log) total = total / static_cast<double>(gates.size());
    return total / static_cast<double>(cells);
}

torch::Tensor SnasStrategy::localPenalty(const torch::Tensor& zNormal,
                                         const torch::Tensor& zReduce) {
    const auto gates = overBudget(zNormal, zReduce);
    const bool latency = gates.size() > 3;
    return localCellTypePenalty(zNormal, m_cellCostNormal,
                                latency ? m_latencyNormal : torch::Tensor(), gates) +
           localCellTypePenalty(zReduce, m_cellCostReduce,
                                latency ? m_latencyReduce : torch::Tensor(), gates);
}

torch::Tensor SnasStrategy::globalPenalty(const torch::Tensor& zNormal,
                                          const torch::Tensor& zReduce) {
    // Per resource x: R_x = sum over cells and edges of sum_k Z_k cost_x(op_k), plus the fixed
    // part.
    const auto expected = (m_costNormal * zNormal.unsqueeze(0)).sum({1, 2}) +
                          (m_costReduce * zReduce.unsqueeze(0)).sum({1, 2});
    const std::vector<double> fixed{m_fixedCost.params, m_fixedCost.flops, m_fixedCost.mac};
    const std::vector<std::optional<double>> budgets{m_constraints.maxParams,
                                                     m_constraints.maxFlops, m_constraints.maxMac};
    std::vector<torch::Tensor> terms;
    for (int x = 0; x < 3; ++x) {
        auto total = expected[x] + fixed[static_cast<size_t>(x)];
        // With a budget only the excess is penalised; without one the cost itself, as in SNAS.
        if (budgets[static_cast<size_t>(x)]) total = total / *budgets[static_cast<size_t>(x)];
        if (m_options.costForm == "log") {
            terms.push_back(torch::log(torch::clamp_min(total, 1.0)));
        } else {
            terms.push_back(budgets[static_cast<size_t>(x)]
                                ? torch::relu(total - 1.0)
                                : total / (fixed[static_cast<size_t>(x)] + 1.0));
        }
    }
    if (m_constraints.maxLatencyMs) {
        // Latency of the ops alone, against the limit for the whole network: a lower bound, so the
        // term only ever asks for less than the limit allows.
        ensureLatencyTables();
        const auto ratio = ((m_latencyNormal * zNormal).sum() + (m_latencyReduce * zReduce).sum()) /
                           *m_constraints.maxLatencyMs;
        terms.push_back(m_options.costForm == "log" ? torch::log(torch::clamp_min(ratio, 1.0))
                                                    : torch::relu(ratio - 1.0));
    }
    return torch::stack(terms).mean();
}

StepResult SnasStrategy::step(const Batch& train, const Batch&) {
    space::EdgeMixing normal, reduce;
    normal.weights = relaxedSample(m_alphaNormal);
    reduce.weights = relaxedSample(m_alphaReduce);
    normal.dropPath = reduce.dropPath = m_options.dropPathProb;
    m_supernet->zero_grad(/*set_to_none=*/true);  // untouched ops keep no gradient: SGD skips them
    m_archOptimizer->zero_grad();
    const auto logits = m_supernet->forward(train.images, normal, reduce);
    const auto ce = torch::cross_entropy_loss(logits, train.labels);
    auto total = ce;
    std::optional<double> penalty;
    if (m_constraints.strength > 0) {
        const auto term = m_constraints.strength * resourcePenalty(normal.weights, reduce.weights);
        total = ce + term;
        penalty = term.item<double>();
    }
    // One backward pass feeds both the weights and the architecture.
    total.backward();
    stepWeights();
    stepArchitecture(m_options.archGradClip);
    auto r = result(ce, logits, train.labels);
    if (penalty) r.scalars.emplace_back("resource penalty", *penalty);  // the λ-weighted term
    return r;
}

space::Genotype SnasStrategy::derive() const {
    space::Genotype g;
    // Built as SNAS-Series' code builds its genotypes (pools with an affine BatchNorm) and written
    // in their 14-edge form.
    g.style = space::BuildStyle::Snas;
    for (bool reduction : {false, true}) {
        const auto best = probabilities(reduction).argmax(-1);
        const auto& list = ops(reduction);
        space::CellGenotype cell;
        for (int e = 0; e < m_config.space.edgesPerCell(); ++e) {
            const auto& op = list[static_cast<size_t>(best[e].item<int64_t>())];
            if (op != "none")
                cell.edges.push_back({op, space::edgeSource(e), space::edgeTarget(e)});
        }
        for (int node = 0; node < m_config.space.nodes; ++node) cell.concat.push_back(node + 2);
        (reduction ? g.reduce : g.normal) = cell;
    }
    return g;
}

}  // namespace nas::search

namespace nas::search::snas {

// The registry's factory for this strategy (search/strategy_factory.cpp attaches it).
std::unique_ptr<SearchStrategy> makeStrategy(const engine::SearchConfig& config,
                                             const StrategyContext& context) {
    return std::make_unique<SnasStrategy>(config, context.device);
}

}  // namespace nas::search::snas
