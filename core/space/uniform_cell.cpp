#include "space/uniform_cell.h"

#include <algorithm>
#include <stdexcept>

namespace nas::space {

CellGenotype sampleUniformCell(const std::vector<std::string>& ops, int nodes,
                               std::mt19937_64& rng) {
    if (ops.empty()) throw std::invalid_argument("a uniform cell needs at least one op to draw");
    auto pick = [&rng](size_t n) { return static_cast<size_t>(rng() % n); };
    CellGenotype cell;
    for (int node = 0; node < nodes; ++node) {
        const int states = node + 2;
        const int first = static_cast<int>(pick(static_cast<size_t>(states)));
        int second = static_cast<int>(pick(static_cast<size_t>(states - 1)));
        if (second >= first) ++second;
        for (int from : {std::min(first, second), std::max(first, second)}) {
            const auto& op = ops[pick(ops.size())];
            if (op != "none") cell.edges.push_back({op, from, node});
        }
        cell.concat.push_back(node + 2);
    }
    return cell;
}

}  // namespace nas::space
