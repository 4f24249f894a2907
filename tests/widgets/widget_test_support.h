#pragma once
// Data builders shared by the widget tests.
#include <cstdint>
#include <vector>

#include "engine/events.h"
#include "space/op_catalogue.h"

namespace nas::widgets::fixtures {

// A snapshot over the DARTS ops with `edges` edges per cell, where op (edge + step) % 8 has
// probability `peak` and the others share the rest.
inline engine::AlphaSnapshot makeSnapshot(std::int64_t step, int edges = 14, double peak = 0.65) {
    engine::AlphaSnapshot s;
    s.step = step;
    s.epoch = static_cast<int>(step / 10);
    for (engine::CellAlphas* cell : {&s.normal, &s.reduce}) {
        cell->ops = space::dartsOps();
        const auto n = cell->ops.size();
        for (int e = 0; e < edges; ++e) {
            std::vector<double> row(n, (1.0 - peak) / static_cast<double>(n - 1));
            row[static_cast<size_t>(e + step) % n] = peak;
            cell->probs.push_back(row);
        }
    }
    return s;
}

inline engine::StepEvent makeStep(std::int64_t step, int stepsPerEpoch = 10) {
    engine::StepEvent s;
    s.step = step;
    s.epoch = static_cast<int>(step / stepsPerEpoch);
    s.stepInEpoch = static_cast<int>(step % stepsPerEpoch);
    s.stepsPerEpoch = stepsPerEpoch;
    s.loss = 2.3 - 0.01 * static_cast<double>(step);
    s.accuracy = 0.1 + 0.005 * static_cast<double>(step);
    s.temperature = 1.0 - 0.01 * static_cast<double>(step);
    return s;
}

inline engine::EpochMetrics makeEpoch(int epoch, double params) {
    engine::EpochMetrics m;
    m.epoch = epoch;
    m.trainLoss = 2.0 - 0.1 * epoch;
    m.validLoss = 2.1 - 0.1 * epoch;
    m.trainAccuracy = 0.2 + 0.05 * epoch;
    m.validAccuracy = 0.18 + 0.05 * epoch;
    m.cost.params = params;
    m.cost.flops = params * 20;
    m.cost.mac = params * 3;
    return m;
}

}  // namespace nas::widgets::fixtures
