#pragma once
// "Best under constraints" off the GUI thread: predictor::selectBest on the studio's WorkerThread
// (measuring latency on the way when the request limits it) and, when asked, rescoreBest; the
// progress as text and the result as the view's rows (widgets/best_candidates_view.h). The
// studio connects findRequested -> start, progress -> showProgress, finished -> setResults and
// failed -> showError.
#include <QObject>
#include <QString>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "app/studio/worker_thread.h"
#include "engine/search_config.h"
#include "predictor/predictor.h"
#include "widgets/best_candidates_data.h"

namespace nas::store {
class RunStore;
}

namespace nas::studio {

// What a selection needs of a run.
struct BestCandidatesInput {
    // Read only, and shared: the job holds its own reference until its worker returns, so the
    // caller may drop or replace it at any time. Predictor::predict switches the members to eval
    // mode and back, so do not let another thread predict with the same instance meanwhile:
    // loadBestCandidatesInput loads one of its own.
    std::shared_ptr<const predictor::Predictor> predictor;
    engine::SearchConfig config;  // the run's: its space costs the candidates
    std::string checkpoint;       // the run's final shared weights, for re-scoring; empty: none
    std::string scoreCachePath;   // the run's cache of shared-weight scores
    std::string latencyDevice = "cpu";  // where a latency limit measures: cpu | cuda | auto
};

// Run `runId` of `store`, whose folder is `runFolder`: its config, its latest checkpoint (if any)
// and its fitted predictor of `model`, loaded from the folder. Throws std::runtime_error for an
// unknown run, or for a run without that predictor (saying how to fit one), and what
// Predictor::load throws for an unreadable one.
[[nodiscard]] BestCandidatesInput loadBestCandidatesInput(
    const store::RunStore& store, std::int64_t runId, const std::string& runFolder,
    predictor::PredictorModel model = predictor::PredictorModel::Gcn);

class BestCandidatesJob final : public QObject {
    Q_OBJECT
  public:
    explicit BestCandidatesJob(QObject* parent = nullptr);
    // Asks a running selection to stop and waits for it (WorkerThread's destructor).
    ~BestCandidatesJob() override = default;

    // False (and nothing emitted) while a selection runs or when `input` has no predictor.
    bool start(BestCandidatesInput input, const widgets::BestCandidatesRequest& request);
    // Latency measurements and re-scoring stop at their next architecture (failed then says
    // "stopped"); predicting the pool itself runs to its end.
    void requestStop() { m_worker.requestCancel(); }
    [[nodiscard]] bool isRunning() const { return m_worker.isRunning(); }

  signals:
    // What the worker is doing, at most ~10 times a second.
    void progress(const QString& text);
    void finished(const nas::widgets::BestCandidates& result);
    // The selection did not run or did not end: a limit no network of the space can meet (with
    // every problem), a re-scoring without a checkpoint, a stop, any other error.
    void failed(const QString& message);

  private:
    void postProgress(const QString& text, bool always);

    std::chrono::steady_clock::time_point m_lastProgress;  // worker thread only
    // Last: destroyed (stopped and joined) first.
    WorkerThread m_worker;
};

}  // namespace nas::studio
