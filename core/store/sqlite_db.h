#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements and a transaction
// guard. Every failure becomes a StoreError naming the database file, so a message shown to the
// user says which workspace is at fault.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace nas::store {

class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class Access {
    ReadWrite,  // creates the file if needed; a file that can only be read is an error
    ReadOnly,   // never writes, nor creates the file or its -wal and -shm companions
};

class Database final {
  public:
    // Opens `path`. ReadWrite: creates it if needed, and throws StoreError when the file cannot be
    // opened or can only be opened read-only. ReadOnly: for a workspace on a read-only disk or
    // owned by someone else; throws StoreError when the file is missing or unreadable.
    explicit Database(std::string path, Access access = Access::ReadWrite);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one or more statements that return no rows of interest.
    void exec(const std::string& sql) const;
    // Switches the file to write-ahead logging (readers beside one writer). Two connections
    // switching a new file at once deadlock, and SQLite then fails one of them at once instead of
    // waiting; this retries until the busy timeout has passed.
    void useWriteAheadLog() const;
    // Throws a StoreError: "run store '<path>': <what>: <SQLite's message>".
    [[noreturn]] void fail(const std::string& what) const;

    // Rows changed by the last INSERT, UPDATE or DELETE.
    [[nodiscard]] int changes() const;
    // Rowid of the last successful INSERT.
    [[nodiscard]] std::int64_t lastInsertId() const;
    [[nodiscard]] sqlite3* handle() const { return m_db; }
    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] bool readOnly() const { return m_readOnly; }

  private:
    void openReadOnly();

    std::string m_path;
    bool m_readOnly = false;
    sqlite3* m_db = nullptr;
};

// One prepared statement. Parameters are 1-based and columns 0-based, as in SQLite.
class Statement final {
  public:
    Statement(const Database& db, const std::string& sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const std::string& value);
    Statement& bind(int index, const std::optional<double>& value);
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bindNull(int index);
    Statement& bindFloats(int index, const std::vector<float>& values);  // NULL when empty

    // Advances to the next row; false once there are no more.
    bool step();
    // Steps a statement that returns no rows, then resets it so it can be bound and run again.
    void run();
    // Rewinds for another execution; bindings not rebound keep their values.
    void reset();

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] int integer(int column) const { return static_cast<int>(int64(column)); }
    // NaN for NULL: SQLite stores a NaN as NULL, and a diverged loss should read back as one.
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] std::optional<double> optionalReal(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::vector<float> floats(int column) const;

  private:
    void check(int rc, const char* what) const;

    const Database& m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() ran. IMMEDIATE takes
// the write lock up front: a deferred transaction that later upgrades can fail with SQLITE_BUSY
// without waiting for the busy timeout. Inside another transaction it is a savepoint, so writes
// that each take a transaction can be grouped into one that lands whole or not at all.
class Transaction final {
  public:
    explicit Transaction(const Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

  private:
    const Database& m_db;
    bool m_nested = false;
    bool m_done = false;
};

}  // namespace nas::store
