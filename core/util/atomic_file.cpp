#include "util/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace nas::util {
namespace {

void syncPath(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// Temporaries of `path` that a writer killed midway left behind (their process is gone).
void removeDeadWritersTemporaries(const std::string& path) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const auto prefix = target.filename().string() + ".tmp-";
    std::error_code ec;
    const auto dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const auto name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove(entry.path(), ec);
    }
}

}  // namespace

void writeAtomically(const std::string& path, const std::function<void(const std::string&)>& write) {
    removeDeadWritersTemporaries(path);
    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    try {
        write(temporary);
        syncPath(temporary);
        if (std::rename(temporary.c_str(), path.c_str()) != 0)
            throw std::runtime_error("cannot rename '" + temporary + "' to '" + path + "': " + std::strerror(errno));
        const auto dir = std::filesystem::path(path).parent_path();
        syncPath(dir.empty() ? "." : dir.string());
    } catch (...) {
        std::remove(temporary.c_str());
        throw;
    }
}

void writeTextAtomically(const std::string& path, const std::string& text) {
    writeAtomically(path, [&text](const std::string& temporary) {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot write '" + temporary + "': " + std::strerror(errno));
        out << text;
        out.close();
        if (!out) throw std::runtime_error("writing '" + temporary + "' failed (disk full?)");
    });
}

void writeFolderAtomically(const std::string& folder, const std::function<void(const std::string&)>& write) {
    namespace fs = std::filesystem;
    const fs::path target = fs::path(folder).lexically_normal();
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string tag = ".tmp-" + std::to_string(::getpid());
    const fs::path staging = parent / ("." + target.filename().string() + tag);
    const fs::path previous = parent / ("." + target.filename().string() + ".old" + tag);
    const auto undo = [&] {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        if (!fs::exists(target, ignored) && fs::exists(previous, ignored)) fs::rename(previous, target, ignored);
    };
    try {
        fs::create_directories(parent);
        fs::remove_all(staging);
        fs::create_directory(staging);
        write(staging.string());
        syncPath(staging.string());
        // Two renames, not one: rename(2) replaces only an empty folder. A crash between them leaves
        // the old contents whole in `previous`.
        if (fs::exists(target)) fs::rename(target, previous);
        fs::rename(staging, target);
        syncPath(parent.string());
        fs::remove_all(previous);
    } catch (const fs::filesystem_error& e) {
        undo();
        throw std::runtime_error(std::string("cannot write folder '") + folder + "': " + e.code().message());
    } catch (...) {
        undo();
        throw;
    }
}

}  // namespace nas::util
