#include "study/correlation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

namespace nas::study {
namespace {

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kFewestPoints = 3;

void checkSameLength(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size())
        throw std::invalid_argument("correlation of " + std::to_string(x.size()) + " values with " +
                                    std::to_string(y.size()));
}

// Pairs among `count` equal values.
double tiedPairs(double count) { return count * (count - 1) / 2; }

// Inversions of `values` (pairs i < j with values[i] > values[j]) by merge sort, which leaves
// `values` sorted.
double countInversions(std::vector<double>& values) {
    std::vector<double> buffer(values.size());
    double inversions = 0;
    for (std::size_t width = 1; width < values.size(); width *= 2) {
        for (std::size_t left = 0; left < values.size(); left += 2 * width) {
            const std::size_t middle = std::min(left + width, values.size());
            const std::size_t right = std::min(left + 2 * width, values.size());
            std::size_t i = left, j = middle, out = left;
            while (i < middle && j < right) {
                if (values[j] < values[i]) {
                    inversions += static_cast<double>(middle - i);
                    buffer[out++] = values[j++];
                } else {
                    buffer[out++] = values[i++];
                }
            }
            while (i < middle) buffer[out++] = values[i++];
            while (j < right) buffer[out++] = values[j++];
        }
        values.swap(buffer);
    }
    return inversions;
}

// A uniform index below n from the generator alone: std::uniform_int_distribution differs between
// standard libraries, and the interval must not.
std::size_t drawIndex(std::mt19937_64& generator, std::size_t n) {
    const std::uint64_t range = n;
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                                std::numeric_limits<std::uint64_t>::max() % range;
    std::uint64_t draw = 0;
    do {
        draw = generator();
    } while (draw >= limit);
    return static_cast<std::size_t>(draw % range);
}

// numpy.percentile's default: linear between the order statistics around q * (n - 1).
double quantile(const std::vector<double>& sorted, double q) {
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const auto above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

}  // namespace

std::string toString(Correlation kind) {
    switch (kind) {
        case Correlation::Pearson:
            return "pearson";
        case Correlation::Spearman:
            return "spearman";
        case Correlation::Kendall:
            return "kendall";
    }
    return "?";
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
    checkSameLength(x, y);
    if (x.size() < kFewestPoints) return kUndefined;
    const auto n = static_cast<double>(x.size());
    const double meanX = std::accumulate(x.begin(), x.end(), 0.0) / n;
    const double meanY = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double dx = x[i] - meanX, dy = y[i] - meanY;
        sxy += dx * dy, sxx += dx * dx, syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) return kUndefined;
    // Rounding can carry a perfect correlation just past 1.
    return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

std::vector<double> averageRanks(const std::vector<double>& values) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(values.size());
    for (std::size_t start = 0; start < order.size();) {
        std::size_t end = start + 1;
        while (end < order.size() && values[order[end]] == values[order[start]]) ++end;
        // Ranks start + 1 .. end, averaged.
        const double rank = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2;
        for (std::size_t k = start; k < end; ++k) ranks[order[k]] = rank;
        start = end;
    }
    return ranks;
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
    checkSameLength(x, y);
    if (x.size() < kFewestPoints) return kUndefined;
    return pearson(averageRanks(x), averageRanks(y));
}

// Knight's algorithm, with scipy's tie terms: sorted by (x, y), the discordant pairs are the
// inversions of y; tau-b = (all - xTies - yTies + jointTies - 2 discordant) /
// sqrt((all - xTies) (all - yTies)).
double kendallTauB(const std::vector<double>& x, const std::vector<double>& y) {
    checkSameLength(x, y);
    if (x.size() < kFewestPoints) return kUndefined;
    std::vector<std::size_t> order(x.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return x[a] < x[b] || (x[a] == x[b] && y[a] < y[b]);
    });
    double xTies = 0, jointTies = 0;
    for (std::size_t start = 0, jointStart = 0, k = 1; k <= order.size(); ++k) {
        const bool sameX = k < order.size() && x[order[k]] == x[order[start]];
        const bool sameXY = sameX && y[order[k]] == y[order[jointStart]];
        if (!sameXY) jointTies += tiedPairs(static_cast<double>(k - jointStart)), jointStart = k;
        if (!sameX) xTies += tiedPairs(static_cast<double>(k - start)), start = k;
    }
    std::vector<double> ySorted(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) ySorted[k] = y[order[k]];
    const double discordant = countInversions(ySorted);  // leaves ySorted sorted
    double yTies = 0;
    for (std::size_t start = 0, k = 1; k <= ySorted.size(); ++k)
        if (k == ySorted.size() || ySorted[k] != ySorted[start])
            yTies += tiedPairs(static_cast<double>(k - start)), start = k;
    const double all = tiedPairs(static_cast<double>(x.size()));
    const double denominator = (all - xTies) * (all - yTies);
    if (denominator <= 0) return kUndefined;
    const double tau = (all - xTies - yTies + jointTies - 2 * discordant) / std::sqrt(denominator);
    return std::clamp(tau, -1.0, 1.0);
}

double correlation(Correlation kind, const std::vector<double>& x, const std::vector<double>& y) {
    switch (kind) {
        case Correlation::Pearson:
            return pearson(x, y);
        case Correlation::Spearman:
            return spearman(x, y);
        case Correlation::Kendall:
            return kendallTauB(x, y);
    }
    return kUndefined;
}

Interval bootstrapInterval(Correlation kind, const std::vector<double>& x,
                           const std::vector<double>& y, const BootstrapOptions& options) {
    const Interval undefined{kUndefined, kUndefined};
    if (options.resamples < 1 || !(options.level > 0 && options.level < 1))
        throw std::invalid_argument(
            "a bootstrap needs at least one resample and a level in (0, 1)");
    if (std::isnan(correlation(kind, x, y))) return undefined;
    std::mt19937_64 generator(options.seed);
    std::vector<double> coefficients, sampleX(x.size()), sampleY(y.size());
    coefficients.reserve(static_cast<std::size_t>(options.resamples));
    for (int r = 0; r < options.resamples; ++r) {
        for (std::size_t i = 0; i < x.size(); ++i) {
            const std::size_t drawn = drawIndex(generator, x.size());
            sampleX[i] = x[drawn], sampleY[i] = y[drawn];
        }
        const double coefficient = correlation(kind, sampleX, sampleY);
        if (!std::isnan(coefficient)) coefficients.push_back(coefficient);
    }
    if (coefficients.empty()) return undefined;
    std::sort(coefficients.begin(), coefficients.end());
    return {quantile(coefficients, (1 - options.level) / 2),
            quantile(coefficients, (1 + options.level) / 2)};
}

}  // namespace nas::study
