#include "engine/search_control.h"

#include <utility>

namespace nas::engine {

void SearchControl::requestPause() { m_pause = true; }

void SearchControl::requestResume() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pause = false;
    }
    m_wake.notify_all();
}

void SearchControl::requestStop() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
}

void SearchControl::requestCheckpoint() { m_checkpoint = true; }

void SearchControl::setConstraints(const Constraints& constraints) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_constraints = constraints;
}

void SearchControl::post(SearchQuery query) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queries.push_back(std::move(query));
    }
    m_wake.notify_all();
}

std::vector<SearchQuery> SearchControl::takeQueries() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return std::exchange(m_queries, {});
}

std::optional<Constraints> SearchControl::takeConstraints() {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto c = m_constraints;
    m_constraints.reset();
    return c;
}

}  // namespace nas::engine
