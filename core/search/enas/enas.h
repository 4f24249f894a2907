#pragma once
#include <array>
#include <functional>
#include <optional>
#include <random>

#include "search/enas/controller.h"
#include "search/enas/memory_buffer.h"
#include "search/strategy.h"

namespace nas::search::enas {

// ENAS (Pham et al.) on the cell space, micro search. Each weight step trains the shared weights on
// one architecture the controller samples (only its ops computed). After each epoch the controller
// learns by REINFORCE: train_steps updates, each over num_aggregate samples whose reward is their
// accuracy on one validation batch plus an entropy bonus, against a moving-average baseline. Then
// derive_samples samples are scored and the best is the epoch's architecture. With the memory
// buffer on, each update also reconstructs earlier samples (teacher-forced cross-entropy).
struct EnasOptions {
    ControllerSettings controller;
    double entropyWeight = 0;
    double baselineDecay = 0;
    double lr = 0;
    int trainSteps = 0;
    int numAggregate = 0;
    int deriveSamples = 0;
    int deriveBatches = 0;
    std::string bnMode;
    bool buffer = false;
    int bufferStartEpoch = 0;
    int bufferCapacity = 0;
    int bufferLossStartEpoch = 0;
    int bufferBatch = 0;
    double bufferWeight = 0;
    static EnasOptions read(const engine::SearchConfig& config);
};

class EnasStrategy final : public CellSearchStrategy {
  public:
    EnasStrategy(const engine::SearchConfig& config, torch::Device device);
    [[nodiscard]] std::string name() const override { return "enas"; }
    void beginEpoch(int epoch) override;
    StepResult step(const Batch& train, const Batch& valid) override;
    bool endEpoch(int epoch, EpochScoring& scoring) override;
    [[nodiscard]] ScoringSettings scoringSettings() const override {
        return {bnModeFromName(m_options.bnMode), 10};
    }
    // How often the controller's samples put each op on each edge (the none column: the edge not
    // chosen), over this epoch's samples so far, else the last epoch's.
    [[nodiscard]] torch::Tensor probabilities(bool reduction) const override;
    [[nodiscard]] space::Genotype derive() const override;
    [[nodiscard]] std::vector<engine::SampledArchitecture> takeSampled() override;
    void save(torch::serialize::OutputArchive& archive) const override;
    void load(torch::serialize::InputArchive& archive) override;

    [[nodiscard]] Controller& controller() { return m_controller; }
    [[nodiscard]] const MemoryBuffer& memoryBuffer() const { return m_buffer; }
    [[nodiscard]] double baseline() const { return m_baseline; }
    // Mean teacher-forced cross-entropy (nats per architecture) of `decisions` under the
    // controller.
    [[nodiscard]] double reconstructionLoss(const std::vector<std::vector<int>>& decisions);

    // One controller update: REINFORCE over num_aggregate samples whose accuracy `accuracyOf`
    // measures (plus the buffer's reconstruction loss when it is on). The samples join those
    // takeSampled() hands out.
    using AccuracyOf = std::function<double(const space::Genotype&)>;
    void updateController(int epoch, const AccuracyOf& accuracyOf);

  private:
    void count(const std::vector<int>& decisions);
    [[nodiscard]] engine::SampledArchitecture record(const ControllerPass& pass, int epoch,
                                                     double accuracy) const;

    EnasOptions m_options;
    Controller m_controller;
    std::unique_ptr<torch::optim::Adam> m_controllerOptimizer;
    std::mt19937_64 m_rng;
    double m_baseline = 0;
    MemoryBuffer m_buffer;
    std::optional<space::Genotype> m_chosen;
    std::int64_t m_batchCursor = 0;  // where the walk through the validation split goes on
    std::int64_t m_steps = 0;
    // Edge-op counts of sampled architectures per cell [edges, ops]: this epoch's (m_countEpoch),
    // and the last epoch's that had samples.
    std::array<torch::Tensor, 2> m_counts, m_lastCounts;
    std::int64_t m_countEpoch = -1;
    std::int64_t m_countSamples = 0;
    std::int64_t m_lastSamples = 0;
    std::vector<engine::SampledArchitecture> m_sampled;
};

}  // namespace nas::search::enas
