// The predictor panel with a real LibTorch predictor: an edit changes the cell and its prediction,
// an invalid edit is refused with a message and changes nothing, the constraint verdict follows the
// limits, and in the studio a fit job reports progress, saves its predictor and can be cancelled
// without touching the saved one.
#include "widgets/predictor_panel.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGraphicsPathItem>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>

#include "app/studio/best_candidates_controller.h"
#include "app/studio/best_candidates_job.h"
#include "app/studio/main_window.h"
#include "app/studio/predictor_dock.h"
#include "app/studio/predictor_fit_job.h"
#include "app/studio/run_views.h"
#include "predictor/architecture_sampler.h"
#include "predictor/predictor.h"
#include "studio_test_support.h"
#include "widgets/best_candidates_form.h"
#include "widgets/best_candidates_model.h"
#include "widgets/best_candidates_view.h"
#include "widgets/cell_dag_view.h"
#include "widgets/export_dialog.h"
#include "widgets/launch_panel.h"
#include "widgets/predictor_fit_box.h"

using nas::predictor::EdgeEdit;
using nas::space::Genotype;
using nas::studio::fixtures::waitFor;
using nas::widgets::PredictorPanel;

namespace {

// A target the GCN can see: sep convs reading input 0.
double sepConvsFromInput0(const Genotype& g) {
    double count = 0;
    for (const auto* cell : {&g.normal, &g.reduce})
        for (const auto& e : cell->edges)
            if (e.from == 0 && e.op.rfind("sep_conv", 0) == 0) ++count;
    return count;
}

// One small GCN for the panel tests, fitted once: 24 architectures, 3 epochs, 2 members.
std::shared_ptr<const nas::predictor::Predictor> fittedPredictor() {
    static std::shared_ptr<const nas::predictor::Predictor> predictor = [] {
        nas::predictor::TrainingSet data;
        nas::predictor::ArchitectureSampler sampler(nas::space::SpaceConfig{}, 3);
        data.genotypes = sampler.sampleDistinct(24);
        for (const auto& g : data.genotypes)
            data.scores.push_back(0.5 + 0.05 * sepConvsFromInput0(g));
        nas::predictor::PredictorOptions options;
        options.epochs = 3;
        options.members = 2;
        options.learningRate = 2e-3;
        auto p = std::make_shared<nas::predictor::Predictor>(nas::space::SpaceConfig{});
        EXPECT_TRUE(p->fit(data, options));
        return p;
    }();
    return predictor;
}

Genotype dartsV2() { return *nas::space::publishedGenotype("DARTS_V2"); }

// A panel on one run of the default space, starting from DARTS_V2, with the fitted GCN.
struct PanelFixture {
    PredictorPanel panel;
    PanelFixture() {
        panel.resize(1200, 800);
        panel.show();
        QObject::connect(&panel, &PredictorPanel::runChosen, &panel, [this](std::int64_t id) {
            nas::widgets::PredictorRunCells cells;
            cells.id = id;
            cells.derived = dartsV2();
            panel.setRunCells(cells);
            nas::widgets::PanelPredictor gcn;
            const auto predictor = fittedPredictor();
            gcn.summary = predictor->summary();
            gcn.predict = [predictor](const Genotype& g) { return predictor->predict(g); };
            panel.setPredictors({gcn});
        });
        panel.setRuns({{7, QStringLiteral("test run"), true, true, false}});
        EXPECT_TRUE(panel.chooseRun(7));
    }
};

}  // namespace

TEST(PredictorPanel, AnEditChangesTheCellAndItsPrediction) {
    PanelFixture f;
    auto& panel = f.panel;
    ASSERT_TRUE(panel.genotype().has_value());
    EXPECT_EQ(*panel.genotype(), dartsV2());
    ASSERT_TRUE(panel.prediction().has_value());
    const auto before = *panel.prediction();
    const QString textBefore = panel.genotypeText();
    EXPECT_TRUE(panel.predictionText().contains(QStringLiteral("\u00b1")))
        << panel.predictionText().toStdString();

    // Through the menu a click on normal edge 0 opens: sep_conv_3x3 from c_{k-2} becomes a pool.
    QMenu* menu = panel.edgeMenu(false, 0);
    auto* pool = menu->findChild<QAction*>(QStringLiteral("editOp_max_pool_3x3"));
    ASSERT_NE(pool, nullptr);
    pool->trigger();
    ASSERT_TRUE(panel.genotype().has_value());
    EXPECT_EQ(panel.genotype()->normal.edges[0].op, "max_pool_3x3");
    EXPECT_EQ(panel.genotype()->reduce, dartsV2().reduce);
    EXPECT_NE(panel.genotypeText(), textBefore);
    EXPECT_TRUE(panel.genotypeText().contains(QStringLiteral("max_pool_3x3")));
    ASSERT_TRUE(panel.prediction().has_value());
    EXPECT_NE(panel.prediction()->mean, before.mean);
    EXPECT_TRUE(panel.messageText().isEmpty());
    EXPECT_EQ(panel.cellView()->opEdgeItems().size(), 16u);

    // The input of reduction edge 7 (node 3 reads states 2 and 4) moves to c_{k-2}.
    EdgeEdit input;
    input.reduction = true;
    input.edge = 7;
    input.from = 0;
    EXPECT_TRUE(panel.editEdge(input));
    EXPECT_EQ(panel.genotype()->reduce.edges[7].from, 0);

    // A click on an edge of the drawing opens the edit menu.
    auto* view = panel.cellView();
    QGraphicsPathItem* edge = view->opEdgeItems().front();
    const QPoint at = view->mapFromScene(edge->mapToScene(edge->path().pointAtPercent(0.3)));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    auto* opened = panel.findChild<QMenu*>(QStringLiteral("edgeEditMenu"));
    ASSERT_NE(opened, nullptr);
    EXPECT_TRUE(waitFor([&] { return opened->isVisible(); }, 2000));
    opened->close();
}

TEST(PredictorPanel, AnInvalidEditIsRefusedWithAMessageAndChangesNothing) {
    PanelFixture f;
    auto& panel = f.panel;
    const Genotype before = *panel.genotype();
    const auto prediction = *panel.prediction();
    const QString text = panel.genotypeText();

    // Normal node 0 reads states 0 and 1: its edge 0 cannot read state 1 too.
    EdgeEdit same;
    same.edge = 0;
    same.from = 1;
    EXPECT_FALSE(panel.editEdge(same));
    EXPECT_TRUE(panel.messageText().contains(QStringLiteral("already reads state 1")))
        << panel.messageText().toStdString();
    EXPECT_EQ(*panel.genotype(), before);
    EXPECT_EQ(panel.genotypeText(), text);
    EXPECT_EQ(panel.prediction()->mean, prediction.mean);

    EdgeEdit unknown;
    unknown.edge = 3;
    unknown.op = "conv_9x9";
    EXPECT_FALSE(panel.editEdge(unknown));
    EXPECT_TRUE(panel.messageText().contains(QStringLiteral("conv_9x9")));
    EXPECT_EQ(*panel.genotype(), before);

    // The next good edit clears the message.
    EdgeEdit good;
    good.edge = 3;
    good.op = "skip_connect";
    EXPECT_TRUE(panel.editEdge(good));
    EXPECT_TRUE(panel.messageText().isEmpty());
}

TEST(PredictorPanel, TheConstraintVerdictFlipsWithALimitBelowTheCellsParams) {
    PanelFixture f;
    auto& panel = f.panel;
    ASSERT_TRUE(panel.cost().has_value());
    const double params = panel.cost()->params;
    EXPECT_EQ(panel.meetsConstraints(), std::optional<bool>(true));

    auto* check = panel.findChild<QCheckBox*>(QStringLiteral("predictorMaxParamsCheck"));
    auto* spin = panel.findChild<QDoubleSpinBox*>(QStringLiteral("predictorMaxParamsSpin"));
    ASSERT_NE(check, nullptr);
    ASSERT_NE(spin, nullptr);
    check->setChecked(true);
    spin->setValue(params * 0.9 / 1e6);  // the spin box counts millions
    EXPECT_EQ(panel.meetsConstraints(), std::optional<bool>(false));
    EXPECT_TRUE(panel.constraintText().contains(QStringLiteral("Breaks")))
        << panel.constraintText().toStdString();

    spin->setValue(params * 1.1 / 1e6);
    EXPECT_EQ(panel.meetsConstraints(), std::optional<bool>(true));
    EXPECT_TRUE(panel.constraintText().contains(QStringLiteral("Meets")));
}

// The studio end to end: a tiny search, Run ▸ Predictor, a fit that reports and saves, then a long
// fit cancelled midway that leaves the saved predictor as it was.
TEST(PredictorDock, AFitReportsProgressSavesAndCanBeCancelled) {
    QSettings().clear();
    QTemporaryDir workspace;
    nas::studio::MainWindow window(workspace.path());
    window.launchPanel()->setMemoryProbe([] { return std::optional<double>(64.0 * (1ull << 30)); });
    window.show();
    QSignalSpy ended(&window, &nas::studio::MainWindow::searchEnded);
    ASSERT_TRUE(window.launchPanel()->setConfigJson(nas::studio::fixtures::quickSearch(1)));
    window.findChild<QPushButton*>(QStringLiteral("startButton"))->click();
    ASSERT_TRUE(waitFor([&] { return ended.count() == 1; })) << window.lastError().toStdString();
    const std::int64_t runId = *window.views()->runId();

    window.findChild<QAction*>(QStringLiteral("actionPredictor"))->trigger();
    auto* dock = window.predictorDock();
    ASSERT_TRUE(dock->isVisible());
    PredictorPanel* panel = dock->panel();
    EXPECT_EQ(panel->chosenRun(), runId);
    ASSERT_TRUE(panel->genotype().has_value()) << dock->lastError().toStdString();
    EXPECT_FALSE(panel->prediction().has_value()) << "no predictor fitted yet";

    auto* box = panel->fitBox();
    auto* job = dock->fitJob();
    QSignalSpy scored(job, &nas::studio::PredictorFitJob::scored);
    QSignalSpy progress(job, &nas::studio::PredictorFitJob::progress);
    QSignalSpy finished(job, &nas::studio::PredictorFitJob::finished);
    box->setRequest({nas::predictor::PredictorModel::Gcn, 20, 10, "batch"});
    box->findChild<QPushButton*>(QStringLiteral("fitButton"))->click();
    EXPECT_TRUE(box->isFitting());
    EXPECT_TRUE(job->isRunning());
    ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }));
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(3).toString().toStdString();
    EXPECT_GT(scored.count(), 0);
    EXPECT_GT(progress.count(), 0);
    EXPECT_GT(box->plottedPoints(), 0);
    EXPECT_FALSE(box->isFitting());
    const QString saved = workspace.path() + QStringLiteral("/runs/%1/predictor-gcn.pt").arg(runId);
    ASSERT_TRUE(QFile::exists(saved));
    ASSERT_TRUE(panel->prediction().has_value()) << "the fitted predictor answers at once";

    QFile file(saved);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    file.close();
    progress.clear();
    // Reports every 10 epochs: the first comes at once, the last long after the cancel.
    box->setRequest({nas::predictor::PredictorModel::Gcn, 20, 500, "batch"});
    box->findChild<QPushButton*>(QStringLiteral("fitButton"))->click();
    ASSERT_TRUE(waitFor([&] { return progress.count() > 0; }));
    box->findChild<QPushButton*>(QStringLiteral("fitCancelButton"))->click();
    ASSERT_TRUE(waitFor([&] { return finished.count() == 2; }));
    EXPECT_FALSE(finished.at(1).at(0).toBool());
    EXPECT_TRUE(finished.at(1).at(1).toBool()) << "ended as cancelled";
    EXPECT_TRUE(box->statusText().contains(QStringLiteral("unchanged")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), bytes);
}

// The dock's second tab in the studio: a run without a predictor says how to fit one; once fitted,
// Find lists the best under the run's limits, and Export opens the export dialog on that row.
TEST(PredictorDock, BestUnderConstraintsFindsForTheChosenRunAndExportsARow) {
    QSettings().clear();
    QTemporaryDir workspace;
    nas::studio::MainWindow window(workspace.path());
    window.launchPanel()->setMemoryProbe([] { return std::optional<double>(64.0 * (1ull << 30)); });
    window.show();
    QSignalSpy ended(&window, &nas::studio::MainWindow::searchEnded);
    ASSERT_TRUE(window.launchPanel()->setConfigJson(nas::studio::fixtures::quickSearch(1)));
    window.findChild<QPushButton*>(QStringLiteral("startButton"))->click();
    ASSERT_TRUE(waitFor([&] { return ended.count() == 1; })) << window.lastError().toStdString();

    window.findChild<QAction*>(QStringLiteral("actionPredictor"))->trigger();
    auto* dock = window.predictorDock();
    dock->tabs()->setCurrentIndex(nas::studio::PredictorDock::kBestTab);
    auto* view = dock->bestView();
    auto request = view->request();
    request.selection.pool = 60;
    request.selection.top = 5;
    view->setRequest(request);
    view->form()->findButton()->click();
    EXPECT_TRUE(view->message().contains(QStringLiteral("predictor fit")))
        << view->message().toStdString();

    QSignalSpy fitted(dock->fitJob(), &nas::studio::PredictorFitJob::finished);
    dock->panel()->fitBox()->setRequest({nas::predictor::PredictorModel::Gcn, 20, 10, "batch"});
    dock->findChild<QPushButton*>(QStringLiteral("fitButton"))->click();
    ASSERT_TRUE(waitFor([&] { return fitted.count() == 1; }));
    ASSERT_TRUE(fitted.at(0).at(0).toBool());

    view->form()->findButton()->click();
    ASSERT_TRUE(waitFor([&] { return !dock->best()->job()->isRunning(); }));
    ASSERT_TRUE(waitFor([&] { return view->model()->rowCount() == 5; }))
        << view->message().toStdString();
    view->selectCandidate(0);
    view->exportButton()->click();
    ASSERT_TRUE(waitFor([&] { return view->findChild<nas::widgets::ExportDialog*>() != nullptr; }));
    auto* dialog = view->findChild<nas::widgets::ExportDialog*>();
    EXPECT_TRUE(dialog->isAvailable(nas::widgets::ExportDialog::Format::Json));
    dialog->close();
}
