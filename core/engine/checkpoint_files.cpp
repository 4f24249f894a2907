#include "engine/checkpoint_files.h"

#include <filesystem>
#include <system_error>

namespace nas::engine {
namespace fs = std::filesystem;

std::string checkpointFileName(std::int64_t globalStep) {
    return "checkpoint-" + std::to_string(globalStep) + ".pt";
}

std::string resolveCheckpoint(const std::string& runFolder, const std::string& recorded) {
    const fs::path path(recorded);
    if (path.is_relative()) return (fs::path(runFolder) / path).string();
    std::error_code ignored;
    if (fs::exists(path, ignored)) return recorded;
    return (fs::path(runFolder) / path.filename()).string();
}

void removeOtherCheckpoints(const std::string& runFolder, const std::string& keep) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(runFolder, ec)) {
        const auto name = entry.path().filename().string();
        // "checkpoint.pt" too: the single file that older versions overwrote in place.
        if (name != keep && name.rfind("checkpoint", 0) == 0) fs::remove(entry.path(), ec);
    }
}

}  // namespace nas::engine
