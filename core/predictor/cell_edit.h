#pragma once
// One edit of an architecture, as the studio's predictor panel makes them: an edge of a cell
// changes its op or the state it reads. Torch-free: the panel checks edits before it asks the
// predictor.
#include <optional>
#include <string>
#include <vector>

#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::predictor {

struct EdgeEdit {
    bool reduction = false;         // which cell: the reduction cell, or the normal one
    int edge = 0;                   // index into that cell's edges
    std::optional<std::string> op;  // the edge's new op, if it changes
    std::optional<int> from;        // the edge's new input state, if it changes
};

// The ops an edit may give an edge of the normal or reduction cell: the space's ops of that cell
// type but 'none' (the predictor's cells keep two edges per node, as the sampler draws them).
[[nodiscard]] std::vector<std::string> editableOps(const space::SpaceConfig& space, bool reduction);
// The states an edge into node `to` may read: 0 to to + 1.
[[nodiscard]] std::vector<int> editableInputs(int to);

// `genotype` with `edit` applied. Throws std::invalid_argument naming the problem when the result
// would not be an architecture of `space` the predictor takes (checkArchitecture), or when it would
// give a node two edges from one state; `genotype` itself is never changed.
[[nodiscard]] space::Genotype applyEdgeEdit(const space::Genotype& genotype, const EdgeEdit& edit,
                                            const space::SpaceConfig& space);

}  // namespace nas::predictor
