#pragma once
// Shared helpers of the data tests.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "data/image_set.h"

namespace nas::data::test {

// A fresh directory per test, removed afterwards, so tests never see each other's files.
class TempDir final {
  public:
    TempDir() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_path = std::filesystem::temp_directory_path() /
                 ("nas_data_" + std::to_string(::getpid()) + "_" + info->test_suite_name() + "_" +
                  info->name());
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] std::string str() const { return m_path.string(); }
    [[nodiscard]] std::string file(const std::string& name) const {
        return (m_path / name).string();
    }

  private:
    std::filesystem::path m_path;
};

// Runs `read` and returns the DatasetError's message, failing the test if none is thrown.
template <typename Read>
std::string errorOf(Read read) {
    try {
        read();
    } catch (const DatasetError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected a DatasetError";
    return {};
}

}  // namespace nas::data::test
