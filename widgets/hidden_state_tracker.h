#pragma once
// What the hidden-state views draw, as plain data, and the bookkeeping that makes it: a
// HiddenStateStudy over the last samples, with each sample's architecture, reward, cost and epoch
// kept beside it for the PCA map. Torch-free and Qt-free: the studio's study worker runs it off
// the GUI thread, the tests run it directly.
#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "engine/events.h"
#include "space/genotype.h"
#include "space/space_config.h"
#include "study/hidden_state_study.h"

namespace nas::widgets {

// One sample of the study's window, as the map draws it.
struct HiddenStatePoint {
    space::Genotype architecture;
    std::int64_t step = 0;
    int epoch = 0;
    double reward = 0;  // the controller's reward where the sample has one, else its score
    std::optional<double> params;      // of the derived network (unknown without the space)
    std::array<double, 2> position{};  // on the first two principal components
};

struct HiddenStateSnapshot {
    study::StudyResult result;
    std::vector<study::PairMeasures> pairs;  // in the order the result correlates them
    std::vector<HiddenStatePoint> points;    // oldest first
    std::array<double, 2> variance{};        // along each component
    double totalVariance = 0;
};

// Skip connections in both cells (a collapsing controller piles them up).
[[nodiscard]] int skipConnections(const space::Genotype& genotype);

// A named metric of a sample record (ENAS: "reward", "baseline", "entropy", "reconstruction").
[[nodiscard]] std::optional<double> sampleMetric(const engine::SampleRecord& record,
                                                 const std::string& name);
// The reward a sample record carries: its "reward" metric, else its score.
[[nodiscard]] double sampleReward(const engine::SampleRecord& record);
// Whether the strategy scored this sample to pick an epoch's architecture (ENAS's "derive").
[[nodiscard]] bool isDeriveSample(const engine::SampleRecord& record);
// Whether the record carries a hidden state the study can use.
[[nodiscard]] bool hasHiddenState(const engine::SampleRecord& record);

class HiddenStateTracker final {
  public:
    // `space` prices each architecture (the params colouring); without it params stay unknown.
    explicit HiddenStateTracker(study::StudyOptions options = {},
                                std::optional<space::SpaceConfig> space = std::nullopt);

    // Adds the sample to the window; false (and nothing changed) when it has no hidden state,
    // no cell genotype, or a state of another size than the window's.
    bool add(const engine::SampleRecord& record);
    [[nodiscard]] HiddenStateSnapshot snapshot() const;
    [[nodiscard]] int samples() const { return static_cast<int>(m_points.size()); }
    [[nodiscard]] int window() const { return m_study.options().window; }

  private:
    study::HiddenStateStudy m_study;
    std::optional<space::SpaceConfig> m_space;
    std::deque<HiddenStatePoint> m_points;  // the window's samples, as m_study holds them
    std::deque<std::vector<float>> m_states;
};

// The last `window` records that carry a hidden state, in order: all a study of the window needs
// (older ones would only leave it again).
[[nodiscard]] std::vector<engine::SampleRecord> lastStudied(
    const std::vector<engine::SampleRecord>& records, int window);

}  // namespace nas::widgets
