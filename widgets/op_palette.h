#pragma once
// One colour per candidate op, the same in every view (heat map legend, stacked areas, cell DAG),
// so a researcher learns "orange is sep_conv_3x3" once.
#include <QColor>
#include <QString>
#include <string>

namespace nas::widgets {

// The op's colour; ops outside the catalogue get a stable colour derived from the name.
[[nodiscard]] QColor opColor(const std::string& op);
// A short label for tight spaces: "sep_conv_3x3" -> "sep 3x3".
[[nodiscard]] QString opShortLabel(const std::string& op);

}  // namespace nas::widgets
