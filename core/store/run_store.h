#pragma once
// The workspace's SQLite run store: every run's config, status and everything it reported, so a
// finished or interrupted run can be reopened, replayed and resumed from the store alone.
// Torch- and Qt-free. One RunStore is used by one thread at a time; a second thread (the GUI
// beside the engine worker) opens its own: WAL mode lets readers run beside the writer.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/events.h"
#include "store/run_lock.h"
#include "store/sqlite_db.h"

namespace nas::store {

struct NewRun {
    std::string name, strategy, dataset, configJson, device, version;
    std::uint64_t seed = 0;
};

struct RunRecord {
    std::int64_t id = 0;
    std::string name, strategy, dataset, configJson, device, version, error;
    engine::RunStatus status = engine::RunStatus::Running;
    std::uint64_t seed = 0;
    std::string createdAt, updatedAt;         // ISO-8601 UTC, e.g. 2024-05-01T12:34:56.789Z
    int epochsDone = 0;                       // number of recorded epochs
    std::optional<double> bestValidAccuracy;  // highest over the recorded epochs
    std::optional<double> params;  // of the last epoch's derived genotype: the one the run delivers
};

struct CheckpointRecord {
    int epoch = 0;
    std::string path;
};

// A sampled cell architecture as a sample record: the genotype's stored JSON, its scores, and its
// hidden state (if any) as the tensor "hidden_state" of shape [n].
[[nodiscard]] engine::SampleRecord sampleOf(const engine::SampledArchitecture& architecture);

class RunStore final {
  public:
    // ReadWrite: opens or creates the database and its schema (WAL, busy timeout 5 s, foreign keys
    // on), then marks runs left 'running' or 'paused' by a process that is gone as 'interrupted'.
    // A store of an older schema (v1: sampled architectures in `architectures`) is upgraded in one
    // transaction; when the upgrade fails the file is left exactly as it was and StoreError says
    // why. ReadOnly (for commands that only read: a workspace on a read-only disk still lists,
    // shows and exports): writes nothing, reads a v1 store as it stands; runs left 'running' by a
    // dead writer read back as 'interrupted' without being marked.
    // A run's writer is known by its RunLock, which the system drops when the writer dies.
    // Throws StoreError naming the file and SQLite's message.
    explicit RunStore(const std::string& databasePath, Access access = Access::ReadWrite);
    ~RunStore();
    RunStore(const RunStore&) = delete;
    RunStore& operator=(const RunStore&) = delete;

    // A new run, status running, owned by this store (it holds the run's lock) until its status
    // leaves running and paused or the store is closed.
    [[nodiscard]] std::int64_t createRun(const NewRun& run);
    // Takes over a run (to resume it): this store takes its lock, status running. Refuses a run
    // whose lock another store or process holds: two resumes started together get it once.
    void claimRun(std::int64_t run);
    // A status other than running or paused also gives up the run's lock.
    void setStatus(std::int64_t run, engine::RunStatus status, const std::string& error = {});

    // Metrics, derived genotype (JSON and, where it has one, DARTS string) and cost, in one
    // transaction. Recording an epoch again replaces it.
    void recordEpoch(std::int64_t run, const engine::EpochMetrics& metrics);
    // One transaction per batch. Recording a step again replaces it, its scalars included.
    void recordSteps(std::int64_t run, const std::vector<engine::StepEvent>& steps);
    // One row per (cell, edge, op), plus the op names. A snapshot of the same step replaces it.
    void recordAlphas(std::int64_t run, const engine::AlphaSnapshot& snapshot);
    // Samples with their tensors and metrics, one transaction per batch. Tensors whose shape does
    // not match their value count are refused (StoreError), and nothing of the batch is kept.
    void recordSamples(std::int64_t run, const std::vector<engine::SampleRecord>& samples);
    // The cell-space view of samples: the genotype becomes the architecture JSON and a hidden
    // state the tensor "hidden_state" of shape [n].
    void recordArchitectures(std::int64_t run,
                             const std::vector<engine::SampledArchitecture>& architectures);
    // Recording the same epoch again replaces the path.
    void recordCheckpoint(std::int64_t run, int epoch, const std::string& path);
    void recordConstraintChange(std::int64_t run, std::int64_t step,
                                const engine::Constraints& constraints);

    // Before a resume continues after checkpoint epoch `epoch`: drops the later epochs, their
    // steps (with their scalars), alpha snapshots, samples and checkpoints, so a replay shows each
    // epoch once.
    // Constraint changes stay: they record what the user did, not what the search produced.
    // Before a resume continues at (epoch, step): drop epoch-level rows from `epoch` on and
    // step-level rows from `step` on, so a replay shows each epoch and step once.
    void discardFrom(std::int64_t run, int epoch, std::int64_t step);
    void discardAfterEpoch(std::int64_t run, int epoch);
    // Runs `work` (calls to the record functions above) as one transaction: the store holds all of
    // its rows or, when it throws or the process dies midway, none.
    void atomically(const std::function<void()>& work);
    // Every row of the run. Checkpoint files are the caller's to remove.
    void deleteRun(std::int64_t run);

    [[nodiscard]] std::vector<RunRecord> listRuns() const;  // newest first
    [[nodiscard]] std::optional<RunRecord> findRun(std::int64_t run) const;
    [[nodiscard]] std::vector<engine::EpochMetrics> epochs(std::int64_t run) const;  // by epoch
    [[nodiscard]] std::vector<engine::StepEvent> steps(std::int64_t run) const;      // by step
    [[nodiscard]] std::vector<engine::AlphaSnapshot> alphaSnapshots(std::int64_t run) const;
    // By step, then in recording order; tensors and metrics in the order they were recorded.
    [[nodiscard]] std::vector<engine::SampleRecord> samples(std::int64_t run) const;
    // samples() as genotypes; throws StoreError for a sample whose architecture is no genotype.
    [[nodiscard]] std::vector<engine::SampledArchitecture> architectures(std::int64_t run) const;
    [[nodiscard]] std::vector<std::pair<std::int64_t, engine::Constraints>> constraintChanges(
        std::int64_t run) const;
    [[nodiscard]] std::optional<CheckpointRecord> latestCheckpoint(std::int64_t run) const;
    [[nodiscard]] std::string path() const;
    [[nodiscard]] bool readOnly() const { return m_db->readOnly(); }

  private:
    [[nodiscard]] int schemaVersion() const;
    void createSchema();
    // Schema v1 -> v2 inside the caller's transaction: `architectures` rows become samples.
    void migrateV1ToV2();
    // True for a read-only store still at schema v1 (it cannot be upgraded): reads go to the v1
    // tables. Asked per read, as another process may upgrade the file while this store is open.
    [[nodiscard]] bool readsV1Tables() const;
    [[nodiscard]] std::vector<engine::SampleRecord> v1Samples(std::int64_t run) const;
    // Fills each step's scalars from step_scalars.
    void addStepScalars(std::int64_t run, std::vector<engine::StepEvent>& steps) const;
    void markOrphanedRunsInterrupted();
    // Bumps updated_at inside the caller's transaction; throws when the run does not exist.
    void touch(std::int64_t run);
    [[nodiscard]] std::vector<RunRecord> queryRuns(const std::string& where,
                                                   std::optional<std::int64_t> run) const;

    [[nodiscard]] std::string lockPath(std::int64_t run) const;

    std::unique_ptr<Database> m_db;
    std::map<std::int64_t, RunLock> m_locks;  // of the runs this store writes
};

}  // namespace nas::store
