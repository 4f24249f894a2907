#include "study/pca.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

using nas::study::pcaProjection;

TEST(Pca, PointsOnALineProjectOnTheirPositionAlongIt) {
    // States c + t (1, 2, 2) / 3 for t = -2..2: one component with variance var(t) = 2.5 (n - 1
    // divisor), none other. The axis' largest entry (2/3, first at index 1) is made positive, so
    // each point's first coordinate is t itself.
    std::vector<std::vector<float>> states;
    for (int t = -2; t <= 2; ++t)
        states.push_back({1 + t / 3.0f, -1 + 2 * t / 3.0f, 4 + 2 * t / 3.0f});
    const auto p = pcaProjection(states);
    ASSERT_EQ(p.points.size(), 5u);
    for (int i = 0; i < 5; ++i) {
        EXPECT_NEAR(p.points[static_cast<std::size_t>(i)][0], i - 2, 1e-5);
        EXPECT_NEAR(p.points[static_cast<std::size_t>(i)][1], 0, 1e-5);
    }
    EXPECT_NEAR(p.variance[0], 2.5, 1e-5);
    EXPECT_NEAR(p.variance[1], 0, 1e-5);
    EXPECT_NEAR(p.totalVariance, 2.5, 1e-5);
}

TEST(Pca, ComponentsComeInOrderOfVariance) {
    // Spread 3 along the second axis, 1 along the first: the first component is the second axis.
    const std::vector<std::vector<float>> states{{1, 0}, {-1, 0}, {0, 3}, {0, -3}};
    const auto p = pcaProjection(states);
    EXPECT_NEAR(p.variance[0], 6, 1e-9);  // (9 + 9) / 3
    EXPECT_NEAR(p.variance[1], 2.0 / 3, 1e-9);
    EXPECT_NEAR(p.points[2][0], 3, 1e-9);
    EXPECT_NEAR(p.points[0][1], 1, 1e-9);
    EXPECT_NEAR(p.totalVariance, 6 + 2.0 / 3, 1e-9);
}

TEST(Pca, IsDeterministicAndHandlesEdgeCases) {
    std::vector<std::vector<float>> states;
    for (int i = 0; i < 12; ++i)
        states.push_back({std::sin(i * 1.0f), std::cos(i * 0.7f), i * 0.1f, std::sin(i * 2.3f)});
    const auto a = pcaProjection(states), b = pcaProjection(states);
    EXPECT_EQ(a.points, b.points);
    EXPECT_GE(a.variance[0], a.variance[1]);
    EXPECT_TRUE(pcaProjection({}).points.empty());
    const auto single = pcaProjection({{1, 2, 3}});
    ASSERT_EQ(single.points.size(), 1u);
    EXPECT_EQ(single.points[0][0], 0);
    EXPECT_THROW((void)pcaProjection({{1, 2}, {1, 2, 3}}), std::invalid_argument);
}
