#include "predictor/candidate_selection.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "engine/search_config.h"
#include "predictor/architecture_sampler.h"
#include "predictor/constraint_filter.h"
#include "predictor/score_cache.h"

namespace nas::predictor {

Selection selectBest(const Predictor& predictor, const space::SpaceConfig& space,
                     const SelectionOptions& options) {
    if (options.pool < 1 || options.top < 1)
        throw std::invalid_argument("the pool and the top count must be at least 1");
    if (const auto problems = engine::constraintProblems(space, options.constraints);
        !problems.empty()) {
        std::string text = "no architecture of this space can meet the limits: ";
        for (std::size_t i = 0; i < problems.size(); ++i) text += (i ? "; " : "") + problems[i];
        throw std::invalid_argument(text);
    }
    const bool latencyLimit = options.constraints.maxLatencyMs.has_value();
    if (latencyLimit && !options.measureLatencyMs)
        throw std::invalid_argument("a latency limit needs a device to measure latency on");
    auto analytic = options.constraints;
    analytic.maxLatencyMs.reset();
    ArchitectureSampler sampler(space, options.seed);
    const auto pool = sampler.sampleDistinct(options.pool);
    auto feasible = withinConstraints(pool, space, analytic);
    Selection selection;
    selection.pool = static_cast<int>(pool.size());
    selection.feasible = static_cast<int>(feasible.size());
    if (feasible.empty()) return selection;
    std::vector<space::Genotype> genotypes;
    genotypes.reserve(feasible.size());
    for (const auto& c : feasible) genotypes.push_back(c.genotype);
    const auto predictions = predictor.predict(genotypes);
    std::vector<std::size_t> order(feasible.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return predictions[a].mean > predictions[b].mean;
    });
    const auto top = static_cast<std::size_t>(options.top);
    for (const auto i : order) {
        if (selection.best.size() == top) break;
        Candidate candidate{feasible[i].genotype, feasible[i].cost, predictions[i], {}, {}};
        if (latencyLimit) {
            if (selection.latencyMeasured == options.latencyMeasurements) break;
            candidate.latencyMs = options.measureLatencyMs(candidate.genotype);
            ++selection.latencyMeasured;
            if (*candidate.latencyMs > *options.constraints.maxLatencyMs) continue;
        }
        selection.best.push_back(std::move(candidate));
    }
    return selection;
}

bool rescoreBest(Selection& selection, const engine::SearchConfig& config,
                 const std::string& checkpoint, const SharedWeightScoring& scoring,
                 const std::string& cachePath, const std::atomic<bool>* cancel) {
    std::vector<space::Genotype> genotypes;
    for (const auto& c : selection.best) genotypes.push_back(c.genotype);
    const auto scores =
        scoreWithCache(config, checkpoint, genotypes, scoring, cachePath, {}, cancel);
    if (!scores) return false;
    for (std::size_t i = 0; i < scores->size(); ++i) selection.best[i].rescored = (*scores)[i];
    std::stable_sort(
        selection.best.begin(), selection.best.end(),
        [](const Candidate& a, const Candidate& b) { return *a.rescored > *b.rescored; });
    return true;
}

}  // namespace nas::predictor
