#include "app/studio/worker_thread.h"

#include <QMetaObject>

namespace nas::studio {

WorkerThread::WorkerThread(QObject* parent) : QObject(parent) {}

WorkerThread::~WorkerThread() {
    m_cancel = true;
    if (m_thread.joinable()) m_thread.join();
}

bool WorkerThread::start(std::function<void()> work, std::function<void()> done) {
    if (isRunning()) return false;
    m_cancel = false;
    m_done = std::move(done);
    const unsigned generation = m_generation;
    m_thread = std::thread([this, work = std::move(work), generation] {
        work();
        // Queued: dropped if this object is gone by then; ignored if join() got there first.
        QMetaObject::invokeMethod(
            this, [this, generation] { finish(generation); }, Qt::QueuedConnection);
    });
    return true;
}

void WorkerThread::join() { finish(m_generation); }

void WorkerThread::finish(unsigned generation) {
    if (generation != m_generation || !m_thread.joinable()) return;
    m_thread.join();
    ++m_generation;
    if (auto done = std::exchange(m_done, {})) done();
}

}  // namespace nas::studio
