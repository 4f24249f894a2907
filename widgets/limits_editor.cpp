#include "widgets/limits_editor.h"

#include <QCheckBox>
#include <QFormLayout>

#include "widgets/trimmed_spin_box.h"

namespace nas::widgets {
namespace {
constexpr double kMillion = 1e6;
}  // namespace

LimitsEditor::LimitsEditor(const QString& namePrefix, QWidget* parent, const QString& latencyTip)
    : QWidget(parent) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_params =
        addLimit(namePrefix + QStringLiteral("MaxParams"), tr("Max parameters"),
                 tr("Learnable parameters of the network, in millions"), kMillion, 6, tr(" M"));
    m_flops = addLimit(namePrefix + QStringLiteral("MaxFlops"), tr("Max FLOPs"),
                       tr("Multiply-adds of one forward pass, in millions"), kMillion, 6, tr(" M"));
    m_mac = addLimit(namePrefix + QStringLiteral("MaxMac"), tr("Max memory access"),
                     tr("Elements read and written in one forward pass, in millions"), kMillion, 6,
                     tr(" M"));
    m_latency = addLimit(
        namePrefix + QStringLiteral("MaxLatency"), tr("Max latency"),
        latencyTip.isEmpty() ? tr("Forward time at batch 1 on the CPU, once measured") : latencyTip,
        1.0, 3, tr(" ms"));
    for (const Limit* limit : {&m_params, &m_flops, &m_mac, &m_latency})
        form->addRow(limit->use, limit->value);
}

LimitsEditor::Limit LimitsEditor::addLimit(const QString& name, const QString& label,
                                           const QString& tip, double unit, int decimals,
                                           const QString& suffix) {
    Limit limit;
    limit.unit = unit;
    limit.use = new QCheckBox(label, this);
    limit.use->setObjectName(name + QStringLiteral("Check"));
    limit.value = new TrimmedSpinBox(this);
    limit.value->setObjectName(name + QStringLiteral("Spin"));
    limit.value->setDecimals(decimals);
    limit.value->setRange(0.0, 1e7);
    limit.value->setSingleStep(unit == kMillion ? 0.01 : 1.0);
    limit.value->setSuffix(suffix);
    limit.value->setToolTip(tip);
    limit.value->setEnabled(false);
    connect(limit.use, &QCheckBox::toggled, limit.value, &QWidget::setEnabled);
    connect(limit.use, &QCheckBox::toggled, this, [this] {
        if (!m_setting) emit changed();
    });
    connect(limit.value, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this] {
        if (!m_setting) emit changed();
    });
    return limit;
}

std::optional<double> LimitsEditor::read(const Limit& limit) {
    if (!limit.use->isChecked()) return std::nullopt;
    return limit.value->value() * limit.unit;
}

void LimitsEditor::showLimit(const Limit& limit, const std::optional<double>& value) {
    limit.use->setChecked(value.has_value());
    if (value) limit.value->setValue(*value / limit.unit);
}

engine::Constraints LimitsEditor::constraints() const {
    engine::Constraints c;
    c.maxParams = read(m_params);
    c.maxFlops = read(m_flops);
    c.maxMac = read(m_mac);
    c.maxLatencyMs = read(m_latency);
    return c;
}

void LimitsEditor::setConstraints(const engine::Constraints& constraints) {
    m_setting = true;
    showLimit(m_params, constraints.maxParams);
    showLimit(m_flops, constraints.maxFlops);
    showLimit(m_mac, constraints.maxMac);
    showLimit(m_latency, constraints.maxLatencyMs);
    m_setting = false;
    emit changed();
}

}  // namespace nas::widgets
