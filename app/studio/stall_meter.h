#pragma once
// Measures how long the GUI event loop goes without running: a 5 ms timer notes the gap between
// its ticks, and the longest gap beyond the interval is the longest stall. Reusable by the
// gui_stall benchmark and the studio tests.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace nas::studio {

class StallMeter final : public QObject {
    Q_OBJECT
  public:
    static constexpr int kIntervalMs = 5;

    explicit StallMeter(QObject* parent = nullptr);

    void start();
    void stop();
    // Forgets the maximum (e.g. after start-up, which is allowed to be slow).
    void reset();
    [[nodiscard]] bool isRunning() const { return m_timer.isActive(); }
    // Longest time the event loop was late for a tick, in milliseconds.
    [[nodiscard]] double maxStallMs() const { return m_maxStallMs; }
    // Longest time between two ticks, in milliseconds (stall + interval).
    [[nodiscard]] double maxGapMs() const { return m_maxGapMs; }
    [[nodiscard]] long long ticks() const { return m_ticks; }

  private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    double m_maxStallMs = 0;
    double m_maxGapMs = 0;
    long long m_ticks = 0;
};

}  // namespace nas::studio
