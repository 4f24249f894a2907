#pragma once
// The hidden-state study (Adam & Lorraine): over every pair of recent samples, does the distance
// between the controller's final hidden states follow how alike the two architectures are, or how
// alike their rewards? Torch-free; built pair by pair as samples arrive.
#include <cstdint>
#include <deque>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

#include "space/genotype.h"
#include "study/correlation.h"
#include "study/graph_measures.h"

namespace nas::study {

struct StudySample {
    space::Genotype architecture;
    double reward = 0;
    std::vector<float> hiddenState;  // the controller's state at the end of sampling
};

enum class HiddenDistance { L2, Cosine };
[[nodiscard]] std::string toString(HiddenDistance distance);  // "l2", "cosine"
// Throws std::invalid_argument naming the accepted words.
[[nodiscard]] HiddenDistance hiddenDistanceFromString(const std::string& text);

struct StudyOptions {
    int window = 100;  // the study covers the last `window` samples
    HiddenDistance distance = HiddenDistance::L2;
    BootstrapOptions bootstrap;  // of the Spearman interval
};

// What the study keeps of one pair of samples.
struct PairMeasures {
    double l2 = 0;      // Euclidean distance of the hidden states
    double cosine = 0;  // 1 - cosine similarity; 1 when either state is all zeros
    GraphMeasures graph;
    double rewardDifference = 0;  // |reward a - reward b|
};
// Throws std::invalid_argument when the hidden states differ in size.
[[nodiscard]] PairMeasures pairMeasures(const StudySample& a, const StudySample& b);

// The hidden-state distance against one measure over the window's pairs; NaN where undefined
// (fewer than 3 pairs, a measure constant over them; see correlation.h).
struct MeasureCorrelation {
    double spearman = 0;
    Interval spearmanCi;
    double pearson = 0;
    double kendall = 0;
};

struct StudyResult {
    int samples = 0;  // in the window
    int pairs = 0;
    HiddenDistance distance = HiddenDistance::L2;
    // In this order: "ged", "common_connections", "common_ops", "reward_difference".
    std::vector<std::pair<std::string, MeasureCorrelation>> measures;
};

// {"samples": N, "pairs": P, "distance": "l2", "measures": {"ged": {"spearman": r,
//  "spearman_ci": [lo, hi], "pearson": r, "kendall": tau}, "common_connections": {...},
//  "common_ops": {...}, "reward_difference": {...}}}; an undefined figure is null.
[[nodiscard]] nlohmann::json toJson(const StudyResult& result);

// The study kept up to date as samples arrive: add() measures only the new sample's pairs with the
// samples in the window (the pairs of the sample leaving it are dropped), result() correlates the
// kept pairs. Pairs are kept in a fixed order (by later sample, then earlier), so the result
// equals studyHiddenStates over the same window exactly, bootstrap interval included.
class HiddenStateStudy final {
  public:
    // Throws std::invalid_argument for a window below 1.
    explicit HiddenStateStudy(StudyOptions options = {});
    // Throws std::invalid_argument (and keeps nothing) for an empty hidden state or one whose size
    // differs from the window's samples.
    void add(StudySample sample);
    [[nodiscard]] StudyResult result() const;
    // The window's pairs in the order result() correlates them (a scatter plot draws them).
    [[nodiscard]] std::vector<PairMeasures> pairs() const;
    [[nodiscard]] int samples() const { return static_cast<int>(m_window.size()); }
    [[nodiscard]] const StudyOptions& options() const { return m_options; }

  private:
    struct Entry {
        StudySample sample;
        std::deque<PairMeasures>
            withEarlier;  // with each earlier sample of the window, oldest first
    };
    StudyOptions m_options;
    std::deque<Entry> m_window;
};

// The same study computed from scratch over the last options.window of `samples`.
[[nodiscard]] StudyResult studyHiddenStates(const std::vector<StudySample>& samples,
                                            const StudyOptions& options = {});

// Correlates the hidden-state distance of the pairs with each measure (what both of the above
// end in); `samples` is only reported.
[[nodiscard]] StudyResult correlatePairs(const std::vector<PairMeasures>& pairs, int samples,
                                         const StudyOptions& options);

}  // namespace nas::study
