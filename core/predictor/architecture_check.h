#pragma once
// Whether an architecture belongs to a cell space as the predictor encodes it. Torch-free.
#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::predictor {

// Throws std::invalid_argument naming the problem when `genotype` is not a cell architecture of
// `space` in the DARTS form the encodings hold: space::validate's checks, every op among the
// space's ops for its cell type, every edge into one of the space's nodes, at most two edges into
// a node, and concatenated states that exist.
void checkArchitecture(const space::Genotype& genotype, const space::SpaceConfig& space);

}  // namespace nas::predictor
