#include "widgets/strategy_options_form.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <climits>
#include <variant>

#include "search/registry/strategy_registry.h"
#include "widgets/qt_text.h"

namespace nas::widgets {
namespace {

QString fieldName(const std::string& strategy, const std::string& key) {
    return toQString("option_" + strategy + "_" + key);
}

// One field for one setting, typed by its default; `value` is the config's value or the default.
QWidget* makeField(QWidget* parent, const search::StrategyOption& option,
                   const nlohmann::json& value, StrategyOptionsForm* form) {
    struct Maker {
        QWidget* parent;
        const nlohmann::json& value;
        StrategyOptionsForm* form;
        QWidget* operator()(bool fallback) const {
            auto* box = new QCheckBox(parent);
            box->setChecked(value.is_boolean() ? value.get<bool>() : fallback);
            QObject::connect(box, &QCheckBox::toggled, form, &StrategyOptionsForm::changed);
            return box;
        }
        QWidget* operator()(std::int64_t fallback) const {
            // Any whole number can be typed: the strategy's own checks say what is out of range.
            auto* spin = new QSpinBox(parent);
            spin->setRange(INT_MIN, INT_MAX);
            spin->setValue(
                static_cast<int>(value.is_number_integer() ? value.get<std::int64_t>() : fallback));
            QObject::connect(spin, qOverload<int>(&QSpinBox::valueChanged), form,
                             &StrategyOptionsForm::changed);
            return spin;
        }
        QWidget* operator()(double fallback) const {
            auto* spin = new QDoubleSpinBox(parent);
            spin->setDecimals(6);
            spin->setRange(-1e12, 1e12);
            spin->setValue(value.is_number() ? value.get<double>() : fallback);
            QObject::connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), form,
                             &StrategyOptionsForm::changed);
            return spin;
        }
        QWidget* operator()(const std::string& fallback) const {
            auto* edit = new QLineEdit(
                toQString(value.is_string() ? value.get<std::string>() : fallback), parent);
            QObject::connect(edit, &QLineEdit::textChanged, form, &StrategyOptionsForm::changed);
            return edit;
        }
    };
    return std::visit(Maker{parent, value, form}, option.defaultValue);
}

// The field's value as JSON, typed like the setting's default.
nlohmann::json fieldValue(const QWidget* field, const search::StrategyOption& option) {
    if (const auto* box = qobject_cast<const QCheckBox*>(field)) return box->isChecked();
    if (const auto* spin = qobject_cast<const QSpinBox*>(field))
        return static_cast<std::int64_t>(spin->value());
    if (const auto* spin = qobject_cast<const QDoubleSpinBox*>(field)) return spin->value();
    if (const auto* edit = qobject_cast<const QLineEdit*>(field))
        return toStdString(edit->text().trimmed());
    nlohmann::json fallback;
    std::visit([&fallback](const auto& v) { fallback = v; }, option.defaultValue);
    return fallback;
}

}  // namespace

StrategyOptionsForm::StrategyOptionsForm(QWidget* parent) : QWidget(parent) {
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
}

void StrategyOptionsForm::showStrategy(const std::string& strategy, const nlohmann::json& section) {
    while (m_form->rowCount() > 0) m_form->removeRow(0);
    m_strategy = strategy;
    const auto* descriptor = search::findStrategy(strategy);
    if (!descriptor) return;
    for (const auto& option : descriptor->options) {
        const nlohmann::json::json_pointer where(search::optionJsonPointer(option.key));
        const auto value =
            section.is_object() && section.contains(where) ? section.at(where) : nlohmann::json();
        QWidget* field = makeField(this, option, value, this);
        field->setObjectName(fieldName(strategy, option.key));
        field->setToolTip(toQString(option.description));
        m_form->addRow(toQString(option.key) + QLatin1Char(':'), field);
    }
}

nlohmann::json StrategyOptionsForm::section() const {
    nlohmann::json values = nlohmann::json::object();
    const auto* descriptor = search::findStrategy(m_strategy);
    if (!descriptor) return values;
    for (const auto& option : descriptor->options)
        if (const auto* field = findChild<QWidget*>(fieldName(m_strategy, option.key)))
            values[nlohmann::json::json_pointer(search::optionJsonPointer(option.key))] =
                fieldValue(field, option);
    return values;
}

}  // namespace nas::widgets
