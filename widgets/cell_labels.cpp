#include "widgets/cell_labels.h"

#include "space/space_config.h"

namespace nas::widgets {

QString stateLabel(int state) {
    if (state == 0) return QStringLiteral("c_{k-2}");
    if (state == 1) return QStringLiteral("c_{k-1}");
    return QString::number(state - 2);
}

QString outputLabel() { return QStringLiteral("c_{k}"); }

QString stateHtml(int state) {
    if (state == 0) return QStringLiteral("c<sub>k\u22122</sub>");
    if (state == 1) return QStringLiteral("c<sub>k\u22121</sub>");
    return QString::number(state - 2);
}

QString outputHtml() { return QStringLiteral("c<sub>k</sub>"); }

QString edgeLabel(int edge) {
    return QStringLiteral("%1 \u2192 %2")
        .arg(stateLabel(space::edgeSource(edge)))
        .arg(space::edgeTarget(edge));
}

}  // namespace nas::widgets
