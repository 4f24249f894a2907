#pragma once
// A workspace folder: one run database and one folder per run for checkpoints and exports.
#include <cstdint>
#include <string>

namespace nas::engine {

class Workspace final {
  public:
    // Creates the folder if needed. Default: $NAS_STUDIO_WORKSPACE, else ~/.local/share/nas-studio.
    explicit Workspace(std::string root);
    [[nodiscard]] static std::string defaultRoot();
    static constexpr const char* kDatabaseFile = "runs.sqlite";
    [[nodiscard]] const std::string& root() const { return m_root; }
    [[nodiscard]] std::string databasePath() const;
    [[nodiscard]] std::string runFolder(
        std::int64_t runId) const;  // created on demand, where it can be

  private:
    std::string m_root;
};

}  // namespace nas::engine
