#pragma once
// What a strategy section's checks found, for its descriptor's validate function.
#include <string>
#include <utility>
#include <vector>

namespace nas::search {

// check(ok, message) keeps the message when ok is false; take() hands them all over.
class ProblemList {
  public:
    void check(bool ok, const std::string& message) {
        if (!ok) m_problems.push_back(message);
    }
    [[nodiscard]] std::vector<std::string> take() { return std::move(m_problems); }

  private:
    std::vector<std::string> m_problems;
};

}  // namespace nas::search
