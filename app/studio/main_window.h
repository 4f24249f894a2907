#pragma once
// The studio window: launch panel and run browser in docks, the run views in the centre, menus,
// toolbar and shortcuts for every command, and a status bar with progress and ETA. It renders
// what the engine bridge hands it and sends commands back; it never owns engine state.
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <cstdint>
#include <memory>
#include <optional>

#include "engine/search_config.h"
#include "engine/search_session.h"
#include "store/run_store.h"

class QAction;
class QDockWidget;

namespace nas::widgets {
class LaunchPanel;
class RunBrowser;
struct RunReplay;
}  // namespace nas::widgets

namespace nas::studio {

class EngineBridge;
class PredictorDock;
class ProgressStatus;
class RunViews;
class StallMeter;
struct EngineBatch;

class MainWindow final : public QMainWindow {
    Q_OBJECT
  public:
    // Opens (or creates) the workspace's run database; throws what RunStore throws.
    explicit MainWindow(const QString& workspaceRoot, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] widgets::LaunchPanel* launchPanel() const { return m_launch; }
    [[nodiscard]] widgets::RunBrowser* runBrowser() const { return m_browser; }
    [[nodiscard]] RunViews* views() const { return m_views; }
    [[nodiscard]] EngineBridge* bridge() const { return m_bridge; }
    // Runs from the engine's first report to the search's end; read it after searchEnded.
    [[nodiscard]] StallMeter* stallMeter() const { return m_stallMeter; }
    [[nodiscard]] ProgressStatus* progress() const { return m_progress; }
    [[nodiscard]] QDockWidget* launchDock() const { return m_launchDock; }
    [[nodiscard]] QDockWidget* runsDock() const { return m_runsDock; }
    [[nodiscard]] PredictorDock* predictorDock() const { return m_predictorDock; }
    [[nodiscard]] const QString& workspaceRoot() const { return m_root; }
    [[nodiscard]] store::RunStore& store() const { return *m_store; }
    // The last error shown to the user (tests read it instead of clicking a message box).
    [[nodiscard]] QString lastError() const { return m_lastError; }
    // Windows that show stored runs while the main views follow a live search.
    [[nodiscard]] QList<RunViews*> runViewers() const;

  public slots:
    void startSearch(const nas::engine::SearchConfig& config);
    void resumeRun(std::int64_t runId);
    void openRun(std::int64_t runId);
    void compareRuns(std::int64_t first, std::int64_t second);
    void deleteRun(std::int64_t runId);
    void refreshRuns();
    void pauseSearch();
    void resumeSearch();
    void stopSearch();
    void saveCheckpoint();
    void applyConstraints(const nas::engine::Constraints& constraints);
    void exportArchitecture();
    // exportArchitecture() for a network of another space than the DARTS cell.
    void exportNetwork(const engine::EpochMetrics& epoch);
    void exportCellPicture();
    // Opens "Train found cell" for the shown run's derived genotype.
    void trainFoundCell();
    // Shows the predictor panel on the shown run (Run ▸ Predictor).
    void showPredictor();
    void showPreferences();
    void showAbout();

  signals:
    // A search ended (finished, stopped or failed) and the window has caught up with it.
    void searchEnded(const nas::engine::SearchOutcome& outcome);

  protected:
    void closeEvent(QCloseEvent* event) override;

  private:
    void buildActions();
    void buildMenus();
    void buildToolBar();
    void buildDocks();
    void restoreSettings();
    void saveSettings();
    void updateActions();
    void onBatch(const EngineBatch& batch);
    void onFinished(const nas::engine::SearchOutcome& outcome);
    void showError(const QString& title, const QString& text);
    [[nodiscard]] std::optional<widgets::RunReplay> loadReplay(std::int64_t runId);
    [[nodiscard]] QString runFolder(std::int64_t runId) const;

    QString m_root;
    std::unique_ptr<store::RunStore> m_store;  // the GUI thread's own connection (WAL readers)
    EngineBridge* m_bridge = nullptr;
    StallMeter* m_stallMeter = nullptr;
    RunViews* m_views = nullptr;
    widgets::LaunchPanel* m_launch = nullptr;
    widgets::RunBrowser* m_browser = nullptr;
    ProgressStatus* m_progress = nullptr;
    QDockWidget* m_launchDock = nullptr;
    QDockWidget* m_runsDock = nullptr;
    PredictorDock* m_predictorDock = nullptr;
    std::optional<std::int64_t> m_resuming;  // run id being resumed, until the engine starts it
    // The space of the search being run: new constraints are checked against it.
    std::optional<space::SpaceConfig> m_runningSpace;
    QList<QPointer<RunViews>> m_viewers;
    bool m_closeWhenStopped = false;
    QString m_lastError;

    struct Actions {
        QAction* loadConfig = nullptr;
        QAction* saveConfig = nullptr;
        QAction* exportArchitecture = nullptr;
        QAction* exportPicture = nullptr;
        QAction* quit = nullptr;
        QAction* start = nullptr;
        QAction* pause = nullptr;
        QAction* resume = nullptr;
        QAction* stop = nullptr;
        QAction* checkpoint = nullptr;
        QAction* trainCell = nullptr;
        QAction* predictor = nullptr;
        QAction* resumeRun = nullptr;
        QAction* refreshRuns = nullptr;
        QAction* preferences = nullptr;
        QAction* about = nullptr;
        QAction* aboutQt = nullptr;
    } m_actions;
};

}  // namespace nas::studio
