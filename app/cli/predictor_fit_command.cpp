// predictor fit: score uniform samples (and the run's own) with the run's final shared weights,
// fit the predictor on 80% of them, report its rank agreement on the other 20%, keep it with the
// run.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <stdexcept>

#include "arguments.h"
#include "predictor/architecture_check.h"
#include "predictor/architecture_sampler.h"
#include "predictor/rank_metrics.h"
#include "predictor/score_cache.h"
#include "predictor/shared_weight_scoring.h"
#include "predictor_commands.h"
#include "predictor_run.h"

namespace nas::cli {
namespace {

// A GCN of this size needs hundreds of points before its ranking settles (NASLib's DARTS
// experiments fit 100 to 1000); 1000 samples at 4 validation batches each cost 4000 sub-network
// forwards, minutes on a CPU for the search's own small networks.
constexpr int kDefaultSamples = 1000;
// Five architectures leave one held out and four to fit.
constexpr int kFewestArchitectures = 5;
constexpr double kHeldOutFraction = 0.2;

std::string number(double value) {
    if (!std::isfinite(value)) return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

struct Pool {
    std::vector<space::Genotype> genotypes;
    int uniform = 0;
    int recorded = 0;
    int recordedSkipped = 0;
};

// Uniform samples first, then the run's last `recorded` recorded ones (all: -1) not already among
// them.
Pool buildPool(const PredictorRun& run, int samples, int recorded, std::uint64_t seed) {
    Pool pool;
    predictor::ArchitectureSampler sampler(run.config.space, seed);
    pool.genotypes = sampler.sampleDistinct(samples);
    pool.uniform = static_cast<int>(pool.genotypes.size());
    std::set<std::string> seen;
    for (const auto& g : pool.genotypes) seen.insert(space::toJson(g).dump());
    const auto count = static_cast<int>(run.samples.size());
    const int first = recorded < 0 ? 0 : std::max(0, count - recorded);
    for (int i = first; i < count; ++i) {
        const auto& sample = run.samples[static_cast<std::size_t>(i)];
        try {
            auto genotype = space::genotypeFromJson(nlohmann::json::parse(sample.architecture));
            predictor::checkArchitecture(genotype, run.config.space);
            if (!seen.insert(space::toJson(genotype).dump()).second) continue;
            pool.genotypes.push_back(std::move(genotype));
            ++pool.recorded;
        } catch (const std::exception&) {
            // A sample outside the encodings (a node with three edges, another op set) is left out.
            ++pool.recordedSkipped;
        }
    }
    return pool;
}

}  // namespace

int predictorFitCommand(const Words& words) {
    const Arguments args(words, {},
                         {"workspace", "threads", "model", "batches", "bn-mode", "samples",
                          "recorded", "epochs", "seed", "members"});
    const auto model = modelOption(args);
    const int samples = args.intOption("samples", kDefaultSamples);
    if (samples < 0) throw UsageError("--samples must not be negative");
    // A long random search records thousands of samples; each costs as much to score as a uniform
    // one.
    const int recorded = args.intOption("recorded", -1);
    if (args.option("recorded") && recorded < 0)
        throw UsageError("--recorded must not be negative");
    predictor::PredictorOptions options;
    options.model = model;
    options.epochs = args.intOption("epochs", options.epochs);
    if (options.epochs < 1) throw UsageError("--epochs must be at least 1");
    options.members = args.intOption("members", options.members);
    if (options.members < 1) throw UsageError("--members must be at least 1");
    options.seed = args.seedOption("seed", 0);
    const auto scoring = scoringOptions(args);
    const auto run = openPredictorRun(args);
    applyThreads(args, run);

    auto pool = buildPool(run, samples, recorded, options.seed);
    const int total = static_cast<int>(pool.genotypes.size());
    std::printf("run %lld: %d uniform samples and %d the run recorded",
                static_cast<long long>(run.id), pool.uniform, pool.recorded);
    if (pool.recordedSkipped > 0)
        std::printf(" (%d recorded ones outside the predictor's encoding left out)",
                    pool.recordedSkipped);
    std::printf("\n");
    if (total < kFewestArchitectures)
        throw UsageError("the predictor needs at least " + std::to_string(kFewestArchitectures) +
                         " architectures; raise --samples");

    const predictor::ScoreCache cache(run.scoreCachePath(), run.checkpoint, scoring);
    int scoredBefore = 0;
    for (const auto& genotype : pool.genotypes) scoredBefore += cache.find(genotype) ? 1 : 0;
    std::printf("scoring them with the shared weights of %s (%d batches each, batch norm: %s)",
                run.checkpoint.c_str(), scoring.batches, scoring.bnMode.c_str());
    if (scoredBefore > 0)
        std::printf("; %d of them scored before (%s)", scoredBefore,
                    predictor::scoreCacheFileName().c_str());
    std::printf("\n");
    std::fflush(stdout);
    const int every = std::max(1, total / 10);
    const auto scores =
        predictor::scoreWithCache(run.config, run.checkpoint, pool.genotypes, scoring,
                                  run.scoreCachePath(), [every](int done, int all) {
                                      if (done % every == 0 || done == all) {
                                          std::printf("  scored %d/%d\n", done, all);
                                          std::fflush(stdout);
                                      }
                                  });

    // A seeded shuffle, then the first fifth is held out.
    std::vector<std::size_t> order(pool.genotypes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937_64 rng(options.seed);
    std::shuffle(order.begin(), order.end(), rng);
    const auto heldOutCount = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::floor(kHeldOutFraction * static_cast<double>(total))));
    predictor::TrainingSet train, heldOut;
    for (std::size_t k = 0; k < order.size(); ++k) {
        auto& set = k < heldOutCount ? heldOut : train;
        set.genotypes.push_back(pool.genotypes[order[k]]);
        set.scores.push_back((*scores)[order[k]]);
    }

    std::printf("fitting a %s ensemble of %d on %zu architectures, %zu held out (%d epochs)\n",
                predictor::toString(model).c_str(), options.members, train.genotypes.size(),
                heldOut.genotypes.size(), options.epochs);
    std::fflush(stdout);
    predictor::Predictor fitted(run.config.space);
    fitted.fit(
        train, options,
        [](const predictor::FitProgress& p) {
            std::printf("  member %d/%d epoch %d/%d: loss %.4f, held-out spearman %s\n",
                        p.member + 1, p.members, p.epoch, p.epochs, p.trainLoss,
                        number(p.heldOutSpearman.value_or(NAN)).c_str());
            std::fflush(stdout);
        },
        nullptr, &heldOut, std::max(1, options.epochs / 5));

    std::vector<double> predicted;
    for (const auto& p : fitted.predict(heldOut.genotypes)) predicted.push_back(p.mean);
    predictor::RankOptions rankOptions;
    rankOptions.bootstrap.seed = options.seed;
    const auto agreement = predictor::rankAgreement(heldOut.scores, predicted, rankOptions);
    auto& summary = fitted.summary();
    summary.description =
        "run " + std::to_string(run.id) + ": " + std::to_string(pool.uniform) + " uniform and " +
        std::to_string(pool.recorded) + " recorded architectures scored with " + run.checkpoint +
        " on " + std::to_string(scoring.batches) + " validation batches (" + scoring.bnMode +
        " batch norm); fitted on " + std::to_string(train.genotypes.size());
    summary.heldOutCount = agreement.count;
    summary.heldOutSpearman = agreement.spearman;
    summary.heldOutKendall = agreement.kendall;

    std::printf("held out (%d architectures): spearman %s [%s, %s], kendall %s [%s, %s]\n",
                agreement.count, number(agreement.spearman).c_str(),
                number(agreement.spearmanInterval.low).c_str(),
                number(agreement.spearmanInterval.high).c_str(), number(agreement.kendall).c_str(),
                number(agreement.kendallInterval.low).c_str(),
                number(agreement.kendallInterval.high).c_str());
    std::printf("top 20%% of them (%d): spearman %s, kendall %s\n", agreement.topCount,
                number(agreement.topSpearman).c_str(), number(agreement.topKendall).c_str());
    const auto path = run.predictorPath(model);
    fitted.save(path);
    std::printf("saved the predictor to %s\n", path.c_str());
    return 0;
}

}  // namespace nas::cli
