#include "predictor/architecture_check.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "util/joined.h"

namespace nas::predictor {
namespace {

using util::joined;

void checkCell(const space::CellGenotype& cell, const std::vector<std::string>& ops, int nodes,
               const std::string& which) {
    std::vector<int> inDegree(static_cast<std::size_t>(nodes), 0);
    for (const auto& e : cell.edges) {
        if (std::find(ops.begin(), ops.end(), e.op) == ops.end())
            throw std::invalid_argument(which + " cell: op '" + e.op +
                                        "' is not one of the space's " + which + " ops (" +
                                        joined(ops) + ")");
        if (e.to >= nodes)
            throw std::invalid_argument(which + " cell: an edge goes into node " +
                                        std::to_string(e.to) + ", but the space's cells have " +
                                        std::to_string(nodes) + " nodes (0 to " +
                                        std::to_string(nodes - 1) + ")");
        // The encodings give each node two edge slots, as DARTS-form cells have.
        if (++inDegree[static_cast<std::size_t>(e.to)] > 2)
            throw std::invalid_argument(which + " cell: node " + std::to_string(e.to) +
                                        " has more than two incoming edges; the predictor "
                                        "encodes cells in the DARTS form (at most two per node)");
    }
    for (int state : cell.concat)
        if (state >= nodes + 2)
            throw std::invalid_argument(which + " cell: concat names state " +
                                        std::to_string(state) +
                                        ", but the space's cells have "
                                        "states 0 to " +
                                        std::to_string(nodes + 1));
}

}  // namespace

void checkArchitecture(const space::Genotype& genotype, const space::SpaceConfig& space) {
    space::validate(genotype);
    checkCell(genotype.normal, space.normalOps, space.nodes, "normal");
    checkCell(genotype.reduce, space.reduceOps, space.nodes, "reduce");
}

}  // namespace nas::predictor
