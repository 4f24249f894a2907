#pragma once
// The scripted demo behind `nas-studio --demo --screenshots DIR`: starts a short synthetic SNAS
// search, tightens its constraint after the first epoch, waits for the end and saves a screenshot
// of every view to DIR; then a tiny ENAS search for the controller and hidden-state views, and a
// tiny random search to compare it with, on whose shared weights a small predictor is fitted for
// the predictor panel's picture; exits 0 when every search and the fit finished and every picture
// was written.
#include <QObject>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <functional>

#include "engine/search_session.h"

class QWidget;

namespace nas::studio {

class MainWindow;

class DemoDriver final : public QObject {
    Q_OBJECT
  public:
    // Gives up (and exits 2) after this long.
    static constexpr int kTimeoutMs = 15 * 60 * 1000;

    DemoDriver(MainWindow& window, QString screenshotsDir, QObject* parent = nullptr);
    void start();
    [[nodiscard]] const QStringList& written() const { return m_written; }

  signals:
    void done(int exitCode);

  private:
    enum class Phase { Snas, Enas, Random, Rena };

    // Loads `config` into the launch panel and starts it; false (and the demo ends) if refused.
    bool launch(const char* config);
    void onEnded(const nas::engine::SearchOutcome& outcome);
    void takeScreenshots();
    void takeControllerScreenshots();
    void compareControllers();
    // Fits a small GCN to the random search's shared weights in the predictor panel, measures the
    // derived cell's latency and takes the panel's picture; then the demo ends.
    void showPredictorPanel();
    // The predictor dock's best-under-constraints tab under the panel's limits.
    void showBestCandidates(const engine::Constraints& limits);
    // Runs `then` once `ready` holds (polled; the overall timeout still applies).
    void when(std::function<bool()> ready, std::function<void()> then);
    bool shoot(QWidget* widget, const QString& name);
    void finish(int exitCode);

    MainWindow& m_window;
    QString m_dir;
    QStringList m_written;
    bool m_tightened = false;
    bool m_searchOk = false;
    bool m_finished = false;
    Phase m_phase = Phase::Snas;
    std::int64_t m_enasRun = 0;
    std::int64_t m_randomRun = 0;
};

}  // namespace nas::studio
