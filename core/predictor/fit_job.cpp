#include "predictor/fit_job.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <stdexcept>

#include "predictor/architecture_check.h"
#include "predictor/architecture_sampler.h"
#include "predictor/score_cache.h"

namespace nas::predictor {

FitPool buildFitPool(const space::SpaceConfig& space,
                     const std::vector<engine::SampleRecord>& samples, int uniform, int recorded,
                     std::uint64_t seed) {
    FitPool pool;
    ArchitectureSampler sampler(space, seed);
    pool.genotypes = sampler.sampleDistinct(uniform);
    pool.uniform = static_cast<int>(pool.genotypes.size());
    std::set<std::string> seen;
    for (const auto& g : pool.genotypes) seen.insert(space::toJson(g).dump());
    const auto count = static_cast<int>(samples.size());
    const int first = recorded < 0 ? 0 : std::max(0, count - recorded);
    for (int i = first; i < count; ++i) {
        try {
            auto genotype = space::genotypeFromJson(
                nlohmann::json::parse(samples[static_cast<std::size_t>(i)].architecture));
            checkArchitecture(genotype, space);
            if (!seen.insert(space::toJson(genotype).dump()).second) continue;
            pool.genotypes.push_back(std::move(genotype));
            ++pool.recorded;
        } catch (const std::exception&) {
            // A sample outside the encodings (a node with three edges, another op set).
            ++pool.recordedSkipped;
        }
    }
    return pool;
}

HeldOutSplit splitHeldOut(const std::vector<space::Genotype>& genotypes,
                          const std::vector<double>& scores, std::uint64_t seed) {
    if (genotypes.size() != scores.size())
        throw std::invalid_argument("splitHeldOut: as many scores as architectures are needed");
    std::vector<std::size_t> order(genotypes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    const auto heldOutCount = std::max<std::size_t>(
        1, static_cast<std::size_t>(
               std::floor(kHeldOutFraction * static_cast<double>(genotypes.size()))));
    HeldOutSplit split;
    for (std::size_t k = 0; k < order.size(); ++k) {
        auto& set = k < heldOutCount ? split.heldOut : split.train;
        set.genotypes.push_back(genotypes[order[k]]);
        set.scores.push_back(scores[order[k]]);
    }
    return split;
}

std::optional<FitJobResult> runFitJob(const FitRun& run, const FitJobOptions& options,
                                      const FitJobCallbacks& callbacks,
                                      const std::atomic<bool>* cancel) {
    const auto seed = options.predictor.seed;
    const auto pool =
        buildFitPool(run.config.space, run.samples, options.samples, options.recorded, seed);
    if (callbacks.pooled) callbacks.pooled(pool);
    const auto total = static_cast<int>(pool.genotypes.size());
    if (total < kFewestFitArchitectures)
        throw std::invalid_argument("the predictor needs at least " +
                                    std::to_string(kFewestFitArchitectures) +
                                    " architectures; the pool holds " + std::to_string(total));
    const auto scores =
        run.scoreCachePath.empty()
            ? scoreWithSharedWeights(run.config, run.checkpoint, pool.genotypes, options.scoring,
                                     callbacks.scored, cancel)
            : scoreWithCache(run.config, run.checkpoint, pool.genotypes, options.scoring,
                             run.scoreCachePath, callbacks.scored, cancel);
    if (!scores) return std::nullopt;

    const auto split = splitHeldOut(pool.genotypes, *scores, seed);
    if (callbacks.split) callbacks.split(split);
    Predictor predictor(run.config.space);
    const int every =
        options.reportEvery > 0 ? options.reportEvery : std::max(1, options.predictor.epochs / 5);
    if (!predictor.fit(split.train, options.predictor, callbacks.progress, cancel, &split.heldOut,
                       every))
        return std::nullopt;

    std::vector<double> predicted;
    for (const auto& p : predictor.predict(split.heldOut.genotypes)) predicted.push_back(p.mean);
    RankOptions rankOptions;
    rankOptions.bootstrap.seed = seed;
    const auto agreement = rankAgreement(split.heldOut.scores, predicted, rankOptions);
    const auto& scoring = options.scoring;
    auto& summary = predictor.summary();
    summary.description =
        "run " + std::to_string(run.id) + ": " + std::to_string(pool.uniform) + " uniform and " +
        std::to_string(pool.recorded) + " recorded architectures scored with " + run.checkpoint +
        " on " + std::to_string(scoring.batches) + " validation batches (" + scoring.bnMode +
        " batch norm); fitted on " + std::to_string(split.train.genotypes.size());
    summary.heldOutCount = agreement.count;
    summary.heldOutSpearman = agreement.spearman;
    summary.heldOutKendall = agreement.kendall;
    return FitJobResult{std::move(predictor), agreement, pool.uniform, pool.recorded,
                        static_cast<int>(split.train.genotypes.size())};
}

}  // namespace nas::predictor
