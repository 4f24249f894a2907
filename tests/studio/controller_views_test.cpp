// The controller and editing tabs end to end, offscreen: a real tiny ENAS search through the bridge
// fills the controller curves and (through the study worker) the hidden-state views live, the
// stored run fills them again, and two runs' controllers are compared; a real tiny RENA search
// fills the edits tab live and from the store.
#include <gtest/gtest.h>

#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <memory>

#include "app/studio/engine_bridge.h"
#include "app/studio/hidden_state_worker.h"
#include "app/studio/main_window.h"
#include "app/studio/run_views.h"
#include "engine/evaluated_sample.h"
#include "space/genotype.h"
#include "studio_test_support.h"
#include "widgets/architecture_strip.h"
#include "widgets/cell_dag_view.h"
#include "widgets/controller_compare_dialog.h"
#include "widgets/controller_curves_view.h"
#include "widgets/edit_search_view.h"
#include "widgets/evaluations_table.h"
#include "widgets/hidden_state_map_view.h"
#include "widgets/hidden_state_scatter_view.h"
#include "widgets/hidden_state_tracker.h"
#include "widgets/launch_panel.h"

using namespace nas::studio;
using nas::studio::fixtures::waitFor;

namespace {

nlohmann::json tinyEnas() {
    auto config = fixtures::quickSearch(2);
    config["strategy"] = "enas";
    config["enas"] = {{"lstm_size", 16},
                      {"train_steps", 2},
                      {"num_aggregate", 3},
                      {"derive_samples", 3},
                      {"derive_batches", 1}};
    return config;
}

bool controllerTabsVisible(const RunViews& views) {
    return views.tabs()->isTabVisible(RunViews::kControllerTab) &&
           views.tabs()->isTabVisible(RunViews::kHiddenDistanceTab) &&
           views.tabs()->isTabVisible(RunViews::kHiddenMapTab);
}

// The studio on an empty workspace with default settings, shown, with memory to spare for any
// launch.
std::unique_ptr<MainWindow> freshStudio(const QTemporaryDir& workspace) {
    QSettings().clear();
    auto window = std::make_unique<MainWindow>(workspace.path());
    window->launchPanel()->setMemoryProbe(
        [] { return std::optional<double>(64.0 * (1ull << 30)); });
    window->show();
    return window;
}

}  // namespace

TEST(StudioController, EnasFillsTheControllerTabsLiveAndFromTheStoredRun) {
    QTemporaryDir workspace;
    const auto studio = freshStudio(workspace);
    MainWindow& window = *studio;
    RunViews& views = *window.views();
    EXPECT_FALSE(views.tabs()->isTabVisible(RunViews::kControllerTab))
        << "no controller, no controller tabs";

    QSignalSpy ended(&window, &MainWindow::searchEnded);
    ASSERT_TRUE(window.launchPanel()->setConfigJson(tinyEnas()));
    ASSERT_TRUE(window.launchPanel()->requestStart()) << window.lastError().toStdString();
    EXPECT_TRUE(waitFor([&] { return controllerTabsVisible(views); }))
        << "ENAS is a controller strategy";

    // Live: the curves at once, the hidden-state views once the worker has studied the samples.
    ASSERT_TRUE(waitFor([&] { return views.controllerCurves()->sampleCount() > 0; }))
        << window.lastError().toStdString();
    ASSERT_TRUE(waitFor([&] { return views.hiddenStateScatter()->pointCount() > 0; }));
    EXPECT_GT(views.hiddenStateMap()->pointCount(), 1);
    ASSERT_TRUE(waitFor([&] { return ended.count() == 1; }));
    const auto outcome = ended.at(0).at(0).value<nas::engine::SearchOutcome>();
    ASSERT_EQ(outcome.status, nas::engine::RunStatus::Finished) << outcome.message;
    ASSERT_TRUE(waitFor([&] { return views.studyWorker()->isIdle(); }));

    const auto stored = window.store().samples(outcome.runId);
    int controllerSamples = 0, studied = 0;
    for (const auto& record : stored) {
        controllerSamples += !nas::widgets::isDeriveSample(record);
        studied += nas::widgets::hasHiddenState(record);
    }
    EXPECT_EQ(controllerSamples, 2 * 2 * 3) << "two epochs of 2 updates of 3 samples";
    EXPECT_EQ(views.controllerCurves()->sampleCount(), controllerSamples);
    EXPECT_EQ(views.controllerCurves()->boundaryCount(), 1);
    const int window100 = std::min(studied, views.studyWorker()->window());
    EXPECT_EQ(views.hiddenStateMap()->pointCount(), window100);
    EXPECT_EQ(views.hiddenStateScatter()->pointCount(), window100 * (window100 - 1) / 2);
    const QString liveTitle = views.hiddenStateScatter()->title();
    EXPECT_TRUE(liveTitle.contains(QStringLiteral("Spearman"))) << liveTitle.toStdString();

    // From the store: the same views, the same figures.
    views.clear();
    EXPECT_EQ(views.controllerCurves()->sampleCount(), 0);
    EXPECT_EQ(views.hiddenStateScatter()->pointCount(), 0);
    window.openRun(outcome.runId);
    EXPECT_TRUE(controllerTabsVisible(views));
    EXPECT_EQ(views.controllerCurves()->sampleCount(), controllerSamples);
    ASSERT_TRUE(waitFor([&] { return views.studyWorker()->isIdle(); }));
    EXPECT_EQ(views.hiddenStateMap()->pointCount(), window100);
    EXPECT_EQ(views.hiddenStateScatter()->title(), liveTitle) << "the same window, the same study";
    views.hiddenStateMap()->selectPoint(0);
    EXPECT_TRUE(views.hiddenStateMap()->cell()->hasGenotype());

    // The run against itself: both correlation columns fill, both reward histograms count.
    window.compareRuns(outcome.runId, outcome.runId);
    auto* dialog = window.findChild<nas::widgets::ControllerCompareDialog*>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitFor([&] { return dialog->hasStudy(0) && dialog->hasStudy(1); }));
    EXPECT_EQ(dialog->rewardCount(0), controllerSamples);
    EXPECT_EQ(dialog->rewardCount(1), controllerSamples);
}

TEST(StudioEditing, RenaFillsTheEditsTabLiveAndFromTheStoredRun) {
    QTemporaryDir workspace;
    const auto studio = freshStudio(workspace);
    MainWindow& window = *studio;
    RunViews& views = *window.views();
    EXPECT_FALSE(views.tabs()->isTabVisible(RunViews::kEditsTab)) << "no editing run yet";

    auto config = fixtures::quickSearch(2);
    config["strategy"] = "rena";
    config["constraints"] = {{"max_params", 30000}};
    config["rena"] = {{"children_per_update", 3},
                      {"edits_per_child", 1},
                      {"child", {{"batch_size", 16}}},
                      {"policy", {{"hidden", 8}, {"embedding", 8}}}};
    QSignalSpy ended(&window, &MainWindow::searchEnded);
    ASSERT_TRUE(window.launchPanel()->setConfigJson(config));
    ASSERT_TRUE(window.launchPanel()->requestStart()) << window.lastError().toStdString();
    ASSERT_TRUE(waitFor([&] { return ended.count() == 1; }));
    const auto outcome = ended.at(0).at(0).value<nas::engine::SearchOutcome>();
    ASSERT_EQ(outcome.status, nas::engine::RunStatus::Finished) << outcome.message;

    // A layer chain: the edits tab instead of the cell, alpha and controller views.
    EXPECT_TRUE(views.tabs()->isTabVisible(RunViews::kEditsTab));
    EXPECT_FALSE(views.tabs()->isTabVisible(RunViews::kCellTab));
    EXPECT_FALSE(views.tabs()->isTabVisible(RunViews::kAlphasTab));
    EXPECT_FALSE(controllerTabsVisible(views));
    nas::widgets::EditSearchView& edits = *views.editSearch();
    ASSERT_TRUE(waitFor([&] { return edits.childCount() == 2 * 3; }))
        << "two epochs of one update of 3 children, got " << edits.childCount();
    EXPECT_EQ(edits.keptPoints() + edits.brokenPoints(), 6);
    ASSERT_TRUE(edits.limitShown());
    EXPECT_EQ(*edits.limitShown(), 30000);
    EXPECT_GE(edits.strip()->nodeCount(), 4) << "input, stem, a layer, classifier at least";

    // From the store: the same children, the same network.
    const int strip = edits.strip()->nodeCount();
    views.clear();
    EXPECT_EQ(edits.childCount(), 0);
    window.openRun(outcome.runId);
    EXPECT_TRUE(views.tabs()->isTabVisible(RunViews::kEditsTab));
    EXPECT_EQ(edits.childCount(), 6);
    EXPECT_EQ(edits.strip()->nodeCount(), strip);
}

namespace {

TEST(StudioEvaluations, ARunWithImportedEvaluationsShowsThemInTheirTab) {
    RunViews views;
    nas::widgets::RunReplay replay;
    replay.record.id = 1;
    replay.record.strategy = "darts";
    replay.record.status = nas::engine::RunStatus::Finished;
    nas::engine::SampleRecord scored;  // a search's shared-weight score
    scored.architecture = nas::space::toJson(*nas::space::publishedGenotype("DARTS_V2")).dump();
    scored.score = 0.6;
    auto evaluated = scored;  // `evaluate` + `import-results`: trained from scratch
    evaluated.score = 0.9;
    evaluated.metrics = {{nas::engine::kEvaluatedMetric, 1.0}, {"params", 3000.0}};
    replay.samples = {scored, evaluated};
    views.showReplay(replay);
    EXPECT_TRUE(views.tabs()->isTabVisible(RunViews::kEvaluationsTab));
    EXPECT_EQ(views.evaluations()->rowCount(), 1);

    replay.samples = {scored};
    views.showReplay(replay);
    EXPECT_FALSE(views.tabs()->isTabVisible(RunViews::kEvaluationsTab));
    EXPECT_EQ(views.evaluations()->rowCount(), 0);
}

}  // namespace
