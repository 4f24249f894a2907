#pragma once
// Shared-weight scores kept beside a run, so that fitting a second model, ranking a list again or
// re-scoring a candidate does not run the same sub-networks again. Torch-free header.
//
// A score holds for one checkpoint file as it is on disk (name, size, checksum) and one
// way of scoring (batches, batch-norm mode, calibration batches); scores made any other way are
// kept in their own section of the same file. The file is a cache: an unreadable one is ignored and
// replaced, never an error.
#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/search_config.h"
#include "predictor/shared_weight_scoring.h"
#include "space/genotype.h"

namespace nas::predictor {

// The file a run folder keeps its scores in: "shared-weight-scores.json".
[[nodiscard]] std::string scoreCacheFileName();

class ScoreCache final {
  public:
    // Reads the section of `path` for `checkpoint` scored with `scoring` (none yet: empty).
    ScoreCache(std::string path, const std::string& checkpoint, const SharedWeightScoring& scoring);
    [[nodiscard]] std::optional<double> find(const space::Genotype& genotype) const;
    void add(const space::Genotype& genotype, double score);
    [[nodiscard]] int size() const { return static_cast<int>(m_scores.size()); }
    // Writes the file atomically, other sections as they were. Throws std::runtime_error naming
    // the file when it cannot be written.
    void save() const;

  private:
    std::string m_path;
    std::string m_key;                       // the section: checkpoint identity and scoring
    std::map<std::string, double> m_scores;  // by the architecture's compact JSON
};

// scoreWithSharedWeights through the cache of `cachePath`: architectures scored before are not
// run again, the new scores are saved (also when cancelled midway, so a long scoring job resumes).
// `progress(done, total)` counts cached ones as done at once. nullopt when cancelled.
[[nodiscard]] std::optional<std::vector<double>> scoreWithCache(
    const engine::SearchConfig& config, const std::string& checkpoint,
    const std::vector<space::Genotype>& genotypes, const SharedWeightScoring& scoring,
    const std::string& cachePath, const std::function<void(int done, int total)>& progress = {},
    const std::atomic<bool>* cancel = nullptr);

}  // namespace nas::predictor
