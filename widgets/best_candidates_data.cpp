#include "widgets/best_candidates_data.h"

#include "predictor/pareto_front.h"

namespace nas::widgets {

BestCandidates bestCandidatesFrom(const predictor::Selection& selection,
                                  const engine::Constraints& constraints) {
    BestCandidates out;
    out.pool = selection.pool;
    out.feasible = selection.feasible;
    out.latencyMeasured = selection.latencyMeasured;
    out.constraints = constraints;
    out.candidates.reserve(selection.best.size());
    for (const auto& c : selection.best)
        out.candidates.push_back({c.genotype, c.cost, c.prediction, c.latencyMs, c.rescored});
    return out;
}

std::vector<int> paretoCandidates(const std::vector<BestCandidate>& candidates, CostMetric metric) {
    std::vector<predictor::CostScore> points;
    points.reserve(candidates.size());
    for (const auto& c : candidates) points.push_back({costOf(c.cost, metric), c.prediction.mean});
    std::vector<int> front;
    for (const std::size_t i : predictor::paretoFront(points)) front.push_back(static_cast<int>(i));
    return front;
}

}  // namespace nas::widgets
