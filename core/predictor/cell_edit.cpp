#include "predictor/cell_edit.h"

#include <algorithm>
#include <stdexcept>

#include "predictor/architecture_check.h"
#include "space/op_catalogue.h"
#include "util/joined.h"

namespace nas::predictor {

using util::joined;

std::vector<std::string> editableOps(const space::SpaceConfig& space, bool reduction) {
    return space::withoutNone(reduction ? space.reduceOps : space.normalOps);
}

std::vector<int> editableInputs(int to) {
    std::vector<int> states;
    for (int state = 0; state <= to + 1; ++state) states.push_back(state);
    return states;
}

space::Genotype applyEdgeEdit(const space::Genotype& genotype, const EdgeEdit& edit,
                              const space::SpaceConfig& space) {
    const std::string which = edit.reduction ? "reduce" : "normal";
    space::Genotype result = genotype;
    space::CellGenotype& cell = edit.reduction ? result.reduce : result.normal;
    if (edit.edge < 0 || edit.edge >= static_cast<int>(cell.edges.size()))
        throw std::invalid_argument(which + " cell: there is no edge " + std::to_string(edit.edge) +
                                    " (the cell has " + std::to_string(cell.edges.size()) + ")");
    space::GenotypeEdge& edge = cell.edges[static_cast<std::size_t>(edit.edge)];
    if (edit.op) {
        const auto ops = editableOps(space, edit.reduction);
        if (std::find(ops.begin(), ops.end(), *edit.op) == ops.end())
            throw std::invalid_argument(which + " cell: op '" + *edit.op +
                                        "' is not one the predictor's " + which + " cells take (" +
                                        joined(ops) + ")");
        edge.op = *edit.op;
    }
    if (edit.from) {
        const int from = *edit.from;
        if (from < 0 || from > edge.to + 1)
            throw std::invalid_argument(which + " cell: node " + std::to_string(edge.to) +
                                        " cannot read state " + std::to_string(from) +
                                        "; it reads an earlier state (0 to " +
                                        std::to_string(edge.to + 1) + ")");
        for (std::size_t i = 0; i < cell.edges.size(); ++i) {
            const auto& other = cell.edges[i];
            if (static_cast<int>(i) != edit.edge && other.to == edge.to && other.from == from)
                throw std::invalid_argument(which + " cell: node " + std::to_string(edge.to) +
                                            " already reads state " + std::to_string(from) +
                                            "; a node's two edges come from different states");
        }
        edge.from = from;
    }
    checkArchitecture(result, space);
    return result;
}

}  // namespace nas::predictor
