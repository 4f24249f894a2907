#include "widgets/best_candidates_form.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>

#include "widgets/limits_editor.h"

namespace nas::widgets {
namespace {
constexpr int kDefaultRescoreBatches = 20;
}  // namespace

BestCandidatesForm::BestCandidatesForm(QWidget* parent) : QWidget(parent) {
    m_limits = new LimitsEditor(
        QStringLiteral("best"), this,
        tr("Measured forward time at batch 1 on the CPU; only the best predicted are measured, in "
           "order, until enough meet the limit"));

    auto* counts = new QFormLayout;
    m_top = new QSpinBox(this);
    m_top->setObjectName(QStringLiteral("bestTopSpin"));
    m_top->setRange(1, 1000);
    m_top->setToolTip(tr("How many of the best predicted architectures to list"));
    counts->addRow(tr("Show the best:"), m_top);
    m_pool = new QSpinBox(this);
    m_pool->setObjectName(QStringLiteral("bestPoolSpin"));
    m_pool->setRange(1, 1000000);
    m_pool->setSingleStep(1000);
    m_pool->setGroupSeparatorShown(true);
    m_pool->setToolTip(tr("Distinct architectures sampled uniformly from the space"));
    counts->addRow(tr("Sample:"), m_pool);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("bestSeedSpin"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("Seed of the sampling: the same seed samples the same architectures"));
    counts->addRow(tr("Seed:"), m_seed);
    m_rescore = new QCheckBox(tr("Re-score with the shared weights"), this);
    m_rescore->setObjectName(QStringLiteral("bestRescoreCheck"));
    m_rescore->setToolTip(
        tr("Score the listed architectures again with the run's shared weights "
           "on more validation data, and order them by that score"));
    m_rescoreBatches = new QSpinBox(this);
    m_rescoreBatches->setObjectName(QStringLiteral("bestRescoreBatchesSpin"));
    m_rescoreBatches->setRange(1, 10000);
    m_rescoreBatches->setSuffix(tr(" batches"));
    m_rescoreBatches->setEnabled(false);
    connect(m_rescore, &QCheckBox::toggled, m_rescoreBatches, &QWidget::setEnabled);
    counts->addRow(m_rescore, m_rescoreBatches);

    m_find = new QPushButton(tr("Find"), this);
    m_find->setObjectName(QStringLiteral("bestFindButton"));
    m_find->setDefault(true);
    m_find->setToolTip(
        tr("Sample the space, keep what meets the limits, rank it by the predictor"));
    connect(m_find, &QPushButton::clicked, this, [this] { emit findRequested(request()); });

    auto* button = new QVBoxLayout;
    button->addStretch(1);
    button->addWidget(m_find);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_limits);
    layout->addSpacing(16);
    layout->addLayout(counts);
    layout->addSpacing(16);
    layout->addLayout(button);
    layout->addStretch(1);
    setRequest(m_base);
}

void BestCandidatesForm::setRequest(const BestCandidatesRequest& request) {
    m_base = request;
    const auto& options = request.selection;
    m_limits->setConstraints(options.constraints);
    m_top->setValue(options.top);
    m_pool->setValue(options.pool);
    m_seed->setValue(
        static_cast<int>(std::min<std::uint64_t>(options.seed, std::numeric_limits<int>::max())));
    m_rescore->setChecked(request.rescoreBatches > 0);
    m_rescoreBatches->setValue(request.rescoreBatches > 0 ? request.rescoreBatches
                                                          : kDefaultRescoreBatches);
}

BestCandidatesRequest BestCandidatesForm::request() const {
    BestCandidatesRequest r = m_base;
    auto& o = r.selection;
    // The editor's four limits; the rest of the request's constraints stay as they were given.
    const auto limits = m_limits->constraints();
    o.constraints.maxParams = limits.maxParams;
    o.constraints.maxFlops = limits.maxFlops;
    o.constraints.maxMac = limits.maxMac;
    o.constraints.maxLatencyMs = limits.maxLatencyMs;
    o.top = m_top->value();
    o.pool = m_pool->value();
    o.seed = static_cast<std::uint64_t>(m_seed->value());
    r.rescoreBatches = m_rescore->isChecked() ? m_rescoreBatches->value() : 0;
    return r;
}

void BestCandidatesForm::setBusy(bool busy) { m_find->setEnabled(!busy); }

}  // namespace nas::widgets
