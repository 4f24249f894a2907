#include "engine/run_recorder.h"

#include <filesystem>

#include "engine/checkpoint_files.h"
#include "engine/hidden_state_window.h"
#include "engine/workspace.h"
#include "store/run_store.h"
#include "util/atomic_file.h"

namespace nas::engine {
namespace {

class StoreRecorder final : public RunRecorder {
  public:
    StoreRecorder(store::RunStore& store, const Workspace& workspace, std::int64_t runId)
        : m_store(store), m_workspace(workspace), m_runId(runId) {}

    void recordSteps(const std::vector<StepEvent>& steps) override {
        m_store.recordSteps(m_runId, steps);
    }
    void recordAlphas(const AlphaSnapshot& snapshot) override {
        m_store.recordAlphas(m_runId, snapshot);
    }
    void setStatus(RunStatus status, const std::string& message) override {
        m_store.setStatus(m_runId, status, message);
    }
    void recordConstraintChange(std::int64_t step, const Constraints& constraints) override {
        m_store.recordConstraintChange(m_runId, step, constraints);
    }

    void checkpoint(const CheckpointPosition& position, const search::SearchStrategy& strategy,
                    const EpochRecord* epoch) override {
        // A new file each time; the store switches to it in the same transaction as the rows it
        // goes with, and only then is the previous file removed.
        const auto runFolder = m_workspace.runFolder(m_runId);
        const auto name = checkpointFileName(position.globalStep);
        saveCheckpoint((std::filesystem::path(runFolder) / name).string(), strategy, position);
        m_store.atomically([&] {
            if (epoch) {
                if (!epoch->samples.empty()) m_store.recordSamples(m_runId, epoch->samples);
                m_store.recordEpoch(m_runId, epoch->metrics);
                // None in a space without op distributions.
                if (!epoch->alphas.normal.ops.empty()) m_store.recordAlphas(m_runId, epoch->alphas);
            }
            // The store names the last completed epoch the checkpoint contains.
            m_store.recordCheckpoint(m_runId, position.epoch - 1, name);
        });
        removeOtherCheckpoints(runFolder, name);
        if (epoch && !epoch->hiddenStateStudy.empty())
            util::writeTextAtomically(
                (std::filesystem::path(runFolder) / kHiddenStateStudyFile).string(),
                epoch->hiddenStateStudy + "\n");
    }

  private:
    store::RunStore& m_store;
    const Workspace& m_workspace;
    std::int64_t m_runId;
};

class SilentRecorder final : public RunRecorder {
  public:
    void recordSteps(const std::vector<StepEvent>&) override {}
    void recordAlphas(const AlphaSnapshot&) override {}
    void setStatus(RunStatus, const std::string&) override {}
    void recordConstraintChange(std::int64_t, const Constraints&) override {}
    void checkpoint(const CheckpointPosition&, const search::SearchStrategy&,
                    const EpochRecord*) override {}
};

}  // namespace

std::unique_ptr<RunRecorder> storeRecorder(store::RunStore& store, const Workspace& workspace,
                                           std::int64_t runId) {
    return std::make_unique<StoreRecorder>(store, workspace, runId);
}

std::unique_ptr<RunRecorder> silentRecorder() { return std::make_unique<SilentRecorder>(); }

}  // namespace nas::engine
