#include "predictor_run.h"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "arguments.h"
#include "commands.h"
#include "engine/checkpoint_files.h"
#include "engine/workspace.h"
#include "predictor/predictor_threads.h"
#include "predictor/score_cache.h"
#include "store/run_store.h"

namespace nas::cli {

std::string PredictorRun::predictorPath(predictor::PredictorModel model) const {
    return (std::filesystem::path(folder) / predictor::predictorFileName(model)).string();
}

std::string PredictorRun::scoreCachePath() const {
    return (std::filesystem::path(folder) / predictor::scoreCacheFileName()).string();
}

predictor::Predictor PredictorRun::loadPredictor(predictor::PredictorModel model) const {
    const auto path = predictorPath(model);
    if (!std::filesystem::exists(path))
        throw std::runtime_error("run " + std::to_string(id) + " has no fitted " +
                                 predictor::toString(model) +
                                 " predictor; fit one first: nas-studio-cli predictor fit " +
                                 std::to_string(id) + " --model " + predictor::toString(model));
    return predictor::Predictor::load(path);
}

PredictorRun openPredictorRun(const Arguments& args) {
    PredictorRun run;
    run.id = args.runId();
    const engine::Workspace workspace(existingWorkspaceRoot(args));
    const store::RunStore store(workspace.databasePath(), store::Access::ReadOnly);
    const auto record = store.findRun(run.id);
    if (!record)
        throw std::runtime_error("there is no run " + std::to_string(run.id) + " in " +
                                 store.path());
    const auto checkpoint = store.latestCheckpoint(run.id);
    if (!checkpoint)
        throw std::runtime_error("run " + std::to_string(run.id) +
                                 " has no checkpoint: the predictor scores architectures with its "
                                 "shared weights");
    run.config = engine::parseSearchConfigText(record->configJson);
    run.folder = workspace.runFolder(run.id);
    run.checkpoint = engine::resolveCheckpoint(run.folder, checkpoint->path);
    run.samples = store.samples(run.id);
    return run;
}

predictor::PredictorModel modelOption(const Arguments& args) {
    try {
        return predictor::predictorModelFromName(args.option("model", "gcn"));
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--model: ") + e.what());
    }
}

predictor::SharedWeightScoring scoringOptions(const Arguments& args) {
    predictor::SharedWeightScoring s;
    s.batches = args.intOption("batches", s.batches);
    if (s.batches < 1) throw UsageError("--batches must be at least 1");
    s.bnMode = args.option("bn-mode", s.bnMode);
    if (s.bnMode != "eval" && s.bnMode != "recalibrate" && s.bnMode != "batch")
        throw UsageError("--bn-mode must be eval, recalibrate or batch");
    return s;
}

void applyThreads(const Arguments& args, const PredictorRun& run) {
    const int threads = args.intOption("threads", run.config.threads);
    checkThreadCount(threads);
    if (const auto note = predictor::usePredictorThreads(threads); !note.empty())
        std::printf("%s\n", note.c_str());
}

}  // namespace nas::cli
