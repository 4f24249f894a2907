#pragma once
// Correlation coefficients with bootstrap intervals, for the hidden-state study. Torch-free.
//
// Undefined figures are NaN: fewer than 3 points, or an input that is constant (Pearson and
// Spearman divide by its spread, Kendall's tau-b by its untied pairs). Inputs are finite numbers
// of equal length (a length mismatch throws std::invalid_argument).
#include <cstdint>
#include <string>
#include <vector>

namespace nas::study {

enum class Correlation { Pearson, Spearman, Kendall };
[[nodiscard]] std::string toString(Correlation kind);

[[nodiscard]] double pearson(const std::vector<double>& x, const std::vector<double>& y);
// Pearson's coefficient of the ranks; tied values share the average of their ranks.
[[nodiscard]] double spearman(const std::vector<double>& x, const std::vector<double>& y);
// Kendall's tau-b (ties in either input counted as scipy.stats.kendalltau counts them), in
// O(n log n): the study correlates thousands of pairs, a thousand times over for the interval.
[[nodiscard]] double kendallTauB(const std::vector<double>& x, const std::vector<double>& y);
[[nodiscard]] double correlation(Correlation kind, const std::vector<double>& x,
                                 const std::vector<double>& y);

// 1-based ranks, ties sharing the average of the ranks they span ([10, 20, 20] -> [1, 2.5, 2.5]).
[[nodiscard]] std::vector<double> averageRanks(const std::vector<double>& values);

struct Interval {
    double low = 0;
    double high = 0;
};

struct BootstrapOptions {
    int resamples = 1000;
    std::uint64_t seed = 0;
    double level = 0.95;  // the interval holds this share of the resampled coefficients
};

// The percentile bootstrap interval of a coefficient: `resamples` times, n (x, y) pairs drawn with
// replacement by a std::mt19937_64 seeded with `seed` (the same inputs and options give the same
// interval on every platform), then the (1 - level) / 2 and (1 + level) / 2 quantiles of the
// coefficients, interpolated linearly between order statistics as numpy.percentile does.
// Resamples whose coefficient is undefined (all pairs drawn tied) are left out; NaN bounds when
// the coefficient itself is undefined or no resample is defined.
[[nodiscard]] Interval bootstrapInterval(Correlation kind, const std::vector<double>& x,
                                         const std::vector<double>& y,
                                         const BootstrapOptions& options = {});

}  // namespace nas::study
