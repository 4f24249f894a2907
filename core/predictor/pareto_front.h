#pragma once
// The Pareto front of architectures by cost and predicted score: those no other architecture beats
// on both at once. What the "best under constraints" view highlights. Torch-free, no Qt.
#include <cstddef>
#include <vector>

namespace nas::predictor {

struct CostScore {
    double cost = 0;   // lower is better (params, FLOPs, memory access, latency)
    double score = 0;  // higher is better (predicted accuracy)
};

// Indices of the points on the Pareto front, by increasing cost. A point is dominated when another
// costs no more and scores no less, and is better in at least one of the two; the front is every
// point that is not dominated. Ties:
// - equal cost, different scores: only the higher score is on the front;
// - equal score, different costs: only the lower cost is on the front;
// - duplicates (equal cost and equal score): neither dominates the other, so all of them are on the
//   front when one is, in the order of their indices.
// A point whose cost or score is NaN is never on the front and dominates nothing.
[[nodiscard]] std::vector<std::size_t> paretoFront(const std::vector<CostScore>& points);

}  // namespace nas::predictor
