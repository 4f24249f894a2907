#pragma once
// What a running search reports. Plain, torch-free structs: they cross into the store, the
// terminal progress bar and the GUI (widgets/ include this header).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "space/cost_model.h"
#include "space/genotype.h"

namespace nas::engine {

// Probabilities of each candidate op on each edge of one cell type.
struct CellAlphas {
    std::vector<std::string> ops;            // candidate op names, column order
    std::vector<std::vector<double>> probs;  // [edge][op], rows sum to 1
};

struct AlphaSnapshot {
    std::int64_t step = 0;
    int epoch = 0;
    CellAlphas normal;
    CellAlphas reduce;
};

struct StepEvent {
    std::int64_t step = 0;  // global step, from 0
    int epoch = 0;          // from 0
    int stepInEpoch = 0;
    int stepsPerEpoch = 0;
    double loss = 0;
    double accuracy = 0;     // of this training batch, in [0, 1]
    double temperature = 0;  // SNAS Gumbel temperature; 0 where the strategy has none
    double secondsPerStep = 0;
    double etaSeconds = 0;  // to the end of the search
    // Strategy-specific named values of this step (a controller's reward, baseline, entropy...),
    // in the order the strategy reports them; empty for strategies that have none.
    std::vector<std::pair<std::string, double>> scalars;
};

struct EpochMetrics {
    int epoch = 0;
    double trainLoss = 0;
    double trainAccuracy = 0;
    double validLoss = 0;
    double validAccuracy = 0;
    double temperature = 0;
    double learningRate = 0;
    double seconds = 0;
    space::Genotype genotype;  // derived at the end of the epoch (cell-space strategies)
    // The derived architecture's JSON form (space/search_space.h) in a space other than the DARTS
    // cell, whose name the run's strategy gives; empty for cell-space runs (the genotype says it).
    std::string architecture;
    space::Cost cost;  // of the derived network
};

// One named tensor a sample carries (a controller's hidden state, an embedding...): float32
// values in row-major order; the product of `shape` is values.size().
struct SampleTensor {
    std::string name;
    std::vector<std::int64_t> shape;
    std::vector<float> values;
};

// An architecture of the cell space that a controller or sampler produced, with what it scored.
struct SampledArchitecture {
    std::int64_t step = 0;
    int epoch = 0;
    space::Genotype genotype;
    double score = 0;                   // accuracy measured with the shared weights
    std::optional<double> predicted;    // a predictor's estimate, where one ran
    std::vector<float> hiddenState;     // controller state at the end of sampling, where one exists
    std::vector<SampleTensor> tensors;  // more, e.g. the state at each decision; names unique
    std::vector<std::pair<std::string, double>> metrics;  // reward, baseline, ...; names unique
};

// An architecture a controller, sampler or evolution step produced, with what it scored. The
// architecture is its JSON text so that search spaces other than the DARTS cell fit; for the
// cell space it is the genotype JSON (space::toJson), empty when no genotype was derived.
struct SampleRecord {
    std::int64_t step = 0;
    int epoch = 0;
    std::string architecture;  // JSON text
    double score = 0;
    std::optional<double> predicted;                      // a predictor's estimate, where one ran
    std::vector<SampleTensor> tensors;                    // names unique within the sample
    std::vector<std::pair<std::string, double>> metrics;  // extra named scalars, names unique
};

// Resource limits on the derived network. An unset limit does not constrain.
struct Constraints {
    std::optional<double> maxParams;
    std::optional<double> maxFlops;
    std::optional<double> maxMac;
    std::optional<double> maxLatencyMs;
    // A floor on compute intensity, FLOPs per byte moved (4 bytes per element of memory access):
    // a limit of editing strategies (RENA).
    std::optional<double> minIntensity;
    double strength = 0;  // SNAS resource penalty weight (lambda)
    bool operator==(const Constraints& o) const {
        return maxParams == o.maxParams && maxFlops == o.maxFlops && maxMac == o.maxMac &&
               maxLatencyMs == o.maxLatencyMs && minIntensity == o.minIntensity &&
               strength == o.strength;
    }
    // Which limits `cost` breaks (latency is checked where it is measured).
    [[nodiscard]] std::vector<std::string> violations(const space::Cost& cost) const;
};

enum class RunStatus { Running, Paused, Finished, Stopped, Interrupted, Failed };
[[nodiscard]] std::string toString(RunStatus status);
[[nodiscard]] RunStatus runStatusFromString(const std::string& text);

}  // namespace nas::engine
