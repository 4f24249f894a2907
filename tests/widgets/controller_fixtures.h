#pragma once
// Controller samples for the hidden-state view tests: real cell genotypes with hidden states that
// partly encode them (so the study finds a real correlation), rewards, baselines and entropies.
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "engine/events.h"
#include "space/genotype.h"

namespace nas::widgets::fixtures {

inline const std::vector<std::string> kSampleOps{"sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3",
                                                 "max_pool_3x3", "skip_connect"};

// A 4-node cell: two edges into each node from earlier states, ops drawn from kSampleOps.
inline space::CellGenotype randomCell(std::mt19937& rng) {
    space::CellGenotype cell;
    for (int node = 2; node < 6; ++node)
        for (int k = 0; k < 2; ++k)
            cell.edges.push_back({kSampleOps[rng() % kSampleOps.size()],
                                  static_cast<int>(rng() % static_cast<unsigned>(node)), node});
    cell.concat = {2, 3, 4, 5};
    return cell;
}

// Sample `index` of `count`, epoch = index / perEpoch. Its hidden state (size 16) counts its ops
// per kind and cell, plus a little noise; every fourth is a "derive" sample without reward.
inline engine::SampleRecord controllerSample(int index, std::mt19937& rng, int perEpoch = 10,
                                             bool withHiddenState = true) {
    space::Genotype genotype;
    genotype.normal = randomCell(rng);
    genotype.reduce = randomCell(rng);
    engine::SampleRecord record;
    record.step = index;
    record.epoch = index / perEpoch;
    record.architecture = space::toJson(genotype).dump();
    record.score = 0.1 + 0.01 * static_cast<double>(rng() % 50);
    const bool derive = index % 4 == 3;
    if (derive) {
        record.metrics.push_back({"derive", 1.0});
    } else {
        record.metrics.push_back({"entropy", 10.0 - 0.01 * index});
        record.metrics.push_back({"reward", record.score + 0.001});
        record.metrics.push_back({"baseline", 0.1 + 0.001 * index});
    }
    if (withHiddenState) {
        std::vector<float> state(16, 0.0f);
        std::normal_distribution<float> noise(0.0f, 0.05f);
        for (float& v : state) v = noise(rng);
        for (const auto* cell : {&genotype.normal, &genotype.reduce})
            for (const auto& edge : cell->edges)
                for (std::size_t op = 0; op < kSampleOps.size(); ++op)
                    if (kSampleOps[op] == edge.op)
                        state[op + (cell == &genotype.reduce ? 8 : 0)] += 0.25f;
        record.tensors.push_back({"hidden_state", {16}, state});
    }
    return record;
}

inline std::vector<engine::SampleRecord> controllerSamples(int count, unsigned seed = 1,
                                                           bool withHiddenState = true) {
    std::mt19937 rng(seed);
    std::vector<engine::SampleRecord> records;
    for (int i = 0; i < count; ++i)
        records.push_back(controllerSample(i, rng, 10, withHiddenState));
    return records;
}

}  // namespace nas::widgets::fixtures
