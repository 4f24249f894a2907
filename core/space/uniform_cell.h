#pragma once
// Cells drawn uniformly from the DARTS cell space: random search's sampler, the controller probe's
// reference set, a predictor's training pool. Torch-free.
#include <random>
#include <string>
#include <vector>

#include "space/genotype.h"

namespace nas::space {

// Per intermediate node, two distinct inputs among the states before it and an op for each, drawn
// uniformly from `ops`; an edge that draws `none` is left out, as a genotype's string form does.
// Draws are raw engine outputs modulo small ranges, so a seed gives the same cells on every
// standard library.
[[nodiscard]] CellGenotype sampleUniformCell(const std::vector<std::string>& ops, int nodes,
                                             std::mt19937_64& rng);

}  // namespace nas::space
