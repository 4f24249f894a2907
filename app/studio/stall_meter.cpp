#include "app/studio/stall_meter.h"

#include <algorithm>

namespace nas::studio {

StallMeter::StallMeter(QObject* parent) : QObject(parent) {
    // A precise timer: a coarse one may legitimately fire 5 % late, which is not a stall.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start() {
    reset();
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_timer.start();
}

void StallMeter::stop() { m_timer.stop(); }

void StallMeter::reset() {
    m_maxStallMs = 0;
    m_maxGapMs = 0;
    m_ticks = 0;
    if (m_clock.isValid()) m_lastNs = m_clock.nsecsElapsed();
}

void StallMeter::tick() {
    const qint64 now = m_clock.nsecsElapsed();
    const double gapMs = static_cast<double>(now - m_lastNs) / 1e6;
    m_lastNs = now;
    ++m_ticks;
    m_maxGapMs = std::max(m_maxGapMs, gapMs);
    m_maxStallMs = std::max(m_maxStallMs, gapMs - kIntervalMs);
}

}  // namespace nas::studio
