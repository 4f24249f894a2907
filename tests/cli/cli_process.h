#pragma once
// Running the command-line tool as a user does: a real process through the shell, its exit status
// and output captured; and a fresh folder for each test's files.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace cli_process {

struct Result {
    int status = -1;
    std::string output;  // stdout, and stderr unless redirected elsewhere
};

// Runs the CLI with `args` through the shell; `redirect` says where its stderr goes, and
// `shellPrefix` runs first in the same shell (e.g. "ulimit -v N; ").
inline Result capture(const std::string& args, const char* redirect, const char* shellPrefix = "") {
    Result r;
    FILE* pipe = ::popen(
        (shellPrefix + std::string(NAS_CLI_PATH) + " " + args + " " + redirect).c_str(), "r");
    std::array<char, 4096> buf{};
    while (size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) r.output.append(buf.data(), n);
    const int raw = ::pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}

// Exit status and stdout with stderr.
inline Result run(const std::string& args) { return capture(args, "2>&1"); }
// Stdout alone, for machine-readable output.
inline std::string stdoutOf(const std::string& args) { return capture(args, "2>/dev/null").output; }

// A test whose files live in a folder of its own (named after the test), removed afterwards.
class FolderTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("nas-cli-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }
    [[nodiscard]] std::string path(const std::string& name) const {
        return (m_dir / name).string();
    }

    std::filesystem::path m_dir;
};

}  // namespace cli_process
