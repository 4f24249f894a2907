#include "widgets/trimmed_spin_box.h"

namespace nas::widgets {

QString TrimmedSpinBox::textFromValue(double value) const {
    QString text = locale().toString(value, 'f', decimals());
    if (!isGroupSeparatorShown()) text.remove(locale().groupSeparator());
    const QString point = locale().decimalPoint();
    if (!text.contains(point)) return text;
    while (text.endsWith(QLatin1Char('0'))) text.chop(1);
    if (text.endsWith(point)) text.chop(point.size());
    return text;
}

}  // namespace nas::widgets
