#pragma once
// What the best-under-constraints view asks and shows: a selection's options with an optional
// re-scoring, and the candidates of the selection (predictor/candidate_selection.h) as plain rows,
// with their measured latency and re-scored supernet accuracy where the selection has them; the
// Pareto front of their predicted accuracy against a cost. Torch-free, no widgets.
#include <optional>
#include <vector>

#include "engine/events.h"
#include "predictor/candidate_selection.h"
#include "predictor/predictor.h"
#include "space/cost_model.h"
#include "space/genotype.h"
#include "widgets/constraint_limits.h"

namespace nas::widgets {

struct BestCandidatesRequest {
    predictor::SelectionOptions selection;  // limits (latency included), top, pool, seed
    // More than 0: the selected candidates are scored again with the run's shared weights on this
    // many validation batches and ordered by that score (predictor::rescoreBest).
    int rescoreBatches = 0;
};

struct BestCandidate {
    space::Genotype genotype;
    space::Cost cost;                     // of the network of the run's space
    predictor::Prediction prediction;     // predicted accuracy (a fraction) and its spread
    std::optional<double> latencyMs;      // measured, where the selection measured it
    std::optional<double> supernetScore;  // shared-weight accuracy of a re-scoring, if one ran
};

struct BestCandidates {
    // Best first (by prediction, or by the re-scoring where there was one): candidate i has rank
    // i + 1.
    std::vector<BestCandidate> candidates;
    int pool = 0;                     // architectures sampled
    int feasible = 0;                 // of those, within the analytic limits
    int latencyMeasured = 0;          // of those, how many had their latency measured
    engine::Constraints constraints;  // the limits they were selected under
};

// The rows of `selection`, made under `constraints`. After predictor::rescoreBest every row has
// its supernet score, and the rows are in that score's order.
[[nodiscard]] BestCandidates bestCandidatesFrom(const predictor::Selection& selection,
                                                const engine::Constraints& constraints);

// Indices of `candidates` on the Pareto front of predicted accuracy against `metric`
// (predictor/pareto_front.h: ties and duplicates as documented there), by increasing cost.
[[nodiscard]] std::vector<int> paretoCandidates(const std::vector<BestCandidate>& candidates,
                                                CostMetric metric);

}  // namespace nas::widgets
