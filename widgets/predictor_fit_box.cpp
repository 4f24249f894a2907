#include "widgets/predictor_fit_box.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "widgets/curve_plot.h"

namespace nas::widgets {
namespace {

// Scoring and fitting each fill half of the progress bar.
constexpr int kProgressSteps = 1000;
const QColor kMemberColors[] = {QColor(0x31, 0x82, 0xbd), QColor(0xe6, 0x55, 0x0d),
                                QColor(0x31, 0xa3, 0x54), QColor(0x75, 0x70, 0xb3),
                                QColor(0x63, 0x63, 0x63)};

}  // namespace

PredictorFitBox::PredictorFitBox(QWidget* parent) : QGroupBox(tr("Fit a predictor"), parent) {
    setObjectName(QStringLiteral("predictorFitBox"));
    auto* form = new QFormLayout;
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("fitModelChoice"));
    m_model->addItem(tr("GCN (graph convolutions)"), QStringLiteral("gcn"));
    m_model->addItem(tr("MLP (flat encoding)"), QStringLiteral("mlp"));
    form->addRow(tr("Model:"), m_model);
    m_samples = new QSpinBox(this);
    m_samples->setObjectName(QStringLiteral("fitSamplesSpin"));
    m_samples->setRange(0, 100000);
    m_samples->setToolTip(
        tr("Uniform samples of the space, each scored with the run's shared weights; the run's "
           "recorded samples are added"));
    form->addRow(tr("Samples:"), m_samples);
    m_epochs = new QSpinBox(this);
    m_epochs->setObjectName(QStringLiteral("fitEpochsSpin"));
    m_epochs->setRange(1, 100000);
    form->addRow(tr("Epochs:"), m_epochs);
    m_bnMode = new QComboBox(this);
    m_bnMode->setObjectName(QStringLiteral("fitBnModeChoice"));
    m_bnMode->addItem(tr("batch statistics"), QStringLiteral("batch"));
    m_bnMode->addItem(tr("running statistics"), QStringLiteral("eval"));
    m_bnMode->addItem(tr("recalibrated"), QStringLiteral("recalibrate"));
    m_bnMode->setToolTip(tr("How batch norm runs while the shared weights score a sample"));
    form->addRow(tr("Batch norm:"), m_bnMode);

    m_fit = new QPushButton(tr("Fit"), this);
    m_fit->setObjectName(QStringLiteral("fitButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("fitCancelButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_fit);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("fitProgressBar"));
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("fitStatusLabel"));
    m_status->setWordWrap(true);
    m_plot = makeCurvePlot(this, QStringLiteral("fitSpearmanPlot"), tr("Held-out Spearman"),
                           tr("epoch"), tr("Spearman's \u03c1"));
    m_plot->yAxis->setRange(-1, 1);
    m_plot->setMinimumHeight(170);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_plot, 1);

    setRequest(PredictorFitRequest{});
    connect(m_fit, &QPushButton::clicked, this, [this] { emit fitRequested(request()); });
    connect(m_cancel, &QPushButton::clicked, this, &PredictorFitBox::cancelRequested);
    updateButtons();
}

PredictorFitRequest PredictorFitBox::request() const {
    PredictorFitRequest r;
    r.model = predictor::predictorModelFromName(m_model->currentData().toString().toStdString());
    r.samples = m_samples->value();
    r.epochs = m_epochs->value();
    r.bnMode = m_bnMode->currentData().toString().toStdString();
    return r;
}

void PredictorFitBox::setRequest(const PredictorFitRequest& r) {
    m_model->setCurrentIndex(
        m_model->findData(QString::fromStdString(predictor::toString(r.model))));
    m_samples->setValue(r.samples);
    m_epochs->setValue(r.epochs);
    const int bn = m_bnMode->findData(QString::fromStdString(r.bnMode));
    if (bn >= 0) m_bnMode->setCurrentIndex(bn);
}

void PredictorFitBox::setFitAvailable(bool available) {
    m_available = available;
    updateButtons();
}

QString PredictorFitBox::statusText() const { return m_status->text(); }

int PredictorFitBox::plottedPoints() const {
    int points = 0;
    for (int g = 0; g < m_plot->graphCount(); ++g) points += m_plot->graph(g)->dataCount();
    return points;
}

void PredictorFitBox::fitStarted() {
    m_fitting = true;
    m_plot->clearGraphs();
    m_plot->xAxis->setRange(0, std::max(1, m_epochs->value()));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    m_progress->setValue(0);
    m_status->setText(tr("Scoring architectures with the run's shared weights\u2026"));
    updateButtons();
}

void PredictorFitBox::architecturesScored(int done, int total) {
    if (!m_fitting || total <= 0) return;
    m_progress->setValue(kProgressSteps / 2 * done / total);
    m_status->setText(
        tr("Scored %1 of %2 architectures with the shared weights").arg(done).arg(total));
}

QCPGraph* PredictorFitBox::memberCurve(int member) {
    while (m_plot->graphCount() <= member) {
        const int m = m_plot->graphCount();
        addCurve(m_plot, tr("member %1").arg(m + 1),
                 kMemberColors[m % static_cast<int>(std::size(kMemberColors))], true);
    }
    return m_plot->graph(member);
}

void PredictorFitBox::fitProgress(const predictor::FitProgress& p) {
    if (!m_fitting) return;
    const int members = std::max(p.members, 1);
    const int epochs = std::max(p.epochs, 1);
    const double fitted = (p.member + static_cast<double>(p.epoch) / epochs) / members;
    m_progress->setValue(kProgressSteps / 2 + static_cast<int>(fitted * kProgressSteps / 2));
    QString text = tr("Fitting member %1 of %2: epoch %3 of %4, loss %5")
                       .arg(p.member + 1)
                       .arg(members)
                       .arg(p.epoch)
                       .arg(epochs)
                       .arg(p.trainLoss, 0, 'f', 4);
    if (p.heldOutSpearman && std::isfinite(*p.heldOutSpearman)) {
        memberCurve(p.member)->addData(p.epoch, *p.heldOutSpearman);
        m_plot->xAxis->setRange(0, epochs);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        text += tr(", held-out Spearman %1").arg(*p.heldOutSpearman, 0, 'f', 3);
    }
    m_status->setText(text);
}

void PredictorFitBox::fitFinished(bool ok, bool cancelled, const QString& message) {
    m_fitting = false;
    if (ok) {
        m_progress->setValue(kProgressSteps);
        m_status->setText(message.isEmpty() ? tr("Fitted and saved with the run.") : message);
    } else if (cancelled) {
        m_status->setText(tr("Cancelled; the saved predictor is unchanged."));
    } else {
        m_status->setText(tr("The fit failed: %1").arg(message));
    }
    updateButtons();
}

void PredictorFitBox::updateButtons() {
    m_fit->setEnabled(m_available && !m_fitting);
    m_cancel->setEnabled(m_fitting);
    for (QWidget* option : std::initializer_list<QWidget*>{m_model, m_samples, m_epochs, m_bnMode})
        option->setEnabled(!m_fitting);
}

}  // namespace nas::widgets
