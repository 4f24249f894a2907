// Rank agreement against hand-computed values, ties included.
#include "predictor/rank_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

using nas::predictor::rankAgreement;
using nas::predictor::RankOptions;
using nas::predictor::topIndices;

TEST(RankMetrics, TwoSwapsOfFive) {
    // Rank differences 0, -1, 1, -1, 1: rho = 1 - 6 * 4 / (5 * 24) = 0.8. Of 10 pairs, (2, 3) and
    // (4, 5) are discordant: tau = (8 - 2) / 10 = 0.6.
    const auto r = rankAgreement({1, 2, 3, 4, 5}, {1, 3, 2, 5, 4});
    EXPECT_EQ(r.count, 5);
    EXPECT_NEAR(r.spearman, 0.8, 1e-12);
    EXPECT_NEAR(r.kendall, 0.6, 1e-12);
    EXPECT_LE(r.spearmanInterval.low, r.spearmanInterval.high);
}

TEST(RankMetrics, TiesInTheTruth) {
    // Truth ranks 1, 2.5, 2.5, 4 against 1, 2, 3, 4: Pearson of the ranks 4.5 / sqrt(4.5 * 5).
    // Tau-b: 5 concordant pairs, none discordant, one tied in the truth: 5 / sqrt(5 * 6).
    RankOptions options;
    options.intervals = false;
    const auto r = rankAgreement({1, 2, 2, 3}, {1, 2, 3, 4}, options);
    EXPECT_NEAR(r.spearman, 4.5 / std::sqrt(4.5 * 5), 1e-12);
    EXPECT_NEAR(r.kendall, 5 / std::sqrt(30.0), 1e-12);
    EXPECT_TRUE(std::isnan(r.spearmanInterval.low));
}

TEST(RankMetrics, TopOfTheTruthIsTheBestFractionWithTiesAtTheBorderKept) {
    EXPECT_EQ(topIndices({5, 1, 3, 5, 2, 4, 0, 0, 0, 0}, 0.2), (std::vector<std::size_t>{0, 3}));
    // ceil(0.2 * 5) = 1, widened to the three tied at 5.
    EXPECT_EQ(topIndices({3, 5, 5, 1, 5}, 0.2), (std::vector<std::size_t>{1, 2, 4}));
    EXPECT_EQ(topIndices({1, 2}, 0.01), (std::vector<std::size_t>{1}));
    EXPECT_TRUE(topIndices({}, 0.2).empty());
}

TEST(RankMetrics, TopFiguresRankWithinTheTopOnly) {
    // Top 30% of the truth: 10, 9, 8 predicted 3, 1, 2. Rank differences 0, 1, -1:
    // rho = 1 - 6 * 2 / (3 * 8) = 0.5; pairs (10, 9) and (10, 8) concordant, (9, 8) not: 1/3.
    RankOptions options;
    options.topFraction = 0.3;
    options.intervals = false;
    const auto r = rankAgreement({10, 9, 8, 7, 6, 5, 4, 3, 2, 1},
                                 {3, 1, 2, -1, -2, -3, -4, -5, -6, -7}, options);
    EXPECT_EQ(r.topCount, 3);
    EXPECT_NEAR(r.topSpearman, 0.5, 1e-12);
    EXPECT_NEAR(r.topKendall, 1.0 / 3.0, 1e-12);
}

TEST(RankMetrics, UndefinedFiguresAreNaNAndMismatchesThrow) {
    const auto r = rankAgreement({1, 2}, {2, 1});
    EXPECT_TRUE(std::isnan(r.spearman));
    EXPECT_TRUE(std::isnan(r.topKendall));
    EXPECT_THROW((void)rankAgreement({1, 2, 3}, {1, 2}), std::invalid_argument);
}
