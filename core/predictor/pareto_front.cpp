#include "predictor/pareto_front.h"

#include <algorithm>
#include <cmath>

namespace nas::predictor {

std::vector<std::size_t> paretoFront(const std::vector<CostScore>& points) {
    std::vector<std::size_t> order;
    order.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        if (!std::isnan(points[i].cost) && !std::isnan(points[i].score)) order.push_back(i);
    // Cheapest first; at equal cost the best score first, then by index (duplicates stay in order).
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (points[a].cost != points[b].cost) return points[a].cost < points[b].cost;
        if (points[a].score != points[b].score) return points[a].score > points[b].score;
        return a < b;
    });
    // Sweeping by cost, a point is on the front when it scores above every cheaper-or-equal point
    // seen so far, or duplicates the last front point exactly.
    std::vector<std::size_t> front;
    for (const std::size_t i : order) {
        if (front.empty() || points[i].score > points[front.back()].score) {
            front.push_back(i);
            continue;
        }
        const CostScore& last = points[front.back()];
        if (points[i].score == last.score && points[i].cost == last.cost) front.push_back(i);
    }
    return front;
}

}  // namespace nas::predictor
