#pragma once
// Everything a search needs, as read from JSON and validated whole before anything starts.
// Torch-free: the GUI's launch panel edits this struct and saves it as JSON.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "engine/events.h"
#include "space/space_config.h"

namespace nas::engine {

// More threads than this is a typo, not a machine: each LibTorch thread takes a stack and a share of
// every op, and 100,000 of them stall the process.
inline constexpr int kMaxThreads = 1024;
// Bound on random.candidates and random.epoch_candidates: a typo is refused, not scored for days.
inline constexpr int kMaxRandomCandidates = 1000000;

// Lists every problem found, one per line, each naming the offending key.
class ConfigError : public std::runtime_error {
public:
    explicit ConfigError(const std::vector<std::string>& problems);
    [[nodiscard]] const std::vector<std::string>& problems() const { return m_problems; }

private:
    std::vector<std::string> m_problems;
};

struct DatasetConfig {
    std::string name = "fashion-mnist";  // fashion-mnist | cifar10 | synthetic
    std::string path;                    // empty: the default location of that dataset
    int trainLimit = 0;                  // use the first N training images (0: all)
    int testLimit = 0;                   // use the first N test images (0: all)
    double validFraction = 0.5;          // share of the training images that trains the architecture
    bool augment = true;                 // random crop and horizontal flip of training batches
    int syntheticCount = 1024;           // images in the synthetic training set
    space::InputShape syntheticShape{3, 16, 16};
};

struct WeightOptimizerConfig {
    double lr = 0.025;
    double lrMin = 0.001;
    double momentum = 0.9;
    double weightDecay = 3e-4;
    double gradClip = 5.0;
};

struct ArchOptimizerConfig {
    double lr = 3e-4;
    double beta1 = 0.5;
    double beta2 = 0.999;
    double weightDecay = 1e-3;
};

struct SnasConfig {
    double tau0 = 1.0;
    double tauMin = 0.03;
    std::string costForm = "log";  // log: mean of log costs; linear: weighted sum of costs
    // local (SNAS's code): a cost term per cell and edge, each edge's log cost on its own;
    // global (ours before): one log of the whole network's expected cost.
    std::string penaltyScope = "local";
    double archGradClip = 10.0;
    // Drop path on every edge's mixed output while searching (SNAS's train_search default).
    double dropPathProb = 0.3;
    // SNAS is single-level: weights and architecture train on every training image except these
    // many, held out (never trained on) for the validation metrics. 0: a tenth of the training
    // images, at most 1000 and at least one batch.
    int monitorSize = 0;
};

struct NaspConfig {
    double sizeEta = 0.0;  // model-size regulariser weight (off by default, as in NASP)
    // Share of the validation batch on which the architecture step evaluates the unchosen ops
    // (ours): 1 evaluates them on all of it, as NASP's code does; less estimates their alphas'
    // gradient, unbiased, from the first part of the (shuffled) batch, for a cheaper step.
    double inactiveBatchFraction = 1.0;
};

struct DartsConfig {
    int order = 1;  // first-order approximation
};

// Random search with weight sharing (Li & Talwalkar). The defaults are their code's.
struct RandomConfig {
    // Final selection, after the last epoch: `candidates` fresh samples scored with the shared
    // weights on `candidate_batches` validation batches each (each candidate on the next batches
    // of a walk through the split, as their validation iterator moves on), then the best `rerank`
    // scored again on the whole validation split; the best of those is the result.
    int candidates = 1000;
    int candidateBatches = 10;
    int rerank = 10;
    // Ours, for the live views: after every other epoch this many samples are scored the same way
    // and the best is that epoch's derived genotype (0: keep the previous one).
    int epochCandidates = 8;
    // Batch norm while scoring: eval (running statistics, their code), recalibrate (statistics
    // recomputed for each candidate on calibration_batches training batches) or batch.
    std::string bnMode = "eval";
    int calibrationBatches = 10;
    // Their sampler draws each edge's op from every op, none included (an edge that draws none
    // is left out); false draws from the other ops only.
    bool sampleNone = true;
};

struct SearchConfig {
    std::string name;                // shown in run lists; empty: strategy + dataset
    std::string strategy = "snas";   // snas | nasp | darts | random
    DatasetConfig dataset;
    space::SpaceConfig space;        // input shape and classes are set from the dataset
    int epochs = 10;
    int batchSize = 64;
    int stepsPerEpoch = 0;           // 0: one pass over the weight-training half
    std::uint64_t seed = 2;
    std::string device = "auto";     // auto | cpu | cuda
    int threads = 0;                 // LibTorch intra-op threads (0: all cores)
    double eventRateHz = 20.0;       // upper bound on progress events per second
    WeightOptimizerConfig weights;
    ArchOptimizerConfig arch;
    SnasConfig snas;
    NaspConfig nasp;
    DartsConfig darts;
    RandomConfig random;
    Constraints constraints;
};

// Single-level strategies (SNAS) train weights and architecture on the same batches: every training
// image but a small monitor split trains. The others keep DARTS's split into a weight half and an
// architecture half.
[[nodiscard]] bool isSingleLevel(const SearchConfig& config);

// Named SNAS resource-constraint strengths. Which lambda gave the paper's settings is not published
// with the code; these are ours, measured in the README.
[[nodiscard]] double snasPresetStrength(const std::string& preset);

[[nodiscard]] SearchConfig parseSearchConfig(const nlohmann::json& json);
[[nodiscard]] SearchConfig parseSearchConfigText(const std::string& text);
[[nodiscard]] SearchConfig loadSearchConfig(const std::string& path);
[[nodiscard]] nlohmann::json toJson(const SearchConfig& config);
[[nodiscard]] nlohmann::json toJson(const Constraints& constraints);
[[nodiscard]] Constraints constraintsFromJson(const nlohmann::json& json);

// Limits no network of `space` can meet (below what its stem, cell inputs and classifier already
// cost), one message per limit; empty when every limit can be met. Start and mid-run changes both
// go through this, so the GUI and the engine refuse with the same words.
[[nodiscard]] std::vector<std::string> constraintProblems(const space::SpaceConfig& space,
                                                          const Constraints& constraints);

// Input shape and class count of a dataset as the config names it.
[[nodiscard]] space::InputShape datasetInputShape(const DatasetConfig& dataset);
[[nodiscard]] std::string defaultDatasetPath(const std::string& name);

}  // namespace nas::engine
