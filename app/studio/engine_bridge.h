#pragma once
// Runs one SearchSession as the studio's WorkerThread and hands its reports to the GUI thread in
// coalesced batches (ReportCoalescer). Commands are plain SearchControl calls, which are
// thread-safe and applied by the engine between steps.
#include <QObject>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "app/studio/engine_batch.h"
#include "app/studio/report_coalescer.h"
#include "app/studio/worker_thread.h"
#include "engine/search_config.h"
#include "engine/search_control.h"
#include "engine/search_session.h"

namespace nas::studio {

class EngineBridge final : public QObject {
    Q_OBJECT
  public:
    // ~25 Hz: smooth to the eye, and a fast search cannot flood the event loop.
    static constexpr int kDefaultFlushMs = 40;

    explicit EngineBridge(QObject* parent = nullptr);
    // Stops a running search and waits for it: the run stays resumable from its checkpoint.
    ~EngineBridge() override;

    // Starts a new run, or continues run `runId`; false when a search is already running.
    bool startNew(const engine::SearchConfig& config, const QString& workspaceRoot);
    bool startResume(std::int64_t runId, const QString& workspaceRoot);

    [[nodiscard]] bool isRunning() const { return m_worker.isRunning(); }
    [[nodiscard]] bool isPaused() const { return m_paused; }
    // A pause was requested and the engine has not reached its next step boundary yet.
    [[nodiscard]] bool isPausing() const { return m_pausing; }
    // The run being worked on, once the engine has reported it.
    [[nodiscard]] std::optional<std::int64_t> runId() const;
    [[nodiscard]] int flushCount() const { return m_flushes; }
    void setFlushInterval(int milliseconds) { m_reports.setInterval(milliseconds); }

    void requestPause();
    void requestResume();
    void requestStop();
    void requestCheckpoint();
    void setConstraints(const engine::Constraints& constraints);
    // Scores `genotype` with the running search's shared weights, between two of its steps (or at
    // once while paused), on `batches` validation batches (0: the config's). `onAnswer` runs on the
    // GUI thread; false when no search is running (a search that ends first never answers).
    bool scoreArchitecture(const space::Genotype& genotype, int batches,
                           std::function<void(const engine::SubnetScore&)> onAnswer);
    // Requests a stop and blocks until the worker has finished (window close, tests).
    void stopAndWait();

  signals:
    void batchReady(const nas::studio::EngineBatch& batch);
    void finished(const nas::engine::SearchOutcome& outcome);
    void runningChanged(bool running);
    void pausedChanged(bool paused);

  private:
    class Observer;
    friend class Observer;

    void deliver(EngineBatch batch);
    // After the worker was joined: its last reports, then the outcome.
    void workerDone();
    bool launch(
        std::function<engine::SearchOutcome(engine::SearchObserver&, engine::SearchControl&)> body);

    std::unique_ptr<engine::SearchControl> m_control;
    std::unique_ptr<Observer> m_observer;
    ReportCoalescer<EngineBatch> m_reports;
    mutable std::mutex m_mutex;  // guards the two below
    std::optional<engine::SearchOutcome> m_outcome;
    std::optional<std::int64_t> m_runId;
    bool m_paused = false;   // GUI thread only
    bool m_pausing = false;  // GUI thread only
    int m_flushes = 0;       // GUI thread only
    // Last: destroyed first, so the engine thread is joined before what it reports into goes.
    WorkerThread m_worker;
};

}  // namespace nas::studio
