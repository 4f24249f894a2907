// The studio under a user's hands: pausing shows at once and every part of the window agrees,
// the status bar says what the engine does before its first step, the ETA waits for real step
// times, the cost header shows the final network, and quitting closes the run viewers.
#include <gtest/gtest.h>

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTranslator>

#include "app/studio/app_settings.h"
#include "app/studio/engine_bridge.h"
#include "app/studio/main_window.h"
#include "app/studio/progress_status.h"
#include "app/studio/run_views.h"
#include "app/studio/translations.h"
#include "studio_test_support.h"
#include "widgets/launch_panel.h"
#include "widgets/run_browser.h"
#include "widgets/training_curves_view.h"

using namespace nas::studio;
using nas::studio::fixtures::waitFor;

namespace {

struct Window {
    QTemporaryDir workspace;
    std::unique_ptr<MainWindow> window;
    Window() {
        QSettings().clear();
        window = std::make_unique<MainWindow>(workspace.path());
        window->launchPanel()->setMemoryProbe(
            [] { return std::optional<double>(64.0 * (1ull << 30)); });
        window->show();
    }
    ~Window() {
        if (window) window->bridge()->stopAndWait();
    }
    QAction* action(const char* name) const {
        auto* a = window->findChild<QAction*>(QString::fromLatin1(name));
        EXPECT_NE(a, nullptr) << name;
        return a;
    }
    bool start(const nlohmann::json& config) {
        if (!window->launchPanel()->setConfigJson(config)) return false;
        window->findChild<QPushButton*>(QStringLiteral("startButton"))->click();
        return window->bridge()->isRunning();
    }
    QString stateText() const {
        return window->findChild<QLabel*>(QStringLiteral("runStateLabel"))->text();
    }
    // The Runs table's cells, as the user reads them.
    QString runsTableText() const {
        auto* table = window->runBrowser()->findChild<QAbstractItemView*>();
        QString text;
        const QAbstractItemModel* model = table->model();
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c)
                text += model->index(r, c).data().toString() + QLatin1Char('|');
        return text;
    }
};

// Slow enough to pause mid-run on any machine: many steps on a wider supernet.
nlohmann::json longSearch() {
    auto json = fixtures::quickSearch(50);
    json["steps_per_epoch"] = 6;
    return json;
}

}  // namespace

TEST(StudioSteering, PauseShowsAtOnceAndTableStatusBarAndToolbarAgree) {
    Window w;
    ASSERT_TRUE(w.start(longSearch()));
    ASSERT_TRUE(waitFor([&] { return w.window->views()->curves()->stepPointCount() > 0; }))
        << w.window->lastError().toStdString();
    w.action("actionPause")->trigger();
    // At once, before the engine reaches its next step boundary.
    EXPECT_TRUE(w.stateText().contains(QStringLiteral("pausing"))) << w.stateText().toStdString();
    EXPECT_FALSE(w.action("actionPause")->isEnabled());
    EXPECT_TRUE(w.action("actionResume")->isEnabled());

    ASSERT_TRUE(waitFor([&] { return w.window->bridge()->isPaused(); }));
    fixtures::spin(100);
    EXPECT_TRUE(w.stateText().contains(QStringLiteral("paused"))) << w.stateText().toStdString();
    EXPECT_TRUE(w.runsTableText().contains(QStringLiteral("paused")))
        << w.runsTableText().toStdString();
    EXPECT_FALSE(w.runsTableText().contains(QStringLiteral("running")))
        << w.runsTableText().toStdString();
    EXPECT_FALSE(w.action("actionPause")->isEnabled());
    EXPECT_TRUE(w.action("actionResume")->isEnabled());

    w.action("actionResume")->trigger();
    ASSERT_TRUE(waitFor([&] { return !w.window->bridge()->isPaused(); }));
    fixtures::spin(100);
    EXPECT_TRUE(w.runsTableText().contains(QStringLiteral("running")))
        << w.runsTableText().toStdString();
    EXPECT_TRUE(w.action("actionPause")->isEnabled());
    EXPECT_FALSE(w.action("actionResume")->isEnabled());
}

TEST(StudioSteering, AnImpossibleConstraintMidRunIsRefusedAndNeverSent) {
    Window w;
    ASSERT_TRUE(w.start(longSearch()));
    auto* panel = w.window->launchPanel();
    ASSERT_TRUE(waitFor([&] { return w.window->views()->runId().has_value(); }));
    QSignalSpy applied(panel, &nas::widgets::LaunchPanel::constraintsApplied);
    panel->findChild<QCheckBox*>(QStringLiteral("maxParamsCheck"))->setChecked(true);
    panel->findChild<QDoubleSpinBox*>(QStringLiteral("maxParamsSpin"))->setValue(0.00001);
    panel->findChild<QPushButton*>(QStringLiteral("applyConstraintsButton"))->click();
    EXPECT_EQ(applied.count(), 0);
    EXPECT_TRUE(panel->messageText().contains(QStringLiteral("is impossible")))
        << panel->messageText().toStdString();
    EXPECT_FALSE(w.window->views()->curves()->hasPendingConstraints());
    w.window->bridge()->stopAndWait();
    EXPECT_TRUE(w.window->store().constraintChanges(*w.window->views()->runId()).empty());
}

TEST(StudioSteering, StatusBarShowsPhasesAndTheEtaWaitsForRealStepTimes) {
    ProgressStatus status;
    status.showPhase(nas::engine::SearchPhase::LoadingData);
    EXPECT_TRUE(status.stateText().contains(QStringLiteral("Loading the dataset")));
    status.showPhase(nas::engine::SearchPhase::BuildingSupernet);
    EXPECT_TRUE(status.stateText().contains(QStringLiteral("supernet")));
    status.startRun(7, 2, 0);
    status.showPhase(nas::engine::SearchPhase::FirstStep);
    EXPECT_TRUE(status.stateText().contains(QStringLiteral("first step")));
    nas::engine::StepEvent step;
    step.stepsPerEpoch = 100;
    step.etaSeconds = 5 * 3600 + 29 * 60 + 55;  // what a warm-up step extrapolates to
    status.showStep(step);
    EXPECT_FALSE(status.etaText().contains(QStringLiteral("5:29:55")))
        << status.etaText().toStdString();
    EXPECT_TRUE(status.stateText().contains(QStringLiteral("running")));
    for (int i = 1; i < ProgressStatus::kStepsBeforeEta; ++i) {
        step.step = step.stepInEpoch = i;
        step.etaSeconds = 120;
        status.showStep(step);
    }
    EXPECT_TRUE(status.etaText().contains(QStringLiteral("2:00")))
        << status.etaText().toStdString();
}

TEST(StudioSteering, TheCostHeaderShowsTheFinalEpochsNetwork) {
    RunViews views;
    RunStart start;
    start.runId = 1;
    start.config.constraints.maxParams = 40000;
    views.beginLive(start, std::nullopt);
    auto epoch = [](int index, double params) {
        nas::engine::EpochMetrics m;
        m.epoch = index;
        m.cost.params = params;
        return m;
    };
    EngineBatch steps;
    for (int i = 0; i < 4; ++i) {
        nas::engine::StepEvent s;
        s.step = i;
        s.epoch = i / 2;
        s.stepInEpoch = i % 2;
        s.stepsPerEpoch = 2;
        steps.steps.push_back(s);
        if (i == 1) steps.epochs.push_back(epoch(0, 50400));
    }
    views.applyBatch(steps);
    // The last epoch arrives after the last step, alone in its batch.
    EngineBatch last;
    last.epochs.push_back(epoch(1, 40400));
    views.applyBatch(last);
    const QString header = views.findChild<QLabel*>(QStringLiteral("feasibilityLabel"))->text();
    EXPECT_TRUE(header.contains(QStringLiteral("40.4"))) << header.toStdString();
    EXPECT_FALSE(header.contains(QStringLiteral("50.4"))) << header.toStdString();
}

TEST(StudioSteering, ClosingTheMainWindowClosesItsRunViewers) {
    Window w;
    QSignalSpy ended(w.window.get(), &MainWindow::searchEnded);
    ASSERT_TRUE(w.start(fixtures::quickSearch(1)));
    ASSERT_TRUE(waitFor([&] { return ended.count() == 1; }));
    const auto first = ended.at(0).at(0).value<nas::engine::SearchOutcome>();
    ASSERT_TRUE(first.ok()) << first.message;
    ASSERT_TRUE(w.start(longSearch()));
    ASSERT_TRUE(waitFor([&] { return w.window->views()->runId().has_value(); }));
    w.window->openRun(first.runId);  // the main views follow the live run: a viewer opens
    ASSERT_EQ(w.window->runViewers().size(), 1);
    QPointer<RunViews> viewer = w.window->runViewers().front();
    EXPECT_TRUE(viewer->isVisible());

    w.window->close();  // asks the engine to stop, then closes
    ASSERT_TRUE(waitFor([&] { return !w.window->isVisible(); }));
    ASSERT_TRUE(waitFor([&] { return viewer.isNull() || !viewer->isVisible(); }));
    QApplication::processEvents();
    for (QWidget* top : QApplication::topLevelWidgets())
        EXPECT_FALSE(top->isVisible() && top->objectName() == QStringLiteral("runViewerWindow"));
}

TEST(StudioSteering, GermanShowsQtsOwnButtonsInGermanAndBrowseFitsItsText) {
    if (QLibraryInfo::path(QLibraryInfo::TranslationsPath).isEmpty() ||
        !QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                       QStringLiteral("/qtbase_de.qm")))
        GTEST_SKIP() << "qt6-translations-l10n is not installed";
    QCoreApplication& app = *QCoreApplication::instance();
    const auto before = app.findChildren<QTranslator*>();
    ASSERT_EQ(installTranslations(app, QStringLiteral("de")), QStringLiteral("de"));
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    EXPECT_EQ(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
    {
        nas::widgets::LaunchPanel panel;
        panel.resize(200, 600);  // a narrow dock
        panel.show();
        QApplication::processEvents();
        auto* browse = panel.findChild<QPushButton*>(QStringLiteral("datasetBrowseButton"));
        ASSERT_NE(browse, nullptr);
        EXPECT_TRUE(browse->text().startsWith(QStringLiteral("Durchsuchen")));
        EXPECT_GE(browse->width(), browse->fontMetrics().horizontalAdvance(browse->text()));
    }
    for (QTranslator* t : app.findChildren<QTranslator*>())
        if (!before.contains(t)) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    QLocale::setDefault(QLocale(QLocale::English));
}

TEST(StudioSteering, ThePreferencesThreadsSettingReachesTheLaunchPanel) {
    QSettings().clear();
    nas::studio::settings::setThreads(3);
    QTemporaryDir workspace;
    MainWindow window(workspace.path());
    auto* spin = window.launchPanel()->findChild<QSpinBox*>(QStringLiteral("threadsSpin"));
    ASSERT_NE(spin, nullptr);
    EXPECT_EQ(spin->value(), 3);
    EXPECT_EQ(window.launchPanel()->configJson().at("threads").get<int>(), 3);
    QSettings().clear();
}
