#include "search/random_ws.h"

#include <sstream>

#include <nlohmann/json.hpp>
#include <torch/nn/functional/loss.h>

namespace nas::search {

RandomStrategy::RandomStrategy(const engine::SearchConfig& config, torch::Device device)
    : CellSearchStrategy(config, device, torch::zeros({config.space.edgesPerCell(), static_cast<int64_t>(config.space.normalOps.size())}),
                         torch::zeros({config.space.edgesPerCell(), static_cast<int64_t>(config.space.reduceOps.size())})),
      m_rng(config.seed) {}

space::CellGenotype RandomStrategy::sampleCell(bool reduction) {
    std::vector<std::string> candidates;
    for (const auto& op : ops(reduction))
        if (op != "none") candidates.push_back(op);
    // Raw engine outputs modulo small ranges: reproducible on every standard library.
    auto pick = [this](size_t n) { return static_cast<size_t>(m_rng() % n); };
    space::CellGenotype cell;
    for (int node = 0; node < m_config.space.nodes; ++node) {
        const int states = node + 2;
        const int first = static_cast<int>(pick(static_cast<size_t>(states)));
        int second = static_cast<int>(pick(static_cast<size_t>(states - 1)));
        if (second >= first) ++second;
        for (int from : {std::min(first, second), std::max(first, second)})
            cell.edges.push_back({candidates[pick(candidates.size())], from, node});
        cell.concat.push_back(node + 2);
    }
    return cell;
}

space::Genotype RandomStrategy::sample() { return {sampleCell(false), sampleCell(true)}; }

StepResult RandomStrategy::step(const Batch& train, const Batch&) {
    const auto genotype = sample();
    ++m_steps;
    m_supernet->zero_grad(/*set_to_none=*/true);
    const auto logits = subnetLogits(genotype, train.images);
    const auto loss = torch::cross_entropy_loss(logits, train.labels);
    loss.backward();
    stepWeights();
    return result(loss, logits, train.labels);
}

void RandomStrategy::endEpoch(int epoch, const GenotypeScorer& scorer) {
    for (int i = 0; i < m_config.random.candidates; ++i) {
        engine::SampledArchitecture arch;
        arch.genotype = sample();
        arch.score = scorer(arch.genotype);
        arch.epoch = epoch;
        arch.step = m_steps;
        if (arch.score > m_bestScore) {
            m_bestScore = arch.score;
            m_best = arch.genotype;
        }
        m_sampled.push_back(std::move(arch));
    }
}

torch::Tensor RandomStrategy::probabilities(bool reduction) const {
    const auto& list = ops(reduction);
    auto p = torch::zeros({m_config.space.edgesPerCell(), static_cast<int64_t>(list.size())});
    const int none = noneIndex(reduction);
    const double share = 1.0 / static_cast<double>(list.size() - (none >= 0 ? 1 : 0));
    for (size_t k = 0; k < list.size(); ++k)
        if (static_cast<int>(k) != none) p.select(1, static_cast<int64_t>(k)).fill_(share);
    return p;
}

space::Genotype RandomStrategy::derive() const {
    // Before the first scoring, the space's first architecture by the DARTS rule on uniform strengths.
    return m_best ? *m_best : CellSearchStrategy::derive();
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
    const std::string best = m_best ? space::toJson(*m_best).dump() : std::string();
    archive.write("random_state", torch::tensor(std::vector<int64_t>{m_steps}));
    archive.write("random_rng", torch::tensor(std::vector<uint8_t>(rng.begin(), rng.end())));
    archive.write("random_best", torch::tensor(std::vector<uint8_t>(best.begin(), best.end())));
    archive.write("random_best_score", torch::tensor(std::vector<double>{m_bestScore}));
}

void RandomStrategy::load(torch::serialize::InputArchive& archive) {
    CellSearchStrategy::load(archive);
    torch::Tensor steps, rng, best, score;
    archive.read("random_state", steps);
    archive.read("random_rng", rng);
    archive.read("random_best", best);
    archive.read("random_best_score", score);
    m_steps = steps[0].item<int64_t>();
    auto bytes = [](const torch::Tensor& t) {
        const auto c = t.contiguous();
        return std::string(reinterpret_cast<const char*>(c.data_ptr<uint8_t>()), static_cast<size_t>(c.numel()));
    };
    std::istringstream in(bytes(rng));
    in >> m_rng;
    const std::string bestText = bytes(best);
    m_best.reset();
    if (!bestText.empty()) m_best = space::genotypeFromJson(nlohmann::json::parse(bestText));
    m_bestScore = score[0].item<double>();
}

}  // namespace nas::search
