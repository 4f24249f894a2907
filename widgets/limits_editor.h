#pragma once
// Optional limits on a network's parameters, FLOPs and memory access (edited in millions) and on
// its measured latency (ms): a check box and a value per limit, read and written as
// engine::Constraints (the SNAS strength is not edited here and reads as 0).
#include <QWidget>
#include <optional>

#include "engine/events.h"

class QCheckBox;
class QDoubleSpinBox;

namespace nas::widgets {

class LimitsEditor final : public QWidget {
    Q_OBJECT
  public:
    // Child object names start with `namePrefix`: <prefix>MaxParamsCheck, <prefix>MaxParamsSpin...
    // `latencyTip` says how the latency limit is checked where the default does not fit.
    explicit LimitsEditor(const QString& namePrefix, QWidget* parent = nullptr,
                          const QString& latencyTip = {});

    [[nodiscard]] engine::Constraints constraints() const;
    // Shows `constraints`' limits; emits changed once.
    void setConstraints(const engine::Constraints& constraints);

  signals:
    void changed();

  private:
    struct Limit {
        QCheckBox* use = nullptr;
        QDoubleSpinBox* value = nullptr;
        double unit = 1;  // of the value shown (1e6: millions)
    };
    Limit addLimit(const QString& name, const QString& label, const QString& tip, double unit,
                   int decimals, const QString& suffix);
    [[nodiscard]] static std::optional<double> read(const Limit& limit);
    static void showLimit(const Limit& limit, const std::optional<double>& value);

    Limit m_params, m_flops, m_mac, m_latency;
    bool m_setting = false;
};

}  // namespace nas::widgets
