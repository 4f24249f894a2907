#include "widgets/run_browser.h"

#include <gtest/gtest.h>

#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

#include "widget_test_support.h"
#include "widgets/run_replay.h"

using namespace nas::widgets;

namespace {

struct Workspace {
    QTemporaryDir dir;
    std::unique_ptr<nas::store::RunStore> store;
    Workspace() {
        store = std::make_unique<nas::store::RunStore>(
            dir.filePath(QStringLiteral("runs.sqlite")).toStdString());
    }
    std::int64_t addRun(const std::string& name, nas::engine::RunStatus status, double accuracy) {
        nas::store::NewRun run;
        run.name = name;
        run.strategy = "darts";
        run.dataset = "synthetic";
        run.configJson = "{\"strategy\": \"unknown\"}";
        run.device = "cpu";
        const auto id = store->createRun(run);
        auto epoch = fixtures::makeEpoch(0, 1.2e5);
        epoch.validAccuracy = accuracy;
        store->recordEpoch(id, epoch);
        store->setStatus(id, status);
        return id;
    }
};

QPushButton* button(RunBrowser& b, const char* name) {
    return b.findChild<QPushButton*>(QString::fromLatin1(name));
}

}  // namespace

TEST(RunBrowser, ListsEveryRun) {
    Workspace w;
    w.addRun("first", nas::engine::RunStatus::Finished, 0.5);
    w.addRun("second", nas::engine::RunStatus::Interrupted, 0.25);
    RunBrowser browser;
    browser.setRuns(w.store->listRuns());
    ASSERT_EQ(browser.rowCount(), 2);
    QStringList names;
    for (int row = 0; row < 2; ++row)
        names << browser.table()->item(row, RunBrowser::kName)->text();
    EXPECT_TRUE(names.contains(QStringLiteral("first")));
    EXPECT_TRUE(names.contains(QStringLiteral("second")));
    bool found = false;
    for (int row = 0; row < 2; ++row)
        found |= browser.table()
                     ->item(row, RunBrowser::kBestAccuracy)
                     ->text()
                     .startsWith(QStringLiteral("50.0"));
    EXPECT_TRUE(found);
}

TEST(RunBrowser, ButtonsFollowTheSelection) {
    Workspace w;
    const auto finished = w.addRun("done", nas::engine::RunStatus::Finished, 0.5);
    const auto interrupted = w.addRun("cut", nas::engine::RunStatus::Interrupted, 0.2);
    RunBrowser browser;
    browser.setRuns(w.store->listRuns());
    QSignalSpy open(&browser, &RunBrowser::openRequested);
    QSignalSpy resume(&browser, &RunBrowser::resumeRequested);
    QSignalSpy compare(&browser, &RunBrowser::compareRequested);

    browser.selectRuns({finished});
    EXPECT_TRUE(button(browser, "openRunButton")->isEnabled());
    EXPECT_FALSE(button(browser, "resumeRunButton")->isEnabled())
        << "a finished run has nothing to resume";
    button(browser, "openRunButton")->click();
    ASSERT_EQ(open.count(), 1);
    EXPECT_EQ(open.at(0).at(0).value<std::int64_t>(), finished);

    browser.selectRuns({interrupted});
    ASSERT_TRUE(button(browser, "resumeRunButton")->isEnabled());
    button(browser, "resumeRunButton")->click();
    ASSERT_EQ(resume.count(), 1);
    browser.setActiveRun(interrupted);
    EXPECT_FALSE(button(browser, "resumeRunButton")->isEnabled());
    EXPECT_FALSE(button(browser, "deleteRunButton")->isEnabled())
        << "the running run cannot be deleted";

    browser.selectRuns({finished, interrupted});
    EXPECT_TRUE(button(browser, "compareRunsButton")->isEnabled());
    button(browser, "compareRunsButton")->click();
    EXPECT_EQ(compare.count(), 1);
}

TEST(RunBrowser, DeleteAsksFirst) {
    Workspace w;
    const auto id = w.addRun("doomed", nas::engine::RunStatus::Stopped, 0.3);
    RunBrowser browser;
    browser.setRuns(w.store->listRuns());
    QSignalSpy deleted(&browser, &RunBrowser::deleteRequested);
    int asked = 0;
    bool answer = false;
    browser.setDeleteConfirmation([&](const nas::store::RunRecord& r) {
        ++asked;
        EXPECT_EQ(r.id, id);
        return answer;
    });
    browser.selectRuns({id});
    browser.deleteSelected();
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(deleted.count(), 0);
    answer = true;
    browser.deleteSelected();
    ASSERT_EQ(deleted.count(), 1);
    EXPECT_EQ(deleted.at(0).at(0).value<std::int64_t>(), id);
}

// Between Pause and the engine's next step boundary the store still says "running": the live
// run's row says "pausing…" meanwhile, and only that row, whatever order the refreshes come in.
TEST(RunBrowser, TheLiveRunSaysPausingUntilThePauseTakesEffect) {
    using nas::engine::RunStatus;
    Workspace w;
    const auto live = w.addRun("live", RunStatus::Running, 0.5);
    const auto other = w.addRun("other", RunStatus::Running, 0.4);
    RunBrowser browser;
    browser.setRuns(w.store->listRuns());
    auto status = [&](std::int64_t id) {
        for (int row = 0; row < browser.rowCount(); ++row)
            if (browser.table()->item(row, RunBrowser::kId)->text().toLongLong() == id)
                return browser.table()->item(row, RunBrowser::kStatus)->text().toStdString();
        return std::string("<no row>");
    };
    browser.setActiveRun(live);
    EXPECT_EQ(status(live), "running");

    browser.setPausePending(true);
    EXPECT_EQ(status(live), "pausing\u2026");
    EXPECT_EQ(status(other), "running") << "only the live run is being paused";
    browser.setRuns(w.store->listRuns());  // a refresh while the engine has not got there
    EXPECT_EQ(status(live), "pausing\u2026");

    // The engine paused: the store says so, even before the pending request is cleared.
    w.store->setStatus(live, RunStatus::Paused);
    browser.setRuns(w.store->listRuns());
    EXPECT_EQ(status(live), "paused");
    browser.setPausePending(false);
    EXPECT_EQ(status(live), "paused");

    // Resumed, then a pause taken back before the engine reached it.
    w.store->setStatus(live, RunStatus::Running);
    browser.setRuns(w.store->listRuns());
    browser.setPausePending(true);
    browser.setPausePending(false);
    EXPECT_EQ(status(live), "running");

    // The run ends with a pause still pending: no row keeps saying "pausing…".
    browser.setPausePending(true);
    browser.setActiveRun(std::nullopt);
    EXPECT_EQ(status(live), "running");
    browser.setActiveRun(other);
    EXPECT_EQ(status(other), "running") << "the next live run starts without a pending pause";
}

TEST(RunReplay, LoadsWhatTheStoreHolds) {
    Workspace w;
    const auto id = w.addRun("replayed", nas::engine::RunStatus::Finished, 0.4);
    w.store->recordSteps(id,
                         {fixtures::makeStep(0), fixtures::makeStep(1), fixtures::makeStep(12)});
    w.store->recordAlphas(id, fixtures::makeSnapshot(1));
    w.store->recordAlphas(id, fixtures::makeSnapshot(12));
    auto replay = loadRunReplay(*w.store, id);
    ASSERT_TRUE(replay.has_value());
    EXPECT_EQ(replay->steps.size(), 3u);
    EXPECT_EQ(replay->alphas.size(), 2u);
    EXPECT_EQ(replay->epochs.size(), 1u);
    EXPECT_FALSE(replay->config.has_value()) << "an invalid stored config is tolerated";
    truncateReplay(*replay, 1);
    EXPECT_EQ(replay->steps.size(), 2u);
    EXPECT_EQ(replay->alphas.size(), 1u);
    EXPECT_FALSE(loadRunReplay(*w.store, id + 100).has_value());
}
