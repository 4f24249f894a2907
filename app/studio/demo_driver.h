#pragma once
// The scripted demo behind `nas-studio --demo --screenshots DIR`: starts a short synthetic search,
// tightens its constraint after the first epoch, waits for the end, saves a screenshot of every
// view to DIR and exits (0 when the search finished and every picture was written).
#include <QObject>
#include <QString>
#include <QStringList>

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
    void onEnded(const nas::engine::SearchOutcome& outcome);
    void takeScreenshots();
    bool shoot(QWidget* widget, const QString& name);
    void finish(int exitCode);

    MainWindow& m_window;
    QString m_dir;
    QStringList m_written;
    bool m_tightened = false;
    bool m_searchOk = false;
    bool m_finished = false;
};

}  // namespace nas::studio
