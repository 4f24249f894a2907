#pragma once
// Scores one architecture of the cell space with the supernet's shared weights: accuracy and loss
// of its sub-network on given batches. Random search's selection uses it; so can any strategy that
// ranks sampled architectures (a predictor's training targets, a controller's reward).
#include <torch/types.h>

#include <functional>
#include <string>
#include <vector>

#include "data/tensor_data.h"
#include "space/genotype.h"
#include "space/supernet.h"

namespace nas::search {

// How batch norm normalises while a sub-network is scored. The supernet's BN layers have no affine
// parameters but keep running means and variances, updated by every training-mode forward of the
// ops on the path that step trained.
enum class BnMode {
    Eval,         // running statistics, as a trained network runs (Li & Talwalkar's evaluate())
    Recalibrate,  // running statistics recomputed for this sub-network on a few training batches
    Batch,        // the scored batch's own statistics (training-mode BN)
};
[[nodiscard]] BnMode bnModeFromName(const std::string& name);  // eval | recalibrate | batch
[[nodiscard]] std::string toString(BnMode mode);

// Batches by index 0 .. count-1.
struct BatchSource {
    std::function<data::Batch(int)> at;
    int count = 0;
};

struct Evaluation {
    double loss = 0;      // mean cross-entropy per sample
    double accuracy = 0;  // fraction right
    std::int64_t samples = 0;
};

// Mixing that computes only `cell`'s ops, weight 1 each: the sub-network of a genotype.
[[nodiscard]] space::EdgeMixing genotypeMixing(const space::CellGenotype& cell,
                                               const std::vector<std::string>& ops,
                                               const space::SpaceConfig& space,
                                               torch::Device device);

class SubnetEvaluator {
  public:
    // `calibration` feeds BnMode::Recalibrate (its first `calibrationBatches` batches); other modes
    // ignore it. Scoring leaves the supernet as it found it: training mode and BN statistics.
    SubnetEvaluator(space::Supernet supernet, torch::Device device, BnMode mode,
                    BatchSource calibration = {}, int calibrationBatches = 0);

    // Batches first, first+1, ... of `source` (`count` of them, wrapping around its end).
    [[nodiscard]] Evaluation evaluate(const space::Genotype& genotype, const BatchSource& source,
                                      int first, int count);
    // Every batch of `source`.
    [[nodiscard]] Evaluation evaluateAll(const space::Genotype& genotype,
                                         const BatchSource& source) {
        return evaluate(genotype, source, 0, source.count);
    }
    [[nodiscard]] BnMode mode() const { return m_mode; }

  private:
    void recalibrate(const space::EdgeMixing& normal, const space::EdgeMixing& reduce);

    space::Supernet m_supernet;
    torch::Device m_device;
    BnMode m_mode;
    BatchSource m_calibration;
    int m_calibrationBatches;
};

}  // namespace nas::search
