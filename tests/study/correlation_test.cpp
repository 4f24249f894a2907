#include "study/correlation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace {

using namespace nas::study;

// Kendall's tau-b by its definition, pair by pair, to check the O(n log n) one against.
double naiveTauB(const std::vector<double>& x, const std::vector<double>& y) {
    double concordant = 0, discordant = 0, onlyXTied = 0, onlyYTied = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t j = i + 1; j < x.size(); ++j) {
            const double dx = x[i] - x[j], dy = y[i] - y[j];
            if (dx == 0 && dy == 0) continue;
            if (dx == 0) {
                ++onlyXTied;
            } else if (dy == 0) {
                ++onlyYTied;
            } else if ((dx > 0) == (dy > 0)) {
                ++concordant;
            } else {
                ++discordant;
            }
        }
    return (concordant - discordant) /
           std::sqrt((concordant + discordant + onlyXTied) * (concordant + discordant + onlyYTied));
}

}  // namespace

TEST(Correlation, PerfectMonotoneIsOneForRankCoefficients) {
    std::vector<double> x, y;
    for (int i = 1; i <= 10; ++i) x.push_back(i), y.push_back(i * i * i);
    EXPECT_DOUBLE_EQ(spearman(x, y), 1);
    EXPECT_DOUBLE_EQ(kendallTauB(x, y), 1);
    EXPECT_LT(pearson(x, y), 1);  // not linear
    EXPECT_GT(pearson(x, y), 0.9);
    std::vector<double> reversed(y.rbegin(), y.rend());
    EXPECT_DOUBLE_EQ(spearman(x, reversed), -1);
    EXPECT_DOUBLE_EQ(kendallTauB(x, reversed), -1);
}

TEST(Correlation, SmallDatasetByHand) {
    // x = 1..5, y = 2 1 4 3 5. Deviations from the mean 3: dx = -2 -1 0 1 2, dy = -1 -2 1 0 2;
    // sum dx dy = 8, sum dx^2 = sum dy^2 = 10: Pearson 0.8, and Spearman too (the values are
    // their ranks). Kendall: of 10 pairs, (2, 1) and (4, 3) are discordant: (8 - 2) / 10 = 0.6.
    const std::vector<double> x{1, 2, 3, 4, 5}, y{2, 1, 4, 3, 5};
    EXPECT_NEAR(pearson(x, y), 0.8, 1e-12);
    EXPECT_NEAR(spearman(x, y), 0.8, 1e-12);
    EXPECT_NEAR(kendallTauB(x, y), 0.6, 1e-12);
}

TEST(Correlation, TiesGetAverageRanksAndTauB) {
    EXPECT_EQ(averageRanks({10, 20, 20}), (std::vector<double>{1, 2.5, 2.5}));
    // x = 1 2 2 3, y = 1 2 3 3. Of 6 pairs: 4 concordant, none discordant, one tied in x only
    // (2, 2), one in y only (3, 3): tau-b = 4 / sqrt(5 * 5) = 0.8.
    // Ranks: x 1 2.5 2.5 4, y 1 2 3.5 3.5; about the mean 2.5: dx = -1.5 0 0 1.5,
    // dy = -1.5 -0.5 1 1: sum dx dy = 3.75, sum dx^2 = sum dy^2 = 4.5: Spearman 3.75 / 4.5.
    const std::vector<double> x{1, 2, 2, 3}, y{1, 2, 3, 3};
    EXPECT_NEAR(kendallTauB(x, y), 0.8, 1e-12);
    EXPECT_NEAR(spearman(x, y), 3.75 / 4.5, 1e-12);
    // Joint ties: x = 1 1 2 2, y = 1 1 1 2. Pairs: (1,2) tied in both; (1,3), (2,3) in y only;
    // (3,4) in x only; (1,4), (2,4) concordant. tau-b = 2 / sqrt((6 - 2)(6 - 3)) = 1 / sqrt(3),
    // as scipy.stats.kendalltau gives.
    EXPECT_NEAR(kendallTauB({1, 1, 2, 2}, {1, 1, 1, 2}), 1 / std::sqrt(3.0), 1e-12);
}

TEST(Correlation, FastKendallEqualsThePairByPairDefinition) {
    std::mt19937 random(11);
    for (int round = 0; round < 5; ++round) {
        std::vector<double> x, y;
        for (int i = 0; i < 200; ++i) {
            x.push_back(static_cast<double>(random() % 12));  // many ties
            y.push_back(static_cast<double>(random() % 7) + 0.1 * x.back());
        }
        EXPECT_NEAR(kendallTauB(x, y), naiveTauB(x, y), 1e-12);
    }
}

TEST(Correlation, UndefinedIsNaN) {
    EXPECT_TRUE(std::isnan(pearson({1, 2}, {2, 1})));                  // fewer than 3 points
    EXPECT_TRUE(std::isnan(spearman({1, 1, 1, 1}, {1, 2, 3, 4})));     // constant
    EXPECT_TRUE(std::isnan(kendallTauB({1, 2, 3, 4}, {5, 5, 5, 5})));  // constant
    const auto interval = bootstrapInterval(Correlation::Spearman, {1, 1, 1}, {1, 2, 3});
    EXPECT_TRUE(std::isnan(interval.low));
    EXPECT_TRUE(std::isnan(interval.high));
    EXPECT_THROW((void)pearson({1, 2, 3}, {1, 2}), std::invalid_argument);
}

TEST(Correlation, BootstrapIntervalHoldsTheEstimateAndIsDeterministic) {
    std::mt19937 random(3);
    std::normal_distribution<double> noise(0, 4);
    std::vector<double> x, y;
    for (int i = 0; i < 60; ++i) x.push_back(i), y.push_back(i + noise(random));
    for (const auto kind : {Correlation::Pearson, Correlation::Spearman, Correlation::Kendall}) {
        SCOPED_TRACE(toString(kind));
        const double estimate = correlation(kind, x, y);
        const auto interval = bootstrapInterval(kind, x, y, {500, 7});
        EXPECT_LE(interval.low, estimate);
        EXPECT_GE(interval.high, estimate);
        EXPECT_LT(interval.high - interval.low, 0.5);
        EXPECT_GE(interval.low, -1);
        EXPECT_LE(interval.high, 1);
        const auto again = bootstrapInterval(kind, x, y, {500, 7});
        EXPECT_EQ(again.low, interval.low);
        EXPECT_EQ(again.high, interval.high);
        const auto otherSeed = bootstrapInterval(kind, x, y, {500, 8});
        EXPECT_NE(otherSeed.low, interval.low);
    }
}

TEST(Correlation, WiderIntervalForFewerPoints) {
    // The same relation measured on 15 points is less certain than on 60.
    std::vector<double> x, y;
    for (int i = 0; i < 60; ++i) x.push_back(i), y.push_back(i % 10 + 0.3 * i);
    const std::vector<double> fewX(x.begin(), x.begin() + 15), fewY(y.begin(), y.begin() + 15);
    const auto many = bootstrapInterval(Correlation::Spearman, x, y);
    const auto few = bootstrapInterval(Correlation::Spearman, fewX, fewY);
    EXPECT_GT(few.high - few.low, many.high - many.low);
}
