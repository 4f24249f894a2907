#include "widgets/alpha_distribution_view.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QSignalSpy>
#include <QSlider>

#include "widget_test_support.h"
#include "widgets/alpha_edge_history.h"
#include "widgets/alpha_heat_map.h"

using nas::widgets::AlphaDistributionView;
using namespace nas::widgets::fixtures;

TEST(AlphaDistributionView, ScrubberRangeGrowsWithLiveSnapshots) {
    AlphaDistributionView view;
    EXPECT_FALSE(view.scrubber()->isEnabled());
    view.appendSnapshot(makeSnapshot(0));
    EXPECT_EQ(view.snapshotCount(), 1);
    EXPECT_TRUE(view.scrubber()->isEnabled());
    view.appendSnapshots({makeSnapshot(5), makeSnapshot(10), makeSnapshot(15)});
    EXPECT_EQ(view.snapshotCount(), 4);
    EXPECT_EQ(view.scrubber()->maximum(), 3);
    EXPECT_EQ(view.scrubber()->value(), 3) << "the scrubber follows new data while at the end";
}

TEST(AlphaDistributionView, ScrubbingShowsThatSnapshot) {
    AlphaDistributionView view;
    view.appendSnapshots({makeSnapshot(0), makeSnapshot(1), makeSnapshot(2)});
    QSignalSpy scrubbed(&view, &AlphaDistributionView::snapshotScrubbed);
    view.scrubber()->setValue(1);
    ASSERT_EQ(scrubbed.count(), 1);
    const auto* map = view.heatMap(AlphaDistributionView::Cell::Normal);
    EXPECT_EQ(map->edgeCount(), 14);
    EXPECT_EQ(map->opCount(), 8);
    // Snapshot 1 puts its peak on op (edge + 1) % 8.
    EXPECT_NEAR(map->probabilityAt(0, 1), 0.65, 1e-9);
    EXPECT_NEAR(map->probabilityAt(3, 4), 0.65, 1e-9);
    // A scrubber held back does not jump when new data arrives.
    view.appendSnapshot(makeSnapshot(3));
    EXPECT_EQ(view.scrubber()->value(), 1);
    EXPECT_EQ(view.scrubber()->maximum(), 3);
}

TEST(AlphaDistributionView, EdgeHistoryHasOnePointPerSnapshot) {
    AlphaDistributionView view;
    view.appendSnapshots({makeSnapshot(0), makeSnapshot(1)});
    EXPECT_EQ(view.edgeHistory()->pointCount(), 2);
    view.appendSnapshot(makeSnapshot(2));
    EXPECT_EQ(view.edgeHistory()->pointCount(), 3);
    view.selectEdge(AlphaDistributionView::Cell::Reduce, 5);
    EXPECT_EQ(view.edgeHistory()->pointCount(), 3);
}

TEST(AlphaDistributionView, ReplayReplacesAndClearEmpties) {
    AlphaDistributionView view;
    view.appendSnapshots({makeSnapshot(0), makeSnapshot(1)});
    view.setSnapshots({makeSnapshot(7)});
    EXPECT_EQ(view.snapshotCount(), 1);
    EXPECT_EQ(view.snapshots().front().step, 7);
    view.clear();
    EXPECT_EQ(view.snapshotCount(), 0);
    EXPECT_EQ(view.scrubbedIndex(), -1);
}

TEST(AlphaDistributionView, LongSearchesAreThinnedNotDropped) {
    AlphaDistributionView view;
    view.setMaxSnapshots(10);
    for (int step = 0; step < 25; ++step) view.appendSnapshot(makeSnapshot(step));
    EXPECT_LE(view.snapshotCount(), 10);
    EXPECT_GE(view.snapshotCount(), 5);
    EXPECT_EQ(view.snapshots().back().step, 24) << "the newest snapshot always stays";
    EXPECT_LE(view.snapshots().front().step, 4) << "the early search stays represented";
    EXPECT_EQ(view.scrubber()->value(), view.scrubber()->maximum());
    EXPECT_EQ(view.edgeHistory()->pointCount(), view.snapshotCount());
}

TEST(AlphaDistributionView, ScaleToDataSpreadsColoursOverTheCellsRange) {
    AlphaDistributionView view;
    // Early in a search: every op near 1/8, the peak barely above the rest.
    view.appendSnapshot(makeSnapshot(0, 14, 0.13));
    auto* map = view.heatMap(AlphaDistributionView::Cell::Normal);
    EXPECT_DOUBLE_EQ(map->colourRange().lower, 0.0);
    EXPECT_DOUBLE_EQ(map->colourRange().upper, 1.0);
    auto* check = view.findChild<QCheckBox*>(QStringLiteral("scaleToDataCheck"));
    ASSERT_NE(check, nullptr);
    check->setChecked(true);
    EXPECT_TRUE(map->scalesToData());
    EXPECT_TRUE(view.heatMap(AlphaDistributionView::Cell::Reduce)->scalesToData());
    EXPECT_NEAR(map->colourRange().upper, 0.13, 1e-9);
    EXPECT_NEAR(map->colourRange().lower, 0.87 / 7.0, 1e-9);
    // New snapshots keep the choice, with their own range.
    view.appendSnapshot(makeSnapshot(1, 14, 0.5));
    EXPECT_NEAR(map->colourRange().upper, 0.5, 1e-9);
    check->setChecked(false);
    EXPECT_DOUBLE_EQ(map->colourRange().upper, 1.0);
}
