#include "search/enas/enas.h"

#include <torch/nn/functional/loss.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "search/archive_text.h"
#include "space/op_catalogue.h"

namespace nas::search::enas {
namespace {

engine::SampleTensor sampleTensor(const std::string& name, const torch::Tensor& t) {
    const auto c = t.detach().to(torch::kFloat).contiguous().cpu();
    engine::SampleTensor out;
    out.name = name;
    out.shape = c.sizes().vec();
    out.values.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    return out;
}

}  // namespace

EnasOptions EnasOptions::read(const engine::SearchConfig& config) {
    auto whole = [&config](const char* key) {
        return static_cast<int>(wholeOption(config, "enas", key));
    };
    auto real = [&config](const char* key) { return realOption(config, "enas", key); };
    EnasOptions o;
    o.controller.lstmSize = whole("lstm_size");
    o.controller.nodes = config.space.nodes;
    o.controller.tanhConstant = real("tanh_constant");
    o.controller.opTanhReduce = real("op_tanh_reduce");
    o.controller.opBias = flagOption(config, "enas", "op_bias");
    o.controller.normalOps = space::withoutNone(config.space.normalOps);
    o.controller.reduceOps = space::withoutNone(config.space.reduceOps);
    o.entropyWeight = real("entropy_weight");
    o.baselineDecay = real("baseline_decay");
    o.lr = real("lr");
    o.trainSteps = whole("train_steps");
    o.numAggregate = whole("num_aggregate");
    o.deriveSamples = whole("derive_samples");
    o.deriveBatches = whole("derive_batches");
    o.bnMode = wordOption(config, "enas", "bn_mode");
    o.buffer = flagOption(config, "enas", "memory_buffer.enabled");
    o.bufferStartEpoch = whole("memory_buffer.start_epoch");
    o.bufferCapacity = whole("memory_buffer.capacity");
    o.bufferLossStartEpoch = whole("memory_buffer.loss_start_epoch");
    o.bufferBatch = whole("memory_buffer.batch");
    o.bufferWeight = real("memory_buffer.weight");
    return o;
}

EnasStrategy::EnasStrategy(const engine::SearchConfig& config, torch::Device device)
    : CellSearchStrategy(config, device,
                         torch::zeros({config.space.edgesPerCell(),
                                       static_cast<int64_t>(config.space.normalOps.size())}),
                         torch::zeros({config.space.edgesPerCell(),
                                       static_cast<int64_t>(config.space.reduceOps.size())})),
      m_options(EnasOptions::read(config)),
      m_controller(m_options.controller),
      m_rng(config.seed),
      m_buffer(m_options.buffer ? static_cast<size_t>(m_options.bufferCapacity) : 0) {
    // The controller is small and sequential: it stays on the CPU whatever the supernet's device.
    m_controllerOptimizer = std::make_unique<torch::optim::Adam>(
        m_controller->parameters(),
        torch::optim::AdamOptions(m_options.lr).betas({0.0, 0.999}).eps(1e-3));
    for (int cell = 0; cell < 2; ++cell) {
        const auto shape = std::vector<int64_t>{config.space.edgesPerCell(),
                                                static_cast<int64_t>(ops(cell == 1).size())};
        m_counts[cell] = torch::zeros(shape, torch::kDouble);
        m_lastCounts[cell] = torch::zeros(shape, torch::kDouble);
    }
}

void EnasStrategy::beginEpoch(int epoch) {
    CellSearchStrategy::beginEpoch(epoch);
    // A resumed epoch keeps the counts its first part made.
    if (epoch == m_countEpoch) return;
    if (m_countSamples > 0) {
        m_lastCounts = {m_counts[0].clone(), m_counts[1].clone()};
        m_lastSamples = m_countSamples;
    }
    for (auto& c : m_counts) c.zero_();
    m_countSamples = 0;
    m_countEpoch = epoch;
}

void EnasStrategy::count(const std::vector<int>& decisions) {
    const auto genotype = m_controller->genotypeOf(decisions);
    for (int cell = 0; cell < 2; ++cell) {
        const auto& list = ops(cell == 1);
        auto acc = m_counts[cell].accessor<double, 2>();
        for (const auto& edge : (cell == 0 ? genotype.normal : genotype.reduce).edges) {
            const auto k = std::find(list.begin(), list.end(), edge.op) - list.begin();
            acc[space::edgeIndex(edge.from, edge.to)][k] += 1;
        }
    }
    ++m_countSamples;
}

StepResult EnasStrategy::step(const Batch& train, const Batch&) {
    std::vector<int> decisions;
    {
        torch::NoGradGuard noGrad;
        decisions = m_controller->sample(m_rng).decisions;
    }
    count(decisions);
    const auto genotype = m_controller->genotypeOf(decisions);
    ++m_steps;
    m_supernet->zero_grad(/*set_to_none=*/true);
    const auto logits = subnetLogits(genotype, train.images);
    const auto loss = torch::cross_entropy_loss(logits, train.labels);
    loss.backward();
    stepWeights();
    return result(loss, logits, train.labels);
}

engine::SampledArchitecture EnasStrategy::record(const ControllerPass& pass, int epoch,
                                                 double accuracy) const {
    engine::SampledArchitecture a;
    a.step = m_steps;
    a.epoch = epoch;
    a.genotype = m_controller->genotypeOf(pass.decisions);
    a.score = accuracy;
    const auto final = sampleTensor("", pass.finalState);
    a.hiddenState = final.values;
    a.tensors.push_back(sampleTensor("decision_states", pass.decisionStates));
    // The decisions themselves, so that a probe can replay the sample exactly.
    std::vector<float> decisions(pass.decisions.begin(), pass.decisions.end());
    a.tensors.push_back({"decisions", {static_cast<std::int64_t>(decisions.size())}, decisions});
    a.metrics.push_back({"entropy", pass.entropy});
    return a;
}

double EnasStrategy::reconstructionLoss(const std::vector<std::vector<int>>& decisions) {
    torch::NoGradGuard noGrad;
    double total = 0;
    for (const auto& d : decisions) total -= m_controller->replay(d).logProb.item<double>();
    return decisions.empty() ? 0.0 : total / static_cast<double>(decisions.size());
}

void EnasStrategy::updateController(int epoch, const AccuracyOf& accuracyOf) {
    m_controllerOptimizer->zero_grad();
    const size_t firstRecord = m_sampled.size();
    torch::Tensor policyLoss = torch::zeros({});
    for (int k = 0; k < m_options.numAggregate; ++k) {
        auto pass = m_controller->sample(m_rng);
        const auto genotype = m_controller->genotypeOf(pass.decisions);
        const double accuracy = accuracyOf(genotype);
        const double reward = accuracy + m_options.entropyWeight * pass.entropy;
        m_baseline -= (1.0 - m_options.baselineDecay) * (m_baseline - reward);
        policyLoss = policyLoss - pass.logProb * (reward - m_baseline);
        auto sampled = record(pass, epoch, accuracy);
        sampled.metrics.push_back({"reward", reward});
        sampled.metrics.push_back({"baseline", m_baseline});
        m_sampled.push_back(std::move(sampled));
        if (m_options.buffer && epoch >= m_options.bufferStartEpoch) m_buffer.add(pass.decisions);
    }
    auto loss = policyLoss / m_options.numAggregate;
    if (m_options.buffer && epoch >= m_options.bufferLossStartEpoch && m_buffer.size() > 0) {
        // Teacher-forced cross-entropy of earlier samples, on the logits (their code's softmax of
        // probabilities is not copied).
        const auto picked =
            m_buffer.pick(static_cast<size_t>(m_options.bufferBatch),
                          [this](size_t n) { return static_cast<size_t>(m_rng() % n); });
        torch::Tensor reconstruction = torch::zeros({});
        for (const auto* decisions : picked)
            reconstruction = reconstruction - m_controller->replay(*decisions).logProb;
        reconstruction = reconstruction / static_cast<double>(picked.size());
        loss = loss + m_options.bufferWeight * reconstruction;
        const double value = reconstruction.item<double>();
        for (size_t i = firstRecord; i < m_sampled.size(); ++i)
            m_sampled[i].metrics.push_back({"reconstruction", value});
    }
    loss.backward();
    const auto parameters = m_controller->parameters();
    synchroniseGradients(parameters);
    m_controllerOptimizer->step();
}

bool EnasStrategy::endEpoch(int epoch, EpochScoring& scoring) {
    if (scoring.valid.count < 1)
        throw std::runtime_error("enas has no validation batch to reward its controller on");
    const size_t before = m_sampled.size();
    // Each reward on the next batch of the validation split, as the authors' shuffled iterator.
    const auto onNextBatch = [&](const space::Genotype& genotype) {
        const int first = static_cast<int>(m_batchCursor % scoring.valid.count);
        m_batchCursor = (m_batchCursor + 1) % scoring.valid.count;
        return scoring.evaluator->evaluate(genotype, scoring.valid, first, 1).accuracy;
    };
    for (int s = 0; s < m_options.trainSteps; ++s) updateController(epoch, onNextBatch);
    double rewardSum = 0;
    for (size_t i = before; i < m_sampled.size(); ++i)
        for (const auto& [name, value] : m_sampled[i].metrics)
            if (name == "reward") rewardSum += value;
    const size_t trained = m_sampled.size() - before;
    // The epoch's architecture: the best of fresh samples, each on the next validation batches.
    std::optional<space::Genotype> best;
    double bestScore = -1;
    for (int k = 0; k < m_options.deriveSamples; ++k) {
        ControllerPass pass;
        {
            torch::NoGradGuard noGrad;
            pass = m_controller->sample(m_rng);
        }
        const auto genotype = m_controller->genotypeOf(pass.decisions);
        const int first = static_cast<int>(m_batchCursor % scoring.valid.count);
        const double accuracy =
            scoring.evaluator->evaluate(genotype, scoring.valid, first, m_options.deriveBatches)
                .accuracy;
        m_batchCursor = (m_batchCursor + m_options.deriveBatches) % scoring.valid.count;
        auto sampled = record(pass, epoch, accuracy);
        sampled.metrics.push_back({"derive", 1.0});
        m_sampled.push_back(std::move(sampled));
        if (accuracy > bestScore) {
            bestScore = accuracy;
            best = genotype;
        }
    }
    m_chosen = best;
    if (scoring.log) {
        std::ostringstream line;
        line << "controller: " << trained << " samples, mean reward "
             << (trained ? rewardSum / static_cast<double>(trained) : 0.0) << ", baseline "
             << m_baseline;
        if (m_options.buffer) line << ", memory buffer " << m_buffer.size();
        line << "; best of " << m_options.deriveSamples << " samples scored " << bestScore;
        scoring.log(line.str());
    }
    return true;
}

torch::Tensor EnasStrategy::probabilities(bool reduction) const {
    const int cell = reduction ? 1 : 0;
    const bool current = m_countSamples > 0;
    const auto& counts = current ? m_counts[cell] : m_lastCounts[cell];
    const auto samples = static_cast<double>(current ? m_countSamples : m_lastSamples);
    const int none = noneIndex(reduction);
    const auto ops = counts.size(1);
    if (samples == 0) {
        // Before any sample: the controller's choices taken as uniform.
        auto p = torch::full({counts.size(0), ops}, 1.0 / static_cast<double>(ops - (none >= 0)));
        if (none >= 0) p.select(1, none).zero_();
        return p.to(torch::kFloat);
    }
    auto p = counts / samples;
    if (none >= 0) {
        // The share of samples that left the edge out.
        p.select(1, none).copy_(1.0 - p.sum(1));
    } else {
        const auto rows = p.sum(1, true);
        p = torch::where(rows > 0, p / rows.clamp_min(1e-12), torch::full_like(p, 1.0 / ops));
    }
    return p.to(torch::kFloat);
}

space::Genotype EnasStrategy::derive() const {
    return m_chosen ? *m_chosen : CellSearchStrategy::derive();
}

std::vector<engine::SampledArchitecture> EnasStrategy::takeSampled() {
    auto out = std::move(m_sampled);
    m_sampled.clear();
    return out;
}

void EnasStrategy::save(torch::serialize::OutputArchive& archive) const {
    CellSearchStrategy::save(archive);
    torch::serialize::OutputArchive controller, optimizer;
    m_controller->save(controller);
    m_controllerOptimizer->save(optimizer);
    archive.write("enas_controller", controller);
    archive.write("enas_controller_optimizer", optimizer);
    archive.write("enas_state",
                  torch::tensor(std::vector<int64_t>{m_steps, m_batchCursor, m_countEpoch,
                                                     m_countSamples, m_lastSamples}));
    archive.write("enas_baseline", torch::tensor(std::vector<double>{m_baseline}, torch::kDouble));
    std::ostringstream rng;
    rng << m_rng;
    archive.write("enas_rng", textTensor(rng.str()));
    const auto perArchitecture = static_cast<int64_t>(2 * m_controller->decisionsPerCell());
    std::vector<int64_t> buffer;
    for (const auto& entry : m_buffer.entries())
        buffer.insert(buffer.end(), entry.begin(), entry.end());
    archive.write("enas_buffer",
                  torch::tensor(buffer, torch::kInt64)
                      .reshape({static_cast<int64_t>(m_buffer.size()), perArchitecture}));
    archive.write("enas_best",
                  textTensor(m_chosen ? space::toJson(*m_chosen).dump() : std::string()));
    archive.write("enas_counts_normal", m_counts[0]);
    archive.write("enas_counts_reduce", m_counts[1]);
    archive.write("enas_last_counts_normal", m_lastCounts[0]);
    archive.write("enas_last_counts_reduce", m_lastCounts[1]);
}

void EnasStrategy::load(torch::serialize::InputArchive& archive) {
    CellSearchStrategy::load(archive);
    torch::serialize::InputArchive controller, optimizer;
    archive.read("enas_controller", controller);
    archive.read("enas_controller_optimizer", optimizer);
    m_controller->load(controller);
    m_controllerOptimizer->load(optimizer);
    torch::Tensor state, baseline, rng, buffer, best;
    archive.read("enas_state", state);
    archive.read("enas_baseline", baseline);
    archive.read("enas_rng", rng);
    archive.read("enas_buffer", buffer);
    archive.read("enas_best", best);
    m_steps = state[0].item<int64_t>();
    m_batchCursor = state[1].item<int64_t>();
    m_countEpoch = state[2].item<int64_t>();
    m_countSamples = state[3].item<int64_t>();
    m_lastSamples = state[4].item<int64_t>();
    m_baseline = baseline[0].item<double>();
    std::istringstream in(tensorText(rng));
    in >> m_rng;
    m_buffer.clear();
    const auto rows = buffer.contiguous();
    for (int64_t i = 0; i < rows.size(0); ++i) {
        const auto row = rows[i];
        m_buffer.add(
            std::vector<int>(row.data_ptr<int64_t>(), row.data_ptr<int64_t>() + row.numel()));
    }
    const std::string bestText = tensorText(best);
    m_chosen.reset();
    if (!bestText.empty()) m_chosen = space::genotypeFromJson(nlohmann::json::parse(bestText));
    for (const auto& [key, target] :
         {std::pair<const char*, torch::Tensor*>{"enas_counts_normal", &m_counts[0]},
          {"enas_counts_reduce", &m_counts[1]},
          {"enas_last_counts_normal", &m_lastCounts[0]},
          {"enas_last_counts_reduce", &m_lastCounts[1]}}) {
        torch::Tensor t;
        archive.read(key, t);
        *target = t.to(torch::kDouble).clone();
    }
}

}  // namespace nas::search::enas

namespace nas::search::enas {

// The registry's factory for this strategy (search/strategy_factory.cpp attaches it).
std::unique_ptr<SearchStrategy> makeStrategy(const engine::SearchConfig& config,
                                             const StrategyContext& context) {
    return std::make_unique<EnasStrategy>(config, context.device);
}

}  // namespace nas::search::enas
