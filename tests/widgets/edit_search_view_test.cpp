// RENA's views with real widgets: the children table, the accuracy-against-cost scatter with the
// limit, and the derived network's strip, fed with sample records as the engine sends them.
#include "widgets/edit_search_view.h"

#include <gtest/gtest.h>
#include <qcustomplot.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QTableWidget>

#include "space/layers/layer_edits.h"
#include "space/layers/layer_network.h"
#include "space/layers/layer_space.h"
#include "widgets/architecture_strip.h"

using namespace nas;

namespace {

space::layers::LayerNetwork network(int filters, int skipFrom = -1) {
    space::layers::LayerNetwork n;
    n.stemFilters = 8;
    n.layers = {{space::layers::LayerKind::Conv, 3, filters, 1, -1},
                {space::layers::LayerKind::Conv, 3, filters, 2, skipFrom}};
    return n;
}

engine::SampleRecord child(int update, int index, double accuracy, double params, bool kept,
                           bool accepted) {
    engine::SampleRecord s;
    s.step = update;
    s.architecture = space::layers::toJson(network(8 + index)).dump();
    s.score = accuracy;
    space::layers::Edit scale;
    scale.kind = space::layers::EditKind::Scale;
    scale.position = 1;
    scale.filters = 32;
    s.tensors.push_back(
        {"edits", {1, space::layers::kEditRowWidth}, space::layers::editRows({scale})});
    s.metrics = {{"broke_params", kept ? 0.0 : 1.0},
                 {"reward", kept ? accuracy : 0},
                 {"params", params},
                 {"flops", params * 100},
                 {"intensity", 2.5},
                 {"feasible", kept ? 1.0 : 0.0},
                 {"accepted", accepted ? 1.0 : 0.0},
                 {"child", index}};
    return s;
}

}  // namespace

TEST(EditSearchView, TabulatesChildrenAndPlotsThemAgainstTheLimit) {
    widgets::EditSearchView view;
    engine::Constraints limits;
    limits.maxParams = 5000;
    limits.minIntensity = 3.0;
    view.setRun(space::layers::kLayerSpace, limits);
    view.appendChildren({child(0, 0, 0.61, 4000, true, false),
                         child(0, 1, 0.70, 9000, false, false),
                         child(1, 0, 0.66, 4500, true, true)});
    EXPECT_EQ(view.childCount(), 3);
    ASSERT_EQ(view.table()->rowCount(), 3);
    EXPECT_EQ(view.keptPoints(), 2);
    EXPECT_EQ(view.brokenPoints(), 1);
    ASSERT_TRUE(view.limitShown());
    EXPECT_EQ(*view.limitShown(), 5000);
    // The network column shows the space's one-line summary, not the JSON.
    EXPECT_TRUE(view.table()->item(0, 3)->text().startsWith(QStringLiteral("stem8 |")))
        << view.table()->item(0, 3)->text().toStdString();
    // The edits that made each child, and the limits it broke, in words.
    EXPECT_EQ(view.table()->item(0, 2)->text(), QStringLiteral("scale layer 2: filters 32"));
    EXPECT_EQ(view.table()->item(1, 9)->text(), QStringLiteral("params"));
    EXPECT_EQ(view.table()->item(0, 9)->text(), QString());
    // The accepted child is the current network the strip shows.
    EXPECT_TRUE(view.stripCaption()->text().contains(QStringLiteral("update 2")))
        << view.stripCaption()->text().toStdString();
    EXPECT_EQ(view.strip()->nodeCount(), 5);
    // Sorted by accuracy, the best child comes first (numbers sort as numbers, not as text).
    view.table()->sortItems(4, Qt::DescendingOrder);
    EXPECT_EQ(view.table()->item(0, 4)->data(Qt::UserRole).toDouble(), 0.70);

    // Against compute intensity the floor is the limit; against FLOPs there is none.
    view.setResource(widgets::EditSearchView::Resource::Intensity);
    ASSERT_TRUE(view.limitShown());
    EXPECT_EQ(*view.limitShown(), 3.0);
    view.setResource(widgets::EditSearchView::Resource::Flops);
    EXPECT_FALSE(view.limitShown());

    // A replay replaces the children.
    view.setChildren({child(2, 0, 0.5, 100, true, false)});
    EXPECT_EQ(view.table()->rowCount(), 1);
    EXPECT_EQ(view.keptPoints(), 1);
    EXPECT_EQ(view.brokenPoints(), 0);
}

TEST(EditSearchView, DrawsTheDerivedNetworkAsAStripWithItsSkips) {
    widgets::EditSearchView view;
    view.setRun(space::layers::kLayerSpace, {});
    EXPECT_EQ(view.strip()->nodeCount(), 0);
    engine::EpochMetrics epoch;
    epoch.epoch = 2;
    epoch.architecture = space::layers::toJson(network(16, 0)).dump();
    epoch.cost.params = 4321;
    epoch.validAccuracy = 0.75;
    view.setDerived(epoch);
    // input, stem, two layers, classifier; the second layer adds the stem's output.
    EXPECT_EQ(view.strip()->nodeCount(), 5);
    EXPECT_EQ(view.strip()->arcCount(), 1);
    // A skip around one layer joins neighbours that an arrow already joins: it is an arc too.
    widgets::ArchitectureStrip strip;
    strip.setPicture(space::searchSpace(space::layers::kLayerSpace)
                         .picture(space::layers::toJson(network(16, 1))));
    EXPECT_EQ(strip.arcCount(), 1);
    EXPECT_GE(strip.width(), strip.sizeHint().width()) << "sized to the drawing";
    // It exports as a picture, PNG or SVG.
    const QString png = QDir::temp().filePath(QStringLiteral("nas-strip-test.png"));
    const QString svg = QDir::temp().filePath(QStringLiteral("nas-strip-test.svg"));
    ASSERT_TRUE(strip.exportPng(png));
    ASSERT_TRUE(strip.exportSvg(svg));
    EXPECT_EQ(QImage(png).width(), 2 * strip.sizeHint().width());
    EXPECT_GT(QFileInfo(svg).size(), 500);
    QFile::remove(png);
    QFile::remove(svg);
    EXPECT_TRUE(view.summary()->text().contains(QStringLiteral("epoch 3")));
    EXPECT_TRUE(view.summary()->text().contains(QStringLiteral("4.32 k")))
        << view.summary()->text().toStdString();
    view.clear();
    EXPECT_EQ(view.strip()->nodeCount(), 0);
    EXPECT_EQ(view.childCount(), 0);
}
