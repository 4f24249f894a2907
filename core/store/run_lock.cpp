#include "store/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <utility>

namespace nas::store {

RunLock::~RunLock() { release(); }

RunLock::RunLock(RunLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

RunLock& RunLock::operator=(RunLock&& other) noexcept {
    if (this != &other) {
        release();
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

void RunLock::release() {
    if (m_fd >= 0) ::close(m_fd);  // closing the file drops its lock
    m_fd = -1;
}

std::string RunLock::pathFor(const std::string& databasePath, std::int64_t run) {
    const auto folder = std::filesystem::path(databasePath).parent_path();
    return (folder / "locks" / ("run-" + std::to_string(run) + ".lock")).string();
}

RunLock RunLock::tryTake(const std::string& path) {
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
    // O_CLOEXEC: a child process started by the holder must not keep the lock after it dies.
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error("cannot create the run lock '" + path +
                                 "': " + std::strerror(errno));
    int rc = 0;
    do rc = ::flock(fd, LOCK_EX | LOCK_NB);
    while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        ::close(fd);
        return {};
    }
    return RunLock(fd);
}

bool RunLock::isHeld(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    int rc = 0;
    do rc = ::flock(fd, LOCK_SH | LOCK_NB);
    while (rc != 0 && errno == EINTR);
    const bool held = rc != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return held;
}

}  // namespace nas::store
