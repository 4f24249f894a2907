#include "widgets/cell_dag_view.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QGraphicsPathItem>
#include <QImage>
#include <QTemporaryDir>

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
