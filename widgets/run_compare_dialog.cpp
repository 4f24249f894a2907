#include "widgets/run_compare_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include "widgets/number_format.h"
#include "widgets/qt_text.h"
#include "widgets/status_text.h"
#include "widgets/training_curves_view.h"

namespace nas::widgets {
namespace {

QWidget* column(const RunReplay& replay, TrainingCurvesView*& curves, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* heading = new QLabel(box);
    const auto& r = replay.record;
    heading->setText(
        QStringLiteral("<b>%1</b><br/>%2")
            .arg(runHeading(r).toHtmlEscaped(),
                 RunCompareDialog::tr("%1, best validation accuracy %2, %3 parameters")
                     .arg(statusText(r.status),
                          r.bestValidAccuracy ? formatPercent(*r.bestValidAccuracy)
                                              : RunCompareDialog::tr("none yet"),
                          r.params ? formatCount(*r.params) : RunCompareDialog::tr("unknown"))
                     .toHtmlEscaped()));
    curves = new TrainingCurvesView(box);
    curves->setRun(replay.steps, replay.epochs,
                   replay.config ? replay.config->constraints : engine::Constraints{},
                   replay.constraintChanges);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(heading);
    layout->addWidget(curves, 1);
    return box;
}

}  // namespace

QString runHeading(const store::RunRecord& run) {
    return RunCompareDialog::tr("#%1 %2 (%3, %4)")
        .arg(run.id)
        .arg(toQString(run.name), strategyText(run.strategy), datasetText(run.dataset));
}

RunCompareDialog::RunCompareDialog(const RunReplay& first, const RunReplay& second, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("runCompareDialog"));
    setWindowTitle(tr("Compare runs %1 and %2").arg(first.record.id).arg(second.record.id));
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(column(first, m_left, split));
    split->addWidget(column(second, m_right, split));
    m_left->setObjectName(QStringLiteral("compareCurvesLeft"));
    m_right->setObjectName(QStringLiteral("compareCurvesRight"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("compareButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(1400, 800);
}

}  // namespace nas::widgets
