// The hidden-state views fed by a real HiddenStateStudy over synthetic controller samples: the
// tracker's window, the distance scatter and its measure switch, the PCA map's colouring and
// click, the controller curves, and the two-run comparison.
#include <gtest/gtest.h>
#include <qcustomplot.h>

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <set>

#include "controller_fixtures.h"
#include "study/study_samples.h"
#include "widgets/cell_dag_view.h"
#include "widgets/controller_compare_dialog.h"
#include "widgets/controller_curves_view.h"
#include "widgets/hidden_state_map_view.h"
#include "widgets/hidden_state_scatter_view.h"
#include "widgets/hidden_state_tracker.h"

using namespace nas::widgets;

namespace {

constexpr int kWindow = 20;

HiddenStateSnapshot studiedSnapshot(int count = 30) {
    nas::study::StudyOptions options;
    options.window = kWindow;
    options.bootstrap.resamples = 200;
    nas::space::SpaceConfig space;
    space.channels = 4;
    space.layers = 3;
    HiddenStateTracker tracker(options, space);
    for (const auto& record : fixtures::controllerSamples(count)) EXPECT_TRUE(tracker.add(record));
    return tracker.snapshot();
}

std::vector<double> plottedY(const QCPGraph* graph) {
    std::vector<double> values;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        values.push_back(it->value);
    return values;
}

}  // namespace

TEST(HiddenStateTracker, KeepsTheLastWindowAndMatchesTheStudyFromScratch) {
    nas::study::StudyOptions options;
    options.window = kWindow;
    options.bootstrap.resamples = 200;
    HiddenStateTracker tracker(options);
    const auto records = fixtures::controllerSamples(30);
    auto withoutState = fixtures::controllerSamples(1, 9, false).front();
    EXPECT_FALSE(tracker.add(withoutState)) << "a random-search sample has no hidden state";
    for (const auto& record : records) ASSERT_TRUE(tracker.add(record));
    EXPECT_EQ(tracker.samples(), kWindow);

    const HiddenStateSnapshot snapshot = tracker.snapshot();
    EXPECT_EQ(snapshot.result.samples, kWindow);
    EXPECT_EQ(snapshot.pairs.size(), static_cast<std::size_t>(kWindow * (kWindow - 1) / 2));
    ASSERT_EQ(snapshot.points.size(), static_cast<std::size_t>(kWindow));
    EXPECT_EQ(snapshot.points.front().step, 10) << "the oldest sample of the window";
    EXPECT_FALSE(snapshot.points.front().params.has_value()) << "no space, no price";
    const auto fromScratch =
        nas::study::studyHiddenStates(nas::study::studySamples(records), options);
    ASSERT_EQ(fromScratch.measures.size(), snapshot.result.measures.size());
    EXPECT_DOUBLE_EQ(fromScratch.measures[0].second.spearman,
                     snapshot.result.measures[0].second.spearman);
    EXPECT_GT(snapshot.totalVariance, 0);
    EXPECT_EQ(lastStudied(records, 5).size(), 5u);
    EXPECT_EQ(lastStudied(records, 5).front().step, 25);
}

TEST(HiddenStateScatterView, PlotsEveryPairWithTheCoefficientsInTheTitle) {
    const HiddenStateSnapshot snapshot = studiedSnapshot();
    HiddenStateScatterView view;
    view.resize(700, 500);
    view.show();
    EXPECT_EQ(view.pointCount(), 0);
    view.setSnapshot(snapshot);
    EXPECT_EQ(view.pointCount(), static_cast<int>(snapshot.pairs.size()));
    const auto& ged = snapshot.result.measures[0].second;
    EXPECT_TRUE(view.title().contains(formatCoefficient(ged.spearman)))
        << view.title().toStdString();
    EXPECT_TRUE(view.title().contains(
        QStringLiteral("[%1, %2]")
            .arg(formatCoefficient(ged.spearmanCi.low), formatCoefficient(ged.spearmanCi.high))));
    EXPECT_TRUE(view.title().contains(formatCoefficient(ged.kendall)));
    std::vector<double> gedValues;
    for (const auto& p : snapshot.pairs) gedValues.push_back(p.graph.ged);
    const QCPGraph* graph = view.plot()->graph(0);
    std::vector<double> plotted = plottedY(graph);
    std::multiset<double> a(plotted.begin(), plotted.end()), b(gedValues.begin(), gedValues.end());
    EXPECT_EQ(a, b);

    // The switch: common ops up, and the title follows the measure.
    view.measureChoice()->setCurrentIndex(HiddenStateScatterView::kCommonOps);
    EXPECT_EQ(view.measure(), HiddenStateScatterView::kCommonOps);
    std::vector<double> commonOps;
    for (const auto& p : snapshot.pairs) commonOps.push_back(p.graph.commonOps);
    plotted = plottedY(graph);
    EXPECT_EQ(std::multiset<double>(plotted.begin(), plotted.end()),
              std::multiset<double>(commonOps.begin(), commonOps.end()));
    EXPECT_NE(std::multiset<double>(plotted.begin(), plotted.end()), b);
    EXPECT_TRUE(view.title().startsWith(QStringLiteral("Common ops")));
    EXPECT_TRUE(
        view.title().contains(formatCoefficient(snapshot.result.measures[2].second.spearman)));

    view.clear();
    EXPECT_EQ(view.pointCount(), 0);
}

TEST(HiddenStateMapView, ColoursByTheChosenPropertyAndAClickShowsTheCell) {
    const HiddenStateSnapshot snapshot = studiedSnapshot();
    HiddenStateMapView view;
    view.resize(1000, 600);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setSnapshot(snapshot);
    EXPECT_EQ(view.pointCount(), kWindow);
    int drawn = 0;
    for (int i = 0; i < view.plot()->graphCount(); ++i)
        if (view.plot()->graph(i) != view.plot()->graph(view.plot()->graphCount() - 1))
            drawn += view.plot()->graph(i)->data()->size();
    EXPECT_EQ(drawn, kWindow) << "every point in one colour step (the highlight is empty)";
    EXPECT_TRUE(view.title().contains(QStringLiteral("%")));

    std::vector<QRgb> byReward, bySkips;
    for (int i = 0; i < view.pointCount(); ++i) byReward.push_back(view.pointColour(i).rgb());
    view.colourChoice()->setCurrentIndex(HiddenStateMapView::kBySkipConnections);
    for (int i = 0; i < view.pointCount(); ++i) {
        bySkips.push_back(view.pointColour(i).rgb());
        EXPECT_EQ(*view.propertyOf(i), skipConnections(snapshot.points[i].architecture));
    }
    EXPECT_NE(byReward, bySkips);
    view.setColouring(HiddenStateMapView::kByParams);
    EXPECT_GT(*view.propertyOf(0), 0) << "priced with the space";
    view.setColouring(HiddenStateMapView::kByEpoch);
    EXPECT_EQ(*view.propertyOf(0), snapshot.points[0].epoch + 1);

    // A click on a point that no other covers.
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    int target = -1;
    for (int i = view.pointCount() - 1; i >= 0 && target < 0; --i)
        if (view.pointAt(view.pixelOf(i)) == i) target = i;
    ASSERT_GE(target, 0);
    QSignalSpy selected(&view, &HiddenStateMapView::pointSelected);
    EXPECT_FALSE(view.cell()->hasGenotype());
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, view.pixelOf(target));
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(selected.at(0).at(0).toInt(), target);
    EXPECT_EQ(view.selected(), target);
    EXPECT_TRUE(view.cell()->hasGenotype());
    EXPECT_FALSE(view.cell()->opEdgeItems().empty());
    EXPECT_TRUE(view.selectionLabel()->text().contains(
        QStringLiteral("step %1").arg(snapshot.points[target].step)));
    // A click on empty space selects nothing.
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, QPoint(2, 2));
    EXPECT_EQ(selected.count(), 1);
}

TEST(ControllerCurvesView, RewardBaselineAndEntropyPerControllerSampleWithEpochMarks) {
    const auto records = fixtures::controllerSamples(30);
    ControllerCurvesView view;
    view.resize(700, 600);
    view.show();
    view.appendSamples({records.begin(), records.begin() + 15});
    view.appendSamples({records.begin() + 15, records.end()});
    int controllerSamples = 0;
    for (const auto& r : records) controllerSamples += !isDeriveSample(r);
    EXPECT_EQ(view.sampleCount(), controllerSamples);
    EXPECT_EQ(view.rewardCurve()->data()->size(), controllerSamples);
    EXPECT_EQ(view.baselineCurve()->data()->size(), controllerSamples);
    EXPECT_EQ(view.entropyCurve()->data()->size(), controllerSamples);
    EXPECT_EQ(view.boundaryCount(), 2) << "epochs 0, 1, 2";
    EXPECT_DOUBLE_EQ(view.rewardCurve()->data()->at(0)->value, *sampleMetric(records[0], "reward"));
    EXPECT_DOUBLE_EQ(view.rewardCurve()->data()->at(0)->key, 1.0);
    EXPECT_EQ(view.reconstructionCurve()->data()->size(), 0);

    // Replay with the memory buffer's loss: its curve appears.
    auto withBuffer = records;
    for (auto& r : withBuffer)
        if (!isDeriveSample(r)) r.metrics.push_back({"reconstruction", 0.5});
    view.setSamples(withBuffer);
    EXPECT_EQ(view.sampleCount(), controllerSamples);
    EXPECT_EQ(view.boundaryCount(), 2);
    EXPECT_EQ(view.reconstructionCurve()->data()->size(), controllerSamples);
    view.clear();
    EXPECT_EQ(view.sampleCount(), 0);
    EXPECT_EQ(view.boundaryCount(), 0);
}

TEST(ControllerCompareDialog, CorrelationTablesSideBySideAndBothRewardDistributions) {
    RunReplay enas, random;
    enas.record.id = 4;
    enas.record.strategy = "enas";
    enas.samples = fixtures::controllerSamples(30);
    random.record.id = 5;
    random.record.strategy = "random";
    random.samples = fixtures::controllerSamples(12, 3, false);
    for (auto& r : random.samples) r.metrics.clear();  // random search: a score and nothing else

    ControllerCompareDialog dialog(enas, random);
    dialog.show();
    EXPECT_EQ(dialog.rewardCount(0), static_cast<int>(sampleRewards(enas.samples).size()));
    EXPECT_EQ(dialog.rewardCount(1), 12) << "random search's scores are its rewards";
    for (int side = 0; side < 2; ++side) {
        double total = 0;
        for (auto it = dialog.histogram(side)->data()->constBegin();
             it != dialog.histogram(side)->data()->constEnd(); ++it)
            total += it->value;
        EXPECT_NEAR(total, 100.0, 1e-9);
    }

    nas::study::StudyOptions options;
    options.window = kWindow;
    options.bootstrap.resamples = 200;
    const auto result =
        nas::study::studyHiddenStates(nas::study::studySamples(enas.samples), options);
    dialog.setStudy(0, result);
    dialog.setNoStudy(1);
    EXPECT_TRUE(dialog.hasStudy(0));
    EXPECT_FALSE(dialog.hasStudy(1));
    const QTableWidget* table = dialog.correlationTable();
    ASSERT_EQ(table->rowCount(), 4);
    ASSERT_EQ(table->columnCount(), 7);
    EXPECT_TRUE(table->item(0, 1)->text().startsWith(
        formatCoefficient(result.measures[0].second.spearman)));
    EXPECT_EQ(table->item(3, 2)->text(), formatCoefficient(result.measures[3].second.pearson));
    EXPECT_EQ(table->item(0, 4)->text(), QStringLiteral("no hidden states"));
    EXPECT_TRUE(table->horizontalHeaderItem(4)->text().startsWith(QStringLiteral("#5")));
}
