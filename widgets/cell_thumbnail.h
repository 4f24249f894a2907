#pragma once
// A cell drawing (cell_dag_scene.h) shrunk into a small picture, for icons in tables and lists.
#include <QPixmap>
#include <QSize>

#include "space/genotype.h"

namespace nas::widgets {

// `cell` drawn without a title, scaled to fit `size` (logical pixels) keeping its aspect ratio,
// centred on white; rendered at `devicePixelRatio` so that it stays sharp on high-density screens.
[[nodiscard]] QPixmap cellThumbnail(const space::CellGenotype& cell, QSize size,
                                    qreal devicePixelRatio = 1.0);

}  // namespace nas::widgets
