#pragma once
// A decimal spin box that shows its value without trailing zeros. Limits in millions need six
// decimals for small networks (10 parameters is 0.00001 M), but "0.040000 M" reads badly.
#include <QDoubleSpinBox>

namespace nas::widgets {

class TrimmedSpinBox final : public QDoubleSpinBox {
    Q_OBJECT
  public:
    using QDoubleSpinBox::QDoubleSpinBox;
    [[nodiscard]] QString textFromValue(double value) const override;
};

}  // namespace nas::widgets
