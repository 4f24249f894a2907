#include "widgets/run_compare_dialog.h"

#include <gtest/gtest.h>
#include <qcustomplot.h>

#include <QLabel>
#include <QTableWidget>

#include "widget_test_support.h"
#include "widgets/number_format.h"

using namespace nas::widgets;

namespace {

RunReplay replayOf(std::int64_t id, const std::string& strategy, int epochs, double params,
                   const nas::space::Genotype& genotype) {
    RunReplay r;
    r.record.id = id;
    r.record.name = "run" + std::to_string(id);
    r.record.strategy = strategy;
    r.record.dataset = "synthetic";
    r.config = nas::engine::SearchConfig{};
    r.config->epochs = epochs;
    for (int e = 0; e < epochs; ++e) {
        r.epochs.push_back(fixtures::makeEpoch(e, params));
        r.epochs.back().genotype = genotype;
    }
    return r;
}

}  // namespace

TEST(RunCompareDialog, BothRunsOnSharedAxesAndTheirGenotypesSideBySide) {
    const auto v1 = *nas::space::publishedGenotype("DARTS_V1");
    const auto v2 = *nas::space::publishedGenotype("DARTS_V2");
    const RunReplay first = replayOf(1, "darts", 3, 1e5, v1);
    const RunReplay second = replayOf(2, "snas", 6, 8e4, v2);
    RunCompareDialog dialog(first, second);
    EXPECT_TRUE(dialog.windowTitle().contains(QStringLiteral("1")));
    EXPECT_EQ(runHeading(first.record), QStringLiteral("#1 run1 (DARTS, Synthetic)"));

    // One plot per metric holds both runs, over one epoch range: the longer run's.
    for (auto which : {RunCompareDialog::kLossPlot, RunCompareDialog::kAccuracyPlot,
                       RunCompareDialog::kCostPlot}) {
        QCustomPlot* plot = dialog.plot(which);
        ASSERT_NE(plot, nullptr);
        ASSERT_EQ(plot->graphCount(), 2);
        EXPECT_EQ(plot->graph(0)->dataCount(), 3);
        EXPECT_EQ(plot->graph(1)->dataCount(), 6);
        EXPECT_GE(plot->xAxis->range().upper, 6.0);
        EXPECT_LE(plot->xAxis->range().lower, 1.0);
    }

    // The genotypes, node by node: DARTS V1 and V2 differ in some nodes, not all.
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("compareGenotypeTable"));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->rowCount(), 10) << "4 nodes and the output, per cell";
    EXPECT_GT(dialog.differingRows(), 0);
    EXPECT_LT(dialog.differingRows(), 10);
    int highlighted = 0;
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 1)->font().bold()) ++highlighted;
    EXPECT_EQ(highlighted, dialog.differingRows());

    // Costs from the analytic model, for each run's own space.
    ASSERT_TRUE(dialog.cost(0).has_value());
    ASSERT_TRUE(dialog.cost(1).has_value());
    const auto expected = nas::space::networkCost(v1, first.config->space, false);
    EXPECT_DOUBLE_EQ(dialog.cost(0)->params, expected.params);
    EXPECT_NE(dialog.cost(0)->params, dialog.cost(1)->params);
    auto* costs = dialog.findChild<QLabel*>(QStringLiteral("compareCostLabel"));
    ASSERT_NE(costs, nullptr);
    EXPECT_TRUE(costs->text().contains(formatCount(expected.params)))
        << costs->text().toStdString();
}

TEST(RunCompareDialog, IdenticalGenotypesHighlightNothingAndARunWithoutEpochsHasNoCost) {
    const auto v2 = *nas::space::publishedGenotype("DARTS_V2");
    RunReplay empty = replayOf(3, "random", 0, 0, v2);
    empty.config->epochs = 4;
    RunCompareDialog same(replayOf(1, "darts", 2, 1e5, v2), replayOf(2, "darts", 2, 1e5, v2));
    EXPECT_EQ(same.differingRows(), 0);
    RunCompareDialog withEmpty(replayOf(1, "darts", 2, 1e5, v2), empty);
    EXPECT_FALSE(withEmpty.cost(1).has_value());
    EXPECT_GE(withEmpty.plot(RunCompareDialog::kLossPlot)->xAxis->range().upper, 4.0);
}
