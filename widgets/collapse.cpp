#include "widgets/collapse.h"

#include "space/op_catalogue.h"

namespace nas::widgets {

double parameterFreeFraction(const space::CellGenotype& cell) {
    if (cell.edges.empty()) return 0.0;
    int free = 0;
    for (const space::GenotypeEdge& edge : cell.edges) {
        // An op the catalogue does not know cannot be judged; count it as learnable.
        if (space::isKnownOp(edge.op) && space::isParameterFree(space::opKindFromName(edge.op)))
            ++free;
    }
    return static_cast<double>(free) / static_cast<double>(cell.edges.size());
}

bool isCollapsed(const space::CellGenotype& cell, double threshold) {
    return !cell.edges.empty() && parameterFreeFraction(cell) >= threshold;
}

}  // namespace nas::widgets
