#include "app/studio/best_candidates_job.h"

#include <QMetaObject>
#include <filesystem>
#include <stdexcept>

#include "engine/checkpoint_files.h"
#include "engine/error_text.h"
#include "engine/inspect.h"
#include "predictor/candidate_selection.h"
#include "predictor/score_cache.h"
#include "store/run_store.h"

namespace nas::studio {
namespace {

// Thrown from the latency measurer to end selectBest early.
struct Stopped {};

}  // namespace

BestCandidatesInput loadBestCandidatesInput(const store::RunStore& store, std::int64_t runId,
                                            const std::string& runFolder,
                                            predictor::PredictorModel model) {
    namespace fs = std::filesystem;
    const auto record = store.findRun(runId);
    if (!record) throw std::runtime_error("there is no run " + std::to_string(runId));
    BestCandidatesInput input;
    input.config = engine::parseSearchConfigText(record->configJson);
    if (const auto checkpoint = store.latestCheckpoint(runId))
        input.checkpoint = engine::resolveCheckpoint(runFolder, checkpoint->path);
    input.scoreCachePath = (fs::path(runFolder) / predictor::scoreCacheFileName()).string();
    const auto path = fs::path(runFolder) / predictor::predictorFileName(model);
    if (!fs::exists(path))
        throw std::runtime_error("run " + std::to_string(runId) + " has no fitted " +
                                 predictor::toString(model) +
                                 " predictor; fit one first in the predictor panel, or with "
                                 "nas-studio-cli predictor fit " +
                                 std::to_string(runId) + " --model " + predictor::toString(model));
    input.predictor =
        std::make_shared<const predictor::Predictor>(predictor::Predictor::load(path.string()));
    return input;
}

BestCandidatesJob::BestCandidatesJob(QObject* parent) : QObject(parent) {}

void BestCandidatesJob::postProgress(const QString& text, bool always) {
    const auto now = std::chrono::steady_clock::now();
    if (!always && now - m_lastProgress < std::chrono::milliseconds(100)) return;
    m_lastProgress = now;
    QMetaObject::invokeMethod(
        this, [this, text] { emit progress(text); }, Qt::QueuedConnection);
}

bool BestCandidatesJob::start(BestCandidatesInput input,
                              const widgets::BestCandidatesRequest& request) {
    if (isRunning() || !input.predictor) return false;
    struct Outcome {
        widgets::BestCandidates result;
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    auto work = [this, input = std::move(input), request, outcome] {
        try {
            if (request.rescoreBatches > 0 && input.checkpoint.empty()) {
                outcome->error =
                    tr("the run has no checkpoint, so there are no shared weights "
                       "to re-score with");
                return;
            }
            auto options = request.selection;
            postProgress(
                tr("Sampling %1 architectures and predicting their accuracy…").arg(options.pool),
                true);
            int measured = 0;  // read by the measurer below, which runs inside selectBest
            if (options.constraints.maxLatencyMs) {
                options.measureLatencyMs = [this, &input, &measured](const space::Genotype& g) {
                    if (m_worker.cancelRequested()) throw Stopped{};
                    postProgress(tr("Measuring the latency of the best predicted: %1 so far…")
                                     .arg(++measured),
                                 false);
                    return *engine::inspectGenotype(g, input.config.space, false, true,
                                                    input.latencyDevice)
                                .latencyMs;
                };
            }
            auto best = predictor::selectBest(*input.predictor, input.config.space, options);
            if (request.rescoreBatches > 0 && !best.best.empty()) {
                postProgress(tr("Re-scoring the best %1 with the shared weights on %2 "
                                "validation batches…")
                                 .arg(best.best.size())
                                 .arg(request.rescoreBatches),
                             true);
                predictor::SharedWeightScoring scoring;
                scoring.batches = request.rescoreBatches;
                if (!predictor::rescoreBest(best, input.config, input.checkpoint, scoring,
                                            input.scoreCachePath, m_worker.cancelFlag()))
                    throw Stopped{};
            }
            outcome->result = widgets::bestCandidatesFrom(best, options.constraints);
        } catch (const Stopped&) {
            outcome->error = tr("stopped");
        } catch (const std::exception& e) {
            outcome->error = QString::fromStdString(engine::errorText(e));
        }
    };
    return m_worker.start(std::move(work), [this, outcome] {
        if (outcome->error.isEmpty())
            emit finished(outcome->result);
        else
            emit failed(outcome->error);
    });
}

}  // namespace nas::studio
