// Files written whole or not at all, in a real temporary folder.
#include "util/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
    std::ostringstream text;
    text << std::ifstream(path).rdbuf();
    return text.str();
}

// The pid of a process that has exited and been reaped.
pid_t deadPid() {
    const pid_t child = fork();
    if (child == 0) _exit(0);
    waitpid(child, nullptr, 0);
    return child;
}

class AtomicFile : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "nas-atomic-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override { fs::remove_all(m_dir); }
    fs::path m_dir;
};

TEST_F(AtomicFile, AFailedWriteLeavesThePreviousFileAndNoTemporary) {
    const auto target = m_dir / "trained.json";
    nas::util::writeTextAtomically(target.string(), "first");
    EXPECT_THROW(nas::util::writeAtomically(target.string(),
                                            [](const std::string& temporary) {
                                                std::ofstream(temporary) << "half";
                                                throw std::runtime_error("disk full");
                                            }),
                 std::runtime_error);
    EXPECT_EQ(read(target), "first");
    EXPECT_EQ(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator()), 1);
}

TEST_F(AtomicFile, RemovesTemporariesOfKilledWritersButNotOfLiveOnes) {
    const auto target = m_dir / "trained.json";
    const auto killed = m_dir / ("trained.json.tmp-" + std::to_string(deadPid()));
    const auto live = m_dir / ("trained.json.tmp-" + std::to_string(getppid()));
    const auto other = m_dir / ("weights.pt.tmp-" + std::to_string(deadPid()));
    for (const auto& path : {killed, live, other}) std::ofstream(path) << "partial";
    nas::util::writeTextAtomically(target.string(), "second");
    EXPECT_EQ(read(target), "second");
    EXPECT_FALSE(fs::exists(killed));
    EXPECT_TRUE(fs::exists(live));   // its writer may still rename it
    EXPECT_TRUE(fs::exists(other));  // another file's; its own next write clears it
}

TEST_F(AtomicFile, AFolderWrittenAtomicallyHoldsOnlyTheNewFilesOrStaysAsItWas) {
    const auto folder = m_dir / "export";
    fs::create_directories(folder);
    std::ofstream(folder / "weights.pt") << "another run's";
    nas::util::writeFolderAtomically(folder.string(), [](const std::string& staging) {
        std::ofstream(fs::path(staging) / "model.py") << "new";
    });
    EXPECT_EQ(read(folder / "model.py"), "new");
    EXPECT_FALSE(fs::exists(folder / "weights.pt"));
    EXPECT_THROW(nas::util::writeFolderAtomically(folder.string(),
                                                  [](const std::string& staging) {
                                                      std::ofstream(fs::path(staging) / "model.py")
                                                          << "half";
                                                      throw std::runtime_error("failed midway");
                                                  }),
                 std::runtime_error);
    EXPECT_EQ(read(folder / "model.py"), "new");
    // Nothing beside it: no staging folder, no old copy.
    EXPECT_EQ(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator()), 1);
}

}  // namespace
