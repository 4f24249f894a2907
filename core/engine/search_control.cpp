#include "engine/search_control.h"

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

std::optional<Constraints> SearchControl::takeConstraints() {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto c = m_constraints;
    m_constraints.reset();
    return c;
}

}  // namespace nas::engine
