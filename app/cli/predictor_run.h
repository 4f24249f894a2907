#pragma once
// What the predictor subcommands need of a run: its config, its latest checkpoint and its folder,
// where the fitted predictors are kept.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/events.h"
#include "engine/search_config.h"
#include "predictor/predictor.h"
#include "predictor/shared_weight_scoring.h"

namespace nas::cli {

class Arguments;

struct PredictorRun {
    std::int64_t id = 0;
    engine::SearchConfig config;
    std::string folder;
    std::string checkpoint;  // the latest checkpoint file: the final shared weights
    std::vector<engine::SampleRecord> samples;

    [[nodiscard]] std::string predictorPath(predictor::PredictorModel model) const;
    // Where its shared-weight scores are cached (predictor/score_cache.h).
    [[nodiscard]] std::string scoreCachePath() const;
    // Loads the run's fitted predictor of `model`; an error that says how to fit one when absent.
    [[nodiscard]] predictor::Predictor loadPredictor(predictor::PredictorModel model) const;
};

// The run named by the positional argument in the workspace of --workspace (read only). Throws
// std::runtime_error for an unknown run or one without a checkpoint.
[[nodiscard]] PredictorRun openPredictorRun(const Arguments& args);

// --model gcn|mlp (default gcn); UsageError otherwise.
[[nodiscard]] predictor::PredictorModel modelOption(const Arguments& args);
// --batches B and --bn-mode eval|recalibrate|batch: how architectures are scored with the shared
// weights; UsageError otherwise.
[[nodiscard]] predictor::SharedWeightScoring scoringOptions(const Arguments& args);
// --threads (default: the run's); applies it and prints the note of a busy machine.
void applyThreads(const Arguments& args, const PredictorRun& run);

}  // namespace nas::cli
