#pragma once
// The committed schema-v1 workspace (data/workspace-v1, written by the v1 code) and the plain
// sqlite3 helpers the migration tests use to look at or tamper with a copy of it.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace nas::store::testing {

namespace fs = std::filesystem;

inline fs::path v1Workspace() { return fs::path(NAS_TEST_DATA_DIR) / "workspace-v1"; }

// A fresh temporary folder, removed by the destructor.
class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "nas-store-v1-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return m_path; }

  private:
    fs::path m_path;
};

// Copies the fixture workspace to `dir`/`name` and returns the copy's folder. The fixture itself is
// never opened: a test must not upgrade the committed file.
inline fs::path copyV1Workspace(const fs::path& dir, const std::string& name = "workspace") {
    const fs::path copy = dir / name;
    fs::copy(v1Workspace(), copy, fs::copy_options::recursive);
    return copy;
}

inline std::string fileBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs `sql` through a connection of its own (closed again, so the WAL is folded back into the
// file); fails the test when SQLite refuses it.
inline void execSql(const fs::path& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(handle);
    ASSERT_EQ(rc, SQLITE_OK) << sql << ": " << message;
}

// The first column of the first row of `sql` as text ("" for NULL or no row).
inline std::string queryText(const fs::path& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    std::string result;
    if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
            if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
                result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        } else {
            ADD_FAILURE() << "cannot prepare " << sql << ": " << sqlite3_errmsg(handle);
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(handle);
    return result;
}

inline bool hasTable(const fs::path& db, const std::string& name) {
    return queryText(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" +
                             name + "'") == "1";
}

}  // namespace nas::store::testing
