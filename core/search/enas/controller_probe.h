#pragma once
// The "identical hidden state" probe of a trained ENAS controller (Adam & Lorraine): do
// architectures drawn from one controller state resemble each other more than architectures drawn
// from different states, or than uniform samples of the space? Torch-free header: the CLI calls it.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/search_config.h"
#include "space/genotype.h"

namespace nas::search::enas {

struct ProbeArchitectures {
    // `count` samples, all from the state the most recent stored sample ended in.
    std::vector<space::Genotype> sameState;
    // `count` samples, sample i from the state stored sample i ended in.
    std::vector<space::Genotype> differentStates;
    // `count` uniform samples of the space: two distinct inputs per node, any op but none.
    std::vector<space::Genotype> uniform;
};

// `config` is the run's; `checkpoint` holds its controller; `storedDecisions` are the decision
// sequences of the run's last samples (their "decisions" tensors), oldest first. Throws
// std::runtime_error naming the problem (no controller in the checkpoint, a malformed sequence).
[[nodiscard]] ProbeArchitectures probeController(
    const engine::SearchConfig& config, const std::string& checkpoint,
    const std::vector<std::vector<int>>& storedDecisions, int count, std::uint64_t seed);

}  // namespace nas::search::enas
