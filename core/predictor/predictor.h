#pragma once
// A performance predictor over a cell space: fitted to architectures' (supernet) scores, it then
// predicts any architecture's score with an uncertainty. Two models behind one interface: the GCN
// of METHODS.md (graph_encoding.h) and an MLP baseline on the flat one-hot encoding
// (flat_encoding.h), each an ensemble of members trained from different seeds.
//
// Torch-free header (the model lives behind a pimpl), so the studio's panels can hold one. Runs on
// the CPU: the graphs have a couple of dozen nodes, too small for a GPU to pay off.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::predictor {

enum class PredictorModel { Gcn, Mlp };
[[nodiscard]] std::string toString(PredictorModel model);                      // "gcn" | "mlp"
[[nodiscard]] PredictorModel predictorModelFromName(const std::string& name);  // throws

// Defaults: NASLib's GCN predictor (METHODS.md, GCN predictor).
struct PredictorOptions {
    PredictorModel model = PredictorModel::Gcn;
    int members = 3;  // ensemble size; the spread of their predictions is the uncertainty
    int epochs = 300;
    int batchSize = 32;
    double learningRate = 1e-4;  // Adam, cosine-annealed to 0 over the epochs
    double weightDecay = 3e-4;
    double dropout = 0.1;
    int gcnLayers = 4;
    int gcnWidth = 144;
    int headWidth = 128;  // the GCN's hidden fully connected layer
    int mlpLayers = 3;
    int mlpWidth = 128;
    std::uint64_t seed = 0;  // member m starts from seed + m
};

// Architectures and their scores (accuracy as a fraction, or any score where higher is better).
struct TrainingSet {
    std::vector<space::Genotype> genotypes;
    std::vector<double> scores;
};

// What a fitted predictor was fitted on, saved with it.
struct TrainingSummary {
    int count = 0;
    double scoreMean = 0;  // targets are standardised with these two
    double scoreStd = 1;
    double scoreMin = 0;
    double scoreMax = 0;
    std::string description;  // where the scores came from (set by the caller)
    // Held-out figures of this fit, when the caller measured them.
    std::optional<int> heldOutCount;
    std::optional<double> heldOutSpearman;
    std::optional<double> heldOutKendall;
};

struct FitProgress {
    int member = 0;  // 0-based
    int members = 0;
    int epoch = 0;  // epochs done by this member (1 .. epochs)
    int epochs = 0;
    double trainLoss = 0;  // mean squared error on standardised scores over the epoch
    // Spearman's rho of this member on the held-out set, when one is given (NaN if undefined).
    std::optional<double> heldOutSpearman;
};
using FitProgressCallback = std::function<void(const FitProgress&)>;

struct Prediction {
    double mean = 0;  // in the scores' units
    double std = 0;   // spread of the members' predictions (0 with one member)
};

class Predictor final {
  public:
    // An unfitted predictor for architectures of `space` (its nodes and op lists matter).
    explicit Predictor(const space::SpaceConfig& space);
    ~Predictor();
    Predictor(Predictor&&) noexcept;
    Predictor& operator=(Predictor&&) noexcept;

    // Fits a fresh ensemble to `data` (at least 2 architectures; std::invalid_argument otherwise,
    // or naming an architecture outside the space). `progress` is called every `reportEvery`
    // epochs of each member (0: about 20 times per member) and after its last. Returns false, with
    // the predictor as it was before, when `cancel` turned true. Leaves LibTorch's global random
    // generator as it found it.
    bool fit(const TrainingSet& data, const PredictorOptions& options,
             const FitProgressCallback& progress = {}, const std::atomic<bool>* cancel = nullptr,
             const TrainingSet* heldOut = nullptr, int reportEvery = 0);

    [[nodiscard]] bool fitted() const;
    // Throws std::logic_error when not fitted, std::invalid_argument naming the problem (and, for
    // several, the 0-based index of the architecture) for an architecture outside the space.
    [[nodiscard]] std::vector<Prediction> predict(
        const std::vector<space::Genotype>& genotypes) const;
    [[nodiscard]] Prediction predict(const space::Genotype& genotype) const;
    // Throws std::invalid_argument naming the problem when the predictor cannot take `genotype`.
    void check(const space::Genotype& genotype) const;

    [[nodiscard]] const space::SpaceConfig& space() const;
    [[nodiscard]] const PredictorOptions& options() const;
    [[nodiscard]] const TrainingSummary& summary() const;
    [[nodiscard]] TrainingSummary& summary();
    [[nodiscard]] int encodingVersion() const;

    // One file: every member's weights, the encoding version, the space's ops, the options and the
    // training summary; written atomically. Throws std::logic_error when not fitted,
    // std::runtime_error naming the file when it cannot be written.
    void save(const std::string& path) const;
    // Throws std::runtime_error naming the file when it is missing, unreadable, not a predictor or
    // of another encoding version.
    [[nodiscard]] static Predictor load(const std::string& path);

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The file a run folder keeps a fitted predictor of `model` in: "predictor-gcn.pt".
[[nodiscard]] std::string predictorFileName(PredictorModel model);

}  // namespace nas::predictor
