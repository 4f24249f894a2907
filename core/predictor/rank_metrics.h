#pragma once
// How well predicted scores rank architectures against their true scores: Kendall's tau-b and
// Spearman's rho (core/study/correlation.h), on all of them and on the top of the truth (the
// "selected set" of Chen et al.: what matters when the predictor picks the best). Torch-free.
#include <cstddef>
#include <vector>

#include "study/correlation.h"

namespace nas::predictor {

struct RankOptions {
    double topFraction = 0.2;  // the share of the truth's best kept for the top figures
    bool intervals = true;     // bootstrap intervals of the whole-set figures
    study::BootstrapOptions bootstrap;
};

// NaN where undefined (fewer than 3 architectures, or a constant input).
struct RankAgreement {
    int count = 0;
    double spearman = 0;
    double kendall = 0;
    study::Interval spearmanInterval;  // NaN bounds without intervals
    study::Interval kendallInterval;
    int topCount = 0;  // architectures in the top set
    double topSpearman = 0;
    double topKendall = 0;
};

// Indices of the best ceil(fraction * n) values of `truth` (at least one when there are any),
// highest first, widened to take every value tied with the last one taken: a tie at the border
// never depends on input order.
[[nodiscard]] std::vector<std::size_t> topIndices(const std::vector<double>& truth,
                                                  double fraction);

// `truth` and `predicted` of equal length (std::invalid_argument otherwise).
[[nodiscard]] RankAgreement rankAgreement(const std::vector<double>& truth,
                                          const std::vector<double>& predicted,
                                          const RankOptions& options = {});

}  // namespace nas::predictor
