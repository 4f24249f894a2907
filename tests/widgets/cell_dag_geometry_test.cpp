// The cell drawing's geometry on the densest cell SNAS derives (all 14 edges of a 4-node cell):
// an edge crosses no node it does not touch, labels overlap neither nodes nor each other, and the
// text stays readable when the drawing is fitted into a view. The same scene is what PNG and SVG
// exports render, so this holds for them too.
#include <gtest/gtest.h>

#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QPainterPathStroker>
#include <QPen>
#include <QPixmap>
#include <algorithm>
#include <map>

#include "widgets/cell_dag_scene.h"
#include "widgets/cell_dag_view.h"

using namespace nas::widgets;

namespace {

// Every edge of a 4-node cell, ops cycling through those with the longest labels.
nas::space::CellGenotype denseCell(int rotate) {
    static const std::vector<std::string> kOps = {"max_pool_3x3", "avg_pool_3x3", "sep_conv_5x5",
                                                  "dil_conv_5x5", "skip_connect", "none",
                                                  "sep_conv_3x3", "dil_conv_3x3"};
    nas::space::CellGenotype cell;
    int k = rotate;
    for (int to = 0; to < 4; ++to)
        for (int from = 0; from < to + 2; ++from)
            cell.edges.push_back({kOps[static_cast<size_t>(k++) % kOps.size()], from, to});
    cell.concat = {2, 3, 4, 5};
    return cell;
}

struct SceneGeometry {
    std::map<int, QPainterPath> nodes;  // state -> outline in scene coordinates
    struct Edge {
        QPainterPath stroke;  // the drawn line, as wide as its pen
        int from = 0, to = 0;
        QString what;
    };
    std::vector<Edge> edges;
    std::vector<QRectF> labels;
};

SceneGeometry geometryOf(const QGraphicsScene& scene) {
    SceneGeometry g;
    for (QGraphicsItem* item : scene.items()) {
        const QString role = item->data(kDagItemRole).toString();
        if (role == QLatin1String(kDagNode)) {
            g.nodes[item->data(kDagStateRole).toInt()] = item->mapToScene(item->shape());
        } else if (role == QLatin1String(kDagOpEdge) || role == QLatin1String(kDagConcatEdge)) {
            auto* path = qgraphicsitem_cast<QGraphicsPathItem*>(item);
            EXPECT_NE(path, nullptr);
            if (!path) continue;
            QPainterPathStroker stroker;
            stroker.setWidth(path->pen().widthF());
            SceneGeometry::Edge e;
            e.stroke = item->mapToScene(stroker.createStroke(path->path()));
            e.from = item->data(kDagFromRole).toInt();
            e.to = item->data(kDagToRole).toInt();
            e.what = role;
            g.edges.push_back(e);
        } else if (role == QLatin1String(kDagEdgeLabel)) {
            g.labels.push_back(item->sceneBoundingRect());
        }
    }
    return g;
}

void expectClearDrawing(const QGraphicsScene& scene, size_t edgesExpected) {
    const SceneGeometry g = geometryOf(scene);
    ASSERT_EQ(g.nodes.size(), 7u) << "two inputs, four nodes, the output";
    ASSERT_EQ(g.edges.size(), edgesExpected);
    ASSERT_EQ(g.labels.size(), 14u) << "one label per op edge";
    for (const auto& e : g.edges)
        for (const auto& [state, outline] : g.nodes) {
            if (state == e.from || state == e.to) continue;
            EXPECT_FALSE(e.stroke.intersects(outline))
                << e.what.toStdString() << " " << e.from << " -> " << e.to
                << " crosses node (state) " << state;
        }
    for (size_t i = 0; i < g.labels.size(); ++i) {
        for (size_t j = i + 1; j < g.labels.size(); ++j)
            EXPECT_FALSE(g.labels[i].intersects(g.labels[j]))
                << "labels " << i << " and " << j << " overlap";
        for (const auto& [state, outline] : g.nodes)
            EXPECT_FALSE(outline.intersects(g.labels[i]))
                << "label " << i << " lies on node (state) " << state;
    }
}

}  // namespace

TEST(CellDagGeometry, DenseSnasCellHasNoEdgeThroughANodeAndNoLabelOnAnother) {
    for (int rotate = 0; rotate < 8; ++rotate) {
        SCOPED_TRACE(rotate);
        QGraphicsScene scene;
        (void)drawCell(scene, denseCell(rotate), nullptr, QStringLiteral("Normal cell"),
                       QPointF(0, 0));
        expectClearDrawing(scene, 14u + 4u);  // 14 op edges and 4 concatenated nodes
    }
}

TEST(CellDagGeometry, BothCellsInTheViewStayClearAndReadable) {
    CellDagView view;
    view.resize(1000, 560);
    view.show();
    nas::space::Genotype g;
    g.normal = denseCell(0);
    g.reduce = denseCell(3);
    view.setGenotype(g);
    ASSERT_EQ(view.opEdgeItems().size(), 28u);
    // Each cell on its own: the two cells' drawings do not touch each other.
    for (QGraphicsItem* a : view.scene()->items())
        if (a->data(kDagItemRole).toString() == QLatin1String(kDagNode))
            for (QGraphicsItem* b : view.scene()->items())
                if (b != a && b->data(kDagItemRole).toString() == QLatin1String(kDagNode))
                    EXPECT_FALSE(a->sceneBoundingRect().intersects(b->sceneBoundingRect()));
    // Fitted into a 1000 x 560 view, an op label is at least 11 pixels high on screen.
    double smallest = 1e9;
    for (QGraphicsItem* item : view.scene()->items())
        if (item->data(kDagItemRole).toString() == QLatin1String(kDagEdgeLabel))
            smallest = std::min<double>(
                smallest, view.mapFromScene(item->sceneBoundingRect()).boundingRect().height());
    EXPECT_GE(smallest, 11.0);
    // NAS_WIDGET_SCREENSHOTS=DIR keeps what this test drew, to look at.
    const QString dir = qEnvironmentVariable("NAS_WIDGET_SCREENSHOTS");
    if (!dir.isEmpty()) {
        EXPECT_TRUE(view.grab().save(dir + QStringLiteral("/cell-dag-view.png")));
        EXPECT_TRUE(view.exportPng(dir + QStringLiteral("/cell-dag-export.png"), 1.0));
    }
}
