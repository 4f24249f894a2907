#pragma once
// What a query may ask a running search. Queries run on the engine thread between two steps (or
// while it is paused), so they see the shared weights as they are and never race a step.
// Torch-free: the studio posts queries from the GUI thread.
#include <cstdint>
#include <functional>

#include "space/genotype.h"

namespace nas::engine {

struct SubnetScore {
    double loss = 0;
    double accuracy = 0;    // in [0, 1]
    int batches = 0;        // validation batches it was measured on
    std::int64_t step = 0;  // the global step the search runs next: the weights are those before it
};

class LiveSearch {
  public:
    virtual ~LiveSearch() = default;
    // `genotype`'s sub-network scored with the current shared weights on the first `batches`
    // validation batches (0: the config's evaluation.batches), batch norm on batch statistics.
    [[nodiscard]] virtual SubnetScore score(const space::Genotype& genotype, int batches) = 0;
};

using SearchQuery = std::function<void(LiveSearch&)>;

}  // namespace nas::engine
