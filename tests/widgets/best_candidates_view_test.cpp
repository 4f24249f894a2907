// The best-under-constraints view with hand-made candidates: the table and its sorting, the cell
// drawings, the scatter's Pareto front against predictor::paretoFront, selection both ways, the
// export signal, Find, and the empty and error messages.
#include "widgets/best_candidates_view.h"

#include <gtest/gtest.h>
#include <qcustomplot.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include "predictor/pareto_front.h"
#include "widgets/best_candidates_form.h"
#include "widgets/best_candidates_model.h"
#include "widgets/best_candidates_plot.h"
#include "widgets/cell_dag_view.h"
#include "widgets/number_format.h"

using namespace nas::widgets;
using Column = BestCandidatesModel::Column;

namespace {

BestCandidate candidate(const char* name, double accuracy, double spread, double params) {
    BestCandidate c;
    c.genotype = *nas::space::publishedGenotype(name);
    c.prediction = {accuracy, spread};
    c.cost = {params, params * 30, params * 4};
    return c;
}

// Best predicted first, as selectBest orders them. Against params the front is 3 (cheapest),
// 1, 0 (best); 2 costs more than 1 and predicts less.
BestCandidates results() {
    BestCandidates r;
    r.candidates = {candidate("DARTS_V2", 0.91, 0.010, 300e3),
                    candidate("DARTS_V1", 0.90, 0.004, 200e3),
                    candidate("PC_DARTS_cifar", 0.89, 0.008, 250e3),
                    candidate("AmoebaNet", 0.85, 0.020, 120e3)};
    r.pool = 1000;
    r.feasible = 640;
    r.constraints.maxParams = 320e3;
    return r;
}

// The candidate indices in the table's current row order.
std::vector<int> tableOrder(const BestCandidatesView& view) {
    std::vector<int> order;
    const auto* model = view.table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        order.push_back(model->index(row, 0).data(BestCandidatesModel::kCandidateRole).toInt());
    return order;
}

}  // namespace

TEST(BestCandidatesView, TableFillsWithRanksCostsPredictionsAndCellDrawings) {
    BestCandidatesView view;
    view.setResults(results());
    const auto* model = view.table()->model();
    ASSERT_EQ(model->rowCount(), 4);
    EXPECT_EQ(model->index(0, Column::kRank).data().toInt(), 1);
    EXPECT_EQ(model->index(3, Column::kRank).data().toInt(), 4);
    EXPECT_EQ(model->index(1, Column::kParams).data().toString(), formatCount(200e3));
    EXPECT_EQ(model->index(1, Column::kFlops).data().toString(), formatCount(6e6));
    EXPECT_EQ(model->index(1, Column::kMac).data().toString(), formatCount(800e3));
    const QString predicted = model->index(0, Column::kPredicted).data().toString();
    EXPECT_TRUE(predicted.contains(formatPercent(0.91))) << predicted.toStdString();
    EXPECT_TRUE(predicted.contains(QStringLiteral("± 1"))) << predicted.toStdString();
    for (const Column column : {Column::kNormalCell, Column::kReduceCell}) {
        const auto pixmap = model->index(2, column).data(Qt::DecorationRole).value<QPixmap>();
        ASSERT_FALSE(pixmap.isNull());
        EXPECT_EQ(pixmap.deviceIndependentSize().toSize(), view.model()->thumbnailSize());
        // Not blank: the drawing put something other than white on it.
        const QImage image = pixmap.toImage();
        bool drawn = false;
        for (int y = 0; y < image.height() && !drawn; ++y)
            for (int x = 0; x < image.width() && !drawn; ++x)
                drawn = image.pixelColor(x, y) != QColor(Qt::white);
        EXPECT_TRUE(drawn);
        EXPECT_TRUE(model->index(2, column).data(Qt::ToolTipRole).toString().contains("node 0"));
    }
    // Today's selections carry neither a latency nor a supernet score: those columns stay hidden.
    EXPECT_TRUE(view.table()->isColumnHidden(Column::kLatency));
    EXPECT_TRUE(view.table()->isColumnHidden(Column::kSupernet));
    EXPECT_TRUE(view.message().contains(QStringLiteral("640"))) << view.message().toStdString();
    // The best one is selected and drawn.
    EXPECT_EQ(view.selectedCandidate(), 0);
    EXPECT_TRUE(view.cells()->hasGenotype());
}

TEST(BestCandidatesView, MeasuredLatencyAndSupernetScoreShowTheirColumns) {
    auto r = results();
    r.candidates[1].latencyMs = 3.25;
    r.candidates[2].supernetScore = 0.8125;
    r.latencyMeasured = 9;
    BestCandidatesView view;
    view.setResults(r);
    EXPECT_TRUE(view.message().contains(QStringLiteral("9 best predicted")))
        << view.message().toStdString();
    EXPECT_FALSE(view.table()->isColumnHidden(Column::kLatency));
    EXPECT_FALSE(view.table()->isColumnHidden(Column::kSupernet));
    const auto* model = view.table()->model();
    EXPECT_TRUE(model->index(1, Column::kLatency).data().toString().contains(QStringLiteral("3")));
    EXPECT_FALSE(model->index(0, Column::kLatency).data().isValid());
    EXPECT_EQ(model->index(2, Column::kSupernet).data().toString(), formatPercent(0.8125));
}

TEST(BestCandidatesView, SortingByAColumnReordersTheRows) {
    BestCandidatesView view;
    view.setResults(results());
    EXPECT_EQ(tableOrder(view), (std::vector<int>{0, 1, 2, 3}));
    view.table()->sortByColumn(Column::kParams, Qt::AscendingOrder);
    EXPECT_EQ(tableOrder(view), (std::vector<int>{3, 1, 2, 0}));
    view.table()->sortByColumn(Column::kPredicted, Qt::AscendingOrder);
    EXPECT_EQ(tableOrder(view), (std::vector<int>{3, 2, 1, 0}));
    view.table()->sortByColumn(Column::kRank, Qt::DescendingOrder);
    EXPECT_EQ(tableOrder(view), (std::vector<int>{3, 2, 1, 0}));
    // By the numbers, not their text: as text, "800 k" would come before "1.2 M".
    view.table()->sortByColumn(Column::kMac, Qt::DescendingOrder);
    EXPECT_EQ(tableOrder(view), (std::vector<int>{0, 2, 1, 3}));
}

TEST(BestCandidatesView, ParetoPointsAreThoseOfParetoFrontForEachCost) {
    BestCandidatesView view;
    const auto r = results();
    view.setResults(r);
    BestCandidatesPlot* plot = view.plot();
    for (const CostMetric metric : {CostMetric::Params, CostMetric::Flops, CostMetric::Mac}) {
        plot->metricChoice()->setCurrentIndex(static_cast<int>(metric));
        ASSERT_EQ(plot->metric(), metric);
        std::vector<nas::predictor::CostScore> points;
        for (const auto& c : r.candidates)
            points.push_back({costOf(c.cost, metric), c.prediction.mean});
        std::vector<int> expected;
        for (const auto i : nas::predictor::paretoFront(points)) expected.push_back(int(i));
        EXPECT_EQ(plot->front(), expected);
        EXPECT_EQ(plot->front(), (std::vector<int>{3, 1, 0}));  // every cost scales with params
        // The front's graph goes through exactly those points, cheapest first.
        const auto* data = plot->frontGraph()->data().data();
        ASSERT_EQ(data->size(), 3);
        for (int k = 0; k < 3; ++k) {
            const auto& c = r.candidates[static_cast<std::size_t>(expected[k])];
            EXPECT_DOUBLE_EQ(data->at(k)->key, costOf(c.cost, metric));
            EXPECT_DOUBLE_EQ(data->at(k)->value, 100 * c.prediction.mean);
        }
        EXPECT_EQ(plot->pointsGraph()->data()->size(), 4);
    }
    // The limit is drawn on the params axis only (no FLOPs or memory-access limit was set).
    plot->setMetric(CostMetric::Params);
    EXPECT_TRUE(plot->limitLine()->visible());
    EXPECT_DOUBLE_EQ(plot->limitLine()->point1->key(), 320e3);
    plot->setMetric(CostMetric::Flops);
    EXPECT_FALSE(plot->limitLine()->visible());
}

TEST(BestCandidatesView, SelectionFollowsTheTableAndThePlot) {
    BestCandidatesView view;
    view.resize(1200, 800);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setResults(results());
    view.table()->sortByColumn(Column::kParams, Qt::AscendingOrder);
    // Table -> plot: row 0 of the params order is candidate 3.
    view.table()->selectRow(0);
    EXPECT_EQ(view.selectedCandidate(), 3);
    EXPECT_EQ(view.plot()->selected(), 3);
    ASSERT_EQ(view.plot()->selectedGraph()->data()->size(), 1);
    EXPECT_DOUBLE_EQ(view.plot()->selectedGraph()->data()->at(0)->key, 120e3);
    // Plot -> table: a click on candidate 2's point selects its row.
    view.plot()->plot()->replot();
    const QPoint pixel = view.plot()->pixelOf(2);
    QTest::mouseClick(view.plot()->plot(), Qt::LeftButton, {}, pixel);
    EXPECT_EQ(view.selectedCandidate(), 2);
    EXPECT_EQ(view.plot()->selected(), 2);
    EXPECT_EQ(view.table()->selectionModel()->selectedRows().front().row(), 2);  // 120k, 200k, 250k
}

TEST(BestCandidatesView, ExportCarriesTheSelectedRowsGenotype) {
    BestCandidatesView view;
    const auto r = results();
    view.setResults(r);
    nas::space::Genotype exported;
    nas::space::Cost cost;
    int rank = 0, calls = 0;
    QObject::connect(&view, &BestCandidatesView::exportRequested,
                     [&](const nas::space::Genotype& g, const nas::space::Cost& c, int k) {
                         exported = g, cost = c, rank = k, ++calls;
                     });
    view.table()->sortByColumn(Column::kParams, Qt::DescendingOrder);  // 0, 2, 1, 3
    view.table()->selectRow(1);
    EXPECT_TRUE(view.exportAction()->isEnabled());
    EXPECT_TRUE(view.table()->actions().contains(view.exportAction()));  // the context menu
    view.exportAction()->trigger();
    ASSERT_EQ(calls, 1);
    EXPECT_EQ(exported, r.candidates[2].genotype);
    EXPECT_EQ(rank, 3);
    EXPECT_DOUBLE_EQ(cost.params, 250e3);
    view.selectCandidate(1);
    view.exportButton()->click();
    ASSERT_EQ(calls, 2);
    EXPECT_EQ(exported, r.candidates[1].genotype);
    EXPECT_EQ(rank, 2);
    // Nothing selected, nothing to export.
    view.table()->clearSelection();
    EXPECT_FALSE(view.exportAction()->isEnabled());
}

TEST(BestCandidatesView, FindEmitsTheFormsRequestAndWaitsForTheResult) {
    BestCandidatesView view;
    BestCandidatesRequest start;
    start.selection.constraints.maxFlops = 25e6;
    start.selection.top = 7;
    start.selection.pool = 3000;
    start.selection.seed = 5;
    start.selection.latencyMeasurements = 33;  // not on the form: kept as it was
    view.setRequest(start);
    auto* params = view.findChild<QCheckBox*>(QStringLiteral("bestMaxParamsCheck"));
    auto* paramsSpin = view.findChild<QDoubleSpinBox*>(QStringLiteral("bestMaxParamsSpin"));
    auto* latency = view.findChild<QCheckBox*>(QStringLiteral("bestMaxLatencyCheck"));
    auto* latencySpin = view.findChild<QDoubleSpinBox*>(QStringLiteral("bestMaxLatencySpin"));
    auto* rescore = view.findChild<QCheckBox*>(QStringLiteral("bestRescoreCheck"));
    auto* batches = view.findChild<QSpinBox*>(QStringLiteral("bestRescoreBatchesSpin"));
    ASSERT_TRUE(params && paramsSpin && latency && latencySpin && rescore && batches);
    EXPECT_FALSE(params->isChecked());
    EXPECT_FALSE(paramsSpin->isEnabled());
    params->setChecked(true);
    paramsSpin->setValue(0.045);
    latency->setChecked(true);
    latencySpin->setValue(2.5);
    rescore->setChecked(true);
    batches->setValue(12);
    std::optional<BestCandidatesRequest> asked;
    QObject::connect(&view, &BestCandidatesView::findRequested,
                     [&](const BestCandidatesRequest& r) { asked = r; });
    auto* find = view.form()->findButton();
    find->click();
    ASSERT_TRUE(asked);
    const auto& o = asked->selection;
    EXPECT_DOUBLE_EQ(*o.constraints.maxParams, 45e3);
    EXPECT_DOUBLE_EQ(*o.constraints.maxFlops, 25e6);
    EXPECT_FALSE(o.constraints.maxMac);
    EXPECT_DOUBLE_EQ(*o.constraints.maxLatencyMs, 2.5);
    EXPECT_EQ(o.top, 7);
    EXPECT_EQ(o.pool, 3000);
    EXPECT_EQ(o.seed, 5u);
    EXPECT_EQ(o.latencyMeasurements, 33);
    EXPECT_EQ(asked->rescoreBatches, 12);
    rescore->setChecked(false);
    EXPECT_EQ(view.request().rescoreBatches, 0);
    view.showProgress(QStringLiteral("Ranking 3000 architectures…"));
    EXPECT_FALSE(find->isEnabled());
    EXPECT_EQ(view.message(), QStringLiteral("Ranking 3000 architectures…"));
    view.setResults(results());
    EXPECT_TRUE(find->isEnabled());
}

TEST(BestCandidatesView, SaysWhenNoArchitectureOfThePoolMeetsTheLimits) {
    BestCandidatesView view;
    view.setResults(results());
    BestCandidates none;
    none.pool = 500;
    none.constraints.maxParams = 1e3;
    view.setResults(none);
    EXPECT_EQ(view.table()->model()->rowCount(), 0);
    EXPECT_TRUE(view.message().contains(QStringLiteral("None of the 500")))
        << view.message().toStdString();
    EXPECT_FALSE(view.selectedCandidate());
    EXPECT_FALSE(view.exportAction()->isEnabled());
    EXPECT_TRUE(view.plot()->front().empty());
}

TEST(BestCandidatesView, ShowsWhyALimitCanNeverBeMet) {
    BestCandidatesView view;
    view.setResults(results());
    view.showProgress(QStringLiteral("Ranking…"));
    const QString problem = QStringLiteral(
        "no architecture of this space can meet the limits: max_params 1000 is below the smallest "
        "network's 4,210");
    view.showError(problem);
    EXPECT_TRUE(view.message().contains(problem)) << view.message().toStdString();
    EXPECT_EQ(view.table()->model()->rowCount(), 0);
    EXPECT_EQ(view.plot()->pointsGraph()->data()->size(), 0);
    EXPECT_TRUE(view.form()->findButton()->isEnabled());
    view.clear();
    EXPECT_FALSE(view.message().contains(problem));
}

TEST(BestCandidatesData, RowsCarryWhatTheSelectionHas) {
    nas::predictor::Selection selection;
    selection.pool = 50;
    selection.feasible = 20;
    selection.latencyMeasured = 4;
    nas::predictor::Candidate c;
    c.genotype = *nas::space::publishedGenotype("DARTS_V2");
    c.cost = {1e5, 2e6, 3e5};
    c.prediction = {0.8, 0.01};
    c.latencyMs = 1.5;
    c.rescored = 0.75;
    selection.best = {c};
    nas::engine::Constraints limits;
    limits.maxLatencyMs = 2.0;
    const auto rows = bestCandidatesFrom(selection, limits);
    EXPECT_EQ(rows.pool, 50);
    EXPECT_EQ(rows.feasible, 20);
    EXPECT_EQ(rows.latencyMeasured, 4);
    EXPECT_EQ(rows.constraints, limits);
    ASSERT_EQ(rows.candidates.size(), 1u);
    EXPECT_EQ(rows.candidates[0].genotype, c.genotype);
    EXPECT_DOUBLE_EQ(rows.candidates[0].cost.flops, 2e6);
    EXPECT_DOUBLE_EQ(rows.candidates[0].prediction.std, 0.01);
    EXPECT_EQ(rows.candidates[0].latencyMs, 1.5);
    EXPECT_EQ(rows.candidates[0].supernetScore, 0.75);
}
