#pragma once
// "Train found cell": trains the run's derived genotype from scratch at a size the user picks,
// shows progress and test accuracy per epoch, and keeps the weights in the run folder for export.
#include <QDialog>
#include <cstdint>

#include "engine/search_config.h"
#include "space/genotype.h"

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace nas::studio {

class TrainJob;

struct TrainSubject {
    std::int64_t runId = 0;
    space::Genotype genotype;
    engine::DatasetConfig dataset;  // the run's data; the dialog sets the limits
    QString runFolder;
};

class TrainDialog final : public QDialog {
    Q_OBJECT
  public:
    explicit TrainDialog(TrainSubject subject, QWidget* parent = nullptr);

    [[nodiscard]] TrainJob* job() const { return m_job; }
    [[nodiscard]] QString resultText() const;
    // Starts training with the form's values (the Train button).
    void startTraining();

  signals:
    // Weights and trained.json are in the run folder.
    void trained(std::int64_t runId);

  protected:
    void reject() override;  // Close/Escape: stops a running training first

  private:
    void onFinished(bool ok, bool stopped, double testAccuracy, double params,
                    const QString& message);
    void setRunning(bool running);

    TrainSubject m_subject;
    TrainJob* m_job = nullptr;
    QSpinBox* m_channels = nullptr;
    QSpinBox* m_layers = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_batch = nullptr;
    QSpinBox* m_trainImages = nullptr;
    QProgressBar* m_progress = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_train = nullptr;
    QPushButton* m_stop = nullptr;
};

}  // namespace nas::studio
