#pragma once
// A cell architecture as one flat one-hot vector, for the MLP baseline. Torch-free.
//
// Per cell (normal, then reduction), per intermediate node, two edge slots in (from, op) order as
// in the graph encoding; each slot is a one-hot of its source state (0 .. nodes) followed by a
// one-hot of its op in that cell type's op list. An unused slot is all zeros.
#include <vector>

#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::predictor {

class FlatEncoding final {
  public:
    explicit FlatEncoding(const space::SpaceConfig& space);
    [[nodiscard]] int size() const;
    // Throws std::invalid_argument naming the problem (checkArchitecture).
    [[nodiscard]] std::vector<float> encode(const space::Genotype& genotype) const;

  private:
    [[nodiscard]] int slotSize(bool reduction) const;
    void encodeCell(const space::CellGenotype& cell, bool reduction, float* out) const;

    space::SpaceConfig m_space;
};

}  // namespace nas::predictor
