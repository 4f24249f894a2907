#include "widgets/run_compare_dialog.h"

#include <gtest/gtest.h>

#include "widget_test_support.h"
#include "widgets/training_curves_view.h"

using namespace nas::widgets;

TEST(RunCompareDialog, ShowsBothRunsSideBySide) {
    RunReplay first, second;
    first.record.id = 1;
    first.record.name = "first";
    first.record.strategy = "darts";
    first.record.dataset = "synthetic";
    first.steps = {fixtures::makeStep(0), fixtures::makeStep(1), fixtures::makeStep(2)};
    first.epochs = {fixtures::makeEpoch(0, 1e5)};
    second.record.id = 2;
    second.record.strategy = "snas";
    second.steps = {fixtures::makeStep(0)};
    RunCompareDialog dialog(first, second);
    EXPECT_EQ(dialog.curves(0)->stepPointCount(), 3);
    EXPECT_EQ(dialog.curves(0)->epochPointCount(), 1);
    EXPECT_EQ(dialog.curves(1)->stepPointCount(), 1);
    EXPECT_TRUE(dialog.windowTitle().contains(QStringLiteral("1")));
    EXPECT_EQ(runHeading(first.record), QStringLiteral("#1 first (DARTS, Synthetic)"));
}
