#pragma once
// Standalone PyTorch source of a derived network. Torch-free: it only writes Python text, so the
// CLI, the studio and the tests can export without linking LibTorch.
#include <string>

#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::exporting {

struct PyTorchSourceOptions {
    bool auxiliary = false;  // build the auxiliary head after cell 2*layers/3
    double dropPath = 0.2;   // drop-path probability of non-identity edges while training
    std::string className = "NasStudioNetwork";  // a Python identifier
};

// A standalone Python file (needs only torch) defining the derived (evaluation) network of
// `genotype` on `space`: stem, cells built from the genotype's explicit edge lists, global average
// pool and linear classifier, optionally the auxiliary head. Its parameter count equals
// nas::space::networkCost(genotype, space, options.auxiliary).params. Running the file builds the
// network, prints "parameters: N" and runs a forward pass on a random batch of the space's shape.
// Throws std::invalid_argument for an invalid genotype, a genotype this network cannot realise
// (a reduction cell concatenating an unreduced input) or a bad class name. Each cell type has its
// own concat width (NASNet: 5 and 3), and a SNAS-built genotype gets SNAS-Series' pools with
// BatchNorm.
[[nodiscard]] std::string pytorchSource(const space::Genotype& genotype,
                                        const space::SpaceConfig& space,
                                        const PyTorchSourceOptions& options);

}  // namespace nas::exporting
