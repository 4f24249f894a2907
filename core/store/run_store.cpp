#include "store/run_store.h"

#include <unistd.h>

#include <chrono>
#include <climits>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <thread>

namespace nas::store {

namespace {

// v1: sampled architectures in `architectures` (genotype, score, predicted, hidden state).
// v2: samples are records of their own: `samples` with named tensors and metrics, and
//     strategy-specific per-step scalars in `step_scalars`.
// v3: an epoch's derived architecture in a space other than the DARTS cell
//     (epochs.architecture_json), and the compute-intensity floor among the constraints
//     (constraint_changes.min_intensity).
constexpr int kSchemaVersion = 3;

// Times are made by SQLite so every row of one statement carries the same instant.
constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

constexpr const char* kSchema = R"sql(
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    strategy    TEXT NOT NULL,
    dataset     TEXT NOT NULL,
    config_json TEXT NOT NULL,
    device      TEXT NOT NULL,
    version     TEXT NOT NULL,
    seed        INTEGER NOT NULL,  -- the uint64 seed's bits, as SQLite integers are signed
    status      TEXT NOT NULL,
    error       TEXT NOT NULL DEFAULT '',
    owner_pid   INTEGER,           -- the process writing the run, to detect one that died
    owner_host  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE epochs (
    run_id         INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    epoch          INTEGER NOT NULL,
    train_loss     REAL,
    train_accuracy REAL,
    valid_loss     REAL,
    valid_accuracy REAL,
    temperature    REAL,
    learning_rate  REAL,
    seconds        REAL,
    genotype_json  TEXT,  -- NULL (and no cost) when no genotype was derived
    darts          TEXT,  -- NULL when the genotype has no DARTS form
    params         REAL,
    flops          REAL,
    mac            REAL,
    PRIMARY KEY (run_id, epoch)
);
CREATE TABLE steps (
    run_id           INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step             INTEGER NOT NULL,
    epoch            INTEGER NOT NULL,
    step_in_epoch    INTEGER NOT NULL,
    steps_per_epoch  INTEGER NOT NULL,
    loss             REAL,
    accuracy         REAL,
    temperature      REAL,
    seconds_per_step REAL,
    eta_seconds      REAL,
    PRIMARY KEY (run_id, step)
);
CREATE TABLE alpha_snapshots (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step       INTEGER NOT NULL,
    epoch      INTEGER NOT NULL,
    normal_ops TEXT NOT NULL,  -- JSON array of op names, the column order of `op`
    reduce_ops TEXT NOT NULL,
    UNIQUE (run_id, step)
);
CREATE TABLE alpha_values (
    snapshot_id INTEGER NOT NULL REFERENCES alpha_snapshots(id) ON DELETE CASCADE,
    cell        INTEGER NOT NULL,  -- 0 normal, 1 reduce
    edge        INTEGER NOT NULL,
    op          INTEGER NOT NULL,
    probability REAL,
    PRIMARY KEY (snapshot_id, cell, edge, op)
) WITHOUT ROWID;
CREATE TABLE checkpoints (
    run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    epoch      INTEGER NOT NULL,
    path       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (run_id, epoch)
);
CREATE TABLE constraint_changes (
    id             INTEGER PRIMARY KEY,
    run_id         INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step           INTEGER NOT NULL,
    max_params     REAL,
    max_flops      REAL,
    max_mac        REAL,
    max_latency_ms REAL,
    strength       REAL NOT NULL
);
CREATE INDEX constraint_changes_by_run ON constraint_changes(run_id, step);
)sql";

// The tables schema v2 added: a new store gets them with kSchema, a v1 store by migration.
// Tensors and scalars are rowid tables so that they read back in the order they were recorded.
constexpr const char* kSampleSchema = R"sql(
CREATE TABLE samples (
    id                INTEGER PRIMARY KEY,
    run_id            INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step              INTEGER NOT NULL,
    epoch             INTEGER NOT NULL,
    architecture_json TEXT,  -- the architecture's JSON form; NULL when there is none
    score             REAL,
    predicted         REAL,  -- NULL when no predictor ran
    metrics_json      TEXT NOT NULL DEFAULT '{}'  -- JSON object of extra named scalars
);
CREATE INDEX samples_by_run ON samples(run_id, step);
CREATE TABLE sample_tensors (
    sample_id  INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    shape_json TEXT NOT NULL,  -- JSON array of dimensions, e.g. [4,32]
    data       BLOB,           -- native 32-bit floats, row-major; NULL when empty
    PRIMARY KEY (sample_id, name)
);
CREATE TABLE step_scalars (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step   INTEGER NOT NULL,
    name   TEXT NOT NULL,
    value  REAL,
    PRIMARY KEY (run_id, step, name)
);
)sql";

// v1 -> v2, after kSampleSchema. Ids are kept, so samples read back in the order the
// architectures did; a hidden state becomes the tensor "hidden_state" of shape [n].
constexpr const char* kMigrateV1ToV2 = R"sql(
INSERT INTO samples (id, run_id, step, epoch, architecture_json, score, predicted, metrics_json)
    SELECT id, run_id, step, epoch, genotype_json, score, predicted, '{}' FROM architectures;
INSERT INTO sample_tensors (sample_id, name, shape_json, data)
    SELECT id, 'hidden_state', '[' || (length(hidden_state) / 4) || ']', hidden_state
    FROM architectures WHERE hidden_state IS NOT NULL;
DROP TABLE architectures;
)sql";

// v2 -> v3 (and part of a new store): an architecture of another space than the DARTS cell, and
// the compute-intensity floor.
constexpr const char* kSchemaV3Columns = R"sql(
ALTER TABLE epochs ADD COLUMN architecture_json TEXT;  -- NULL for cells (genotype_json says it)
ALTER TABLE constraint_changes ADD COLUMN min_intensity REAL;  -- FLOPs per byte
)sql";

// The name of the tensor a SampledArchitecture's hidden state is stored as.
constexpr const char* kHiddenStateTensor = "hidden_state";

std::string hostName() {
    char name[HOST_NAME_MAX + 1] = {};
    if (gethostname(name, sizeof name - 1) != 0) return {};
    return name;
}

// How long a claim waits for a lock that another store holds only for a moment (to see whether
// the run's writer is alive) before taking it as held by a live writer.
constexpr auto kClaimWait = std::chrono::milliseconds(1000);

bool activeStatus(engine::RunStatus status) {
    return status == engine::RunStatus::Running || status == engine::RunStatus::Paused;
}

[[noreturn]] void throwNoSuchRun(const Database& db, std::int64_t run) {
    throw StoreError("run store '" + db.path() + "': no run " + std::to_string(run));
}

// An empty genotype (none derived yet) is stored as NULL: it would not pass validation on load.
std::optional<std::string> storedGenotypeText(const space::Genotype& genotype) {
    if (genotype == space::Genotype{}) return std::nullopt;
    return space::toJson(genotype).dump();
}

space::Genotype genotypeFromText(const Statement& row, int column) {
    if (row.isNull(column)) return {};
    return space::genotypeFromJson(nlohmann::json::parse(row.text(column)));
}

// What a StoreError says after "run store '<path>': ", so a wrapping message names the file once.
std::string causeOf(const std::exception& error, const std::string& path) {
    const std::string text = error.what();
    const std::string prefix = "run store '" + path + "': ";
    return text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text;
}

// --- samples <-> their stored form ---

std::int64_t elementCount(const std::vector<std::int64_t>& shape) {
    std::int64_t count = 1;
    for (const std::int64_t dim : shape) count *= dim;
    return count;
}

// A tensor whose shape does not describe its values would read back as something else.
void checkTensor(const Database& db, const engine::SampleTensor& tensor) {
    for (const std::int64_t dim : tensor.shape)
        if (dim < 0)
            throw StoreError("run store '" + db.path() + "': sample tensor '" + tensor.name +
                             "' has a negative dimension");
    if (elementCount(tensor.shape) != static_cast<std::int64_t>(tensor.values.size()))
        throw StoreError("run store '" + db.path() + "': sample tensor '" + tensor.name +
                         "' holds " + std::to_string(tensor.values.size()) +
                         " values, not the product of its shape " +
                         nlohmann::json(tensor.shape).dump());
}

// ordered_json keeps the metrics in the order they were recorded. JSON has no NaN nor infinity:
// nlohmann writes them as null, which reads back as NaN.
std::string metricsText(const std::vector<std::pair<std::string, double>>& metrics) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const auto& [name, value] : metrics) object[name] = value;
    return object.dump();
}

std::vector<std::pair<std::string, double>> metricsFromText(const std::string& text) {
    std::vector<std::pair<std::string, double>> metrics;
    const auto object = nlohmann::ordered_json::parse(text);  // must outlive items()
    for (const auto& [name, value] : object.items())
        metrics.emplace_back(name, value.is_number() ? value.get<double>()
                                                     : std::numeric_limits<double>::quiet_NaN());
    return metrics;
}

std::optional<std::string> storedArchitectureText(const std::string& architecture) {
    if (architecture.empty()) return std::nullopt;
    return architecture;
}

engine::SampledArchitecture architectureOf(const engine::SampleRecord& s) {
    engine::SampledArchitecture a;
    a.step = s.step;
    a.epoch = s.epoch;
    if (!s.architecture.empty())
        a.genotype = space::genotypeFromJson(nlohmann::json::parse(s.architecture));
    a.score = s.score;
    a.predicted = s.predicted;
    for (const engine::SampleTensor& t : s.tensors)
        if (t.name == kHiddenStateTensor)
            a.hiddenState = t.values;
        else
            a.tensors.push_back(t);
    a.metrics = s.metrics;
    return a;
}

void bindCell(Statement& insert, int cell, const engine::CellAlphas& alphas) {
    insert.bind(2, cell);
    for (std::size_t edge = 0; edge < alphas.probs.size(); ++edge) {
        for (std::size_t op = 0; op < alphas.probs[edge].size(); ++op) {
            insert.bind(3, static_cast<std::int64_t>(edge))
                .bind(4, static_cast<std::int64_t>(op))
                .bind(5, alphas.probs[edge][op])
                .run();
        }
    }
}

}  // namespace

engine::SampleRecord sampleOf(const engine::SampledArchitecture& a) {
    engine::SampleRecord s;
    s.step = a.step;
    s.epoch = a.epoch;
    s.architecture = storedGenotypeText(a.genotype).value_or("");
    s.score = a.score;
    s.predicted = a.predicted;
    if (!a.hiddenState.empty())
        s.tensors.push_back(
            {kHiddenStateTensor, {static_cast<std::int64_t>(a.hiddenState.size())}, a.hiddenState});
    s.tensors.insert(s.tensors.end(), a.tensors.begin(), a.tensors.end());
    s.metrics = a.metrics;
    return s;
}

RunStore::RunStore(const std::string& databasePath, Access access)
    : m_db(std::make_unique<Database>(databasePath, access)) {
    m_db->exec("PRAGMA foreign_keys = ON");
    if (access == Access::ReadOnly) {
        const int version = schemaVersion();
        if (version == 0)
            throw StoreError("run store '" + m_db->path() +
                             "': holds no runs table (not a workspace database)");
        // An older schema is read as it stands (readsV1Tables): upgrading it would be a write.
        if (version > kSchemaVersion)
            throw StoreError("run store '" + m_db->path() + "': schema version " +
                             std::to_string(version) + " is newer than this program's (" +
                             std::to_string(kSchemaVersion) + ")");
        return;
    }
    // journal_mode reads the file header, so this is where a file that is no database fails.
    m_db->useWriteAheadLog();
    createSchema();
    markOrphanedRunsInterrupted();
}

RunStore::~RunStore() = default;

std::string RunStore::path() const { return m_db->path(); }

std::string RunStore::lockPath(std::int64_t run) const {
    return RunLock::pathFor(m_db->path(), run);
}

int RunStore::schemaVersion() const {
    Statement version(*m_db, "PRAGMA user_version");
    return version.step() ? version.integer(0) : 0;
}

void RunStore::createSchema() {
    // Checked before taking the write lock, so opening an up-to-date store never waits on a writer.
    if (schemaVersion() == kSchemaVersion) return;
    Transaction transaction(*m_db);
    const int current = schemaVersion();    // again: another process may have created it meanwhile
    if (current == kSchemaVersion) return;  // ...or upgraded it; nothing to write
    if (current > kSchemaVersion)
        throw StoreError("run store '" + m_db->path() + "': schema version " +
                         std::to_string(current) + " is newer than this program's (" +
                         std::to_string(kSchemaVersion) + ")");
    if (current == 0) {
        m_db->exec(kSchema);
        m_db->exec(kSampleSchema);
        m_db->exec(kSchemaV3Columns);
    } else if (current < 3) {
        // The rollback on the way out leaves the file as it was: a v1 program can still open it.
        try {
            if (current == 1) migrateV1ToV2();
            m_db->exec(kSchemaV3Columns);
        } catch (const std::exception& e) {
            throw StoreError("run store '" + m_db->path() +
                             "': cannot upgrade the schema from version " +
                             std::to_string(current) + " to " + std::to_string(kSchemaVersion) +
                             " (the file is left as it was): " + causeOf(e, m_db->path()));
        }
    }
    // Later versions migrate here, one step at a time.
    m_db->exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    transaction.commit();
}

void RunStore::migrateV1ToV2() {
    m_db->exec(kSampleSchema);
    m_db->exec(kMigrateV1ToV2);
}

bool RunStore::readsV1Tables() const { return m_db->readOnly() && schemaVersion() < 2; }

void RunStore::markOrphanedRunsInterrupted() {
    std::vector<std::int64_t> active;
    {
        Statement owned(*m_db, "SELECT id FROM runs WHERE status IN ('running', 'paused')");
        while (owned.step()) active.push_back(owned.int64(0));
    }
    for (const std::int64_t run : active) {
        if (m_locks.count(run)) continue;
        RunLock lock;
        try {
            lock = RunLock::tryTake(lockPath(run));
        } catch (const std::runtime_error&) {
            continue;  // no lock file can be made here: whether the writer lives cannot be told
        }
        if (!lock.held()) continue;  // its writer is alive
        // Holding the lock, no one can claim the run meanwhile; the status is tested again in case
        // its writer finished it between the query and now.
        Statement mark(*m_db, std::string("UPDATE runs SET status = 'interrupted', updated_at = ") +
                                  kNow + " WHERE id = ? AND status IN ('running', 'paused')");
        mark.bind(1, run).run();
    }
}

// --- runs ------------------------------------------------------------------------------------

std::int64_t RunStore::createRun(const NewRun& run) {
    // The lock is taken before the row is committed: no other store may see the run running
    // while no one holds its lock, or it would mark it interrupted.
    Transaction transaction(*m_db);
    Statement insert(*m_db, std::string("INSERT INTO runs (name, strategy, dataset, config_json, "
                                        "device, version, seed, status, owner_pid, owner_host, "
                                        "created_at, updated_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ") +
                                kNow + ", " + kNow + ")");
    insert.bind(1, run.name)
        .bind(2, run.strategy)
        .bind(3, run.dataset)
        .bind(4, run.configJson)
        .bind(5, run.device)
        .bind(6, run.version)
        .bind(7, static_cast<std::int64_t>(run.seed))
        .bind(8, static_cast<std::int64_t>(getpid()))
        .bind(9, hostName())
        .run();
    const std::int64_t id = m_db->lastInsertId();
    RunLock lock;
    try {
        lock = RunLock::tryTake(lockPath(id));
    } catch (const std::runtime_error& e) {
        throw StoreError("run store '" + m_db->path() + "': " + e.what());
    }
    // Ids are never reused (AUTOINCREMENT), so only a stray process can hold a new run's lock.
    if (!lock.held())
        throw StoreError("run store '" + m_db->path() + "': the lock of new run " +
                         std::to_string(id) + " is held by another process ('" + lockPath(id) +
                         "')");
    transaction.commit();
    m_locks[id] = std::move(lock);
    return id;
}

void RunStore::claimRun(std::int64_t run) {
    const auto record = findRun(run);
    if (!record) throwNoSuchRun(*m_db, run);
    RunLock lock;
    try {
        const auto deadline = std::chrono::steady_clock::now() + kClaimWait;
        for (;;) {
            lock = RunLock::tryTake(lockPath(run));
            if (lock.held() || std::chrono::steady_clock::now() >= deadline) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    } catch (const std::runtime_error& e) {
        throw StoreError("run store '" + m_db->path() + "': " + e.what());
    }
    if (!lock.held()) {
        const auto now = findRun(run);
        const auto status =
            now && activeStatus(now->status) ? engine::toString(now->status) : "running";
        throw StoreError("run store '" + m_db->path() + "': run " + std::to_string(run) +
                         " is still " + status + " in another process");
    }
    // The lock makes this store the run's only writer, whatever the status says (a writer that
    // died before anyone marked its run interrupted leaves 'running').
    Statement update(*m_db, std::string("UPDATE runs SET status = 'running', error = '', "
                                        "owner_pid = ?, owner_host = ?, updated_at = ") +
                                kNow + " WHERE id = ?");
    update.bind(1, static_cast<std::int64_t>(getpid())).bind(2, hostName()).bind(3, run).run();
    if (m_db->changes() == 0) throwNoSuchRun(*m_db, run);
    m_locks[run] = std::move(lock);
}

void RunStore::atomically(const std::function<void()>& work) {
    Transaction transaction(*m_db);
    work();
    transaction.commit();
}

void RunStore::setStatus(std::int64_t run, engine::RunStatus status, const std::string& error) {
    Statement update(*m_db, std::string("UPDATE runs SET status = ?, error = ?, updated_at = ") +
                                kNow + " WHERE id = ?");
    update.bind(1, engine::toString(status)).bind(2, error).bind(3, run).run();
    if (m_db->changes() == 0) throwNoSuchRun(*m_db, run);
    if (!activeStatus(status)) m_locks.erase(run);
}

void RunStore::touch(std::int64_t run) {
    Statement update(*m_db, std::string("UPDATE runs SET updated_at = ") + kNow + " WHERE id = ?");
    update.bind(1, run).run();
    if (m_db->changes() == 0) throwNoSuchRun(*m_db, run);
}

void RunStore::deleteRun(std::int64_t run) {
    Statement remove(*m_db, "DELETE FROM runs WHERE id = ?");
    remove.bind(1, run).run();
    m_locks.erase(run);
    std::error_code ignored;
    std::filesystem::remove(lockPath(run), ignored);
}

std::vector<RunRecord> RunStore::queryRuns(const std::string& where,
                                           std::optional<std::int64_t> run) const {
    // params comes from the last epoch: that genotype is what the run delivers.
    Statement select(*m_db,
                     "SELECT r.id, r.name, r.strategy, r.dataset, r.config_json, r.device, "
                     "r.version, r.error, r.status, r.seed, r.created_at, r.updated_at, "
                     "(SELECT COUNT(*) FROM epochs e WHERE e.run_id = r.id), "
                     "(SELECT MAX(valid_accuracy) FROM epochs e WHERE e.run_id = r.id), "
                     "(SELECT params FROM epochs e WHERE e.run_id = r.id "
                     " ORDER BY epoch DESC LIMIT 1) "
                     "FROM runs r " +
                         where + " ORDER BY r.created_at DESC, r.id DESC");
    if (run) select.bind(1, *run);
    std::vector<RunRecord> runs;
    while (select.step()) {
        RunRecord r;
        r.id = select.int64(0);
        r.name = select.text(1);
        r.strategy = select.text(2);
        r.dataset = select.text(3);
        r.configJson = select.text(4);
        r.device = select.text(5);
        r.version = select.text(6);
        r.error = select.text(7);
        r.status = engine::runStatusFromString(select.text(8));
        r.seed = static_cast<std::uint64_t>(select.int64(9));
        r.createdAt = select.text(10);
        r.updatedAt = select.text(11);
        r.epochsDone = select.integer(12);
        r.bestValidAccuracy = select.optionalReal(13);
        r.params = select.optionalReal(14);
        // A read-only store cannot mark a dead writer's run; it reports it as the next writable
        // open will record it.
        if (m_db->readOnly() && activeStatus(r.status) && !RunLock::isHeld(lockPath(r.id)))
            r.status = engine::RunStatus::Interrupted;
        runs.push_back(std::move(r));
    }
    return runs;
}

std::vector<RunRecord> RunStore::listRuns() const { return queryRuns("", std::nullopt); }

std::optional<RunRecord> RunStore::findRun(std::int64_t run) const {
    auto runs = queryRuns("WHERE r.id = ?", run);
    if (runs.empty()) return std::nullopt;
    return std::move(runs.front());
}

// --- epochs and steps ------------------------------------------------------------------------

void RunStore::recordEpoch(std::int64_t run, const engine::EpochMetrics& m) {
    const std::optional<std::string> genotype = storedGenotypeText(m.genotype);
    // The Genotype(...) text that reads back as this genotype: SNAS-Series' 14-edge form for a
    // SNAS-built one, the DARTS form otherwise.
    std::optional<std::string> darts;
    if (genotype) darts = space::genotypeText(m.genotype);
    std::optional<std::string> architecture;
    if (!m.architecture.empty()) architecture = m.architecture;
    // No cost without an architecture: a zero would read as a real, empty network.
    const bool derived = genotype || architecture;
    const auto cost = [&](double value) { return derived ? std::optional(value) : std::nullopt; };

    Transaction transaction(*m_db);
    touch(run);
    Statement insert(*m_db,
                     "INSERT OR REPLACE INTO epochs (run_id, epoch, train_loss, train_accuracy, "
                     "valid_loss, valid_accuracy, temperature, learning_rate, seconds, "
                     "genotype_json, darts, params, flops, mac, architecture_json) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, run)
        .bind(2, m.epoch)
        .bind(3, m.trainLoss)
        .bind(4, m.trainAccuracy)
        .bind(5, m.validLoss)
        .bind(6, m.validAccuracy)
        .bind(7, m.temperature)
        .bind(8, m.learningRate)
        .bind(9, m.seconds)
        .bind(10, genotype)
        .bind(11, darts)
        .bind(12, cost(m.cost.params))
        .bind(13, cost(m.cost.flops))
        .bind(14, cost(m.cost.mac))
        .bind(15, architecture)
        .run();
    transaction.commit();
}

std::vector<engine::EpochMetrics> RunStore::epochs(std::int64_t run) const {
    // A read-only store of an older schema has no architecture column: only cells were derived.
    const std::string architectureColumn = schemaVersion() >= 3 ? "architecture_json" : "NULL";
    Statement select(*m_db,
                     "SELECT epoch, train_loss, train_accuracy, valid_loss, valid_accuracy, "
                     "temperature, learning_rate, seconds, genotype_json, params, flops, mac, " +
                         architectureColumn + " FROM epochs WHERE run_id = ? ORDER BY epoch");
    select.bind(1, run);
    std::vector<engine::EpochMetrics> epochs;
    while (select.step()) {
        engine::EpochMetrics m;
        m.epoch = select.integer(0);
        m.trainLoss = select.real(1);
        m.trainAccuracy = select.real(2);
        m.validLoss = select.real(3);
        m.validAccuracy = select.real(4);
        m.temperature = select.real(5);
        m.learningRate = select.real(6);
        m.seconds = select.real(7);
        m.genotype = genotypeFromText(select, 8);
        m.cost.params = select.optionalReal(9).value_or(0);
        m.cost.flops = select.optionalReal(10).value_or(0);
        m.cost.mac = select.optionalReal(11).value_or(0);
        if (!select.isNull(12)) m.architecture = select.text(12);
        epochs.push_back(std::move(m));
    }
    return epochs;
}

void RunStore::recordSteps(std::int64_t run, const std::vector<engine::StepEvent>& steps) {
    if (steps.empty()) return;
    Transaction transaction(*m_db);
    touch(run);
    Statement insert(*m_db,
                     "INSERT OR REPLACE INTO steps (run_id, step, epoch, step_in_epoch, "
                     "steps_per_epoch, loss, accuracy, temperature, seconds_per_step, eta_seconds) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    // A step recorded again keeps only its new scalars.
    Statement removeScalars(*m_db, "DELETE FROM step_scalars WHERE run_id = ? AND step = ?");
    Statement insertScalar(*m_db,
                           "INSERT OR REPLACE INTO step_scalars (run_id, step, name, value) "
                           "VALUES (?, ?, ?, ?)");
    insert.bind(1, run);
    removeScalars.bind(1, run);
    insertScalar.bind(1, run);
    for (const engine::StepEvent& s : steps) {
        removeScalars.bind(2, s.step).run();
        for (const auto& [name, value] : s.scalars)
            insertScalar.bind(2, s.step).bind(3, name).bind(4, value).run();
        insert.bind(2, s.step)
            .bind(3, s.epoch)
            .bind(4, s.stepInEpoch)
            .bind(5, s.stepsPerEpoch)
            .bind(6, s.loss)
            .bind(7, s.accuracy)
            .bind(8, s.temperature)
            .bind(9, s.secondsPerStep)
            .bind(10, s.etaSeconds)
            .run();
    }
    transaction.commit();
}

std::vector<engine::StepEvent> RunStore::steps(std::int64_t run) const {
    Statement select(*m_db,
                     "SELECT step, epoch, step_in_epoch, steps_per_epoch, loss, accuracy, "
                     "temperature, seconds_per_step, eta_seconds "
                     "FROM steps WHERE run_id = ? ORDER BY step");
    select.bind(1, run);
    std::vector<engine::StepEvent> steps;
    while (select.step()) {
        engine::StepEvent s;
        s.step = select.int64(0);
        s.epoch = select.integer(1);
        s.stepInEpoch = select.integer(2);
        s.stepsPerEpoch = select.integer(3);
        s.loss = select.real(4);
        s.accuracy = select.real(5);
        s.temperature = select.real(6);
        s.secondsPerStep = select.real(7);
        s.etaSeconds = select.real(8);
        steps.push_back(std::move(s));
    }
    if (!readsV1Tables()) addStepScalars(run, steps);
    return steps;
}

void RunStore::addStepScalars(std::int64_t run, std::vector<engine::StepEvent>& steps) const {
    std::map<std::int64_t, engine::StepEvent*> byStep;
    for (engine::StepEvent& s : steps) byStep[s.step] = &s;
    // rowid order is recording order: a strategy's scalars come back as it listed them.
    Statement select(*m_db,
                     "SELECT step, name, value FROM step_scalars WHERE run_id = ? "
                     "ORDER BY step, rowid");
    select.bind(1, run);
    while (select.step()) {
        const auto found = byStep.find(select.int64(0));
        if (found != byStep.end())
            found->second->scalars.emplace_back(select.text(1), select.real(2));
    }
}

// --- alphas ----------------------------------------------------------------------------------

void RunStore::recordAlphas(std::int64_t run, const engine::AlphaSnapshot& snapshot) {
    Transaction transaction(*m_db);
    touch(run);
    // Explicit delete rather than INSERT OR REPLACE, whose implicit delete would not cascade to
    // the old snapshot's values.
    Statement remove(*m_db, "DELETE FROM alpha_snapshots WHERE run_id = ? AND step = ?");
    remove.bind(1, run).bind(2, snapshot.step).run();
    Statement insert(*m_db,
                     "INSERT INTO alpha_snapshots (run_id, step, epoch, normal_ops, reduce_ops) "
                     "VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, run)
        .bind(2, snapshot.step)
        .bind(3, snapshot.epoch)
        .bind(4, nlohmann::json(snapshot.normal.ops).dump())
        .bind(5, nlohmann::json(snapshot.reduce.ops).dump())
        .run();
    Statement values(*m_db,
                     "INSERT INTO alpha_values (snapshot_id, cell, edge, op, probability) "
                     "VALUES (?, ?, ?, ?, ?)");
    values.bind(1, m_db->lastInsertId());
    bindCell(values, 0, snapshot.normal);
    bindCell(values, 1, snapshot.reduce);
    transaction.commit();
}

std::vector<engine::AlphaSnapshot> RunStore::alphaSnapshots(std::int64_t run) const {
    Statement select(*m_db,
                     "SELECT id, step, epoch, normal_ops, reduce_ops FROM alpha_snapshots "
                     "WHERE run_id = ? ORDER BY step");
    Statement values(*m_db,
                     "SELECT cell, edge, probability FROM alpha_values WHERE snapshot_id = ? "
                     "ORDER BY cell, edge, op");
    select.bind(1, run);
    std::vector<engine::AlphaSnapshot> snapshots;
    while (select.step()) {
        engine::AlphaSnapshot a;
        a.step = select.int64(1);
        a.epoch = select.integer(2);
        a.normal.ops = nlohmann::json::parse(select.text(3)).get<std::vector<std::string>>();
        a.reduce.ops = nlohmann::json::parse(select.text(4)).get<std::vector<std::string>>();
        values.bind(1, select.int64(0));
        while (values.step()) {
            auto& probs = values.integer(0) == 0 ? a.normal.probs : a.reduce.probs;
            const auto edge = static_cast<std::size_t>(values.int64(1));
            if (probs.size() <= edge) probs.resize(edge + 1);
            probs[edge].push_back(values.real(2));
        }
        values.reset();
        snapshots.push_back(std::move(a));
    }
    return snapshots;
}

// --- samples --------------------------------------------------------------------------------

void RunStore::recordSamples(std::int64_t run, const std::vector<engine::SampleRecord>& samples) {
    if (samples.empty()) return;
    for (const engine::SampleRecord& sample : samples)
        for (const engine::SampleTensor& tensor : sample.tensors) checkTensor(*m_db, tensor);
    Transaction transaction(*m_db);
    touch(run);
    Statement insert(*m_db,
                     "INSERT INTO samples (run_id, step, epoch, architecture_json, score, "
                     "predicted, metrics_json) VALUES (?, ?, ?, ?, ?, ?, ?)");
    Statement insertTensor(*m_db,
                           "INSERT INTO sample_tensors (sample_id, name, shape_json, data) "
                           "VALUES (?, ?, ?, ?)");
    insert.bind(1, run);
    for (const engine::SampleRecord& s : samples) {
        insert.bind(2, s.step)
            .bind(3, s.epoch)
            .bind(4, storedArchitectureText(s.architecture))
            .bind(5, s.score)
            .bind(6, s.predicted)
            .bind(7, metricsText(s.metrics))
            .run();
        insertTensor.bind(1, m_db->lastInsertId());
        for (const engine::SampleTensor& t : s.tensors)
            insertTensor.bind(2, t.name)
                .bind(3, nlohmann::json(t.shape).dump())
                .bindFloats(4, t.values)
                .run();
    }
    transaction.commit();
}

std::vector<engine::SampleRecord> RunStore::samples(std::int64_t run) const {
    if (readsV1Tables()) return v1Samples(run);
    Statement select(*m_db,
                     "SELECT id, step, epoch, architecture_json, score, predicted, metrics_json "
                     "FROM samples WHERE run_id = ? ORDER BY step, id");
    Statement tensors(*m_db,
                      "SELECT name, shape_json, data FROM sample_tensors WHERE sample_id = ? "
                      "ORDER BY rowid");
    select.bind(1, run);
    std::vector<engine::SampleRecord> samples;
    while (select.step()) {
        engine::SampleRecord s;
        s.step = select.int64(1);
        s.epoch = select.integer(2);
        s.architecture = select.text(3);  // "" for NULL
        s.score = select.real(4);
        s.predicted = select.optionalReal(5);
        s.metrics = metricsFromText(select.text(6));
        tensors.bind(1, select.int64(0));
        while (tensors.step())
            s.tensors.push_back(
                {tensors.text(0),
                 nlohmann::json::parse(tensors.text(1)).get<std::vector<std::int64_t>>(),
                 tensors.floats(2)});
        tensors.reset();
        samples.push_back(std::move(s));
    }
    return samples;
}

std::vector<engine::SampleRecord> RunStore::v1Samples(std::int64_t run) const {
    Statement select(*m_db,
                     "SELECT step, epoch, genotype_json, score, predicted, hidden_state "
                     "FROM architectures WHERE run_id = ? ORDER BY step, id");
    select.bind(1, run);
    std::vector<engine::SampleRecord> samples;
    while (select.step()) {
        engine::SampleRecord s;
        s.step = select.int64(0);
        s.epoch = select.integer(1);
        s.architecture = select.text(2);
        s.score = select.real(3);
        s.predicted = select.optionalReal(4);
        if (!select.isNull(5)) {
            std::vector<float> state = select.floats(5);
            const auto size = static_cast<std::int64_t>(state.size());
            s.tensors.push_back({kHiddenStateTensor, {size}, std::move(state)});
        }
        samples.push_back(std::move(s));
    }
    return samples;
}

void RunStore::recordArchitectures(std::int64_t run,
                                   const std::vector<engine::SampledArchitecture>& architectures) {
    std::vector<engine::SampleRecord> samples;
    samples.reserve(architectures.size());
    for (const engine::SampledArchitecture& a : architectures) samples.push_back(sampleOf(a));
    recordSamples(run, samples);
}

std::vector<engine::SampledArchitecture> RunStore::architectures(std::int64_t run) const {
    std::vector<engine::SampledArchitecture> architectures;
    for (const engine::SampleRecord& s : samples(run)) {
        try {
            architectures.push_back(architectureOf(s));
        } catch (const std::exception& e) {
            throw StoreError("run store '" + m_db->path() + "': run " + std::to_string(run) +
                             ": the sample of step " + std::to_string(s.step) +
                             " is no cell genotype: " + e.what());
        }
    }
    return architectures;
}

// --- checkpoints and constraints -------------------------------------------------------------

void RunStore::recordCheckpoint(std::int64_t run, int epoch, const std::string& path) {
    Transaction transaction(*m_db);
    touch(run);
    Statement insert(*m_db, std::string("INSERT OR REPLACE INTO checkpoints "
                                        "(run_id, epoch, path, created_at) VALUES (?, ?, ?, ") +
                                kNow + ")");
    insert.bind(1, run).bind(2, epoch).bind(3, path).run();
    transaction.commit();
}

std::optional<CheckpointRecord> RunStore::latestCheckpoint(std::int64_t run) const {
    Statement select(*m_db,
                     "SELECT epoch, path FROM checkpoints WHERE run_id = ? "
                     "ORDER BY epoch DESC LIMIT 1");
    select.bind(1, run);
    if (!select.step()) return std::nullopt;
    return CheckpointRecord{select.integer(0), select.text(1)};
}

void RunStore::recordConstraintChange(std::int64_t run, std::int64_t step,
                                      const engine::Constraints& c) {
    Transaction transaction(*m_db);
    touch(run);
    Statement insert(*m_db,
                     "INSERT INTO constraint_changes (run_id, step, max_params, max_flops, "
                     "max_mac, max_latency_ms, strength, min_intensity) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, run)
        .bind(2, step)
        .bind(3, c.maxParams)
        .bind(4, c.maxFlops)
        .bind(5, c.maxMac)
        .bind(6, c.maxLatencyMs)
        .bind(7, c.strength)
        .bind(8, c.minIntensity)
        .run();
    transaction.commit();
}

std::vector<std::pair<std::int64_t, engine::Constraints>> RunStore::constraintChanges(
    std::int64_t run) const {
    // A read-only store of an older schema has no intensity column: no floor was ever set.
    const std::string minIntensity = schemaVersion() >= 3 ? "min_intensity" : "NULL";
    Statement select(
        *m_db, "SELECT step, max_params, max_flops, max_mac, max_latency_ms, strength, " +
                   minIntensity + " FROM constraint_changes WHERE run_id = ? ORDER BY step, id");
    select.bind(1, run);
    std::vector<std::pair<std::int64_t, engine::Constraints>> changes;
    while (select.step()) {
        engine::Constraints c;
        c.maxParams = select.optionalReal(1);
        c.maxFlops = select.optionalReal(2);
        c.maxMac = select.optionalReal(3);
        c.maxLatencyMs = select.optionalReal(4);
        c.strength = select.real(5);
        c.minIntensity = select.optionalReal(6);
        changes.emplace_back(select.int64(0), c);
    }
    return changes;
}

// --- resume ----------------------------------------------------------------------------------

void RunStore::discardAfterEpoch(std::int64_t run, int epoch) { discardFrom(run, epoch + 1, 0); }

void RunStore::discardFrom(std::int64_t run, int epoch, std::int64_t step) {
    Transaction transaction(*m_db);
    touch(run);
    // Step-level rows of the continued epoch that precede the resume point stay.
    for (const char* table : {"steps", "alpha_snapshots"}) {
        Statement remove(*m_db,
                         std::string("DELETE FROM ") + table +
                             " WHERE run_id = ? AND (epoch > ? OR (epoch = ? AND step >= ?))");
        remove.bind(1, run).bind(2, epoch).bind(3, epoch).bind(4, step).run();
    }
    // step_scalars has no epoch: it follows the steps that remain.
    Statement removeScalars(*m_db,
                            "DELETE FROM step_scalars WHERE run_id = ? AND step NOT IN "
                            "(SELECT step FROM steps WHERE run_id = ?)");
    removeScalars.bind(1, run).bind(2, run).run();
    // A sample's tensors go with it (ON DELETE CASCADE).
    for (const char* table : {"epochs", "samples", "checkpoints"}) {
        Statement remove(*m_db,
                         std::string("DELETE FROM ") + table + " WHERE run_id = ? AND epoch >= ?");
        remove.bind(1, run).bind(2, epoch).run();
    }
    transaction.commit();
}

}  // namespace nas::store
