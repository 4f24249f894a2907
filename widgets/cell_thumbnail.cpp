#include "widgets/cell_thumbnail.h"

#include <QGraphicsScene>
#include <QPainter>

#include "widgets/cell_dag_scene.h"

namespace nas::widgets {

QPixmap cellThumbnail(const space::CellGenotype& cell, QSize size, qreal devicePixelRatio) {
    QPixmap pixmap(size * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::white);
    QGraphicsScene scene;
    drawCell(scene, cell, nullptr, QString(), QPointF(0, 0));
    // The items' own bounds: the drawing's layout keeps room for a title this picture leaves out.
    const QRectF source = scene.itemsBoundingRect().adjusted(-4, -4, 4, 4);
    QPainter painter(&pixmap);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), source, Qt::KeepAspectRatio);
    return pixmap;
}

}  // namespace nas::widgets
