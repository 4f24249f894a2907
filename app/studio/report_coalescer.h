#pragma once
// Reports from a worker thread, delivered to the GUI thread in batches: each report is folded into
// a pending batch under a lock, and only the first one after a delivery arms a single-shot timer;
// the timer's tick takes the whole batch at once. A fast worker cannot flood the event loop, and
// the views repaint once per batch.
#include <QMetaObject>
#include <QObject>
#include <QTimer>
#include <functional>
#include <mutex>
#include <utility>

namespace nas::studio {

template <typename Batch>
class ReportCoalescer {
  public:
    // `deliver` runs on the GUI thread (the thread of `context`) with each non-empty batch.
    ReportCoalescer(QObject* context, int intervalMs, std::function<void(Batch)> deliver)
        : m_context(context), m_deliver(std::move(deliver)) {
        m_timer.setSingleShot(true);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, context, [this] { flush(); });
    }

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }

    // Any thread: `fill` changes the pending batch under the lock.
    template <typename Fill>
    void post(Fill fill) {
        bool arm = false;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            fill(m_pending);
            arm = !m_armed;
            m_armed = true;
        }
        // One queued call per delivery, not per report: later reports only join the batch.
        if (arm)
            QMetaObject::invokeMethod(
                m_context, [this] { m_timer.start(); }, Qt::QueuedConnection);
    }

    // GUI thread: delivers what is pending now (the last reports of a finished worker).
    void flush() {
        m_timer.stop();
        Batch batch;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            batch = std::exchange(m_pending, Batch{});
            m_armed = false;
        }
        if (!batch.empty()) m_deliver(std::move(batch));
    }

    // GUI thread: forgets what is pending (a new worker starts clean).
    void reset() {
        m_timer.stop();
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_pending = Batch{};
        m_armed = false;
    }

  private:
    QObject* m_context;
    std::function<void(Batch)> m_deliver;
    QTimer m_timer;
    std::mutex m_mutex;
    Batch m_pending;
    bool m_armed = false;
};

}  // namespace nas::studio
