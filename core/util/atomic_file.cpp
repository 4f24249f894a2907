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
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            fs::remove(entry.path(), ec);
    }
}

}  // namespace

void writeAtomically(const std::string& path,
                     const std::function<void(const std::string&)>& write) {
    removeDeadWritersTemporaries(path);
    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    try {
        write(temporary);
        syncPath(temporary);
        if (std::rename(temporary.c_str(), path.c_str()) != 0)
            throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
        const auto dir = std::filesystem::path(path).parent_path();
        syncPath(dir.empty() ? "." : dir.string());
    } catch (...) {
        std::remove(temporary.c_str());
        throw;
    }
}

void writeTextAtomically(const std::string& path, const std::string& text) {
    writeAtomically(path, [&text, &path](const std::string& temporary) {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
        out << text;
        out.close();
        if (!out) throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
    });
}

void writeBytesAtomically(const std::string& path,
                          const std::function<void(const ByteSink& sink)>& produce) {
    writeAtomically(path, [&](const std::string& temporary) {
        const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0)
            throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
        int error = 0;  // the first failure; later bytes are dropped
        produce([&](const void* data, std::size_t size) {
            const auto* bytes = static_cast<const char*>(data);
            while (error == 0 && size > 0) {
                const ssize_t written = ::write(fd, bytes, size);
                if (written < 0 && errno == EINTR) continue;
                if (written <= 0) {
                    error = written < 0 ? errno : EIO;
                    break;
                }
                bytes += written;
                size -= static_cast<std::size_t>(written);
            }
        });
        if (error == 0 && ::fsync(fd) != 0 && errno != EINVAL) error = errno;
        if (::close(fd) != 0 && error == 0) error = errno;
        if (error != 0)
            throw std::runtime_error("cannot write '" + path + "': " + std::strerror(error));
    });
}

void writeFolderAtomically(const std::string& folder,
                           const std::function<void(const std::string&)>& write) {
    namespace fs = std::filesystem;
    const fs::path target = fs::path(folder).lexically_normal();
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string tag = ".tmp-" + std::to_string(::getpid());
    const fs::path staging = parent / ("." + target.filename().string() + tag);
    const fs::path previous = parent / ("." + target.filename().string() + ".old" + tag);
    const auto undo = [&] {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        if (!fs::exists(target, ignored) && fs::exists(previous, ignored))
            fs::rename(previous, target, ignored);
    };
    try {
        fs::create_directories(parent);
        fs::remove_all(staging);
        fs::create_directory(staging);
        write(staging.string());
        syncPath(staging.string());
        // Two renames, not one: rename(2) replaces only an empty folder. A crash between them
        // leaves the old contents whole in `previous`.
        if (fs::exists(target)) fs::rename(target, previous);
        fs::rename(staging, target);
        syncPath(parent.string());
        fs::remove_all(previous);
    } catch (const fs::filesystem_error& e) {
        undo();
        throw std::runtime_error(std::string("cannot write folder '") + folder +
                                 "': " + e.code().message());
    } catch (...) {
        undo();
        throw;
    }
}

}  // namespace nas::util
