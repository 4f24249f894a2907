#pragma once
// A predictor fit as `nas-studio-cli predictor fit` and the studio's predictor panel run it: a pool
// of uniform samples and the run's recorded ones, scored with the run's shared weights, a seeded
// split that holds a fifth out, a fit on the rest with the held-out Spearman reported as it goes,
// and the held-out rank agreement. Torch-free header (the work runs in nas_core).
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/events.h"
#include "engine/search_config.h"
#include "predictor/predictor.h"
#include "predictor/rank_metrics.h"
#include "predictor/shared_weight_scoring.h"

namespace nas::predictor {

// Five architectures leave one held out and four to fit.
inline constexpr int kFewestFitArchitectures = 5;
inline constexpr double kHeldOutFraction = 0.2;

struct FitPool {
    std::vector<space::Genotype> genotypes;  // the uniform samples first, then the recorded ones
    int uniform = 0;
    int recorded = 0;
    int recordedSkipped = 0;  // recorded samples outside the predictor's encoding, left out
};

// `uniform` distinct uniform samples of `space` (seeded), then the last `recorded` of `samples`
// (all: -1) that the predictor can take and that are not already in the pool.
[[nodiscard]] FitPool buildFitPool(const space::SpaceConfig& space,
                                   const std::vector<engine::SampleRecord>& samples, int uniform,
                                   int recorded, std::uint64_t seed);

struct HeldOutSplit {
    TrainingSet train;
    TrainingSet heldOut;
};

// A seeded shuffle of the architectures and their scores; the first fifth (at least one) is held
// out.
[[nodiscard]] HeldOutSplit splitHeldOut(const std::vector<space::Genotype>& genotypes,
                                        const std::vector<double>& scores, std::uint64_t seed);

// What a fit needs of a run.
struct FitRun {
    std::int64_t id = 0;
    engine::SearchConfig config;
    std::string checkpoint;  // the final shared weights
    std::vector<engine::SampleRecord> samples;
    std::string scoreCachePath;  // the run's score cache (score_cache.h); empty: none
};

struct FitJobOptions {
    int samples = 1000;  // uniform samples to score
    int recorded = -1;   // the run's last recorded samples to add (all: -1)
    SharedWeightScoring scoring;
    PredictorOptions predictor;  // its seed also seeds the samples and the split
    int reportEvery = 0;         // epochs between progress reports (0: a fifth of the epochs)
};

// Each is called on the thread that runs the job.
struct FitJobCallbacks {
    std::function<void(const FitPool& pool)> pooled;  // before scoring; may throw to stop
    std::function<void(int done, int total)> scored;  // after each architecture
    std::function<void(const HeldOutSplit& split)> split;
    FitProgressCallback progress;  // the fit's, with the held-out Spearman
};

struct FitJobResult {
    Predictor predictor;  // its summary says where the scores came from, with held-out figures
    RankAgreement heldOut;
    int uniform = 0;
    int recorded = 0;
    int trained = 0;  // architectures fitted on
};

// Scores, splits and fits; nullopt when `cancel` turned true (nothing is saved: the caller saves
// the result). Throws std::invalid_argument when the pool holds fewer than
// kFewestFitArchitectures, and what scoring and fitting throw.
[[nodiscard]] std::optional<FitJobResult> runFitJob(const FitRun& run, const FitJobOptions& options,
                                                    const FitJobCallbacks& callbacks = {},
                                                    const std::atomic<bool>* cancel = nullptr);

}  // namespace nas::predictor
