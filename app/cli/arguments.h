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
    // A random seed: any whole number from 0 to 2^64 - 1, as a config file takes; "-1" is refused,
    // not wrapped to 2^64 - 1.
    [[nodiscard]] std::uint64_t seedOption(const std::string& name, std::uint64_t fallback) const;
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

// The network sizes every command that builds or costs a network accepts: the limits a search
// config has (space::channelsProblem, space::layersProblem). Throws UsageError naming the option.
void checkNetworkSize(int channels, int layers);
// `word` as a run id (a whole number from 1); UsageError otherwise.
[[nodiscard]] std::int64_t parseRunId(const std::string& word);
// 0 (one per core) up to engine::kMaxThreads; throws UsageError.
void checkThreadCount(int threads);

}  // namespace nas::cli
