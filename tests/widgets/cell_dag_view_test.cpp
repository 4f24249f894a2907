#include "widgets/cell_dag_view.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QGraphicsPathItem>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

#include "space/space_config.h"
#include "widget_test_support.h"
#include "widgets/cell_dag_scene.h"

using nas::widgets::CellDagView;

namespace {

nas::space::Genotype dartsV2() {
    auto g = nas::space::publishedGenotype("DARTS_V2");
    EXPECT_TRUE(g.has_value());
    return *g;
}

// A snapshot over the DARTS ops where each kept edge's op has probability 0.7.
nas::engine::AlphaSnapshot confidentSnapshot(const nas::space::Genotype& g) {
    nas::engine::AlphaSnapshot s = nas::widgets::fixtures::makeSnapshot(0);
    auto apply = [](const nas::space::CellGenotype& cell, nas::engine::CellAlphas& alphas) {
        for (const auto& e : cell.edges) {
            const int edge = nas::space::edgeIndex(e.from, e.to);
            auto& row = alphas.probs[static_cast<size_t>(edge)];
            std::fill(row.begin(), row.end(), 0.3 / 7.0);
            const auto op =
                std::find(alphas.ops.begin(), alphas.ops.end(), e.op) - alphas.ops.begin();
            row[static_cast<size_t>(op)] = 0.7;
        }
    };
    apply(g.normal, s.normal);
    apply(g.reduce, s.reduce);
    return s;
}

}  // namespace

TEST(CellDagView, OneEdgeItemPerGenotypeEdge) {
    CellDagView view;
    EXPECT_FALSE(view.hasGenotype());
    EXPECT_TRUE(view.opEdgeItems().empty());
    const auto g = dartsV2();
    view.setGenotype(g);
    EXPECT_EQ(view.opEdgeItems().size(), g.normal.edges.size() + g.reduce.edges.size());
    EXPECT_EQ(view.opEdgeItems().size(), 16u);
    int marked = 0;
    for (QGraphicsItem* item : view.scene()->items())
        if (item->data(nas::widgets::kDagItemRole).toString() ==
            QLatin1String(nas::widgets::kDagOpEdge))
            ++marked;
    EXPECT_EQ(marked, 16);
}

TEST(CellDagView, TooltipsListTheEdgesOpProbabilities) {
    CellDagView view;
    const auto g = dartsV2();
    view.setGenotype(g);
    view.setAlphas(confidentSnapshot(g));
    ASSERT_EQ(view.opEdgeItems().size(), 16u);
    const QString tip = view.opEdgeItems().front()->toolTip();
    EXPECT_TRUE(tip.contains(QStringLiteral("sep_conv_3x3"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("0.700"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("0.043"))) << "the other ops are listed too";
    EXPECT_TRUE(tip.contains(QStringLiteral("max_pool_3x3")));
    // Width follows the probability of the kept op.
    EXPECT_DOUBLE_EQ(view.opEdgeItems().front()->pen().widthF(), nas::widgets::edgeWidthFor(0.7));
}

TEST(CellDagView, ExportsPngAndSvg) {
    QTemporaryDir dir;
    CellDagView view;
    view.setGenotype(dartsV2());
    const QString png = dir.filePath(QStringLiteral("cells.png"));
    const QString svg = dir.filePath(QStringLiteral("cells.svg"));
    ASSERT_TRUE(view.exportPng(png));
    ASSERT_TRUE(view.exportSvg(svg));
    const QImage image(png);
    EXPECT_GT(image.width(), 400);
    QFile file(svg);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    EXPECT_TRUE(text.contains("<svg"));
    EXPECT_FALSE(view.exportPng(dir.filePath(QStringLiteral("missing/dir/cells.png"))));
}

// With clickable edges, a click on an op edge says which edge of which cell it was; without, the
// view drags as before and says nothing.
TEST(CellDagView, ClickableEdgesReportTheClickedEdge) {
    using nas::widgets::kDagEdgeRole;
    using nas::widgets::kDagReductionRole;
    CellDagView view;
    view.resize(900, 400);
    view.show();
    const auto g = dartsV2();
    view.setGenotype(g);
    QSignalSpy clicked(&view, &CellDagView::edgeClicked);
    // A point of the edge's stroke where no other edge or label lies.
    auto pointOn = [&](QGraphicsPathItem* item) -> std::optional<QPoint> {
        for (double t = 0.15; t < 0.9; t += 0.05) {
            const QPoint p = view.mapFromScene(item->mapToScene(item->path().pointAtPercent(t)));
            bool alone = true, hit = false;
            for (QGraphicsItem* under : view.items(p)) {
                if (!under->data(kDagEdgeRole).isValid()) continue;
                hit = hit || under == item;
                alone = alone && under->data(kDagEdgeRole) == item->data(kDagEdgeRole) &&
                        under->data(kDagReductionRole) == item->data(kDagReductionRole);
            }
            if (hit && alone) return p;
        }
        return std::nullopt;
    };
    const auto first = pointOn(view.opEdgeItems().front());
    ASSERT_TRUE(first.has_value());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, *first);
    EXPECT_EQ(clicked.count(), 0);

    view.setEdgesClickable(true);
    ASSERT_EQ(view.opEdgeItems().size(), 16u);
    int checked = 0;
    for (std::size_t k = 0; k < view.opEdgeItems().size(); ++k) {
        QGraphicsPathItem* item = view.opEdgeItems()[k];
        const auto point = pointOn(item);
        if (!point) continue;
        clicked.clear();
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, *point);
        ASSERT_EQ(clicked.count(), 1) << k;
        const bool reduction = k >= g.normal.edges.size();
        const int edge = static_cast<int>(reduction ? k - g.normal.edges.size() : k);
        EXPECT_EQ(clicked.at(0).at(0).toBool(), reduction) << k;
        EXPECT_EQ(clicked.at(0).at(1).toInt(), edge) << k;
        ++checked;
    }
    EXPECT_GE(checked, 12) << "most edges have a spot of their own";
}
