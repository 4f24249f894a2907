#include "app/studio/engine_bridge.h"

#include <QMetaObject>
#include <algorithm>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "engine/error_text.h"
#include "util/freed_memory.h"

namespace nas::studio {
namespace {

// On a busy machine the search's threads would compete with the GUI thread on equal terms and
// the window would stutter. On Linux the nice value is per thread and inherited by threads it
// creates (LibTorch's intra-op pool starts on the engine thread), so lowering it here makes the
// whole search yield to the GUI without slowing it on an idle machine.
void yieldToTheGui() {
#if defined(__linux__)
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    const int current = getpriority(PRIO_PROCESS, thread);
    (void)setpriority(PRIO_PROCESS, thread, std::min(current + 5, 19));  // best effort
#endif
}

}  // namespace

// The engine's view of the bridge: every callback runs on the worker thread and only copies.
class EngineBridge::Observer final : public engine::SearchObserver {
  public:
    explicit Observer(EngineBridge& bridge) : m_bridge(bridge) {}

    void onStarted(std::int64_t runId, const engine::SearchConfig& config,
                   int startEpoch) override {
        m_bridge.m_reports.post([&](EngineBatch& b) {
            b.started = RunStart{runId, config, startEpoch};
        });
        const std::lock_guard<std::mutex> lock(m_bridge.m_mutex);
        m_bridge.m_runId = runId;
    }
    void onStep(const engine::StepEvent& event) override {
        m_bridge.m_reports.post([&](EngineBatch& b) { b.steps.push_back(event); });
    }
    void onAlphas(const engine::AlphaSnapshot& snapshot) override {
        m_bridge.m_reports.post([&](EngineBatch& b) { b.alphas.push_back(snapshot); });
    }
    void onEpoch(const engine::EpochMetrics& metrics) override {
        m_bridge.m_reports.post([&](EngineBatch& b) { b.epochs.push_back(metrics); });
    }
    void onSamples(const std::vector<engine::SampleRecord>& samples) override {
        m_bridge.m_reports.post([&](EngineBatch& b) {
            b.samples.insert(b.samples.end(), samples.begin(), samples.end());
        });
    }
    void onStatus(engine::RunStatus status, const std::string& message) override {
        m_bridge.m_reports.post([&](EngineBatch& b) { b.statuses.emplace_back(status, message); });
    }
    void onLog(const std::string& line) override {
        m_bridge.m_reports.post([&](EngineBatch& b) { b.logs.push_back(line); });
    }
    void onConstraints(std::int64_t step, const engine::Constraints& constraints) override {
        m_bridge.m_reports.post(
            [&](EngineBatch& b) { b.constraintChanges.emplace_back(step, constraints); });
    }
    void onConstraintsRefused(const std::vector<std::string>& problems) override {
        m_bridge.m_reports.post([&](EngineBatch& b) { b.refusedConstraints.push_back(problems); });
    }
    void onPhase(engine::SearchPhase phase) override {
        m_bridge.m_reports.post([&](EngineBatch& b) { b.phases.push_back(phase); });
    }

  private:
    EngineBridge& m_bridge;
};

EngineBridge::EngineBridge(QObject* parent)
    : QObject(parent),
      m_control(std::make_unique<engine::SearchControl>()),
      m_observer(std::make_unique<Observer>(*this)),
      m_reports(this, kDefaultFlushMs, [this](EngineBatch batch) { deliver(std::move(batch)); }) {}

EngineBridge::~EngineBridge() {
    if (m_worker.isRunning()) {
        m_control->requestStop();
        m_worker.join();
    }
}

void EngineBridge::deliver(EngineBatch batch) {
    for (const auto& [status, message] : batch.statuses) {
        const bool paused = status == engine::RunStatus::Paused;
        if (paused) m_pausing = false;  // the request took effect
        if (paused != m_paused) {
            m_paused = paused;
            emit pausedChanged(paused);
        }
    }
    ++m_flushes;
    emit batchReady(batch);
}

bool EngineBridge::launch(
    std::function<engine::SearchOutcome(engine::SearchObserver&, engine::SearchControl&)> body) {
    if (m_worker.isRunning()) return false;
    m_control = std::make_unique<engine::SearchControl>();  // fresh: no stale stop or pause
    m_reports.reset();
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_outcome.reset();
        m_runId.reset();
    }
    m_paused = false;
    m_pausing = false;
    engine::SearchControl* control = m_control.get();
    Observer* observer = m_observer.get();
    m_worker.start(
        [this, body = std::move(body), control, observer] {
            yieldToTheGui();
            engine::SearchOutcome outcome;
            try {
                outcome = body(*observer, *control);
            } catch (const std::exception& e) {
                // Construction errors (an unknown run, an unusable workspace) end up here.
                outcome.status = engine::RunStatus::Failed;
                outcome.message = engine::errorText(e);
            }
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_outcome = outcome;
        },
        [this] { workerDone(); });
    emit runningChanged(true);
    return true;
}

bool EngineBridge::startNew(const engine::SearchConfig& config, const QString& workspaceRoot) {
    const std::string root = workspaceRoot.toStdString();
    return launch([config, root](engine::SearchObserver& observer, engine::SearchControl& control) {
        engine::SearchSession session(config, root);
        return session.run(observer, control);
    });
}

bool EngineBridge::startResume(std::int64_t runId, const QString& workspaceRoot) {
    const std::string root = workspaceRoot.toStdString();
    return launch([runId, root](engine::SearchObserver& observer, engine::SearchControl& control) {
        engine::SearchSession session(runId, root);
        return session.run(observer, control);
    });
}

void EngineBridge::workerDone() {
    util::returnFreedMemory();  // what the finished search held
    m_reports.flush();          // the last reports before the outcome
    std::optional<engine::SearchOutcome> outcome;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        outcome = m_outcome;
    }
    const bool wasPausing = m_pausing;
    m_pausing = false;
    if (m_paused || wasPausing) {
        m_paused = false;
        emit pausedChanged(false);
    }
    emit runningChanged(false);
    if (outcome) emit finished(*outcome);
}

std::optional<std::int64_t> EngineBridge::runId() const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_runId;
}

void EngineBridge::requestPause() {
    if (!isRunning() || m_paused || m_pausing) return;
    m_control->requestPause();
    // The engine pauses at its next step boundary, which can be far off on a loaded machine:
    // the window shows the request at once.
    m_pausing = true;
    emit pausedChanged(false);
}
void EngineBridge::requestResume() {
    if (!isRunning()) return;
    m_control->requestResume();
    if (m_pausing) {
        // Taken back before the engine got to it.
        m_pausing = false;
        emit pausedChanged(false);
    }
}
void EngineBridge::requestStop() {
    if (isRunning()) m_control->requestStop();
}
bool EngineBridge::scoreArchitecture(const space::Genotype& genotype, int batches,
                                     std::function<void(const engine::SubnetScore&)> onAnswer) {
    if (!isRunning()) return false;
    m_control->post(
        [this, genotype, batches, onAnswer = std::move(onAnswer)](engine::LiveSearch& live) {
            const auto score = live.score(genotype, batches);
            // Queued to the GUI thread; the bridge joins the engine thread before it goes away.
            QMetaObject::invokeMethod(
                this, [onAnswer, score] { onAnswer(score); }, Qt::QueuedConnection);
        });
    return true;
}

void EngineBridge::requestCheckpoint() {
    if (isRunning()) m_control->requestCheckpoint();
}
void EngineBridge::setConstraints(const engine::Constraints& constraints) {
    if (isRunning()) m_control->setConstraints(constraints);
}

void EngineBridge::stopAndWait() {
    if (!m_worker.isRunning()) return;
    m_control->requestStop();  // also wakes a paused engine
    m_worker.join();
}

}  // namespace nas::studio
