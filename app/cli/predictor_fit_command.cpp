// predictor fit: score uniform samples (and the run's own) with the run's final shared weights,
// fit the predictor on 80% of them, report its rank agreement on the other 20%, keep it with the
// run.
#include <cmath>
#include <cstdio>

#include "arguments.h"
#include "predictor/fit_job.h"
#include "predictor/score_cache.h"
#include "predictor_commands.h"
#include "predictor_run.h"

namespace nas::cli {
namespace {

// A GCN of this size needs hundreds of points before its ranking settles (NASLib's DARTS
// experiments fit 100 to 1000); 1000 samples at 4 validation batches each cost 4000 sub-network
// forwards, minutes on a CPU for the search's own small networks.
constexpr int kDefaultSamples = 1000;

std::string number(double value) {
    if (!std::isfinite(value)) return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

}  // namespace

int predictorFitCommand(const Words& words) {
    const Arguments args(words, {},
                         {"workspace", "threads", "model", "batches", "bn-mode", "samples",
                          "recorded", "epochs", "seed", "members", "lr"});
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
    options.learningRate = args.doubleOption("lr", options.learningRate);
    if (!(options.learningRate > 0)) throw UsageError("--lr must be a positive number");
    options.seed = args.seedOption("seed", 0);
    const auto scoring = scoringOptions(args);
    const auto run = openPredictorRun(args);
    applyThreads(args, run);

    predictor::FitJobOptions job;
    job.samples = samples;
    job.recorded = recorded;
    job.scoring = scoring;
    job.predictor = options;
    predictor::FitJobCallbacks callbacks;
    callbacks.pooled = [&](const predictor::FitPool& pool) {
        std::printf("run %lld: %d uniform samples and %d the run recorded",
                    static_cast<long long>(run.id), pool.uniform, pool.recorded);
        if (pool.recordedSkipped > 0)
            std::printf(" (%d recorded ones outside the predictor's encoding left out)",
                        pool.recordedSkipped);
        std::printf("\n");
        if (static_cast<int>(pool.genotypes.size()) < predictor::kFewestFitArchitectures)
            throw UsageError("the predictor needs at least " +
                             std::to_string(predictor::kFewestFitArchitectures) +
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
    };
    callbacks.scored = [](int done, int all) {
        if (done % std::max(1, all / 10) == 0 || done == all) {
            std::printf("  scored %d/%d\n", done, all);
            std::fflush(stdout);
        }
    };
    callbacks.split = [&](const predictor::HeldOutSplit& split) {
        std::printf("fitting a %s ensemble of %d on %zu architectures, %zu held out (%d epochs)\n",
                    predictor::toString(model).c_str(), options.members,
                    split.train.genotypes.size(), split.heldOut.genotypes.size(), options.epochs);
        std::fflush(stdout);
    };
    callbacks.progress = [](const predictor::FitProgress& p) {
        std::printf("  member %d/%d epoch %d/%d: loss %.4f, held-out spearman %s\n", p.member + 1,
                    p.members, p.epoch, p.epochs, p.trainLoss,
                    number(p.heldOutSpearman.value_or(NAN)).c_str());
        std::fflush(stdout);
    };
    const predictor::FitRun fitRun{run.id, run.config, run.checkpoint, run.samples,
                                   run.scoreCachePath()};
    const auto fitted = predictor::runFitJob(fitRun, job, callbacks);  // no cancel: a result
    const auto& agreement = fitted->heldOut;
    std::printf("held out (%d architectures): spearman %s [%s, %s], kendall %s [%s, %s]\n",
                agreement.count, number(agreement.spearman).c_str(),
                number(agreement.spearmanInterval.low).c_str(),
                number(agreement.spearmanInterval.high).c_str(), number(agreement.kendall).c_str(),
                number(agreement.kendallInterval.low).c_str(),
                number(agreement.kendallInterval.high).c_str());
    std::printf("top 20%% of them (%d): spearman %s, kendall %s\n", agreement.topCount,
                number(agreement.topSpearman).c_str(), number(agreement.topKendall).c_str());
    const auto path = run.predictorPath(model);
    fitted->predictor.save(path);
    std::printf("saved the predictor to %s\n", path.c_str());
    return 0;
}

}  // namespace nas::cli
