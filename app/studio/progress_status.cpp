#include "app/studio/progress_status.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <algorithm>

#include "widgets/number_format.h"
#include "widgets/status_text.h"

namespace nas::studio {

ProgressStatus::ProgressStatus(QWidget* parent) : QWidget(parent) {
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("runStateLabel"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("runProgressBar"));
    m_bar->setRange(0, 1000);  // per mille: smooth even for long searches
    m_bar->setMaximumWidth(260);
    m_bar->setTextVisible(true);
    m_eta = new QLabel(this);
    m_eta->setObjectName(QStringLiteral("runEtaLabel"));
    m_eta->setMinimumWidth(110);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);
    layout->addWidget(m_bar);
    layout->addWidget(m_eta);
    showIdle(tr("Ready"));
}

void ProgressStatus::startRun(std::int64_t runId, int epochs, int startEpoch) {
    m_runId = runId;
    m_epochs = std::max(epochs, 1);
    m_bar->setVisible(true);
    m_bar->setValue(static_cast<int>(1000.0 * startEpoch / m_epochs));
    m_bar->setFormat(tr("epoch %1 of %2").arg(startEpoch + 1).arg(m_epochs));
    m_state->setText(tr("Run %1: starting").arg(runId));
    m_eta->setText(tr("ETA --:--"));
    m_firstStep = -1;
}

void ProgressStatus::showPhase(engine::SearchPhase phase) {
    switch (phase) {
        case engine::SearchPhase::LoadingData:
            m_state->setText(tr("Loading the dataset\u2026"));
            break;
        case engine::SearchPhase::BuildingSupernet:
            m_state->setText(tr("Building the supernet\u2026"));
            break;
        case engine::SearchPhase::FirstStep:
            m_state->setText(m_runId > 0
                                 ? tr("Run %1: first step (includes warm-up)\u2026").arg(m_runId)
                                 : tr("First step (includes warm-up)\u2026"));
            break;
    }
}

void ProgressStatus::showPausing() {
    m_state->setText(tr("Run %1: pausing\u2026 (after the current step)").arg(m_runId));
}

void ProgressStatus::showStep(const engine::StepEvent& step) {
    const double perEpoch = std::max(step.stepsPerEpoch, 1);
    const double done = (step.epoch + (step.stepInEpoch + 1) / perEpoch) / m_epochs;
    m_bar->setValue(static_cast<int>(std::clamp(done, 0.0, 1.0) * 1000.0));
    m_bar->setFormat(tr("epoch %1 of %2, step %3 of %4")
                         .arg(step.epoch + 1)
                         .arg(m_epochs)
                         .arg(step.stepInEpoch + 1)
                         .arg(step.stepsPerEpoch));
    if (m_firstStep < 0) {
        m_firstStep = step.step;
        m_state->setText(
            tr("Run %1: %2").arg(m_runId).arg(widgets::statusText(engine::RunStatus::Running)));
    }
    // An estimate from the first steps alone is mostly warm-up: wait for a few before showing one.
    if (step.step - m_firstStep + 1 >= kStepsBeforeEta)
        m_eta->setText(tr("ETA %1").arg(widgets::formatDuration(step.etaSeconds)));
    else
        m_eta->setText(tr("ETA: estimating\u2026"));
}

void ProgressStatus::showStatus(engine::RunStatus status) {
    m_state->setText(tr("Run %1: %2").arg(m_runId).arg(widgets::statusText(status)));
    if (status == engine::RunStatus::Finished) {
        m_bar->setValue(1000);
        m_eta->setText(tr("done"));
    }
}

void ProgressStatus::showIdle(const QString& text) {
    m_state->setText(text);
    m_bar->setVisible(false);
    m_eta->clear();
}

int ProgressStatus::progressPercent() const { return m_bar->value() / 10; }
QString ProgressStatus::etaText() const { return m_eta->text(); }
QString ProgressStatus::stateText() const { return m_state->text(); }

}  // namespace nas::studio
