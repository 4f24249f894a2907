#pragma once
// Commands to a running search from other threads (GUI, signal handler). The engine polls between
// steps; nothing here interrupts a step midway. Torch-free.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <vector>

#include "engine/events.h"
#include "engine/live_search.h"

namespace nas::engine {

class SearchControl final {
  public:
    void requestPause();
    void requestResume();
    void requestStop();
    void requestCheckpoint();
    void setConstraints(const Constraints& constraints);
    // Runs `query` on the engine thread before the next step, or at once if the search is paused.
    // A query posted after the search has ended is never run.
    void post(SearchQuery query);

    [[nodiscard]] bool stopRequested() const { return m_stop.load(); }
    [[nodiscard]] bool pauseRequested() const { return m_pause.load(); }
    // For engine work that checks for a stop by itself, deep inside a step.
    [[nodiscard]] const std::atomic<bool>& stopFlag() const { return m_stop; }

    // Engine side. Blocks while paused (until resume or stop); `onPause` runs once when a pause
    // begins; `runQueries` runs whenever queries arrive meanwhile.
    template <typename OnPause, typename OnResume, typename RunQueries>
    void waitWhilePaused(OnPause onPause, OnResume onResume, RunQueries runQueries);
    [[nodiscard]] std::vector<SearchQuery> takeQueries();
    [[nodiscard]] bool takeCheckpointRequest() { return m_checkpoint.exchange(false); }
    [[nodiscard]] std::optional<Constraints> takeConstraints();

  private:
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_pause{false};
    std::atomic<bool> m_checkpoint{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Constraints> m_constraints;
    std::vector<SearchQuery> m_queries;
};

template <typename OnPause, typename OnResume, typename RunQueries>
void SearchControl::waitWhilePaused(OnPause onPause, OnResume onResume, RunQueries runQueries) {
    if (!m_pause.load() || m_stop.load()) return;
    onPause();
    for (;;) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_wake.wait(lock,
                    [this] { return !m_pause.load() || m_stop.load() || !m_queries.empty(); });
        if (!m_pause.load() || m_stop.load()) break;
        lock.unlock();
        runQueries();  // a paused search still answers
    }
    onResume();
}

}  // namespace nas::engine
