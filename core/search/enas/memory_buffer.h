#pragma once
// Adam & Lorraine's memory buffer: earlier sampled architectures, as the controller's decision
// sequences, that the controller later learns to reconstruct. Oldest first out when full.
#include <cstddef>
#include <deque>
#include <random>
#include <vector>

namespace nas::search::enas {

class MemoryBuffer {
  public:
    explicit MemoryBuffer(std::size_t capacity = 0) : m_capacity(capacity) {}

    void add(std::vector<int> decisions) {
        if (m_capacity == 0) return;
        if (m_entries.size() == m_capacity) m_entries.pop_front();
        m_entries.push_back(std::move(decisions));
    }
    // `count` entries drawn uniformly with replacement by `draw` (a number below size()).
    template <typename Draw>
    [[nodiscard]] std::vector<const std::vector<int>*> pick(std::size_t count, Draw draw) const {
        std::vector<const std::vector<int>*> picked;
        if (m_entries.empty()) return picked;
        for (std::size_t i = 0; i < count; ++i)
            picked.push_back(&m_entries[draw(m_entries.size())]);
        return picked;
    }
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }
    [[nodiscard]] const std::deque<std::vector<int>>& entries() const { return m_entries; }
    void clear() { m_entries.clear(); }

  private:
    std::size_t m_capacity;
    std::deque<std::vector<int>> m_entries;
};

}  // namespace nas::search::enas
