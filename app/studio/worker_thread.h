#pragma once
// The studio's one way to run long work off the GUI thread (a search, a training, soon a predictor
// fit): one worker at a time, an atomic cancel the work polls, a done-notice queued to the GUI
// thread, and a clean join, also on close. Owners add what their work reports (EngineBridge,
// TrainJob) and coalesce it with ReportCoalescer.
#include <QObject>
#include <atomic>
#include <functional>
#include <thread>

namespace nas::studio {

class WorkerThread final : public QObject {
    Q_OBJECT
  public:
    explicit WorkerThread(QObject* parent = nullptr);
    // Cancels the work and waits for it: nothing outlives the window that started it.
    ~WorkerThread() override;

    // Runs `work` on a new thread; `done` runs on the GUI thread after it returned and was joined.
    // False while a worker runs.
    bool start(std::function<void()> work, std::function<void()> done);
    [[nodiscard]] bool isRunning() const { return m_thread.joinable(); }

    // Set by requestCancel, cleared by start; the work polls it between units of work.
    void requestCancel() { m_cancel = true; }
    [[nodiscard]] bool cancelRequested() const { return m_cancel.load(); }
    // The flag itself, for work that takes a cancel pointer (Predictor::fit, runFitJob).
    [[nodiscard]] const std::atomic<bool>* cancelFlag() const { return &m_cancel; }

    // Blocks until the work has returned, then runs its `done` at once (its queued notice is then
    // ignored). The owner asks its work to stop first.
    void join();

  private:
    void finish(unsigned generation);

    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    std::function<void()> m_done;  // GUI thread only
    unsigned m_generation = 0;     // GUI thread only: which worker a done-notice belongs to
};

}  // namespace nas::studio
