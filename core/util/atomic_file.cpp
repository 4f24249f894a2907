#include "util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
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

}  // namespace

void writeAtomically(const std::string& path, const std::function<void(const std::string&)>& write) {
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

}  // namespace nas::util
