#pragma once
// Who is writing a run, told by a lock the operating system drops when its holder dies (killed,
// crashed or exited), so a run is never left "running" by a process that is gone, and a process
// that merely got the dead owner's PID does not pass for it. flock(2): the lock belongs to one open
// file, so a second store in the same process (the GUI beside its engine worker) sees it taken, and
// closing that store's descriptor cannot drop the holder's lock (fcntl locks would do both).
#include <cstdint>
#include <string>

namespace nas::store {

class RunLock final {
  public:
    RunLock() = default;
    ~RunLock();
    RunLock(RunLock&& other) noexcept;
    RunLock& operator=(RunLock&& other) noexcept;
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

    // The lock file of run `run` of the database at `databasePath`: "<its
    // folder>/locks/run-<run>.lock".
    [[nodiscard]] static std::string pathFor(const std::string& databasePath, std::int64_t run);
    // Takes the lock without waiting, creating the file (and its folder) if needed. An empty lock
    // (held() false) when another open file holds it. Throws std::runtime_error when the file
    // cannot be created.
    [[nodiscard]] static RunLock tryTake(const std::string& path);
    // Whether some process holds the lock now. Only reads: a missing file is a lock nobody holds.
    [[nodiscard]] static bool isHeld(const std::string& path);

    [[nodiscard]] bool held() const { return m_fd >= 0; }
    void release();

  private:
    explicit RunLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

}  // namespace nas::store
