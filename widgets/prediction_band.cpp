#include "widgets/prediction_band.h"

#include <QPainter>
#include <algorithm>

#include "widgets/number_format.h"

namespace nas::widgets {

PredictionBand::PredictionBand(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("predictionBand"));
    setMinimumSize(200, 40);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void PredictionBand::setRange(double low, double high) {
    const double pad = std::max(0.05 * (high - low), 1e-3);
    m_low = low - pad;
    m_high = high + pad;
    update();
}

void PredictionBand::setPrediction(std::optional<predictor::Prediction> prediction) {
    m_prediction = prediction;
    update();
}

void PredictionBand::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF bar = QRectF(rect()).adjusted(8, 4, -8, -18);
    painter.fillRect(bar, QColor(0xf0, 0xf0, 0xf0));
    painter.setPen(QPen(QColor(0xb0, 0xb0, 0xb0), 1));
    painter.drawRect(bar);
    auto x = [&](double value) {
        const double t = std::clamp((value - m_low) / std::max(m_high - m_low, 1e-12), 0.0, 1.0);
        return bar.left() + t * bar.width();
    };
    // The axis ends, as percentages.
    painter.setPen(palette().color(QPalette::WindowText));
    const QRectF below(bar.left(), bar.bottom() + 2, bar.width(), 14);
    painter.drawText(below, Qt::AlignLeft | Qt::AlignTop, formatPercent(m_low));
    painter.drawText(below, Qt::AlignRight | Qt::AlignTop, formatPercent(m_high));
    if (!m_prediction) return;
    const double mean = m_prediction->mean;
    const double spread = m_prediction->std;
    const QRectF band(QPointF(x(mean - spread), bar.top()),
                      QPointF(x(mean + spread), bar.bottom()));
    painter.fillRect(band, QColor(0x4c, 0x72, 0xb0, 90));
    painter.setPen(QPen(QColor(0x1f, 0x3a, 0x68), 3));
    painter.drawLine(QPointF(x(mean), bar.top()), QPointF(x(mean), bar.bottom()));
}

}  // namespace nas::widgets
