#pragma once
// The hidden-state study as a run goes: the last samples that carry a controller hidden state,
// studied after each epoch (study/hidden_state_study.h) so that the run's folder holds the study as
// it stood and the terminal shows it. Torch-free.
#include <deque>
#include <string>
#include <vector>

#include "engine/events.h"
#include "study/hidden_state_study.h"

namespace nas::engine {

class HiddenStateWindow {
  public:
    explicit HiddenStateWindow(study::StudyOptions options = {}) : m_options(options) {}
    // Keeps those of `samples` that have a hidden state; older ones leave the window.
    void add(const std::vector<SampleRecord>& samples);
    // Enough samples for every pair measure to be correlated.
    [[nodiscard]] bool ready() const { return m_samples.size() >= 3; }
    [[nodiscard]] study::StudyResult study() const;

  private:
    study::StudyOptions m_options;
    std::deque<study::StudySample> m_samples;
};

// "hidden-state study, last 100 samples: Spearman with ged +0.05 [-0.01, +0.11], ..."
[[nodiscard]] std::string studySummary(const study::StudyResult& result);

// The file in a run's folder that holds the study after the last finished epoch.
inline constexpr const char* kHiddenStateStudyFile = "hidden-state-study.json";

}  // namespace nas::engine
