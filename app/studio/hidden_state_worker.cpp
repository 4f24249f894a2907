#include "app/studio/hidden_state_worker.h"

namespace nas::studio {
namespace {

constexpr int kDeliveryIntervalMs = 40;
// A long batch shows its progress every so many samples (a snapshot costs a bootstrap).
constexpr int kSamplesPerSnapshot = 25;

}  // namespace

HiddenStateWorker::HiddenStateWorker(QObject* parent)
    : QObject(parent),
      m_tracker(std::make_unique<widgets::HiddenStateTracker>()),
      m_reports(this, kDeliveryIntervalMs,
                [this](Report report) { emit snapshotReady(*report.snapshot); }) {}

HiddenStateWorker::~HiddenStateWorker() { m_worker.requestCancel(); }

void HiddenStateWorker::reset(std::optional<space::SpaceConfig> space,
                              study::StudyOptions options) {
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.clear();
    }
    // The done-notice sees the cancel and neither delivers nor restarts.
    m_worker.requestCancel();
    m_worker.join();
    m_reports.reset();
    m_options = options;
    m_tracker = std::make_unique<widgets::HiddenStateTracker>(options, std::move(space));
}

void HiddenStateWorker::addSamples(const std::vector<engine::SampleRecord>& samples) {
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        for (const auto& record : samples)
            if (widgets::hasHiddenState(record)) m_queue.push_back(record);
    }
    startIfQueued();
}

bool HiddenStateWorker::isIdle() const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_queue.empty() && !m_worker.isRunning();
}

void HiddenStateWorker::startIfQueued() {
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_queue.empty()) return;
    }
    // A running worker takes the new samples in its next round; its done-notice restarts it if
    // they came after its last look.
    m_worker.start([this] { study(); },
                   [this] {
                       if (m_worker.cancelRequested()) return;
                       m_reports.flush();
                       startIfQueued();
                       if (isIdle()) emit idle();
                   });
}

void HiddenStateWorker::study() {
    for (;;) {
        std::vector<engine::SampleRecord> batch;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            batch.swap(m_queue);
        }
        if (batch.empty() || m_worker.cancelRequested()) return;
        // Samples older than the batch's last window would leave the window again unstudied.
        batch = widgets::lastStudied(batch, m_tracker->window());
        int sinceSnapshot = 0;
        for (const auto& record : batch) {
            if (m_worker.cancelRequested()) return;
            if (!m_tracker->add(record)) continue;
            if (++sinceSnapshot == kSamplesPerSnapshot) {
                postSnapshot();
                sinceSnapshot = 0;
            }
        }
        if (sinceSnapshot > 0) postSnapshot();
    }
}

void HiddenStateWorker::postSnapshot() {
    auto snapshot = m_tracker->snapshot();
    m_reports.post([&snapshot](Report& report) { report.snapshot = std::move(snapshot); });
}

}  // namespace nas::studio
