#include "engine/workspace.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace nas::engine {
namespace fs = std::filesystem;

Workspace::Workspace(std::string root) : m_root(std::move(root)) {
    std::error_code ec;
    fs::create_directories(m_root, ec);
    if (ec || !fs::is_directory(m_root))
        throw std::runtime_error("cannot use workspace folder '" + m_root + "': " + ec.message());
}

std::string Workspace::defaultRoot() {
    if (const char* env = std::getenv("NAS_STUDIO_WORKSPACE"); env && *env) return env;
    if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data)
        return std::string(data) + "/nas-studio";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.local/share/nas-studio";
    return "nas-workspace";
}

std::string Workspace::databasePath() const { return (fs::path(m_root) / kDatabaseFile).string(); }

std::string Workspace::runFolder(std::int64_t runId) const {
    const auto dir = fs::path(m_root) / "runs" / std::to_string(runId);
    // A workspace on a read-only disk still has its runs read (and exported): a folder that cannot
    // be made is reported by whatever then writes into it, naming that file.
    std::error_code ignored;
    fs::create_directories(dir, ignored);
    return dir.string();
}

}  // namespace nas::engine
