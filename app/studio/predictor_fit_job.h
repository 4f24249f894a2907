#pragma once
// A predictor fit (predictor::runFitJob: score the pool with the run's shared weights, fit on four
// fifths, report the held-out fifth) as the studio's WorkerThread, so the window stays responsive.
// Progress reaches the GUI thread in batches through a ReportCoalescer. Only a fit that ran to its
// end is saved to the run folder: a cancelled or failed one leaves the saved predictor as it was.
#include <QObject>
#include <QString>
#include <vector>

#include "app/studio/report_coalescer.h"
#include "app/studio/worker_thread.h"
#include "predictor/fit_job.h"

namespace nas::studio {

class PredictorFitJob final : public QObject {
    Q_OBJECT
  public:
    explicit PredictorFitJob(QObject* parent = nullptr);
    // Cancels a running fit and waits for it (nothing is saved then).
    ~PredictorFitJob() override;

    // Fits on the worker thread and saves the predictor to `savePath`. False when a fit runs.
    bool start(predictor::FitRun run, predictor::FitJobOptions options, QString savePath);
    void requestCancel() { m_worker.requestCancel(); }
    [[nodiscard]] bool isRunning() const { return m_worker.isRunning(); }

  signals:
    void scored(int done, int total);
    void progress(const nas::predictor::FitProgress& progress);
    // ok: fitted and saved (heldOutSpearman: on the held-out fifth); cancelled: stopped on request;
    // otherwise `message` says what failed.
    void finished(bool ok, bool cancelled, double heldOutSpearman, const QString& message);

  private:
    struct Report {
        std::optional<std::pair<int, int>> scored;
        std::vector<predictor::FitProgress> progress;
        [[nodiscard]] bool empty() const { return !scored && progress.empty(); }
    };

    ReportCoalescer<Report> m_reports;
    // Last: destroyed (cancelled and joined) first.
    WorkerThread m_worker;
};

}  // namespace nas::studio
