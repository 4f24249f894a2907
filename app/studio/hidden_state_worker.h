#pragma once
// The hidden-state study off the GUI thread. One add() measures ~2 x window exact graph edit
// distances and a controller epoch delivers hundreds of samples at once, so samples queue here and
// a WorkerThread feeds them to a HiddenStateTracker; snapshots (correlations, the scatter's pairs,
// the PCA points) come back through a ReportCoalescer, the newest one only.
#include <QObject>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "app/studio/report_coalescer.h"
#include "app/studio/worker_thread.h"
#include "engine/events.h"
#include "space/space_config.h"
#include "widgets/hidden_state_tracker.h"

namespace nas::studio {

class HiddenStateWorker final : public QObject {
    Q_OBJECT
  public:
    explicit HiddenStateWorker(QObject* parent = nullptr);
    ~HiddenStateWorker() override;

    // Forgets every sample (a running study is cancelled and joined first); `space` prices the
    // architectures for the map's params colouring.
    void reset(std::optional<space::SpaceConfig> space, study::StudyOptions options = {});
    // Queues the samples and starts the worker if it is idle. Samples without hidden states are
    // skipped by the study.
    void addSamples(const std::vector<engine::SampleRecord>& samples);
    // Nothing queued, nothing running: the last snapshot has been delivered.
    [[nodiscard]] bool isIdle() const;
    [[nodiscard]] int window() const { return m_options.window; }

  signals:
    void snapshotReady(const nas::widgets::HiddenStateSnapshot& snapshot);
    // Every queued sample is studied and its snapshot delivered (after the last snapshotReady).
    void idle();

  private:
    struct Report {
        std::optional<widgets::HiddenStateSnapshot> snapshot;
        [[nodiscard]] bool empty() const { return !snapshot; }
    };
    void startIfQueued();
    void study();  // on the worker thread
    void postSnapshot();

    study::StudyOptions m_options;
    mutable std::mutex m_mutex;
    std::vector<engine::SampleRecord> m_queue;  // guarded by m_mutex
    // Touched by the worker thread while it runs, by the GUI thread only when it does not.
    std::unique_ptr<widgets::HiddenStateTracker> m_tracker;
    ReportCoalescer<Report> m_reports;
    WorkerThread m_worker;  // last: destroyed first, so the work is joined before the rest goes
};

}  // namespace nas::studio
