#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <limits>
#include <thread>
#include <utility>

namespace nas::store {

namespace {

constexpr int kBusyTimeoutMs = 5000;

// `path` as an SQLite URI ("file:" and the path, with the characters a URI gives a meaning to
// escaped), with `query` appended.
std::string fileUri(const std::string& path, const std::string& query) {
    std::string uri = "file:";
    // "file://x" would name a host.
    if (path.rfind("//", 0) == 0) uri += "/";
    for (const char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            static const char* kHex = "0123456789ABCDEF";
            uri += '%';
            uri += kHex[(static_cast<unsigned char>(c) >> 4) & 0xf];
            uri += kHex[static_cast<unsigned char>(c) & 0xf];
        } else {
            uri += c;
        }
    }
    return uri + "?" + query;
}

// Opens read-only and reads the schema, which is where a write-ahead-log database that cannot
// be read as it stands fails. Returns SQLite's result code, and its message in `message`.
int tryOpenReadOnly(const std::string& uri, sqlite3** db, std::string& message) {
    int rc = sqlite3_open_v2(uri.c_str(), db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(*db, kBusyTimeoutMs);
        rc = sqlite3_exec(*db, "SELECT COUNT(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    }
    if (rc == SQLITE_OK) return rc;
    message = *db ? sqlite3_errmsg(*db) : sqlite3_errstr(rc);
    sqlite3_close(*db);
    *db = nullptr;
    return rc;
}

}  // namespace

void Database::openReadOnly() {
    m_readOnly = true;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(m_path, ec))
        throw StoreError("run store '" + m_path + "': cannot open: no such file");
    // A write-ahead-log database is read through its -shm index, which a reader must be able to
    // create when the last writer removed it on closing; on a read-only disk or folder it cannot.
    // Then the file is read as immutable: nothing else can be writing to a disk no one may write
    // to.
    std::string message, ignored;
    const int rc = tryOpenReadOnly(fileUri(m_path, "mode=ro"), &m_db, message);
    if (rc == SQLITE_OK) return;
    const int primary = rc & 0xff;
    if ((primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY) &&
        tryOpenReadOnly(fileUri(m_path, "immutable=1"), &m_db, ignored) == SQLITE_OK)
        return;
    throw StoreError("run store '" + m_path + "': cannot open for reading: " + message);
}

Database::Database(std::string path, Access access) : m_path(std::move(path)) {
    if (access == Access::ReadOnly) {
        openReadOnly();
        sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
        sqlite3_extended_result_codes(m_db, 1);
        return;
    }
    const int rc =
        sqlite3_open_v2(m_path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        // The handle exists even on failure (unless out of memory); it holds the message.
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        throw StoreError("run store '" + m_path + "': cannot open: " + message);
    }
    // SQLite quietly falls back to read-only when the file is write-protected; the store would
    // then fail on its first write, far from the cause.
    if (sqlite3_db_readonly(m_db, "main") == 1) {
        sqlite3_close(m_db);
        throw StoreError("run store '" + m_path + "': cannot open: the file is read-only");
    }
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(m_db, 1);
}

Database::~Database() { sqlite3_close(m_db); }

int Database::changes() const { return sqlite3_changes(m_db); }

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }

void Database::exec(const std::string& sql) const {
    char* error = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(m_db);
        sqlite3_free(error);
        throw StoreError("run store '" + m_path + "': " + message);
    }
}

void Database::useWriteAheadLog() const {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    for (;;) {
        const int rc = sqlite3_exec(m_db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK) return;
        if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline)
            fail("cannot switch to write-ahead logging");
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

void Database::fail(const std::string& what) const {
    throw StoreError("run store '" + m_path + "': " + what + ": " + sqlite3_errmsg(m_db));
}

Statement::Statement(const Database& db, const std::string& sql) : m_db(db) {
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &m_stmt, nullptr) != SQLITE_OK)
        db.fail("cannot prepare '" + sql + "'");
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

void Statement::check(int rc, const char* what) const {
    if (rc != SQLITE_OK) m_db.fail(what);
}

Statement& Statement::bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(m_stmt, index, value), "cannot bind an integer");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check(sqlite3_bind_double(m_stmt, index, value), "cannot bind a number");
    return *this;
}

Statement& Statement::bind(int index, const std::string& value) {
    check(sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()),
                            SQLITE_TRANSIENT),
          "cannot bind a text");
    return *this;
}

Statement& Statement::bind(int index, const std::optional<double>& value) {
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bindNull(int index) {
    check(sqlite3_bind_null(m_stmt, index), "cannot bind NULL");
    return *this;
}

Statement& Statement::bindFloats(int index, const std::vector<float>& values) {
    if (values.empty()) return bindNull(index);
    check(sqlite3_bind_blob(m_stmt, index, values.data(),
                            static_cast<int>(values.size() * sizeof(float)), SQLITE_TRANSIENT),
          "cannot bind a blob");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string message = sqlite3_errmsg(m_db.handle());
    // Reset so the statement (and any lock it holds) is released before the throw.
    sqlite3_reset(m_stmt);
    throw StoreError("run store '" + m_db.path() + "': cannot run '" + sqlite3_sql(m_stmt) +
                     "': " + message);
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() { sqlite3_reset(m_stmt); }

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }

double Statement::real(int column) const {
    if (isNull(column)) return std::numeric_limits<double>::quiet_NaN();
    return sqlite3_column_double(m_stmt, column);
}

std::optional<double> Statement::optionalReal(int column) const {
    if (isNull(column)) return std::nullopt;
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const {
    const auto* data = sqlite3_column_text(m_stmt, column);
    if (!data) return {};
    return {reinterpret_cast<const char*>(data),
            static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))};
}

std::vector<float> Statement::floats(int column) const {
    const void* data = sqlite3_column_blob(m_stmt, column);
    const auto bytes = static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column));
    std::vector<float> values(bytes / sizeof(float));
    if (data && !values.empty()) std::memcpy(values.data(), data, values.size() * sizeof(float));
    return values;
}

Transaction::Transaction(const Database& db)
    : m_db(db), m_nested(sqlite3_get_autocommit(db.handle()) == 0) {
    m_db.exec(m_nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (m_done) return;
    // Nothing useful can be done with a failed rollback while unwinding; SQLite rolls back on
    // close anyway.
    const char* rollback = m_nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK";
    sqlite3_exec(m_db.handle(), rollback, nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    m_db.exec(m_nested ? "RELEASE nested" : "COMMIT");
    m_done = true;
}

}  // namespace nas::store
