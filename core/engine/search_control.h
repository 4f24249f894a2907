#pragma once
// Commands to a running search from other threads (GUI, signal handler). The engine polls between
// steps; nothing here interrupts a step midway. Torch-free.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>

#include "engine/events.h"

namespace nas::engine {

class SearchControl final {
public:
    void requestPause();
    void requestResume();
    void requestStop();
    void requestCheckpoint();
    void setConstraints(const Constraints& constraints);

    [[nodiscard]] bool stopRequested() const { return m_stop.load(); }
    [[nodiscard]] bool pauseRequested() const { return m_pause.load(); }

    // Engine side. Blocks while paused (until resume or stop); `onPause` runs once when a pause begins.
    template <typename OnPause, typename OnResume>
    void waitWhilePaused(OnPause onPause, OnResume onResume);
    [[nodiscard]] bool takeCheckpointRequest() { return m_checkpoint.exchange(false); }
    [[nodiscard]] std::optional<Constraints> takeConstraints();

private:
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_pause{false};
    std::atomic<bool> m_checkpoint{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Constraints> m_constraints;
};

template <typename OnPause, typename OnResume>
void SearchControl::waitWhilePaused(OnPause onPause, OnResume onResume) {
    if (!m_pause.load() || m_stop.load()) return;
    onPause();
    std::unique_lock<std::mutex> lock(m_mutex);
    m_wake.wait(lock, [this] { return !m_pause.load() || m_stop.load(); });
    lock.unlock();
    onResume();
}

}  // namespace nas::engine
