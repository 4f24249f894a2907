#pragma once
// Uniform samples of a cell space's architectures, for a predictor's training set and its candidate
// pools. Torch-free and seeded: the same space and seed give the same architectures everywhere.
//
// The space's rules as random search samples them (space/uniform_cell.h): each intermediate node
// takes two distinct earlier states, each through any op of its cell type but 'none' (so every
// node keeps both edges: the DARTS form the encodings hold), and every intermediate node is
// concatenated.
#include <cstdint>
#include <random>
#include <vector>

#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::predictor {

class ArchitectureSampler final {
  public:
    // Throws std::invalid_argument when a cell type has no op but 'none'.
    ArchitectureSampler(const space::SpaceConfig& space, std::uint64_t seed);
    [[nodiscard]] space::Genotype sample();
    // `count` architectures, no two alike, unless the space holds fewer: then as many as a
    // bounded number of draws finds.
    [[nodiscard]] std::vector<space::Genotype> sampleDistinct(int count);

  private:
    [[nodiscard]] space::CellGenotype sampleCell(const std::vector<std::string>& ops);

    space::SpaceConfig m_space;
    std::vector<std::string> m_normalOps;  // the ops a sample may use: all but 'none'
    std::vector<std::string> m_reduceOps;
    std::mt19937_64 m_rng;
};

}  // namespace nas::predictor
