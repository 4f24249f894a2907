#include "widgets/training_curves_view.h"

#include <gtest/gtest.h>
#include <qcustomplot.h>

#include "widget_test_support.h"
#include "widgets/constraint_limits.h"

using namespace nas::widgets;
using namespace nas::widgets::fixtures;

TEST(TrainingCurvesView, ReceivesStepsAndEpochs) {
    TrainingCurvesView view;
    std::vector<nas::engine::StepEvent> steps;
    for (int i = 0; i < 25; ++i) steps.push_back(makeStep(i));
    view.appendSteps(steps);
    view.appendEpochs({makeEpoch(0, 1e5), makeEpoch(1, 9e4)});
    view.refresh();
    EXPECT_EQ(view.stepPointCount(), 25);
    EXPECT_EQ(view.epochPointCount(), 2);
    EXPECT_EQ(view.lastStep(), 24);
    view.appendSteps({makeStep(25)});
    EXPECT_EQ(view.stepPointCount(), 26);
}

TEST(TrainingCurvesView, LimitMovesWhenConstraintsChange) {
    TrainingCurvesView view;
    nas::engine::Constraints initial;
    initial.maxParams = 2e5;
    view.setInitialConstraints(initial);
    ASSERT_TRUE(view.currentLimit().has_value());
    EXPECT_DOUBLE_EQ(*view.currentLimit(), 2e5);
    nas::engine::Constraints tighter;
    tighter.maxParams = 1e5;
    view.addConstraintChange(12, tighter);
    EXPECT_DOUBLE_EQ(*view.currentLimit(), 1e5);
    view.setCostMetric(CostMetric::Flops);
    EXPECT_FALSE(view.currentLimit().has_value()) << "no FLOPs limit was set";
}

TEST(TrainingCurvesView, ReplayShowsTheStoredRun) {
    TrainingCurvesView view;
    nas::engine::Constraints c;
    c.maxMac = 5e5;
    view.setRun({makeStep(0), makeStep(1)}, {makeEpoch(0, 1e5)}, {}, {{1, c}});
    view.setCostMetric(CostMetric::Mac);
    EXPECT_EQ(view.stepPointCount(), 2);
    EXPECT_EQ(view.epochPointCount(), 1);
    EXPECT_DOUBLE_EQ(*view.currentLimit(), 5e5);
    view.clear();
    EXPECT_EQ(view.stepPointCount(), 0);
}

TEST(ConstraintLimits, TimelineStepsAtEachChange) {
    nas::engine::Constraints a, b, none;
    a.maxParams = 3e5;
    b.maxParams = 2e5;
    const auto points = limitTimeline(a, {{20, b}, {40, none}, {45, none}}, CostMetric::Params, 10);
    ASSERT_EQ(points.size(), 3u);
    EXPECT_DOUBLE_EQ(points[0].x, 0.0);
    EXPECT_DOUBLE_EQ(*points[0].limit, 3e5);
    EXPECT_DOUBLE_EQ(points[1].x, 2.0);
    EXPECT_DOUBLE_EQ(*points[1].limit, 2e5);
    EXPECT_DOUBLE_EQ(points[2].x, 4.0);
    EXPECT_FALSE(points[2].limit.has_value());
}

TEST(TrainingCurvesView, EmptyTemperatureAxisStaysPutAndNoteFollowsTheStrategy) {
    TrainingCurvesView view;
    auto* plot = view.findChild<QCustomPlot*>(QStringLiteral("temperaturePlot"));
    ASSERT_NE(plot, nullptr);
    EXPECT_TRUE(view.temperatureNote().isEmpty()) << "no run, no strategy: nothing to say";
    view.setStrategy(QStringLiteral("snas"));
    EXPECT_FALSE(view.temperatureNote().contains(QStringLiteral("no temperature")));
    // Runs without a temperature, one after another: the empty axis must not grow.
    for (int run = 0; run < 6; ++run) {
        view.clear();
        view.setStrategy(QStringLiteral("darts"));
        nas::engine::StepEvent step = makeStep(0);
        step.temperature = 0;
        view.appendSteps({step});
        view.refresh();
        view.refresh();
    }
    EXPECT_DOUBLE_EQ(plot->yAxis->range().lower, 0.0);
    EXPECT_DOUBLE_EQ(plot->yAxis->range().upper, 1.0);
    EXPECT_EQ(view.temperatureNote(), QStringLiteral("This strategy has no temperature"));
    // SNAS with its temperature: the curve, and no note.
    view.clear();
    view.setStrategy(QStringLiteral("snas"));
    view.appendSteps({makeStep(0), makeStep(1)});
    view.refresh();
    EXPECT_TRUE(view.temperatureNote().isEmpty());
    EXPECT_LT(plot->yAxis->range().upper, 1.5);
}

TEST(TrainingCurvesView, LegendsSitOutsideTheAxes) {
    TrainingCurvesView view;
    view.resize(1000, 700);
    view.appendSteps({makeStep(0), makeStep(1)});
    view.appendEpochs({makeEpoch(0, 1e5)});
    view.refresh();
    for (const char* name : {"lossPlot", "accuracyPlot", "temperaturePlot", "costPlot"}) {
        auto* plot = view.findChild<QCustomPlot*>(QLatin1String(name));
        ASSERT_NE(plot, nullptr);
        plot->resize(480, 320);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        EXPECT_FALSE(plot->legend->outerRect().intersects(plot->axisRect()->rect())) << name;
        EXPECT_GT(plot->legend->itemCount(), 0) << name;
    }
}

TEST(TrainingCurvesView, PlotsAStrategysNamedScalarsWithoutKnowingThem) {
    TrainingCurvesView view;
    view.show();
    auto* plot = view.findChild<QCustomPlot*>(QStringLiteral("strategyScalarsPlot"));
    ASSERT_NE(plot, nullptr);
    EXPECT_FALSE(plot->isVisible()) << "no strategy scalars yet: no plot";
    std::vector<nas::engine::StepEvent> steps;
    for (int i = 0; i < 4; ++i) {
        auto s = makeStep(i);
        s.scalars = {{"reward", 0.1 * i}, {"baseline", 0.05 * i}};
        if (i == 3) s.scalars.emplace_back("entropy", 1.5);
        steps.push_back(s);
    }
    view.appendSteps(steps);
    view.refresh();
    EXPECT_TRUE(plot->isVisible());
    ASSERT_EQ(plot->graphCount(), 3);
    EXPECT_EQ(plot->graph(0)->name(), QStringLiteral("reward"));
    EXPECT_EQ(plot->graph(0)->dataCount(), 4);
    EXPECT_EQ(plot->graph(2)->name(), QStringLiteral("entropy"));
    EXPECT_EQ(plot->graph(2)->dataCount(), 1);
    view.clear();
    EXPECT_EQ(plot->graphCount(), 0);
    EXPECT_FALSE(plot->isVisible());
}
