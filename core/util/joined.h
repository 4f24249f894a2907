#pragma once
// Words joined for a message: "a, b, c".
#include <string>
#include <vector>

namespace nas::util {

[[nodiscard]] inline std::string joined(const std::vector<std::string>& words,
                                        const std::string& separator = ", ") {
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : separator) + w;
    return text;
}

}  // namespace nas::util
