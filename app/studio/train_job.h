#pragma once
// Trains a run's derived genotype from scratch as the studio's WorkerThread (engine::trainForRun),
// so the window stays responsive; progress reaches the GUI thread at most ~10 times a second. The
// weights and trained.json land in the run's folder, where the export dialog finds them.
#include <QObject>
#include <QString>
#include <chrono>

#include "app/studio/worker_thread.h"
#include "engine/trainer.h"

namespace nas::studio {

class TrainJob final : public QObject {
    Q_OBJECT
  public:
    explicit TrainJob(QObject* parent = nullptr);
    // Stops a running training and waits for it (nothing is saved then).
    ~TrainJob() override;

    // False when a training is already running.
    bool start(const space::Genotype& genotype, const engine::TrainConfig& config,
               const QString& runFolder);
    void requestStop() { m_worker.requestCancel(); }
    [[nodiscard]] bool isRunning() const { return m_worker.isRunning(); }

  signals:
    // Overall progress in [0, 1] and the running epoch's mean training loss.
    void progress(double fraction, int epoch, double trainLoss);
    void epochDone(int epoch, double trainLoss, double trainAccuracy, double testAccuracy,
                   double seconds);
    // ok: trained and saved; stopped: ended on request; otherwise `message` says what failed.
    void finished(bool ok, bool stopped, double testAccuracy, double params,
                  const QString& message);

  private:
    void report(const engine::TrainEpoch& epoch, int step, int steps, int epochs);

    std::chrono::steady_clock::time_point m_lastReport;  // worker thread only
    // Last: destroyed (cancelled and joined) first.
    WorkerThread m_worker;
};

}  // namespace nas::studio
