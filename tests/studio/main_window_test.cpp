// The studio end to end, offscreen: the window drives the launch panel, runs a real tiny search
// through the engine, steers it, and reopens it from the run browser.
#include "app/studio/main_window.h"

#include <gtest/gtest.h>

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>

#include "app/studio/engine_bridge.h"
#include "app/studio/progress_status.h"
#include "app/studio/run_views.h"
#include "app/studio/stall_meter.h"
#include "studio_test_support.h"
#include "widgets/alpha_distribution_view.h"
#include "widgets/cell_dag_view.h"
#include "widgets/launch_panel.h"
#include "widgets/run_browser.h"
#include "widgets/training_curves_view.h"

using namespace nas::studio;
using nas::studio::fixtures::waitFor;

namespace {

struct Studio {
    QTemporaryDir workspace;
    std::unique_ptr<MainWindow> window;

    Studio() {
        QSettings().clear();
        window = std::make_unique<MainWindow>(workspace.path());
        window->launchPanel()->setMemoryProbe(
            [] { return std::optional<double>(64.0 * (1ull << 30)); });
        window->show();
    }
    ~Studio() {
        if (window) window->bridge()->stopAndWait();
    }
    QAction* action(const char* name) const {
        auto* a = window->findChild<QAction*>(QString::fromLatin1(name));
        EXPECT_NE(a, nullptr) << name;
        return a;
    }
    QPushButton* button(const char* name) const {
        auto* b = window->findChild<QPushButton*>(QString::fromLatin1(name));
        EXPECT_NE(b, nullptr) << name;
        return b;
    }
    [[nodiscard]] bool start(const nlohmann::json& config) {
        if (!window->launchPanel()->setConfigJson(config)) return false;
        button("startButton")->click();
        return window->bridge()->isRunning();
    }
    RunViews& views() const { return *window->views(); }
};

}  // namespace

TEST(Studio, RunsSteersStopsAndReopensASearch) {
    Studio s;
    QSignalSpy ended(s.window.get(), &MainWindow::searchEnded);
    ASSERT_TRUE(s.start(fixtures::quickSearch(2)));
    EXPECT_FALSE(s.action("actionStart")->isEnabled());
    EXPECT_TRUE(s.action("actionStop")->isEnabled());

    // Live data reaches the views.
    ASSERT_TRUE(waitFor([&] { return s.views().curves()->stepPointCount() > 0; }))
        << s.window->lastError().toStdString();
    ASSERT_TRUE(waitFor([&] { return s.views().alphas()->snapshotCount() > 0; }));
    EXPECT_GT(s.views().alphas()->scrubber()->maximum(), -1);
    ASSERT_TRUE(s.views().runId().has_value());
    const std::int64_t runId = *s.views().runId();

    // Pause: the engine stops between steps, and no more steps arrive.
    s.action("actionPause")->trigger();
    ASSERT_TRUE(waitFor([&] { return s.window->bridge()->isPaused(); }));
    EXPECT_TRUE(s.action("actionResume")->isEnabled());
    const int pausedAt = s.views().curves()->stepPointCount();
    fixtures::spin(1500);
    EXPECT_EQ(s.views().curves()->stepPointCount(), pausedAt);

    // A constraint changed while the search waits moves the curves' limit.
    nas::engine::Constraints tighter;
    tighter.maxParams = 5e5;
    s.window->applyConstraints(tighter);
    ASSERT_TRUE(s.views().curves()->currentLimit().has_value());
    EXPECT_DOUBLE_EQ(*s.views().curves()->currentLimit(), 5e5);

    // Resume until the first epoch ends: a derived genotype appears in the cell view.
    s.action("actionResume")->trigger();
    ASSERT_TRUE(waitFor([&] { return !s.window->bridge()->isPaused(); }));
    ASSERT_TRUE(waitFor([&] { return s.views().curves()->epochPointCount() >= 1; }));
    EXPECT_TRUE(s.views().cell()->hasGenotype());
    EXPECT_FALSE(s.views().cell()->opEdgeItems().empty());

    // Stop: the run ends resumable.
    s.action("actionStop")->trigger();
    ASSERT_TRUE(waitFor([&] { return ended.count() == 1; }));
    const auto outcome = ended.at(0).at(0).value<nas::engine::SearchOutcome>();
    EXPECT_TRUE(outcome.status == nas::engine::RunStatus::Stopped ||
                outcome.status == nas::engine::RunStatus::Finished)
        << nas::engine::toString(outcome.status) << ": " << outcome.message;
    EXPECT_FALSE(s.window->bridge()->isRunning());
    EXPECT_TRUE(s.action("actionStart")->isEnabled());
    EXPECT_GT(s.window->stallMeter()->ticks(), 0);
    std::printf("longest GUI stall while the search ran: %.1f ms\n",
                s.window->stallMeter()->maxStallMs());

    const auto stored = s.window->store().findRun(runId);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->status, outcome.status);
    ASSERT_EQ(s.window->runBrowser()->rowCount(), 1);
    EXPECT_EQ(s.window->store().constraintChanges(runId).size(), 1u)
        << "the engine recorded the change";
    // The live view placed it where the engine applied it, the step the store recorded.
    EXPECT_FALSE(s.views().curves()->hasPendingConstraints());
    EXPECT_EQ(s.views().curves()->constraintChanges(), s.window->store().constraintChanges(runId));

    // Reopen from the run browser: every view replays what the store holds.
    s.views().clear();
    EXPECT_EQ(s.views().curves()->stepPointCount(), 0);
    s.window->runBrowser()->selectRuns({runId});
    s.button("openRunButton")->click();
    EXPECT_EQ(s.views().runId(), runId);
    EXPECT_EQ(s.views().curves()->stepPointCount(),
              static_cast<int>(s.window->store().steps(runId).size()));
    EXPECT_GT(s.views().curves()->stepPointCount(), 0);
    EXPECT_EQ(s.views().curves()->epochPointCount(),
              static_cast<int>(s.window->store().epochs(runId).size()));
    EXPECT_EQ(s.views().alphas()->snapshotCount(),
              static_cast<int>(s.window->store().alphaSnapshots(runId).size()));
    EXPECT_TRUE(s.views().cell()->hasGenotype());
    EXPECT_DOUBLE_EQ(*s.views().curves()->currentLimit(), 5e5)
        << "the stored constraint change is replayed";

    // A stopped run resumes from its checkpoint and finishes.
    if (outcome.status == nas::engine::RunStatus::Stopped) {
        ASSERT_TRUE(s.button("resumeRunButton")->isEnabled());
        s.button("resumeRunButton")->click();
        ASSERT_TRUE(s.window->bridge()->isRunning());
        ASSERT_TRUE(waitFor([&] { return ended.count() == 2; }));
        const auto second = ended.at(1).at(0).value<nas::engine::SearchOutcome>();
        EXPECT_EQ(second.status, nas::engine::RunStatus::Finished) << second.message;
        EXPECT_EQ(second.runId, runId);
        EXPECT_EQ(s.window->store().findRun(runId)->status, nas::engine::RunStatus::Finished);
        EXPECT_EQ(s.views().curves()->epochPointCount(), 2)
            << "each epoch shown once after the resume";
    }
}

// The store says "running" until the engine reaches its next step boundary; the run list must
// not contradict the toolbar meanwhile: "pausing…" at once, "paused" once it took, "running" again
// when the pause is taken back before the engine got to it.
TEST(Studio, TheRunListShowsAPendingPause) {
    Studio s;
    auto config = fixtures::quickSearch(50);  // long enough to steer mid-run on any machine
    config["steps_per_epoch"] = 6;
    ASSERT_TRUE(s.start(config));
    ASSERT_TRUE(waitFor([&] { return s.views().curves()->stepPointCount() > 0; }))
        << s.window->lastError().toStdString();
    const std::int64_t runId = *s.views().runId();
    auto status = [&] {
        const QTableWidget* table = s.window->runBrowser()->table();
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, nas::widgets::RunBrowser::kId)->text().toLongLong() == runId)
                return table->item(row, nas::widgets::RunBrowser::kStatus)->text().toStdString();
        return std::string("<no row>");
    };
    EXPECT_EQ(status(), "running");

    // Checked before the event loop runs again: the engine cannot have paused yet.
    s.action("actionPause")->trigger();
    ASSERT_TRUE(s.window->bridge()->isPausing());
    EXPECT_EQ(status(), "pausing\u2026");

    ASSERT_TRUE(waitFor([&] { return s.window->bridge()->isPaused(); }));
    EXPECT_EQ(status(), "paused");

    s.action("actionResume")->trigger();
    ASSERT_TRUE(waitFor([&] { return !s.window->bridge()->isPaused(); }));
    EXPECT_EQ(status(), "running");

    // A pause taken back before the engine reached it.
    s.action("actionPause")->trigger();
    ASSERT_TRUE(s.window->bridge()->isPausing());
    EXPECT_EQ(status(), "pausing\u2026");
    s.action("actionResume")->trigger();
    EXPECT_FALSE(s.window->bridge()->isPausing());
    EXPECT_EQ(status(), "running");
}

TEST(Studio, AnEngineFailureIsShownAndStored) {
    Studio s;
    QSignalSpy ended(s.window.get(), &MainWindow::searchEnded);
    auto config = fixtures::quickSearch(1);
    // A folder with the CIFAR-10 file names passes the checks before Start; the files' sizes
    // are wrong, which only reading them finds.
    const QString folder = s.workspace.path() + QStringLiteral("/broken-cifar");
    ASSERT_TRUE(QDir().mkpath(folder));
    for (int i = 1; i <= 5; ++i) {
        QFile batch(folder + QStringLiteral("/data_batch_%1.bin").arg(i));
        ASSERT_TRUE(batch.open(QIODevice::WriteOnly));
        batch.write("not a cifar batch");
    }
    config["dataset"] = {{"name", "cifar10"}, {"path", folder.toStdString()}};
    ASSERT_TRUE(s.start(config)) << s.window->launchPanel()->messageText().toStdString();
    ASSERT_TRUE(waitFor([&] { return ended.count() == 1; }));
    const auto outcome = ended.at(0).at(0).value<nas::engine::SearchOutcome>();
    EXPECT_EQ(outcome.status, nas::engine::RunStatus::Failed);
    EXPECT_FALSE(s.window->lastError().isEmpty());
    EXPECT_NE(s.window->findChild<QWidget*>(QStringLiteral("errorMessageBox")), nullptr);
    const auto runs = s.window->store().listRuns();
    if (!runs.empty()) EXPECT_EQ(runs.front().status, nas::engine::RunStatus::Failed);
}

TEST(Studio, ClosingDuringASearchStopsItResumably) {
    Studio s;
    ASSERT_TRUE(s.start(fixtures::quickSearch(3)));
    ASSERT_TRUE(waitFor([&] { return s.views().curves()->stepPointCount() > 0; }));
    const std::int64_t runId = *s.views().runId();
    EXPECT_FALSE(s.window->close()) << "the window waits for the engine to stop";
    ASSERT_TRUE(waitFor([&] { return !s.window->isVisible(); }));
    EXPECT_FALSE(s.window->bridge()->isRunning());
    const auto run = s.window->store().findRun(runId);
    ASSERT_TRUE(run.has_value());
    EXPECT_TRUE(run->status == nas::engine::RunStatus::Stopped ||
                run->status == nas::engine::RunStatus::Finished);
}

TEST(Studio, InvalidConfigNeverStartsTheEngine) {
    Studio s;
    auto config = fixtures::quickSearch();
    config["space"]["channels"] = 5;
    EXPECT_FALSE(s.start(config));
    EXPECT_FALSE(s.window->bridge()->isRunning());
    EXPECT_TRUE(s.window->launchPanel()->messageText().contains(QStringLiteral("space.channels")));
    EXPECT_EQ(s.window->runBrowser()->rowCount(), 0);
}

TEST(Studio, EveryInteractiveWidgetHasAnObjectName) {
    Studio s;
    QStringList unnamed;
    for (QWidget* w : s.window->findChildren<QWidget*>()) {
        const bool interactive = qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w) ||
                                 qobject_cast<QAbstractSpinBox*>(w) ||
                                 qobject_cast<QLineEdit*>(w) || qobject_cast<QSlider*>(w) ||
                                 qobject_cast<QAbstractItemView*>(w) ||
                                 qobject_cast<QPlainTextEdit*>(w);
        if (!interactive || !w->objectName().isEmpty()) continue;
        // Widgets Qt makes for us: toolbar buttons (named by their action), a combo box's popup
        // list, a table's corner button.
        if (auto* tool = qobject_cast<QToolButton*>(w);
            tool && tool->defaultAction() && !tool->defaultAction()->objectName().isEmpty())
            continue;
        if (w->parentWidget() && (w->parentWidget()->inherits("QComboBoxPrivateContainer") ||
                                  w->inherits("QTableCornerButton")))
            continue;
        if (qobject_cast<QToolButton*>(w) && qobject_cast<QToolBar*>(w->parentWidget()))
            continue;  // extension arrow
        unnamed << QStringLiteral("%1 in %2")
                       .arg(QString::fromLatin1(w->metaObject()->className()),
                            w->parentWidget() ? w->parentWidget()->objectName() : QString());
    }
    EXPECT_TRUE(unnamed.isEmpty()) << unnamed.join(QStringLiteral(", ")).toStdString();
}
