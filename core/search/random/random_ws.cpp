#include "search/random/random_ws.h"

#include <torch/nn/functional/loss.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "search/archive_text.h"
#include "space/uniform_cell.h"

namespace nas::search {

RandomStrategy::RandomStrategy(const engine::SearchConfig& config, torch::Device device)
    : CellSearchStrategy(config, device,
                         torch::zeros({config.space.edgesPerCell(),
                                       static_cast<int64_t>(config.space.normalOps.size())}),
                         torch::zeros({config.space.edgesPerCell(),
                                       static_cast<int64_t>(config.space.reduceOps.size())})),
      m_options(RandomOptions::read(config)),
      m_rng(config.seed) {}

RandomOptions RandomOptions::read(const engine::SearchConfig& config) {
    RandomOptions o;
    o.candidates = static_cast<int>(wholeOption(config, "random", "candidates"));
    o.candidateBatches = static_cast<int>(wholeOption(config, "random", "candidate_batches"));
    o.rerank = static_cast<int>(wholeOption(config, "random", "rerank"));
    o.epochCandidates = static_cast<int>(wholeOption(config, "random", "epoch_candidates"));
    o.bnMode = wordOption(config, "random", "bn_mode");
    o.calibrationBatches = static_cast<int>(wholeOption(config, "random", "calibration_batches"));
    o.sampleNone = flagOption(config, "random", "sample_none");
    o.runUnsampled = wordOption(config, "random", "unsampled_ops") == "run";
    return o;
}

space::CellGenotype RandomStrategy::sampleCell(bool reduction) {
    std::vector<std::string> candidates;
    for (const auto& op : ops(reduction))
        if (op != "none" || m_options.sampleNone) candidates.push_back(op);
    return space::sampleUniformCell(candidates, m_config.space.nodes, m_rng);
}

space::Genotype RandomStrategy::sample() { return {sampleCell(false), sampleCell(true)}; }

StepResult RandomStrategy::step(const Batch& train, const Batch&) {
    const auto genotype = sample();
    ++m_steps;
    m_supernet->zero_grad(/*set_to_none=*/true);
    auto normal = genotypeMixing(genotype.normal, false);
    auto reduce = genotypeMixing(genotype.reduce, true);
    if (m_options.runUnsampled) {
        // Every op computed with its 0/1 weight: the ops not sampled get zero gradients, which
        // SGD still turns into weight decay and momentum.
        normal.active.clear();
        reduce.active.clear();
    }
    const auto logits = m_supernet->forward(train.images, normal, reduce);
    const auto loss = torch::cross_entropy_loss(logits, train.labels);
    loss.backward();
    stepWeights();
    return result(loss, logits, train.labels);
}

std::optional<std::vector<RandomStrategy::Scored>> RandomStrategy::scoreSamples(
    int count, int epoch, EpochScoring& scoring, bool reportProgress) {
    if (scoring.valid.count < 1)
        throw std::runtime_error("random search has no validation batch to score candidates on");
    const int batches = m_options.candidateBatches;
    std::vector<Scored> scored;
    scored.reserve(static_cast<size_t>(count));
    const int reportEvery = std::max(1, count / 10);
    for (int i = 0; i < count; ++i) {
        if (reportProgress && scoring.stopRequested && scoring.stopRequested()) return std::nullopt;
        auto genotype = sample();
        // Each candidate on the next batches of the split, as their validation iterator moves on.
        const int first = static_cast<int>(m_batchCursor % scoring.valid.count);
        const auto ev = scoring.evaluator->evaluate(genotype, scoring.valid, first, batches);
        m_batchCursor = (m_batchCursor + batches) % scoring.valid.count;
        engine::SampledArchitecture arch;
        arch.genotype = genotype;
        arch.score = ev.accuracy;
        arch.epoch = epoch;
        arch.step = m_steps;
        m_sampled.push_back(std::move(arch));
        scored.push_back({std::move(genotype), ev.accuracy});
        if (reportProgress && scoring.log && ((i + 1) % reportEvery == 0 || i + 1 == count)) {
            double best = 0;
            for (const auto& s : scored) best = std::max(best, s.score);
            scoring.log("final selection: " + std::to_string(i + 1) + " of " +
                        std::to_string(count) + " candidates scored on " + std::to_string(batches) +
                        " validation batches each (best " + std::to_string(best) + ")");
        }
    }
    return scored;
}

bool RandomStrategy::selectFinal(int epoch, EpochScoring& scoring) {
    // A stopped selection leaves no trace, so the resumed one samples the same candidates.
    const auto rngBefore = m_rng;
    const auto cursorBefore = m_batchCursor;
    const auto sampledBefore = m_sampled.size();
    auto giveUp = [&] {
        m_rng = rngBefore;
        m_batchCursor = cursorBefore;
        m_sampled.resize(sampledBefore);
        return false;
    };
    auto scored = scoreSamples(m_options.candidates, epoch, scoring, true);
    if (!scored) return giveUp();
    std::vector<size_t> order(scored->size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return (*scored)[a].score > (*scored)[b].score; });
    const size_t rerank = std::min(order.size(), static_cast<size_t>(m_options.rerank));
    if (scoring.log)
        scoring.log("final selection: scoring the best " + std::to_string(rerank) +
                    " again on the whole validation split (" + std::to_string(scoring.valid.count) +
                    " batches)");
    std::optional<size_t> winner;
    double winnerScore = -1.0;
    for (size_t r = 0; r < rerank; ++r) {
        if (scoring.stopRequested && scoring.stopRequested()) return giveUp();
        const auto& candidate = (*scored)[order[r]];
        const double accuracy =
            scoring.evaluator->evaluateAll(candidate.genotype, scoring.valid).accuracy;
        if (accuracy > winnerScore) {
            winnerScore = accuracy;
            winner = order[r];
        }
    }
    m_chosen = (*scored)[*winner].genotype;
    m_chosenScore = winnerScore;
    if (scoring.log)
        scoring.log("final selection: candidate " + std::to_string(*winner + 1) +
                    " chosen, accuracy " + std::to_string(winnerScore) +
                    " on the whole validation split (" + std::to_string((*scored)[*winner].score) +
                    " on its few batches)");
    return true;
}

bool RandomStrategy::endEpoch(int epoch, EpochScoring& scoring) {
    if (epoch + 1 >= m_config.epochs) return selectFinal(epoch, scoring);
    if (m_options.epochCandidates < 1) return true;
    // This epoch's pick among fresh samples: scores from earlier epochs came from other weights.
    const auto scored = scoreSamples(m_options.epochCandidates, epoch, scoring, false);
    const auto best =
        std::max_element(scored->begin(), scored->end(),
                         [](const Scored& a, const Scored& b) { return a.score < b.score; });
    m_chosen = best->genotype;
    m_chosenScore = best->score;
    return true;
}

torch::Tensor RandomStrategy::probabilities(bool reduction) const {
    const auto& list = ops(reduction);
    auto p = torch::zeros({m_config.space.edgesPerCell(), static_cast<int64_t>(list.size())});
    const int none = m_options.sampleNone ? -1 : noneIndex(reduction);
    const double share = 1.0 / static_cast<double>(list.size() - (none >= 0 ? 1 : 0));
    for (size_t k = 0; k < list.size(); ++k)
        if (static_cast<int>(k) != none) p.select(1, static_cast<int64_t>(k)).fill_(share);
    return p;
}

space::Genotype RandomStrategy::derive() const {
    // Before the first scoring, the space's first architecture by the DARTS rule on uniform
    // strengths.
    return m_chosen ? *m_chosen : CellSearchStrategy::derive();
}

std::vector<engine::SampledArchitecture> RandomStrategy::takeSampled() {
    auto out = std::move(m_sampled);
    m_sampled.clear();
    return out;
}

void RandomStrategy::save(torch::serialize::OutputArchive& archive) const {
    CellSearchStrategy::save(archive);
    std::ostringstream rngText;
    rngText << m_rng;
    const std::string rng = rngText.str();
    const std::string best = m_chosen ? space::toJson(*m_chosen).dump() : std::string();
    archive.write("random_state", torch::tensor(std::vector<int64_t>{m_steps, m_batchCursor}));
    archive.write("random_rng", textTensor(rng));
    archive.write("random_best", textTensor(best));
    archive.write("random_best_score",
                  torch::tensor(std::vector<double>{m_chosenScore}, torch::kDouble));
}

void RandomStrategy::load(torch::serialize::InputArchive& archive) {
    CellSearchStrategy::load(archive);
    torch::Tensor steps, rng, best, score;
    archive.read("random_state", steps);
    archive.read("random_rng", rng);
    archive.read("random_best", best);
    archive.read("random_best_score", score);
    m_steps = steps[0].item<int64_t>();
    // Checkpoints from before the walk through the validation split hold the step count alone.
    m_batchCursor = steps.numel() > 1 ? steps[1].item<int64_t>() : 0;
    std::istringstream in(tensorText(rng));
    in >> m_rng;
    const std::string bestText = tensorText(best);
    m_chosen.reset();
    if (!bestText.empty()) m_chosen = space::genotypeFromJson(nlohmann::json::parse(bestText));
    m_chosenScore = score[0].item<double>();
}

}  // namespace nas::search

namespace nas::search::random {

// The registry's factory for this strategy (search/strategy_factory.cpp attaches it).
std::unique_ptr<SearchStrategy> makeStrategy(const engine::SearchConfig& config,
                                             const StrategyContext& context) {
    return std::make_unique<RandomStrategy>(config, context.device);
}

}  // namespace nas::search::random
