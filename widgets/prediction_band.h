#pragma once
// A predicted score drawn as a bar over the range the predictor was fitted on: the mean as a line,
// mean ± std (the ensemble's spread) as a shaded band, so a wide band reads as "unsure" at once.
#include <QWidget>
#include <optional>

#include "predictor/predictor.h"

namespace nas::widgets {

class PredictionBand final : public QWidget {
    Q_OBJECT
  public:
    explicit PredictionBand(QWidget* parent = nullptr);

    // The scores the axis spans (the training scores' minimum and maximum); widened a little.
    void setRange(double low, double high);
    void setPrediction(std::optional<predictor::Prediction> prediction);
    [[nodiscard]] const std::optional<predictor::Prediction>& prediction() const {
        return m_prediction;
    }
    [[nodiscard]] QSize sizeHint() const override { return {320, 44}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    double m_low = 0;
    double m_high = 1;
    std::optional<predictor::Prediction> m_prediction;
};

}  // namespace nas::widgets
