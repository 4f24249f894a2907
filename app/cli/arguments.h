#pragma once
// A small command-line reader: `--name value`, `--flag`, and positional words.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace nas::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Arguments final {
public:
    // `flags` take no value; every other `--name` takes the next word.
    Arguments(const std::vector<std::string>& words, const std::set<std::string>& flags,
              const std::set<std::string>& options);
    [[nodiscard]] bool flag(const std::string& name) const { return m_flags.count(name) > 0; }
    [[nodiscard]] std::optional<std::string> option(const std::string& name) const;
    [[nodiscard]] std::string option(const std::string& name, const std::string& fallback) const;
    [[nodiscard]] int intOption(const std::string& name, int fallback) const;
    [[nodiscard]] double doubleOption(const std::string& name, double fallback) const;
    [[nodiscard]] const std::vector<std::string>& positional() const { return m_positional; }
    // The single positional argument as a run id; throws UsageError otherwise.
    [[nodiscard]] std::int64_t runId() const;
    // For commands that take no positional argument: a stray word is a slip, not something to skip.
    void rejectPositional() const;

private:
    std::set<std::string> m_flags;
    std::map<std::string, std::string> m_options;
    std::vector<std::string> m_positional;
};

// The network sizes every command that builds or costs a network accepts: an even channel count
// (factorized reduce halves it), at least 3 layers (two reduction cells and a normal one), and upper
// bounds far above any published cell network, so a typo fails at once instead of after minutes of
// allocation. Throws UsageError naming the option.
void checkNetworkSize(int channels, int layers);
// 0 (one per core) up to engine::kMaxThreads; throws UsageError.
void checkThreadCount(int threads);

}  // namespace nas::cli
