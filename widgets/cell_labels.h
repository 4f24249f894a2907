#pragma once
// Names of cell states and edges as the views print them: states 0 and 1 are the cell inputs
// c_{k-2} and c_{k-1}, state 2+i is intermediate node i, and c_{k} is the cell output.
#include <QString>

namespace nas::widgets {

[[nodiscard]] QString stateLabel(int state);
[[nodiscard]] QString outputLabel();
// The same as rich text, with real subscripts (c<sub>k-2</sub>), for drawings.
[[nodiscard]] QString stateHtml(int state);
[[nodiscard]] QString outputHtml();
// "c_{k-1} → 2" for supernet edge index `edge` (DARTS edge order).
[[nodiscard]] QString edgeLabel(int edge);

}  // namespace nas::widgets
