#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <limits>
#include <thread>
#include <utility>

namespace nas::store {

namespace {

constexpr int kBusyTimeoutMs = 5000;

}  // namespace

Database::Database(std::string path) : m_path(std::move(path)) {
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
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
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
