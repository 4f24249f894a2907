#include "search/enas/controller_probe.h"

#include <stdexcept>

#include "engine/checkpoint.h"
#include "search/enas/enas.h"
#include "space/op_catalogue.h"
#include "space/uniform_cell.h"

namespace nas::search::enas {
ProbeArchitectures probeController(const engine::SearchConfig& config,
                                   const std::string& checkpoint,
                                   const std::vector<std::vector<int>>& storedDecisions, int count,
                                   std::uint64_t seed) {
    if (count < 2) throw std::invalid_argument("the probe needs at least 2 architectures per set");
    if (storedDecisions.size() < static_cast<size_t>(count))
        throw std::runtime_error("the run has " + std::to_string(storedDecisions.size()) +
                                 " samples with their decisions; the probe needs " +
                                 std::to_string(count));
    EnasStrategy strategy(config, torch::kCPU);
    try {
        (void)engine::loadCheckpoint(checkpoint, strategy, torch::kCPU);
    } catch (const std::exception& e) {
        throw std::runtime_error("checkpoint '" + checkpoint +
                                 "' holds no ENAS controller this config fits: " + e.what());
    }
    auto& controller = strategy.controller();
    torch::NoGradGuard noGrad;
    std::mt19937_64 rng(seed);
    ProbeArchitectures probe;
    const auto first = storedDecisions.end() - count;
    const auto fixed = controller->replay(storedDecisions.back()).end;
    for (int i = 0; i < count; ++i)
        probe.sameState.push_back(
            controller->genotypeOf(controller->sample(rng, &fixed).decisions));
    for (auto it = first; it != storedDecisions.end(); ++it) {
        const auto start = controller->replay(*it).end;
        probe.differentStates.push_back(
            controller->genotypeOf(controller->sample(rng, &start).decisions));
    }
    for (int i = 0; i < count; ++i)
        probe.uniform.push_back(
            {space::sampleUniformCell(space::withoutNone(config.space.normalOps),
                                      config.space.nodes, rng),
             space::sampleUniformCell(space::withoutNone(config.space.reduceOps),
                                      config.space.nodes, rng)});
    return probe;
}

}  // namespace nas::search::enas
