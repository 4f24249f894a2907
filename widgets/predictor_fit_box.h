#pragma once
// The predictor panel's fit controls: the options of `nas-studio-cli predictor fit` (model,
// samples, epochs, batch-norm mode of the scoring), Fit and Cancel, a progress bar over scoring and
// fitting, and a live plot of each ensemble member's held-out Spearman per reported epoch. It runs
// nothing itself: the studio's fit job reports into it.
#include <QGroupBox>
#include <string>

#include "predictor/predictor.h"

class QCPGraph;
class QComboBox;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace nas::widgets {

struct PredictorFitRequest {
    predictor::PredictorModel model = predictor::PredictorModel::Gcn;
    int samples = 200;             // uniform samples scored with the shared weights
    int epochs = 300;              // per ensemble member
    std::string bnMode = "batch";  // eval | recalibrate | batch
};

class PredictorFitBox final : public QGroupBox {
    Q_OBJECT
  public:
    explicit PredictorFitBox(QWidget* parent = nullptr);

    [[nodiscard]] PredictorFitRequest request() const;
    void setRequest(const PredictorFitRequest& request);
    // Fit needs a run with a checkpoint.
    void setFitAvailable(bool available);
    [[nodiscard]] bool isFitting() const { return m_fitting; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] int plottedPoints() const;

  public slots:
    void fitStarted();
    void architecturesScored(int done, int total);
    void fitProgress(const nas::predictor::FitProgress& progress);
    // ok: fitted and saved; cancelled: stopped on request; otherwise `message` says what failed.
    void fitFinished(bool ok, bool cancelled, const QString& message);

  signals:
    void fitRequested(const nas::widgets::PredictorFitRequest& request);
    void cancelRequested();

  private:
    void updateButtons();
    [[nodiscard]] QCPGraph* memberCurve(int member);

    QComboBox* m_model = nullptr;
    QSpinBox* m_samples = nullptr;
    QSpinBox* m_epochs = nullptr;
    QComboBox* m_bnMode = nullptr;
    QPushButton* m_fit = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QCustomPlot* m_plot = nullptr;
    bool m_available = false;
    bool m_fitting = false;
};

}  // namespace nas::widgets
