#pragma once
// Everything a search needs, as read from JSON and validated whole before anything starts.
// Torch-free: the GUI's launch panel edits this struct and saves it as JSON.
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/events.h"
#include "engine/option_value.h"
#include "space/search_space.h"
#include "space/space_config.h"

namespace nas::engine {

// More threads than this is a typo, not a machine: each LibTorch thread takes a stack and a share
// of every op, and 100,000 of them stall the process.
inline constexpr int kMaxThreads = 1024;

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
    double validFraction = 0.5;  // share of the training images that trains the architecture
    bool augment = true;         // random crop and horizontal flip of training batches
    int syntheticCount = 1024;   // images in the synthetic training set
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

// How sub-networks are scored with the shared weights: the derived architecture's validation
// metrics each epoch, and the batches a sampling strategy's scores are drawn from.
struct EvaluationConfig {
    int batches = 64;   // validation batches behind each epoch's validation figures (at most all)
    int batchSize = 0;  // images per validation batch; 0: the search's batch_size
};

struct SearchConfig {
    std::string name;               // shown in run lists; empty: strategy + dataset
    std::string strategy = "snas";  // a registered strategy (search/registry/strategy_registry.h)
    DatasetConfig dataset;
    space::SpaceConfig space;  // input shape and classes are set from the dataset
    int epochs = 10;
    int batchSize = 64;
    int stepsPerEpoch = 0;  // 0: one pass over the weight-training half
    std::uint64_t seed = 2;
    std::string device = "auto";  // auto | cpu | cuda
    // On a GPU, deterministic kernels and no cuDNN autotuning, so that two runs of one seed (or a
    // killed and resumed one) match; slower. CPU runs are deterministic either way.
    bool deterministic = false;
    int threads = 0;            // LibTorch intra-op threads (0: all cores)
    double eventRateHz = 20.0;  // upper bound on progress events per second
    WeightOptimizerConfig weights;
    ArchOptimizerConfig arch;
    EvaluationConfig evaluation;
    // Each strategy's own section ("snas": {...}), the keys a config sets; the registry holds the
    // keys, their types and defaults, and reads them (realOption, wholeOption, ...).
    StrategyOptionValues strategyOptions;
    Constraints constraints;

    // Sets one strategy setting, as a config file's section would.
    void setOption(const std::string& section, const std::string& key, OptionValue value) {
        strategyOptions[section][key] = std::move(value);
    }
    void setOption(const std::string& section, const std::string& key, int value) {
        setOption(section, key, OptionValue(std::int64_t{value}));
    }
    void setOption(const std::string& section, const std::string& key, double value) {
        setOption(section, key, OptionValue(value));
    }
    void setOption(const std::string& section, const std::string& key, bool value) {
        setOption(section, key, OptionValue(value));
    }
    void setOption(const std::string& section, const std::string& key, const char* value) {
        setOption(section, key, OptionValue(std::string(value)));
    }
};

// Whether the config's strategy is single-level (its descriptor says so): weights and architecture
// then train on the same batches, every training image but a small monitor split.
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

// Limits no network of the search space `spaceName` (space/search_space.h) set up as `space` can
// meet (below what every one of them costs: a cell network's stem, cell inputs and classifier),
// one message per limit; empty when every limit can be met. Start and mid-run changes both go
// through this, so the GUI and the engine refuse with the same words.
[[nodiscard]] std::vector<std::string> constraintProblems(
    const space::SpaceConfig& space, const Constraints& constraints,
    const std::string& spaceName = space::kCellSpace);

// Input shape and class count of a dataset as the config names it.
[[nodiscard]] space::InputShape datasetInputShape(const DatasetConfig& dataset);
[[nodiscard]] std::string defaultDatasetPath(const std::string& name);

}  // namespace nas::engine
