#include "predictor/rank_metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace nas::predictor {

std::vector<std::size_t> topIndices(const std::vector<double>& truth, double fraction) {
    std::vector<std::size_t> order(truth.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (truth.empty()) return order;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return truth[a] > truth[b]; });
    auto keep = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(truth.size())));
    keep = std::clamp<std::size_t>(keep, 1, truth.size());
    while (keep < order.size() && truth[order[keep]] == truth[order[keep - 1]]) ++keep;
    order.resize(keep);
    return order;
}

RankAgreement rankAgreement(const std::vector<double>& truth, const std::vector<double>& predicted,
                            const RankOptions& options) {
    if (truth.size() != predicted.size())
        throw std::invalid_argument("rank agreement needs as many predictions (" +
                                    std::to_string(predicted.size()) + ") as true scores (" +
                                    std::to_string(truth.size()) + ")");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    RankAgreement r;
    r.count = static_cast<int>(truth.size());
    r.spearman = study::spearman(truth, predicted);
    r.kendall = study::kendallTauB(truth, predicted);
    r.spearmanInterval = r.kendallInterval = {nan, nan};
    if (options.intervals) {
        r.spearmanInterval = study::bootstrapInterval(study::Correlation::Spearman, truth,
                                                      predicted, options.bootstrap);
        r.kendallInterval = study::bootstrapInterval(study::Correlation::Kendall, truth, predicted,
                                                     options.bootstrap);
    }
    std::vector<double> topTruth, topPredicted;
    for (std::size_t i : topIndices(truth, options.topFraction)) {
        topTruth.push_back(truth[i]);
        topPredicted.push_back(predicted[i]);
    }
    r.topCount = static_cast<int>(topTruth.size());
    r.topSpearman = study::spearman(topTruth, topPredicted);
    r.topKendall = study::kendallTauB(topTruth, topPredicted);
    return r;
}

}  // namespace nas::predictor
